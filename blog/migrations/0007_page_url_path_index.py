"""An index on the page table's ``url_path``, by which ``/api/v3/route/`` and the site's pages find a page.

Wagtail does not index ``url_path``: finding a page and its ancestors by their URL read every page
of the table (50,000 articles: a quarter of a second per lookup). Articles are what make the table
large, hence this app. SQLite's page tables stay small and are left as they are.
"""

from django.conf import settings
from django.db import migrations

from cms.postgresql_indexes import postgresql_index


class Migration(migrations.Migration):
    dependencies = [("blog", "0006_article_date_indexes"), migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL)]

    operations = [postgresql_index("page_url_path_idx", "wagtailcore_page (url_path)")]
