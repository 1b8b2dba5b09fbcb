"""Who sees what, on every public surface: one row per page state, one column per surface.

For each state an article, a doctor and a standard page are put in that state
(the "subjects"), and the site refers to them everywhere it can: the home page
features the doctor and the article, a visible article names the doctor as its
author and medical reviewer, the article shares a category with another
article (related articles), the standard page is in the menu and is the
privacy notice, the article carries a tag of its own, an editor's redirect
leads to the article. Then every surface is
asked whether the subjects appear — by an anonymous visitor, by a staff member
signed in with a session cookie, and (password pages) by a visitor whose
session passed the password. Public surfaces answer everyone alike, so all
three must match the table. Only the live states are visible; a redirect to a
page of another site is followed when that page is visible on its own site.
"""

import re
from dataclasses import dataclass, field
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.api.v3.routers import pages as wagtail_pages_router
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import APIToken, Page, PageViewRestriction, Site

from blog.models import ArticlePage
from home.models import (
    DoctorPage,
    HomePage,
    HomePageFeaturedArticle,
    HomePageFeaturedDoctor,
    SiteSettings,
    StandardPage,
)
from routing import pages_visibility as api_pages_visibility
from tests.factories import make_article

pytestmark = pytest.mark.django_db

SECRET = "quixotic"  # in every subject's title and slug, and nowhere else
NEXT_VERSION = "Zanzibar"  # only in a scheduled, not yet published revision
OLD_PATH = f"/old-{SECRET}"  # an editor's redirect to the subject article

Y, N = True, False
SURFACES = (
    "html",
    "route",
    "redirect",
    "v3_detail",
    "v3_find",
    "v3_list",
    "v2_list",
    "v2_detail",
    "articles",
    "tag",
    "search",
    "menu",
    "featured",
    "byline",
    "related",
    "privacy",
    "sitemap",
    "feeds",
)
# fmt: off
TABLE = {
    #                          html rout redi v3id find v3ls v2ls v2id arts tag  srch menu feat byln relt priv smap feed
    "draft":                  (N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N),
    "live":                   (Y,   Y,   Y,   Y,   Y,   Y,   Y,   Y,   Y,   Y,   Y,   Y,   Y,   Y,   Y,   Y,   Y,   Y),
    "scheduled":              (N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N),
    "live_new_rev_scheduled": (Y,   Y,   Y,   Y,   Y,   Y,   Y,   Y,   Y,   Y,   Y,   Y,   Y,   Y,   Y,   Y,   Y,   Y),
    "expired_still_live":     (N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N),
    "unpublished":            (N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N),
    "password_restricted":    (N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N),
    "login_restricted":       (N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N),
    "group_restricted":       (N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N),
    "restricted_ancestor":    (N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N),
    "other_site":             (N,   N,   Y,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N,   N),
}
# fmt: on
VIEWERS = ("anonymous", "staff_session", "passed_password")


@dataclass
class Subjects:
    """The pages put in a state, and what leads to them."""

    article: ArticlePage
    doctor: DoctorPage
    page: StandardPage
    menu_item: Page  # the home page's child leading to ``page`` (itself, or a restricted parent)
    restrictions: list[PageViewRestriction] = field(default_factory=list)
    redirect: Redirect | None = None  # an editor's redirect from OLD_PATH to the article

    @property
    def all(self) -> dict[str, Page]:
        return {"article": self.article, "doctor": self.doctor, "page": self.page}


def _path(page: Page) -> str:
    return page.get_url_parts()[2]


def _create(tree, parent_of, *, live: bool) -> Subjects:
    article = make_article(
        parent_of["article"],
        title=f"{SECRET.title()} article",
        slug=f"{SECRET}-article",
        categories=[tree.category],
        tags=[f"{SECRET}-tag"],
        live=live,
    )
    doctor = parent_of["doctor"].add_child(
        instance=DoctorPage(
            title=f"Dr. {SECRET.title()}",
            slug=f"dr-{SECRET}",
            name=SECRET.title(),
            job_title="Oncologist",
            summary="A doctor.",
            live=live,
        )
    )
    page = parent_of["page"].add_child(
        instance=StandardPage(
            title=f"{SECRET.title()} notice",
            slug=f"{SECRET}-notice",
            introduction="A notice.",
            body="[]",
            show_in_menus=True,
            live=live,
        )
    )
    subjects = Subjects(article=article, doctor=doctor, page=page, menu_item=page)
    for subject in subjects.all.values():
        revision = subject.save_revision()
        if live:
            revision.publish()
            subject.refresh_from_db()  # as the admin would load it next
    return subjects


