"""What a reader meets on the served pages: titles, the home page's newest articles, the list's
filter line, addresses without their slash, the footer's links and the reading time."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Site

from blog.models import ArticlePage, Category
from home.models import SiteSettings, StandardPage

from .conftest import page_data

pytestmark = pytest.mark.django_db


def title_of(html: str) -> str:
    return re.search(r"<title>(.*?)</title>", html).group(1)


def og_title(html: str) -> str:
    return re.search(r'<meta property="og:title" content="([^"]*)"', html).group(1)


def main_text(html: str) -> str:
    main = re.search(r'<main id="main".*?</main>', html, re.S).group(0)
    return " ".join(re.sub(r"<[^>]+>", " ", main).split())


class TestTitles:
    def test_home_is_titled_with_the_site_name_not_home(self, client, home_page, demo_site):
        html = client.get("/").content.decode()
        assert title_of(html) == demo_site.site_name
        assert og_title(html) == demo_site.site_name
        assert "Home" not in (title_of(html), og_title(html))

    def test_home_seo_title_wins_and_is_followed_by_the_site_name(self, client, home_page, demo_site):
        home_page.seo_title = "Cancer care in plain words"
        home_page.save_revision().publish()
        html = client.get("/").content.decode()
        assert title_of(html) == f"Cancer care in plain words | {demo_site.site_name}"
        assert og_title(html) == "Cancer care in plain words"

    def test_a_page_named_like_the_site_does_not_repeat_it(self, client, doctor, demo_site):
        assert doctor.title == demo_site.site_name  # the demo site is named after its doctor
        html = client.get(doctor.url).content.decode()
        assert title_of(html) == doctor.title
        assert page_data(html)["route"]["head"]["document_title"] == doctor.title

    def test_other_pages_are_followed_by_the_site_name(self, client, seed_article, demo_site):
        html = client.get(seed_article.url).content.decode()
        assert title_of(html) == f"{seed_article.title} | {demo_site.site_name}"
        assert title_of(client.get("/search/").content.decode()) == f"Search | {demo_site.site_name}"


class TestHomeArticles:
    def _new_article(self, articles_index, days: int) -> ArticlePage:
        return articles_index.add_child(
            instance=ArticlePage(
                title=f"News from day {days}",
                slug=f"news-{days}",
                summary="Recent.",
                published_date=timezone.localdate() - timedelta(days=days),
            )
        )

    def test_new_articles_reach_the_home_page_below_the_picked_one(self, client, home_page, articles_index):
        picked = home_page.featured_articles.get().article
        newest = self._new_article(articles_index, 0)
        text = main_text(client.get("/").content.decode())
        assert "Latest articles" in text and newest.title in text
        assert text.index(picked.title) < text.index("Latest articles") < text.index(newest.title)
        assert text.count(picked.title) == 1  # not listed twice

    def test_the_newest_articles_show_when_none_are_picked(self, client, home_page, articles_index, seed_article):
        home_page.featured_articles = []
        home_page.save_revision().publish()
        text = main_text(client.get("/").content.decode())
        assert "Featured articles" not in text
        assert "Latest articles" in text and seed_article.title in text


class TestArticleListFilter:
    def test_the_filter_line_names_the_category(self, client, articles_index, seed_article):
        category = seed_article.categories.first()
        text = main_text(client.get(articles_index.url, {"category": category.slug}).content.decode())
        assert f"filed under {category.name}" in text
        assert f"filed under {category.slug}" not in text

    def test_a_category_without_articles_is_named_too(self, client, articles_index, seed_article):
        empty = Category.objects.create(name="Palliative care", locale=seed_article.locale)
        response = client.get(articles_index.url, {"category": empty.slug})
        assert response.status_code == 200
        assert "filed under Palliative care" in main_text(response.content.decode())


class TestAddressesWithoutSlash:
    @pytest.mark.parametrize(
        ("address", "target"),
        [
            ("/search", "/search/"),
            ("/search?q=chemo", "/search/?q=chemo"),
            ("/appointment", "/appointment/"),
            ("/appointment?doctor=4", "/appointment/?doctor=4"),
        ],
    )
    def test_frontend_pages_redirect_like_other_pages(self, client, demo_site, address, target):
        response = client.get(address)
        assert response.status_code == 301
        assert response["Location"] == target


class TestFooter:
    def test_the_footer_links_the_disclaimer_chosen_in_the_settings(self, client, demo_site):
        disclaimer = StandardPage.objects.get(slug="disclaimer")
        assert SiteSettings.for_site(demo_site).disclaimer_page_id == disclaimer.pk
        html = client.get("/").content.decode()
        footer = re.search(r"<footer.*?</footer>", html, re.S).group(0)
        assert f'href="{disclaimer.url}"' in footer
        assert disclaimer.title in footer

    def test_a_disclaimer_a_visitor_may_not_see_is_not_linked(self, client, demo_site):
        disclaimer = StandardPage.objects.get(slug="disclaimer")
        disclaimer.unpublish()
        footer = re.search(r"<footer.*?</footer>", client.get("/").content.decode(), re.S).group(0)
        assert f'href="{disclaimer.url_path.removeprefix("/home")}"' not in footer
        assert client.get("/api/v3/site/").json()["disclaimer_page"] is None


def test_the_reading_time_reads_the_same_without_javascript(client, seed_article):
    ArticlePage.objects.filter(pk=seed_article.pk).update(reading_time=3)
    text = main_text(client.get(seed_article.url).content.decode())
    assert "3 min read" in text
    assert "minutes read" not in text


def test_the_site_name_rule_holds_for_another_site_name(client, seed_article, demo_site):
    Site.objects.filter(pk=demo_site.pk).update(site_name="City Cancer Clinic")
    html = client.get("/").content.decode()
    assert title_of(html) == "City Cancer Clinic"


def test_a_site_without_a_name_is_called_by_the_projects_name_on_every_surface(
    client, seed_article, demo_site, settings
):
    settings.WAGTAIL_SITE_NAME = "Riverside Oncology"
    Site.objects.filter(pk=demo_site.pk).update(site_name="")
    assert title_of(client.get("/").content.decode()) == "Riverside Oncology"
    assert client.get("/api/v3/site/").json()["site"]["name"] == "Riverside Oncology"
    assert "<title>Riverside Oncology – Articles</title>" in client.get("/feeds/articles.rss").content.decode()
