"""The crawler and feed-reader addresses; mounted in ``cms/urls.py`` before the frontend's catch-all.

Feed addresses end in ``.rss``/``.atom`` under ``/feeds/``, so no page slug
(letters, digits, hyphens) can ever collide with them.
"""

from django.urls import path

from . import feeds
from .robots import robots_txt
from .sitemap import sitemap_file, sitemap_index

urlpatterns = [
    path("sitemap.xml", sitemap_index, name="sitemap"),
    path("sitemap-pages.xml", sitemap_file, name="sitemap_file"),
    path("robots.txt", robots_txt, name="robots_txt"),
    *(
        path(address, feeds.cached_feed(feed), name=name)
        for address, feed, name in [
            ("feeds/articles.rss", feeds.ArticlesFeed(), "articles_feed_rss"),
            ("feeds/articles.atom", feeds.AtomArticlesFeed(), "articles_feed_atom"),
            ("feeds/categories/<slug:slug>.rss", feeds.CategoryArticlesFeed(), "category_feed_rss"),
            ("feeds/categories/<slug:slug>.atom", feeds.AtomCategoryArticlesFeed(), "category_feed_atom"),
            ("feeds/doctors/<slug:slug>.rss", feeds.DoctorArticlesFeed(), "doctor_feed_rss"),
            ("feeds/doctors/<slug:slug>.atom", feeds.AtomDoctorArticlesFeed(), "doctor_feed_atom"),
        ]
    ),
]