def _subjects(tree) -> Subjects:
    return _create(tree, {"article": tree.blog, "doctor": tree.home, "page": tree.home}, live=True)


def _restrict(subjects: Subjects, pages, restriction_type: str) -> Subjects:
    for page in pages:
        restriction = PageViewRestriction.objects.create(page=page, restriction_type=restriction_type, password="pw")
        if restriction_type == PageViewRestriction.GROUPS:
            restriction.groups.set([Group.objects.get_or_create(name="Clinicians")[0]])
        subjects.restrictions.append(restriction)
    return subjects


def _draft(tree):
    return _create(tree, {"article": tree.blog, "doctor": tree.home, "page": tree.home}, live=False)


def _live(tree):
    return _subjects(tree)


def _scheduled(tree):
    """Never published; approved to go live tomorrow."""
    subjects = _create(tree, {"article": tree.blog, "doctor": tree.home, "page": tree.home}, live=False)
    for subject in subjects.all.values():
        subject.go_live_at = timezone.now() + timedelta(days=1)
        subject.save_revision().publish()
        subject.refresh_from_db()
        assert not subject.live and subject.go_live_at > timezone.now()
    return subjects


def _live_with_scheduled_revision(tree):
    """Live, with a new version approved to go live tomorrow (Wagtail keeps the live row as it is)."""
    subjects = _subjects(tree)
    for subject in subjects.all.values():
        subject.title = f"{NEXT_VERSION} {subject.title}"
        subject.go_live_at = timezone.now() + timedelta(days=1)
        subject.save_revision().publish()
        assert subject.get_latest_revision().approved_go_live_at is not None
    return subjects


def _expired_still_live(tree):
    """Past ``expire_at``; ``publish_scheduled`` has not run yet, so Wagtail still says live."""
    subjects = _subjects(tree)
    Page.objects.filter(pk__in=[p.pk for p in subjects.all.values()]).update(
        expire_at=timezone.now() - timedelta(minutes=1)
    )
    return subjects


def _unpublished(tree):
    subjects = _subjects(tree)
    for subject in subjects.all.values():
        subject.unpublish()
    return subjects


def _password_restricted(tree):
    subjects = _subjects(tree)
    return _restrict(subjects, subjects.all.values(), PageViewRestriction.PASSWORD)


def _login_restricted(tree):
    subjects = _subjects(tree)
    return _restrict(subjects, subjects.all.values(), PageViewRestriction.LOGIN)


def _group_restricted(tree):
    subjects = _subjects(tree)
    return _restrict(subjects, subjects.all.values(), PageViewRestriction.GROUPS)


def _restricted_ancestor(tree):
    """The subjects live under a section only signed-in people may open (the section leads to them in the menu)."""
    section = tree.home.add_child(
        instance=StandardPage(
            title=f"{SECRET.title()} section", slug=f"{SECRET}-section", body="[]", show_in_menus=True
        )
    )
    subjects = _create(tree, {"article": section, "doctor": section, "page": section}, live=True)
    subjects.menu_item = section
    return _restrict(subjects, [section], PageViewRestriction.LOGIN)


def _other_site(tree):
    """Live and public, but on another site; this site refers to them all the same."""
    other_home = Page.get_first_root_node().add_child(
        instance=HomePage(title="Other clinic", slug="other-clinic", hero_heading="Other")
    )
    Site.objects.create(hostname="other.example", port=80, root_page=other_home)
    return _create(tree, {"article": other_home, "doctor": other_home, "page": other_home}, live=True)


BUILDERS = {
    "draft": _draft,
    "live": _live,
    "scheduled": _scheduled,
    "live_new_rev_scheduled": _live_with_scheduled_revision,
    "expired_still_live": _expired_still_live,
    "unpublished": _unpublished,
    "password_restricted": _password_restricted,
    "login_restricted": _login_restricted,
    "group_restricted": _group_restricted,
    "restricted_ancestor": _restricted_ancestor,
    "other_site": _other_site,
}


