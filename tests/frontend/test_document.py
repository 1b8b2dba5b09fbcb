"""The document itself: inlined API JSON, content readable without JavaScript, the built shell."""

import json

import pytest
from django.core.management import call_command

from frontend import shell

from .conftest import page_data


@pytest.mark.django_db
class TestInlinedData:
    def test_the_route_json_is_exactly_what_the_api_returns(self, client, seed_article):
        html = client.get(seed_article.url).content.decode()
        data = page_data(html)
        api = client.get("/api/v3/route/", {"path": seed_article.url}).json()
        assert data["route"] == api
        assert data["route"]["page"]["id"] == seed_article.pk
        assert data["status"] == 200
        assert data["path"] == seed_article.url
        assert data["site"] == client.get("/api/v3/site/").json()

    def test_the_list_inlines_its_first_page_of_cards_with_the_filters(self, client, articles_index, seed_article):
        tag = seed_article.tags.first()
        html = client.get(articles_index.url, {"tag": tag.slug}).content.decode()
        data = page_data(html)
        assert data["query"] == f"?tag={tag.slug}"
        assert [card["id"] for card in data["articles"]["items"]] == [seed_article.pk]

    def test_the_data_cannot_end_its_script_early(self, client, seed_article):
        type(seed_article).objects.filter(pk=seed_article.pk).update(title="Chemo </script><script>alert(1)</script>")
        html = client.get(seed_article.url).content.decode()
        assert "</script><script>alert(1)" not in html
        assert page_data(html)["route"]["page"]["title"] == "Chemo </script><script>alert(1)</script>"

    def test_the_data_is_not_executable(self, client, demo_site):
        html = client.get("/").content.decode()
        assert '<script type="application/json" id="page-data">' in html

    def test_a_404_inlines_its_status_and_no_page(self, client, demo_site):
        data = page_data(client.get("/missing/").content.decode())
        assert data["status"] == 404
        assert data["route"] is None


@pytest.mark.django_db
class TestContentWithoutJavaScript:
    def test_article_body_byline_and_filing_are_plain_html(self, client, seed_article):
        html = client.get(seed_article.url).content.decode()
        main = html.split('<main id="main"', 1)[1].split("</main>", 1)[0]
        assert f"<h1>{seed_article.title}</h1>" in main
        first_heading = next(block.value["text"] for block in seed_article.body if block.block_type == "heading")
        assert f"<h2>{first_heading}</h2>" in main
        assert f'href="{seed_article.author.url}"' in main
        assert f'datetime="{seed_article.published_date.isoformat()}"' in main
        category = seed_article.categories.first()
        assert f'href="/articles/?category={category.slug}"' in main
        assert 'srcset="' in main and 'width="' in main and 'height="' in main

    def test_doctor_profile_lists_clinics_with_hours(self, client, doctor):
        html = client.get(doctor.url).content.decode()
        item = doctor.clinic_hours.select_related("clinic").first()
        assert f"<h1>{doctor.display_name}</h1>" in html
        assert item.clinic.name in html
        assert f"{item.opens_at:%H:%M}–{item.closes_at:%H:%M}" in html

    def test_article_list_links_every_article_and_pages_with_real_urls(self, client, articles_index, seed_article):
        html = client.get(articles_index.url).content.decode()
        assert f'href="{seed_article.url}"' in html

    def test_cta_bar_links_call_whatsapp_naming_the_page_and_booking(self, client, doctor, seed_article):
        html = client.get(seed_article.url).content.decode()
        bar = html.split('class="cta-bar"', 1)[1].split("</aside>", 1)[0]
        assert 'href="tel:+' in bar
        assert 'href="https://wa.me/' in bar
        assert "Difference%20Between%20Medical%20Oncologist" in bar
        # The form link carries the doctor and the page it was followed from (home/booking.py).
        assert f'href="/appointment/?doctor={doctor.pk}&amp;page={seed_article.pk}"' in bar

    def test_doctor_override_wins_on_their_page_and_articles(self, client, doctor, seed_article, home_page):
        type(doctor).objects.filter(pk=doctor.pk).update(appointment_phone="+912222222222", whatsapp_number="")
        for url in (doctor.url, seed_article.url):
            bar = client.get(url).content.decode().split('class="cta-bar"', 1)[1]
            assert 'href="tel:+912222222222"' in bar, url
        home_bar = client.get("/").content.decode().split('class="cta-bar"', 1)[1]
        assert "tel:+912222222222" not in home_bar
        assert f'href="/appointment/?page={home_page.pk}"' in home_bar

    def test_the_booking_bar_comes_right_after_the_header_and_the_article_ends_with_an_invitation(
        self, client, doctor, seed_article
    ):
        html = client.get(seed_article.url).content.decode()
        assert '</header><aside class="cta-bar"' in html
        main = html.split("<main", 1)[1].split("</main>", 1)[0]
        invitation = main.split('class="booking-invite"', 1)[1].split("</section>", 1)[0]
        assert f'href="/appointment/?doctor={doctor.pk}&amp;page={seed_article.pk}"' in invitation
        assert 'href="tel:+' in invitation and 'href="https://wa.me/' in invitation

    def test_the_doctor_page_has_its_booking_actions_in_its_header(self, client, doctor):
        html = client.get(doctor.url).content.decode()
        header = html.split('<header class="doctor-header">', 1)[1].split("</header>", 1)[0]
        assert f'href="/appointment/?doctor={doctor.pk}&amp;page={doctor.pk}"' in header

    def test_the_booking_page_names_the_doctor_its_link_carries_without_a_book_link(self, client, doctor):
        response = client.get("/appointment/", {"doctor": doctor.pk, "page": doctor.pk})
        html = response.content.decode()
        assert f"<h1>Book an appointment with {doctor.display_name}</h1>" in html
        assert page_data(html)["query"] == f"?doctor={doctor.pk}&page={doctor.pk}"
        bar = html.split('class="cta-bar"', 1)[1].split("</aside>", 1)[0]
        assert 'href="tel:+' in bar
        assert "/appointment/" not in bar

    @pytest.mark.parametrize("query", [{"doctor": "999999"}, {"doctor": "abc", "page": "-1"}, {"doctor": "0"}])
    def test_a_booking_link_naming_no_visible_doctor_shows_the_practice_form(self, client, demo_site, query):
        html = client.get("/appointment/", query).content.decode()
        assert "<h1>Book an appointment</h1>" in html

    def test_the_booking_form_posts_and_says_without_scripts_that_it_needs_them(self, client, demo_site):
        html = client.get("/appointment/").content.decode()
        form = html.split('<form class="appointment-form"', 1)[1].split(">", 1)[0]
        assert 'method="post"' in form
        notice = html.split("<noscript>", 1)[1].split("</noscript>", 1)[0]
        assert "needs JavaScript" in notice and "call or WhatsApp" in notice

    def test_a_booking_form_sent_without_scripts_gets_the_empty_form_and_its_details_reach_no_log(
        self, client, demo_site, caplog
    ):
        details = {"name": "Asha Verma", "phone": "+919812345678", "reason": "lump in the breast"}
        with caplog.at_level("DEBUG"):
            response = client.post("/appointment/?doctor=5&page=7", details)
        assert response.status_code == 303
        assert response["Location"] == "/appointment/?doctor=5&page=7"
        assert not any(value in record.getMessage() for value in details.values() for record in caplog.records)
        assert "Asha" not in client.get(response["Location"]).content.decode()

    def test_landmarks_and_skip_link(self, client, demo_site):
        html = client.get("/").content.decode()
        for landmark in (
            '<header class="site-header">',
            '<main id="main"',
            '<footer class="site-footer">',
            '<nav aria-label="Main">',
        ):
            assert landmark in html
        assert '<a class="skip-link" href="#main">' in html
        assert html.count("<h1>") == 1


