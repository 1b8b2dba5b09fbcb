"""A covering index of the page table for counting the visible pages of one type (PostgreSQL).

``home.visibility`` decides from ``live``, ``url_path``, ``expire_at``, ``go_live_at``,
``live_revision_id`` and ``path``; with them (and ``id``, for joins) in an index beside
``content_type_id``, a count such as the article list's total is an index-only scan, not a
read of every page row.
"""

from django.db import migrations

from cms.postgresql_indexes import postgresql_index


class Migration(migrations.Migration):
    dependencies = [("home", "0004_footer_disclaimer_page"), ("wagtailcore", "0098_apitoken")]

    operations = [
        postgresql_index(
            "page_visibility_by_type_idx",
            "wagtailcore_page (content_type_id, live) "
            "INCLUDE (id, url_path, path, expire_at, go_live_at, live_revision_id)",
        )
    ]