def _refer_to(tree, subjects: Subjects) -> None:
    """Every reference the site can make to the subjects."""
    HomePageFeaturedDoctor.objects.create(page=tree.home, doctor=subjects.doctor)
    HomePageFeaturedArticle.objects.create(page=tree.home, article=subjects.article)
    ArticlePage.objects.filter(pk=tree.other_article.pk).update(author=subjects.doctor, reviewer=subjects.doctor)
    SiteSettings.objects.filter(pk=tree.settings.pk).update(privacy_page=subjects.page)
    subjects.redirect = Redirect.objects.create(old_path=OLD_PATH, site=tree.site, redirect_page=subjects.article)


# ---------------------------------------------------------------------------
# The surfaces: each says whether the subjects appear (all of them, or none).
# ---------------------------------------------------------------------------


def _all_or_none(shown: dict[str, bool]) -> bool | str:
    """True or False when every check of a surface agrees, else which ones showed the subjects (a failing cell)."""
    if len(set(shown.values())) == 1:
        return next(iter(shown.values()))
    return "only " + ", ".join(name for name, seen in shown.items() if seen)


def _ids(items) -> set[int]:
    return {item["id"] for item in items}


def _html(client, subjects):
    return _all_or_none({k: client.get(_path(p)).status_code == 200 for k, p in subjects.all.items()})


def _route(client, subjects):
    return _all_or_none(
        {k: client.get("/api/v3/route/", {"path": _path(p)}).status_code == 200 for k, p in subjects.all.items()},
    )


def _redirect(client, subjects):
    """An editor's redirect to the article: followed only when the article may be seen on its own site."""
    route = client.get("/api/v3/route/", {"path": OLD_PATH})
    listed = {item["id"] for item in client.get("/api/v2/redirects/", {"limit": 100}).json()["items"]}
    found = client.get("/api/v2/redirects/find/", {"html_path": OLD_PATH}, follow=True)
    return _all_or_none(
        {
            "route": route.status_code == 200 and route.json()["kind"] == "redirect",
            "v2 list": subjects.redirect.pk in listed,
            "v2 find": found.status_code == 200,
        }
    )


def _v3_detail(client, subjects):
    return _all_or_none({k: client.get(f"/api/v3/pages/{p.pk}/").status_code == 200 for k, p in subjects.all.items()})


def _v3_find(client, subjects):
    found = {}
    for kind, page in subjects.all.items():
        response = client.get("/api/v3/pages/find/", {"html_path": _path(page)}, follow=True)
        found[kind] = response.status_code == 200 and response.json()["id"] == page.pk
    return _all_or_none(found)


def _v3_list(client, subjects):
    listed = _ids(client.get("/api/v3/pages/", {"limit": 100}).json()["items"])
    return _all_or_none({k: p.pk in listed for k, p in subjects.all.items()})


def _v2_list(client, subjects):
    listed = _ids(client.get("/api/v2/pages/", {"limit": 100}).json()["items"])
    return _all_or_none({k: p.pk in listed for k, p in subjects.all.items()})


def _v2_detail(client, subjects):
    return _all_or_none({k: client.get(f"/api/v2/pages/{p.pk}/").status_code == 200 for k, p in subjects.all.items()})


def _articles(client, subjects):
    listed = _ids(client.get("/api/v3/articles/", {"limit": 100}).json()["items"])
    by_category = _ids(client.get("/api/v3/articles/", {"category": "medical-oncology"}).json()["items"])
    return _all_or_none({"list": subjects.article.pk in listed, "category": subjects.article.pk in by_category})


def _tag(client, subjects):
    """A tag used only on hidden articles is unknown (422), like a typo."""
    response = client.get("/api/v3/articles/", {"tag": f"{SECRET}-tag"})
    assert response.status_code in (200, 422)
    listed = _ids(response.json()["items"]) if response.status_code == 200 else set()
    return _all_or_none({"tag known": response.status_code == 200, "article listed": subjects.article.pk in listed})


def _search(client, subjects):
    hits = {hit["page_id"] for hit in client.get("/api/v3/search/", {"q": SECRET}).json()["items"]}
    html = client.get("/search/", {"q": SECRET}).content.decode()
    return _all_or_none(
        {
            **{f"api {k}": p.pk in hits for k, p in subjects.all.items()},
            "html": f"/{SECRET}-article/" in html,
        },
    )