class TestShell:
    def test_the_built_index_gets_head_content_and_data(self, tmp_path, monkeypatch):
        built = tmp_path / "index.html"
        built.write_text(
            '<!doctype html><html lang="en"><head><!--ssr-head-->'
            '<script type="module" src="/static/assets/index-abc123.js"></script></head>'
            '<body><div id="app"><!--ssr-body--></div><!--ssr-data--></body></html>'
        )
        monkeypatch.setattr(shell, "built_index_path", lambda: built)
        html = shell.fill_shell("<title>T</title>", "<main>M</main>", "<script id=page-data></script>", lang="hi")
        assert html.startswith('<!doctype html><html lang="hi"><head><title>T</title>')
        assert '<div id="app"><main>M</main></div><script id=page-data></script>' in html
        assert "/static/assets/index-abc123.js" in html

    def test_without_a_build_a_script_free_shell_still_serves_the_content(self, tmp_path, monkeypatch):
        monkeypatch.setattr(shell, "built_index_path", lambda: tmp_path / "missing.html")
        html = shell.fill_shell("<title>T</title>", "<main>M</main>", "")
        assert "<title>T</title>" in html and "<main>M</main>" in html
        assert "<script" not in html


@pytest.mark.django_db
def test_export_openapi_matches_the_served_schema(client, tmp_path):
    target = tmp_path / "openapi.json"
    call_command("export_openapi", output=str(target))
    exported = json.loads(target.read_text())
    served = client.get("/api/v3/openapi.json").json()
    assert exported == served
    assert "/api/v3/route/" in exported["paths"]


def test_built_assets_are_cached_forever_and_the_shell_is_not():
    """Vite's hashed files get WhiteNoise's one-year immutable caching; the HTML is never cached long."""
    from whitenoise.middleware import WhiteNoiseMiddleware

    middleware = WhiteNoiseMiddleware(get_response=lambda request: None)
    assert middleware.immutable_file_test("", "/static/assets/index-BZXGZAx7.js")
    assert middleware.immutable_file_test("", "/static/assets/index-DTux01Jp.css")
    assert not middleware.immutable_file_test("", "/static/index.html")
    assert not middleware.immutable_file_test("", "/static/assets/logo.svg")
