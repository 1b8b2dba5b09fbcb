"""The crawler and feed-reader addresses; mounted in ``cms/urls.py`` before the frontend's catch-all.

Feed addresses end in ``.rss``/``.atom`` under ``/feeds/``, so no page slug
(letters, digits, hyphens) can ever collide with them.
"""

from django.urls import path
from wagtail.contrib.sitemaps.views import sitemap

from blog import feeds

from .robots import robots_txt
from .sitemap import PageSitemap

urlpatterns = [
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": {"pages": PageSitemap}, "template_name": "discovery/sitemap.xml"},
        name="sitemap",
    ),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("feeds/articles.rss", feeds.ArticlesFeed(), name="articles_feed_rss"),
    path("feeds/articles.atom", feeds.AtomArticlesFeed(), name="articles_feed_atom"),
    path("feeds/categories/<slug:slug>.rss", feeds.CategoryArticlesFeed(), name="category_feed_rss"),
    path("feeds/categories/<slug:slug>.atom", feeds.AtomCategoryArticlesFeed(), name="category_feed_atom"),
    path("feeds/doctors/<slug:slug>.rss", feeds.DoctorArticlesFeed(), name="doctor_feed_rss"),
    path("feeds/doctors/<slug:slug>.atom", feeds.AtomDoctorArticlesFeed(), name="doctor_feed_atom"),
]
