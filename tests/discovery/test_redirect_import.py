"""Staff import old addresses from a spreadsheet; visitors and the API follow them."""

from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.contrib.redirects.models import Redirect

# Wagtail's import takes absolute target addresses.
CSV = (
    b"from,to\n"
    b"/old-site/medical-vs-surgical.html,"
    b"https://www.example-clinic.in/articles/difference-between-medical-oncologist-and-surgical-oncologist/\n"
    b"/old-site/about-us,https://www.example-clinic.in/about/\n"
)


def test_a_csv_of_old_addresses_becomes_redirects_that_the_site_follows(admin_client, client, seed_article):
    upload = admin_client.post(
        "/admin/redirects/import/", {"import_file": SimpleUploadedFile("old-site.csv", CSV, content_type="text/csv")}
    )
    assert upload.status_code == 200
    confirm = admin_client.post(
        "/admin/redirects/import/process/",
        {**upload.context["form"].initial, "from_index": 0, "to_index": 1, "permanent": True},
    )
    assert confirm.status_code == 302  # back to the redirects list, with a success message
    assert Redirect.objects.count() == 2

    route = client.get("/api/v3/route/", {"path": "/old-site/about-us"}).json()
    assert route == {
        "kind": "redirect",
        "redirect": {"location": "https://www.example-clinic.in/about/", "status": 301},
    }

    visitor = client.get("/old-site/medical-vs-surgical.html")
    assert visitor.status_code == 301
    assert visitor["Location"].endswith(seed_article.url)
