"""``manage.py generate_articles --count N``: synthetic articles for benchmarks, created in bulk."""

import random
import sys
from contextlib import ExitStack
from datetime import date, timedelta
from unittest import mock

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models import CharField, F, OuterRef, Subquery
from django.db.models.functions import Cast
from django.utils import timezone
from modelcluster.models import get_all_child_relations
from taggit.models import Tag
from tqdm import tqdm
from wagtail.models import Page, Revision
from wagtail.search.backends import get_search_backends

from blog.models import ArticlePage, ArticlePageTag, BlogIndexPage, Category
from blog.reading_time import reading_time_minutes
from content_cache.store import invalidate_api_cache
from home.models import DoctorPage
from upstream_internals import next_child_paths

SYNTHETIC_TAG = "synthetic"
SLUG_PREFIX = "synthetic-article"

TOPICS = [
    "chemotherapy",
    "radiation therapy",
    "immunotherapy",
    "targeted therapy",
    "hormonal therapy",
    "tumour surgery",
    "biopsy",
    "cancer staging",
    "palliative care",
    "cancer screening",
    "follow-up care",
    "nutrition during treatment",
]
ANGLES = ["What to expect from", "Questions to ask about", "Understanding", "A patient's guide to", "Myths about"]
SENTENCES = [
    "This synthetic paragraph exists to exercise the site with realistic volumes of text.",
    "Treatment plans depend on the type and stage of cancer and on the patient's overall health.",
    "A care team often combines several approaches over the course of treatment.",
    "Patients are encouraged to write down their questions before each consultation.",
    "Side effects differ from person to person and are usually managed by the care team.",
    "Family members can help by keeping track of appointments and medicines.",
]


