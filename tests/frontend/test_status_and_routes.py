"""Every frontend path answers with the page's real HTTP status."""

import pytest
from django.contrib.auth.models import Group
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import PageViewRestriction

from home.models import StandardPage


@pytest.mark.django_db
class TestStatus:
    def test_each_page_type_is_200_html(self, client, home_page, doctor, articles_index, seed_article):
        for page in (home_page, doctor, articles_index, seed_article, StandardPage.objects.get(slug="about")):
            response = client.get(page.url)
            assert response.status_code == 200, page.url
            assert response["Content-Type"].startswith("text/html")
            assert "no-cache" in response["Cache-Control"]

    def test_missing_page_is_404_with_a_helpful_page(self, client, demo_site):
        response = client.get("/no-such-page/")
        assert response.status_code == 404
        html = response.content.decode()
        assert "<title>Page not found | " in html
        assert 'name="robots" content="noindex"' in html
        assert 'href="/search/"' in html

    def test_editor_redirects_give_301_and_302(self, client, seed_article):
        Redirect.objects.create(old_path="/old-article", redirect_page=seed_article, is_permanent=True)
        Redirect.objects.create(old_path="/campaign", redirect_link="/appointment/", is_permanent=False)
        permanent = client.get("/old-article/")
        assert permanent.status_code == 301
        assert permanent["Location"].endswith(seed_article.url)
        temporary = client.get("/campaign/")
        assert temporary.status_code == 302
        assert temporary["Location"] == "/appointment/"

    def test_a_path_without_trailing_slash_is_redirected_keeping_the_query(self, client, articles_index):
        response = client.get("/articles?tag=oncologist")
        assert response.status_code == 301
        assert response["Location"] == "/articles/?tag=oncologist"

    def test_a_path_without_trailing_slash_and_without_a_page_is_404_at_once(self, client, demo_site):
        assert client.get("/no-such-page").status_code == 404
        assert client.get("/old-site/page.html").status_code == 404

    def test_a_draft_is_404_and_a_group_restricted_page_is_403(self, client, seed_article, doctor):
        seed_article.unpublish()
        assert client.get(seed_article.url_path.removeprefix("/home")).status_code == 404
        PageViewRestriction.objects.create(page=doctor, restriction_type=PageViewRestriction.GROUPS).groups.set(
            Group.objects.all()
        )
        assert client.get(doctor.url).status_code == 403

    def test_frontend_only_routes(self, client, demo_site):
        assert client.get("/search/?q=oncologist").status_code == 200
        assert client.get("/appointment/").status_code == 200

    def test_post_is_refused_without_touching_data(self, client, doctor):
        assert client.post(doctor.url).status_code == 405


@pytest.mark.django_db
def test_page_urls_are_frontend_paths(home_page, doctor, seed_article):
    """Wagtail builds page URLs through the frontend's catch-all (``wagtail_serve``)."""
    assert home_page.url == "/"
    assert doctor.url == f"/{doctor.slug}/"
    assert seed_article.url == f"/articles/{seed_article.slug}/"
