"""The card of a doctor and of an article: what a byline, a featured item or a related link shows."""

from images.renditions import CARD_WIDTHS, responsive_image

from .api_shapes import ArticleSummary, CategoryRef, DoctorSummary
from .page_paths import page_path


def doctor_summary(doctor) -> DoctorSummary | None:
    """The byline/card of a :class:`~home.models.DoctorPage` (``None`` when unset)."""
    if doctor is None:
        return None
    return DoctorSummary(
        id=doctor.pk,
        title=doctor.title,
        path=page_path(doctor),
        display_name=doctor.display_name,
        job_title=doctor.job_title,
        photo=responsive_image(doctor.photo, widths=CARD_WIDTHS),
    )


def article_summary(article, request=None) -> ArticleSummary:
    """A short card of an :class:`~blog.models.ArticlePage`: what every card of it shows (listings add to it)."""
    return ArticleSummary(
        id=article.pk,
        title=article.title,
        path=page_path(article, request),
        summary=article.summary,
        published_date=article.published_date.isoformat(),
        hero_image=responsive_image(article.hero_image, alt=article.hero_alt_text, widths=CARD_WIDTHS),
    )


def category_refs(categories) -> list[CategoryRef]:
    """The categories an article is filed under, as every card and page of it names them."""
    return [CategoryRef(id=category.pk, name=category.name, slug=category.slug) for category in categories]
