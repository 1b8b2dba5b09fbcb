"""The page tree keeps its shape: each page type only where it belongs."""

import pytest
from wagtail.models import Page

from blog.models import ArticlePage, BlogIndexPage
from home.models import DoctorPage, HomePage, StandardPage


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("page_type", "parent_type", "allowed"),
    [
        (HomePage, Page, True),
        (DoctorPage, HomePage, True),
        (StandardPage, HomePage, True),
        (StandardPage, StandardPage, True),
        (BlogIndexPage, HomePage, True),
        (ArticlePage, BlogIndexPage, True),
        (ArticlePage, HomePage, False),
        (ArticlePage, StandardPage, False),
        (DoctorPage, BlogIndexPage, False),
        (DoctorPage, DoctorPage, False),
        (BlogIndexPage, BlogIndexPage, False),
        (HomePage, HomePage, False),
    ],
)
def test_page_types_are_only_allowed_under_their_parents(page_type, parent_type, allowed):
    assert page_type.can_exist_under(parent_type()) is allowed


def test_admin_refuses_an_article_directly_under_the_home_page(admin_client, home_page):
    response = admin_client.get(f"/admin/pages/add/blog/articlepage/{home_page.pk}/", follow=True)
    assert response.redirect_chain, "the add form must not open under the wrong parent"
    assert "do not have permission" in " ".join(str(m) for m in response.context["messages"])
    post = admin_client.post(
        f"/admin/pages/add/blog/articlepage/{home_page.pk}/",
        {"title": "Misplaced", "slug": "misplaced", "summary": "x", "action-publish": "publish"},
    )
    assert post.status_code in (302, 403)
    assert not ArticlePage.objects.filter(slug="misplaced").exists()


def test_admin_offers_an_article_under_the_articles_index(admin_client, articles_index):
    response = admin_client.get(f"/admin/pages/add/blog/articlepage/{articles_index.pk}/")
    assert response.status_code == 200
    assert b"Medical reviewer" in response.content or b"medical reviewer" in response.content


def test_demo_tree_has_the_designed_shape(demo_site):
    home = demo_site.root_page.specific
    assert isinstance(home, HomePage)
    children = {type(page.specific) for page in home.get_children()}
    assert children == {DoctorPage, StandardPage, BlogIndexPage}
    article = ArticlePage.objects.get()
    assert isinstance(article.get_parent().specific, BlogIndexPage)
    assert article.url == "/articles/difference-between-medical-oncologist-and-surgical-oncologist/"
