"""Search understands the words patients type: word starts, stemming, synonyms staff keep, “did you mean”.

The same rule answers ``/api/v3/search/`` and ``/api/v3/articles/?q=``, on SQLite and PostgreSQL.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from search.models import SearchSynonym
from search.query_expansion import search_words
from tests.factories import make_article, paragraph

pytestmark = pytest.mark.django_db


@pytest.fixture
def tumor_article(site_tree):
    """An article using the American spelling only, as the demo article does."""
    return make_article(
        site_tree.blog,
        title="When a tumor is found",
        slug="when-a-tumor-is-found",
        summary="What happens after the scan.",
        body=[paragraph("<p>Most tumors are treated in steps.</p>")],
    )


def search(client, words: str) -> dict:
    response = client.get("/api/v3/search/", {"q": words})
    assert response.status_code == 200
    return response.json()


def found(client, words: str) -> set[int]:
    return {item["page_id"] for item in search(client, words)["items"]}


def listed(client, words: str) -> set[int]:
    response = client.get("/api/v3/articles/", {"q": words})
    assert response.status_code == 200
    return {item["id"] for item in response.json()["items"]}


def test_chemo_finds_chemotherapy_on_both_surfaces(client, site_tree):
    assert site_tree.other_article.pk in found(client, "chemo")
    assert site_tree.other_article.pk in listed(client, "chemo")
    hit = next(item for item in search(client, "chemo")["items"] if item["page_id"] == site_tree.other_article.pk)
    assert "<mark>Chemotherapy</mark>" in hit["snippet"]


def test_tumour_finds_the_american_spelling_and_back(client, site_tree, tumor_article):
    assert tumor_article.pk in found(client, "tumour")
    assert tumor_article.pk in found(client, "tumours")
    assert tumor_article.pk in listed(client, "Tumour")
    assert tumor_article.pk in found(client, "tumor")
    hit = next(item for item in search(client, "tumour")["items"] if item["page_id"] == tumor_article.pk)
    assert "<mark>tumors</mark>" in hit["snippet"]


def test_the_start_of_a_word_is_enough(client, site_tree):
    assert site_tree.article.pk in found(client, "oncolog")
    assert site_tree.doctor.pk in found(client, "oncolog")
    assert site_tree.article.pk in listed(client, "surgic")


def test_other_forms_of_a_word_are_found(client, site_tree):
    # The pages say “treatment options”, “Chemotherapy side effects”, “Medical oncologist”.
    assert site_tree.about.pk in found(client, "treatments")
    assert site_tree.other_article.pk in found(client, "side effect")
    assert site_tree.other_article.pk in listed(client, "chemotherapies")


def test_every_word_counts_but_small_words_do_not(client, site_tree):
    assert found(client, "chemotherapy surgery") == {site_tree.article.pk}
    assert site_tree.other_article.pk in found(client, "what is chemo")
    assert found(client, "chemotherapy pizza") == set()


def test_nothing_found_suggests_words_that_find_pages(client, site_tree):
    data = search(client, "chemotheraphy")
    assert data["count"] == 0 and data["items"] == []
    assert data["query"] == "chemotheraphy"
    assert data["suggestion"] == "chemotherapy"
    assert search(client, data["suggestion"])["count"] >= 1
    # A word close to nothing gets no suggestion, and a match gets none either.
    assert search(client, "zzxqv")["suggestion"] is None
    assert search(client, "chemotherapy")["suggestion"] is None


def test_a_suggestion_never_names_a_word_only_hidden_pages_use(client, site_tree):
    hidden = make_article(site_tree.blog, title="Brachytherapy explained", slug="brachytherapy")
    hidden.unpublish()
    assert search(client, "brachytheraphy")["suggestion"] is None


def test_a_newly_published_article_brings_its_words_to_the_suggestions(
    client, site_tree, django_capture_on_commit_callbacks
):
    assert search(client, "brachytheraphy")["suggestion"] is None  # the words are now kept
    draft = make_article(site_tree.blog, title="Brachytherapy explained", slug="brachytherapy", live=False)
    with django_capture_on_commit_callbacks(execute=True):
        draft.save_revision().publish()
    assert search(client, "brachytheraphy")["suggestion"] == "brachytherapy"


def test_a_synonym_added_in_the_admin_takes_effect(
    client, site_tree, tumor_article, admin_client, django_capture_on_commit_callbacks
):
    assert search(client, "growth")["count"] == 0  # asked once, so a cached answer would show here
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("wagtailsnippets_site_search_searchsynonym:add"), {"words": "Growth, tumor"}
        )
    assert response.status_code == 302
    assert SearchSynonym.objects.filter(words="growth, tumor").exists()
    assert tumor_article.pk in found(client, "growth")
    assert tumor_article.pk in listed(client, "growths")


def test_the_admin_explains_a_synonym_it_cannot_use(admin_client, site_tree):
    url = reverse("wagtailsnippets_site_search_searchsynonym:add")
    for words, message in (
        ("chemo", "at least two different words"),
        ("chemo, chemo", "at least two different words"),
        ("cancer care, oncology", "single words"),
    ):
        response = admin_client.post(url, {"words": words})
        assert response.status_code == 200, words
        assert message in response.content.decode(), words


def test_the_seeded_list_holds_generic_medical_words_only():
    words = {word for synonym in SearchSynonym.objects.all() for word in synonym.words.split(", ")}
    assert {"chemo", "chemotherapy", "tumour", "tumor"} <= words
    assert not {word for word in words if word.startswith("dr") or "pandey" in word}


def test_words_are_split_at_spaces_and_punctuation_only():
    # ``\w+`` would cut a Hindi word at each vowel sign.
    assert search_words("What is chemo? कैंसर का इलाज; side-effects") == [
        "chemo",
        "कैंसर",
        "का",
        "इलाज",
        "side",
        "effects",
    ]


def test_a_search_matching_more_than_the_limit_counts_and_ranks_the_limit(client, site_tree, monkeypatch):
    # (The limit is 1,000; lowered here rather than publishing a thousand articles.)
    for module in ("search.matching", "search.api", "blog.api"):
        monkeypatch.setattr(f"{module}.MATCH_LIMIT", 3)
    for number in range(5):
        make_article(site_tree.blog, title=f"Radiotherapy session {number}")
    make_article(site_tree.blog, title="Brachytherapy explained")

    common = client.get("/api/v3/articles/?q=radiotherapy&limit=2").json()
    assert common["count"] == 3 and len(common["items"]) == 2
    searched = client.get("/api/v3/search/", {"q": "radiotherapy"}).json()
    assert searched["count"] == 3 and len(searched["items"]) == 3
    # Below the limit every match is counted and offered.
    rare = client.get("/api/v3/articles/?q=brachytherapy").json()
    assert rare["count"] == 1 and rare["items"][0]["title"] == "Brachytherapy explained"
    assert client.get("/api/v3/search/", {"q": "brachytherapy"}).json()["count"] == 1


def test_a_search_reads_the_synonym_list_once(client, site_tree):
    make_article(site_tree.blog, title="Chemotherapy at home")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/api/v3/search/", {"q": "chemotherapy"}).json()["count"] >= 1
    synonym_reads = [q for q in queries.captured_queries if SearchSynonym._meta.db_table in q["sql"]]
    assert len(synonym_reads) == 1