def _menu(client, subjects):
    menu = _ids(client.get("/api/v3/site/").json()["menu"])
    html_menu = re.search(r'<ul class="menu">(.*?)</ul>', client.get("/").content.decode(), re.S).group(1)
    return _all_or_none({"api": subjects.menu_item.pk in menu, "html": subjects.menu_item.slug in html_menu})


def _featured(client, subjects, home):
    detail = client.get(f"/api/v3/pages/{home.pk}/").json()
    v2 = client.get(f"/api/v2/pages/{home.pk}/").json()
    html = client.get("/").content.decode()
    return _all_or_none(
        {
            "v3 doctor": subjects.doctor.pk in _ids(detail["featured_doctors"]),
            "v3 article": subjects.article.pk in _ids(detail["featured_articles"]),
            "v2 doctor": subjects.doctor.pk in _ids(v2["featured_doctors"]),
            "html doctor": f"dr-{SECRET}" in html,
            "html article": f"{SECRET}-article" in html,
        },
    )


def _byline(client, subjects, article):
    detail = client.get(f"/api/v3/pages/{article.pk}/").json()
    v2 = client.get(f"/api/v2/pages/{article.pk}/").json()
    cards = {card["id"]: card for card in client.get("/api/v3/articles/", {"limit": 100}).json()["items"]}
    feed = client.get("/feeds/articles.rss").content.decode()
    html = client.get(_path(article)).content.decode()
    return _all_or_none(
        {
            "v3 author": (detail["author"] or {}).get("id") == subjects.doctor.pk,
            "v3 reviewer": (detail["reviewer"] or {}).get("id") == subjects.doctor.pk,
            "v2 author": (v2["author"] or {}).get("id") == subjects.doctor.pk,
            "card author": (cards[article.pk]["author"] or {}).get("id") == subjects.doctor.pk,
            "feed author": SECRET.title() in feed.split(f"<title>{article.title}</title>")[1].split("</item>")[0],
            "html": f"dr-{SECRET}/" in html.split("<main", 1)[1].split("</main>")[0],
        },
    )


def _related(client, subjects, article):
    detail = client.get(f"/api/v3/pages/{article.pk}/").json()
    return subjects.article.pk in _ids(detail["related_articles"])


def _privacy(client, subjects):
    privacy = client.get("/api/v3/site/").json()["privacy_page"]
    html = client.get("/").content.decode()
    return _all_or_none(
        {"api": (privacy or {}).get("id") == subjects.page.pk, "html": f"{SECRET}-notice" in html.split("</main>")[-1]},
    )


def _sitemap(client, subjects):
    """The sitemap files the index at ``/sitemap.xml`` names, read together."""
    index = client.get("/sitemap.xml").content.decode()
    files = [re.sub(r"^https?://[^/]+", "", loc) for loc in re.findall(r"<loc>([^<]+)</loc>", index)]
    assert files, index
    sitemap = "".join(client.get(address.replace("&amp;", "&")).content.decode() for address in files)
    return _all_or_none({k: f"/{p.slug}/" in sitemap for k, p in subjects.all.items()})


def _feeds(client, subjects):
    feed = client.get("/feeds/articles.rss").content.decode()
    doctor_feed = client.get(f"/feeds/doctors/{subjects.doctor.slug}.rss")
    return _all_or_none({"all articles": f"{SECRET}-article" in feed, "doctor's feed": doctor_feed.status_code == 200})


def _surfaces(client, tree, subjects) -> dict[str, bool | str]:
    """Whether the subjects appear, surface by surface (the table's columns, in order)."""
    return {
        "html": _html(client, subjects),
        "route": _route(client, subjects),
        "redirect": _redirect(client, subjects),
        "v3_detail": _v3_detail(client, subjects),
        "v3_find": _v3_find(client, subjects),
        "v3_list": _v3_list(client, subjects),
        "v2_list": _v2_list(client, subjects),
        "v2_detail": _v2_detail(client, subjects),
        "articles": _articles(client, subjects),
        "tag": _tag(client, subjects),
        "search": _search(client, subjects),
        "menu": _menu(client, subjects),
        "featured": _featured(client, subjects, tree.home),
        "byline": _byline(client, subjects, tree.other_article),
        "related": _related(client, subjects, tree.article),
        "privacy": _privacy(client, subjects),
        "sitemap": _sitemap(client, subjects),
        "feeds": _feeds(client, subjects),
    }


