"""Staff find a clinic, a category or a search synonym in the admin's listings: columns, search and filters."""

import re

import pytest

from blog.models import Category
from home.models import Clinic
from search.models import SearchSynonym


def listing(admin_client, url: str) -> str:
    response = admin_client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def clinics(demo_site):
    return [
        Clinic.objects.create(name="Lakeside Cancer Centre", street_address="1 Lake Road", locality="Pune"),
        Clinic.objects.create(name="Hillview Day Care", street_address="2 Hill Road", locality="Nashik"),
    ]


def test_the_clinic_list_shows_city_phone_and_country_and_finds_by_address_and_city(admin_client, clinics):
    url = "/admin/snippets/home/clinic/"
    html = listing(admin_client, url)
    columns = re.findall(r"Sort by &#x27;(\w+)&#x27;", html)
    assert columns == ["Name", "Locality", "Phone", "Country"]
    assert "Lakeside Cancer Centre" in html and "Hillview Day Care" in html

    by_street = listing(admin_client, f"{url}?q=Hill+Road")
    assert "Hillview Day Care" in by_street and "Lakeside Cancer Centre" not in by_street

    by_city = listing(admin_client, f"{url}?locality=Pune")
    assert "Lakeside Cancer Centre" in by_city and "Hillview Day Care" not in by_city


def test_the_category_list_shows_the_web_address_and_finds_by_description(admin_client, demo_site):
    Category.objects.create(name="Paediatric oncology", description="Cancer care for children and teenagers.")
    Category.objects.create(name="Radiation oncology", description="Radiotherapy.")
    url = "/admin/snippets/blog/category/"
    html = listing(admin_client, url)
    assert re.findall(r"Sort by &#x27;(\w+)&#x27;", html) == ["Name", "Slug"]
    assert "paediatric-oncology" in html and "radiation-oncology" in html

    found = listing(admin_client, f"{url}?q=teenagers")
    assert "Paediatric oncology" in found and "Radiation oncology" not in found


def test_search_synonyms_are_found_by_any_of_their_words(admin_client, demo_site):
    SearchSynonym.objects.create(words="neutropenia, neutrophils")
    SearchSynonym.objects.create(words="alopecia, baldness")
    found = listing(admin_client, "/admin/snippets/site_search/searchsynonym/?q=baldness")
    assert "alopecia, baldness" in found and "neutropenia, neutrophils" not in found
