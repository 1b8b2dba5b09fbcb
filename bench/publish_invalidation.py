"""How many cached answers one article publish makes stale, and how many a new site generation does.

Run on a database holding the demo site and generated articles (``generate_articles``)::

    DATABASE_URL=postgres://…/db DJANGO_SETTINGS_MODULE=cms.settings.dev \\
        .venv/bin/python bench/publish_invalidation.py --articles 300 --list-pages 20

It reads, twice each so they are kept, the HTML page and the route answer of ``--articles``
articles, the first ``--list-pages`` pages of the article list (HTML and API), every other page,
the site shell, the feeds and the sitemap index and files. Then it publishes one of those
articles and reads everything again, counting the answers made again (``X-Cache: MISS``); then
it starts a new site generation — what every publish did before copies were stamped with what
they show (``content_cache/copy_dependencies.py``) — and counts again. Both counts, and how long the
reads after each took, are printed as a Markdown table.
"""

import argparse
import os
import sys
import time
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--articles", type=int, default=300, help="Articles whose page and route are read.")
    parser.add_argument("--list-pages", type=int, default=20, help="Pages of the article list that are read.")
    options = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    os.environ["CACHE_STATUS_HEADER"] = "true"
    import django

    django.setup()
    from django.core.cache import cache
    from django.test import Client
    from wagtail.models import Site

    from blog.models import ArticlePage
    from content_cache.store import start_new_generation
    from home.visibility import visible_pages

    cache.clear()
    site = Site.objects.get(is_default_site=True)
    client = Client(HTTP_HOST=site.hostname)
    articles = list(visible_pages(site, ArticlePage).order_by("path")[: options.articles])
    others = [page.url for page in visible_pages(site).not_type(ArticlePage).order_by("path")]
    addresses = [(url, {}) for url in others]
    addresses += [(article.url, {}) for article in articles]
    addresses += [("/api/v3/route/", {"path": article.url}) for article in articles]
    addresses += [("/articles/", {"page": str(number)}) for number in range(2, options.list_pages + 1)]
    addresses += [("/api/v3/articles/", {"offset": str(20 * number)}) for number in range(options.list_pages)]
    addresses += [("/api/v3/site/", {}), ("/feeds/articles.rss", {}), ("/feeds/articles.atom", {})]
    addresses += [("/sitemap.xml", {})]
    addresses += [(urlsplit(url).path, dict(parse_qsl(urlsplit(url).query))) for url in _sitemap_files(client)]

    def read_all() -> tuple[int, float]:
        started = time.perf_counter()
        made = 0
        for url, query in addresses:
            response = client.get(url, query)
            if response.status_code != 200:
                raise SystemExit(f"{url} {query} answered {response.status_code}")
            made += response.get("X-Cache") == "MISS"
        return made, time.perf_counter() - started

    # The first reads may make renditions (and store an image's size: an image save, which makes
    # every copy stale); read until a whole round is served from the cache.
    for _round in range(4):
        if read_all()[0] == 0:
            break
    else:
        raise SystemExit("the answers are not kept")
    article = articles[len(articles) // 2]
    article.save_revision().publish()  # autocommit: the invalidation runs at once
    after_publish, publish_seconds = read_all()
    start_new_generation()
    after_generation, generation_seconds = read_all()

    print(f"{len(addresses)} cached answers ({ArticlePage.objects.live().count()} live articles)\n")
    print("| change | answers made again | reading all again |")
    print("| --- | ---: | ---: |")
    print(f"| one article published | {after_publish} | {publish_seconds:.1f} s |")
    print(f"| new site generation (any publish before) | {after_generation} | {generation_seconds:.1f} s |")


def _sitemap_files(client) -> list[str]:
    from defusedxml import ElementTree

    root = ElementTree.fromstring(client.get("/sitemap.xml").content)
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    return [item.findtext("s:loc", namespaces=namespace) for item in root.findall("s:sitemap", namespace)]


if __name__ == "__main__":
    main()