def _as_viewer(client, viewer: str, subjects: Subjects, django_user_model) -> None:
    if viewer == "staff_session":
        client.force_login(django_user_model.objects.create_superuser("staff", "staff@example.com", "pw"))
    elif viewer == "passed_password":
        session = client.session
        session[PageViewRestriction.passed_view_restrictions_session_key] = [r.pk for r in subjects.restrictions]
        session.save()


CASES = [
    pytest.param(state, viewer, id=f"{state}-{viewer}")
    for state in TABLE
    for viewer in VIEWERS
    if viewer != "passed_password" or state == "password_restricted"
]


def test_the_table_names_every_surface_once():
    assert all(len(row) == len(SURFACES) for row in TABLE.values())
    assert set(TABLE) == set(BUILDERS)


@pytest.mark.parametrize(("state", "viewer"), CASES)
def test_each_surface_shows_a_page_exactly_when_the_rule_says(client, site_tree, django_user_model, state, viewer):
    subjects = BUILDERS[state](site_tree)
    _refer_to(site_tree, subjects)
    _as_viewer(client, viewer, subjects, django_user_model)
    expected = dict(zip(SURFACES, TABLE[state], strict=True))
    if viewer == "passed_password":
        # Wagtail's page password: the visitor who typed it reads the page itself, and nothing else changes.
        expected["html"] = Y
    assert _surfaces(client, site_tree, subjects) == expected


@pytest.mark.parametrize("viewer", ["anonymous", "staff_session"])
def test_a_scheduled_revision_is_not_shown_before_it_goes_live(client, site_tree, django_user_model, viewer):
    subjects = _live_with_scheduled_revision(site_tree)
    _refer_to(site_tree, subjects)
    _as_viewer(client, viewer, subjects, django_user_model)
    responses = [
        client.get(_path(subjects.article)),
        client.get("/api/v3/route/", {"path": _path(subjects.article)}),
        client.get(f"/api/v3/pages/{subjects.doctor.pk}/"),
        client.get(f"/api/v2/pages/{subjects.page.pk}/"),
        client.get("/api/v3/articles/"),
        client.get("/api/v3/site/"),
        client.get(f"/api/v3/pages/{site_tree.home.pk}/"),
        client.get("/feeds/articles.rss"),
    ]
    for response in responses:
        assert response.status_code == 200
        assert NEXT_VERSION not in response.content.decode()


@pytest.mark.parametrize("state", ["draft", "password_restricted", "expired_still_live"])
def test_a_bearer_token_still_reads_what_wagtail_lets_staff_read(client, site_tree, django_user_model, state):
    subjects = BUILDERS[state](site_tree)
    staff = django_user_model.objects.create_superuser("tool", "tool@example.com", "pw")
    token = {"HTTP_AUTHORIZATION": f"Bearer {APIToken.create_token(user=staff, name='staff tool')[1]}"}
    assert client.get(f"/api/v3/pages/{subjects.article.pk}/", **token).status_code == 200
    assert subjects.article.pk in _ids(client.get("/api/v3/pages/", {"limit": 100}, **token).json()["items"])
    assert client.get(f"/api/v3/pages/{subjects.article.pk}/").status_code == 404  # and only with the token


def test_wagtails_pages_router_reads_the_project_rule():
    """Fails when a Wagtail upgrade stops the v3 pages router from reading ``get_pages_queryset``."""
    assert wagtail_pages_router.get_pages_queryset is api_pages_visibility.pages_queryset
    api_pages_visibility.install()  # installing twice is harmless
    original = wagtail_pages_router.get_pages_queryset
    try:
        del wagtail_pages_router.get_pages_queryset
        with pytest.raises(RuntimeError, match="no longer reads get_pages_queryset"):
            api_pages_visibility.install()
    finally:
        wagtail_pages_router.get_pages_queryset = original


def test_a_published_page_is_not_hidden_by_the_go_live_time_of_its_next_version(client, site_tree):
    """Only a page never published waits for its go-live time; a published one keeps showing its live version.

    Wagtail 8 keeps a scheduled next version's time on the revision, but a page row saved with it must not
    take the live version offline either.
    """
    subjects = _subjects(site_tree)
    Page.objects.filter(pk=subjects.article.pk).update(go_live_at=timezone.now() + timedelta(days=1))
    assert client.get("/api/v3/route/", {"path": _path(subjects.article)}).status_code == 200
    assert subjects.article.pk in _ids(client.get("/api/v3/articles/").json()["items"])
