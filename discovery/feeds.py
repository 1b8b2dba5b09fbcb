"""RSS 2.0 and Atom feeds of the articles: all, per category, per doctor.

Django's syndication framework writes the XML. Only the articles a visitor
may see on the requesting site (:mod:`home.visibility`) are listed, newest first, each with its summary, hero
image (as an enclosure), author (when a visitor may see the doctor), dates and categories; links are the
frontend addresses on this same origin.

Feeds are cached like pages (:func:`cached_feed`, :mod:`content_cache.page_cache`: made again after an article is
published). The enclosure's length is the size stored with the rendition when it was made
(``CustomRendition.file_size``): the storage is never asked. An image whose file is missing gives no enclosure
(:mod:`images.missing_files`); the feed is still served.
"""

from datetime import datetime, time

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.http import Http404
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from wagtail.models import Site

from blog.models import ArticlePage, BlogIndexPage, Category
from content_cache.page_cache import cached_answer
from discovery.sitemap import last_modified
from home.models import DoctorPage
from home.site_roots import site_name_of
from home.visibility import visible_pages
from images.missing_files import rendition_or_none
from images.models import CustomRendition

# How many articles a feed lists; readers only poll for what is new.
FEED_LENGTH = 30
# The hero image as readers get it: wide, not cropped, a format every reader shows.
FEED_IMAGE_SPEC = "width-1200|format-jpeg"


class ArticlesFeed(Feed):
    """All articles of the site (RSS 2.0); see the subclasses for the filtered and Atom forms."""

    feed_type = Rss201rev2Feed
    language = settings.LANGUAGE_CODE

    def get_object(self, request, *args, **kwargs):
        self.request = request
        self.site = Site.find_for_request(request) or Site.objects.get(is_default_site=True)
        return None

    # -- the feed ---------------------------------------------------------------------
    def title(self, obj) -> str:
        return f"{self.site_name} – Articles"

    def description(self, obj) -> str:
        return f"New and updated articles from {self.site_name}."

    def subtitle(self, obj) -> str:  # Atom's name for the description
        return self.description(obj)

    def link(self, obj) -> str:
        index = visible_pages(self.site, BlogIndexPage).order_by("path").first()
        return (index or self.site.root_page).get_full_url(self.request)

    def feed_url(self, obj) -> str:
        return self.request.build_absolute_uri(self.request.path)

    @property
    def site_name(self) -> str:
        return site_name_of(self.site)

    def filter_articles(self, articles, obj):
        return articles

    def items(self, obj):
        articles = visible_pages(self.site, ArticlePage).annotate(
            author_visible=Exists(visible_pages(self.site, DoctorPage).filter(pk=OuterRef("author_id")))
        )
        return (
            self.filter_articles(articles, obj)
            .select_related("author", "hero_image")
            .prefetch_related(
                "categories",
                Prefetch(
                    "hero_image__renditions", queryset=CustomRendition.objects.filter(filter_spec=FEED_IMAGE_SPEC)
                ),
            )
            .order_by("-published_date", "-pk")[:FEED_LENGTH]
        )

    # -- each article -----------------------------------------------------------------
    def item_title(self, item: ArticlePage) -> str:
        return item.title

    def item_description(self, item: ArticlePage) -> str:
        return item.summary

    def item_link(self, item: ArticlePage) -> str:
        return item.get_full_url(self.request)

    def item_guid(self, item: ArticlePage) -> str:
        return item.get_full_url(self.request)

    def item_pubdate(self, item: ArticlePage) -> datetime:
        # The published date has no time; midday keeps the same calendar date for readers in most time zones.
        return timezone.make_aware(datetime.combine(item.published_date, time(12)))

    def item_updateddate(self, item: ArticlePage) -> datetime:
        return last_modified(item) or self.item_pubdate(item)

    def item_author_name(self, item: ArticlePage) -> str | None:
        return item.author.display_name if item.author_visible else None

    def item_author_link(self, item: ArticlePage) -> str | None:
        return item.author.get_full_url(self.request) if item.author_visible else None

    def item_categories(self, item: ArticlePage) -> list[str]:
        return [category.name for category in item.categories.all()]

    def item_enclosures(self, item: ArticlePage):
        rendition = rendition_or_none(item.hero_image, FEED_IMAGE_SPEC) if item.hero_image_id else None
        if rendition is None or rendition.file_size is None:
            return []
        url = self.request.build_absolute_uri(rendition.url)  # media on this origin unless storage says otherwise
        return [Enclosure(url, str(rendition.file_size), "image/jpeg")]


class CategoryArticlesFeed(ArticlesFeed):
    """The articles filed under one category (``slug``)."""

    def get_object(self, request, slug: str):
        super().get_object(request)
        category = Category.objects.filter(slug=slug).first()
        if category is None:
            raise Http404("No such category.")
        return category

    def title(self, obj: Category) -> str:
        return f"{self.site_name} – {obj.name}"

    def description(self, obj: Category) -> str:
        return obj.description or f"Articles about {obj.name.lower()} from {self.site_name}."

    def link(self, obj: Category) -> str:
        return f"{super().link(obj)}?category={obj.slug}"

    def filter_articles(self, articles, obj: Category):
        return articles.filter(categories=obj)


class DoctorArticlesFeed(ArticlesFeed):
    """The articles a doctor (page ``slug``) wrote or medically reviewed."""

    def get_object(self, request, slug: str):
        super().get_object(request)
        doctor = visible_pages(self.site, DoctorPage).filter(slug=slug).first()
        if doctor is None:
            raise Http404("No such doctor.")
        return doctor

    def title(self, obj: DoctorPage) -> str:
        return f"{self.site_name} – Articles by {obj.display_name}"

    def description(self, obj: DoctorPage) -> str:
        return f"Articles written or medically reviewed by {obj.display_name}."

    def link(self, obj: DoctorPage) -> str:
        return obj.get_full_url(self.request)

    def filter_articles(self, articles, obj: DoctorPage):
        return articles.filter(Q(author=obj) | Q(reviewer=obj))


class AtomArticlesFeed(ArticlesFeed):
    """:class:`ArticlesFeed` as Atom 1.0."""

    feed_type = Atom1Feed


class AtomCategoryArticlesFeed(CategoryArticlesFeed):
    """:class:`CategoryArticlesFeed` as Atom 1.0."""

    feed_type = Atom1Feed


class AtomDoctorArticlesFeed(DoctorArticlesFeed):
    """:class:`DoctorArticlesFeed` as Atom 1.0."""

    feed_type = Atom1Feed


def cached_feed(feed: Feed):
    """``feed`` as a view whose answers are kept like pages' (per address, until an article is published)."""
    return cached_answer(feed.feed_type.content_type.split(";")[0])(feed)
