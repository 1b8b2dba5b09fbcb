"""A GIN index on the search index's ``title || body``, the expression the PostgreSQL backend matches.

Wagtail's PostgreSQL search backend (``modelsearch``) filters on
``(title || body) @@ tsquery`` while its own indexes cover ``title`` and ``body``
separately, so without this every search read every index entry. Other databases
keep their own full-text tables and need nothing here.
"""

from django.db import migrations

from cms.postgresql_indexes import postgresql_index


class Migration(migrations.Migration):
    dependencies = [("site_search", "0003_stemmed_sqlite_index"), ("wagtailsearch", "0010_add_text_fields")]

    operations = [
        postgresql_index("search_indexentry_title_body_gin", "wagtailsearch_indexentry USING gin ((title || body))")
    ]
