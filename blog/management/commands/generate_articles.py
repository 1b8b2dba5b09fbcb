"""``manage.py generate_articles --count N``: synthetic articles for benchmarks."""

import logging
import random
from datetime import date, timedelta

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from tqdm import tqdm

from blog.models import ArticlePage, BlogIndexPage, Category
from home.models import DoctorPage

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
    under the first articles index. Re-running with the same seed skips the
    articles that already exist.
    """

    help = __doc__

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, required=True, help="How many articles to create.")
        parser.add_argument("--seed", type=int, default=1, help="Random seed; the same seed gives the same articles.")
        parser.add_argument("--batch-size", type=int, default=200, help="Articles per database transaction.")

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
        # One "Page created" log line per synthetic article would drown the progress bar.
        logging.getLogger("wagtail").setLevel(logging.WARNING)
        created = 0
        with tqdm(total=count, desc="Generating articles", unit="article", disable=options["verbosity"] == 0) as bar:
            for start in range(0, count, batch_size):
                with transaction.atomic():
                    for number in range(start, min(start + batch_size, count)):
                        article = self._article(rng, seed, number, doctors, categories)
                        if article.slug not in existing:
                            self._publish(index, article)
                            created += 1
                        bar.update(1)
        self.stdout.write(self.style.SUCCESS(f"Created {created} synthetic article(s); {count - created} existed."))

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
        article.tags.add(SYNTHETIC_TAG, topic)
        return article

    def _publish(self, index: BlogIndexPage, article: ArticlePage) -> None:
        """Add the article as live without a revision: bulk data, not editorial history."""
        article.live = True
        article.first_published_at = article.last_published_at = timezone.now()
        index.add_child(instance=article)
