"""Indexes of the pages' scheduled times, for the next time visibility changes by itself (PostgreSQL).

``home.visibility.next_visibility_change`` asks for the earliest ``expire_at`` ahead, and the earliest
``go_live_at`` ahead of a page with no published revision. Few pages have either set, so the partial
indexes stay tiny and each answer reads their first entries instead of every live page.
"""

from django.db import migrations

from cms.postgresql_indexes import postgresql_index


class Migration(migrations.Migration):
    dependencies = [("home", "0006_page_menu_index")]

    operations = [
        postgresql_index("page_expire_at_idx", "wagtailcore_page (expire_at) WHERE expire_at IS NOT NULL"),
        postgresql_index(
            "page_unpublished_go_live_at_idx",
            "wagtailcore_page (go_live_at) WHERE go_live_at IS NOT NULL AND live_revision_id IS NULL",
        ),
    ]