class Command(BaseCommand):
    """Create N synthetic, clearly marked articles (deterministic for a given seed).

    Articles are titled "[Synthetic] ...", tagged "synthetic" and published
    under the first articles index, each with a live revision and its search
    index entry. Re-running with the same seed skips the articles that already
    exist.

    Rows are inserted in bulk (a few queries per batch, not per article): the
    page tree's paths, depths and child counts are computed here as treebeard
    would, so 50,000 articles take minutes. No page signals are sent; the API
    and page caches are invalidated once at the end.
    """

    help = __doc__

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, required=True, help="How many articles to create.")
        parser.add_argument("--seed", type=int, default=1, help="Random seed; the same seed gives the same articles.")
        parser.add_argument("--batch-size", type=int, default=2000, help="Articles per database transaction.")

    def handle(self, *args, count, seed, batch_size, **options):
        if count < 1:
            raise CommandError("--count must be at least 1.")
        index = BlogIndexPage.objects.order_by("path").first()
        if index is None:
            raise CommandError("No articles index exists. Run `manage.py load_demo_content` first.")
        doctors = list(DoctorPage.objects.live())
        categories = list(Category.objects.all())
        existing = set(
            index.get_children().filter(slug__startswith=f"{SLUG_PREFIX}-{seed}-").values_list("slug", flat=True)
        )

        rng = random.Random(seed)  # noqa: S311  (reproducible test data, not secrets)
        self._tags: dict[str, Tag] = {}
        created = 0
        with tqdm(total=count, desc="Generating articles", unit="article", disable=options["verbosity"] == 0) as bar:
            for start in range(0, count, batch_size):
                batch = []
                for number in range(start, min(start + batch_size, count)):
                    article = self._article(rng, seed, number, doctors, categories)
                    if article.slug not in existing:
                        batch.append(article)
                with transaction.atomic():
                    self._publish(index, batch)
                created += len(batch)
                bar.update(min(start + batch_size, count) - start)
        if created:
            invalidate_api_cache()
            self._refresh_statistics()
        self.stdout.write(self.style.SUCCESS(f"Created {created} synthetic article(s); {count - created} existed."))

    def _refresh_statistics(self) -> None:
        """Let PostgreSQL plan with the new row counts (and count from indexes alone) at once, not after autovacuum."""
        if connection.vendor != "postgresql":
            return
        # VACUUM (which marks the new rows all-visible for index-only scans) cannot run inside a transaction.
        command = "ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE"
        tables = [
            Page._meta.db_table,
            ArticlePage._meta.db_table,
            ArticlePage.categories.through._meta.db_table,
            ArticlePageTag._meta.db_table,
            Revision._meta.db_table,
            "wagtailsearch_indexentry",
        ]
        with connection.cursor() as cursor:
            for table in tables:
                cursor.execute(f"{command} {connection.ops.quote_name(table)}")

    def _article(self, rng: random.Random, seed: int, number: int, doctors, categories) -> ArticlePage:
        # Draw every random value whether or not the article exists, so that
        # article N is the same on every run with this seed.
        topic = rng.choice(TOPICS)
        angle = rng.choice(ANGLES)
        published = date(2020, 1, 1) + timedelta(days=rng.randrange(0, 5 * 365))
        reviewed = published + timedelta(days=rng.randrange(0, 365))
        paragraphs = [" ".join(rng.choices(SENTENCES, k=rng.randint(3, 7))) for _ in range(rng.randint(3, 9))]
        body = []
        for section, paragraph in enumerate(paragraphs):
            if section % 3 == 0:
                body.append(
                    {
                        "type": "heading",
                        "value": {"text": f"{topic.capitalize()}: part {section // 3 + 1}", "level": "h2"},
                    }
                )
            body.append({"type": "paragraph", "value": f"<p>{paragraph}</p>"})
        author = rng.choice(doctors) if doctors else None
        reviewer = rng.choice(doctors) if doctors else None
        if reviewer == author:  # an author never reviews their own article; none when there is no other doctor
            reviewer = next((doctor for doctor in doctors if doctor != author), None)
        chosen_categories = rng.sample(categories, k=rng.randint(1, min(2, len(categories)))) if categories else []
        article = ArticlePage(
            title=f"[Synthetic] {angle} {topic} #{number + 1}",
            slug=f"{SLUG_PREFIX}-{seed}-{number + 1}",
            summary=f"Synthetic article about {topic}, generated for benchmarks and scale tests.",
            body=body,
            author=author,
            reviewer=reviewer,
            published_date=published,
            last_reviewed_date=min(reviewed, timezone.localdate()),
        )
        article.categories = chosen_categories
        # In memory until the batch is written; the revision and the search index read them from here.
        for relation in get_all_child_relations(article):  # references, comments, …: none
            setattr(article, relation.get_accessor_name(), [])
        article.tagged_items = [ArticlePageTag(tag=self._tag(name)) for name in (SYNTHETIC_TAG, topic)]
        return article

    def _tag(self, name: str) -> Tag:
        if name not in self._tags:
            self._tags[name] = Tag.objects.get_or_create(name=name)[0]
        return self._tags[name]

    def _publish(self, index: BlogIndexPage, articles: list[ArticlePage]) -> None:
        """Insert ``articles`` as live children of ``index``: pages, revisions, categories, tags, search entries."""
        if not articles:
            return
        # The index row is locked so that its child count and last child stay ours for the batch.
        index = BlogIndexPage.objects.select_for_update().get(pk=index.pk)
        last_child = Page.objects.filter(path__startswith=index.path, depth=index.depth + 1).order_by("-path").first()
        paths = next_child_paths(index, last_child)
        content_type = ContentType.objects.get_for_model(ArticlePage)
        now = timezone.now()
        for article in articles:
            article.path = next(paths)
            article.depth = index.depth + 1
            article.numchild = 0
            article.url_path = f"{index.url_path}{article.slug}/"
            article.locale_id = index.locale_id
            article.content_type = content_type
            article.draft_title = article.title
            article.live = True
            article.has_unpublished_changes = False
            article.first_published_at = article.last_published_at = article.latest_revision_created_at = now
            article.reading_time = reading_time_minutes(article.body)

        # Multi-table inheritance: the page rows first (their ids come back), then the article rows.
        page_fields = [field.attname for field in Page._meta.concrete_fields if not field.primary_key]
        pages = Page.objects.bulk_create(
            [Page(**{name: getattr(article, name) for name in page_fields}) for article in articles]
        )
        for article, page in zip(articles, pages, strict=True):
            article.id = article.page_ptr_id = page.pk
        article_rows = ArticlePage._base_manager.all()
        article_rows._batched_insert(articles, ArticlePage._meta.local_concrete_fields, batch_size=None)

        ArticlePage.categories.through.objects.bulk_create(
            ArticlePage.categories.through(articlepage_id=article.pk, category_id=category.pk)
            for article in articles
            for category in article.categories.all()
        )
        for article in articles:
            for tagged_item in article.tagged_items.all():
                tagged_item.content_object_id = article.pk
        ArticlePageTag.objects.bulk_create(item for article in articles for item in article.tagged_items.all())

        page_type = ContentType.objects.get_for_model(Page)
        revisions = Revision.objects.bulk_create(
            Revision(
                content_type=content_type,
                base_content_type=page_type,
                object_id=str(article.pk),
                object_str=article.title,
                content=article.serializable_data(),
                created_at=now,
            )
            for article in articles
        )
        for article, revision in zip(articles, revisions, strict=True):
            article.latest_revision_id = article.live_revision_id = revision.pk
        # One UPDATE joining each page to its revision (by the revisions' object index): bulk_update's
        # CASE of a thousand branches per row cost more than inserting the pages.
        revision = Revision.objects.filter(
            base_content_type=page_type, object_id=Cast(OuterRef("pk"), CharField())
        ).values("pk")[:1]
        Page.objects.filter(pk__in=[article.pk for article in articles]).update(
            latest_revision=Subquery(revision), live_revision=Subquery(revision)
        )
        BlogIndexPage.objects.filter(pk=index.pk).update(numchild=F("numchild") + len(articles))

        for backend in get_search_backends(with_auto_update=True):
            with ExitStack() as stack:
                module = sys.modules[backend.index_class.__module__]
                if hasattr(module, "ObjectIndexer"):
                    stack.enter_context(mock.patch.object(module, "ObjectIndexer", _one_pass(module.ObjectIndexer)))
                backend.add_bulk(ArticlePage, articles)


def _one_pass(indexer_class: type) -> type:
    """``indexer_class`` (a database search backend's) reading each field of an object once.

    The backend's indexer reads every search field of an article once for each index column it fills
    (title, body, autocomplete and their plain texts): the body's rich text was converted to text five
    times, three quarters of the time of generating an article. The values written are the same.
    """

    class OnePassIndexer(indexer_class):
        def prepare_field(self, obj, field):
            if obj is not self.obj:  # a related object's field (categories, tags): read by the pass below
                yield from super().prepare_field(obj, field)
                return
            prepared = self.__dict__.setdefault("_prepared", {})
            if field not in prepared:
                prepared[field] = list(super().prepare_field(obj, field))
            yield from prepared[field]

    return OnePassIndexer
