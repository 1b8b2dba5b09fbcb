"""On SQLite, the full-text index stems words (Porter), as PostgreSQL's ``english`` configuration does.

Wagtail's search creates its SQLite FTS5 table with the plain ``unicode61``
tokenizer, so “treatments” never found “treatment”. The table is made again
with ``porter unicode61`` and refilled from the index entries it mirrors (its
triggers keep filling it by name). Nothing happens on other databases or
where SQLite has no FTS5 table.
"""

from django.db import migrations

TABLE = "wagtailsearch_indexentry_fts"
SOURCE = "wagtailsearch_indexentry"


def _remake(schema_editor, tokenizer: str) -> None:
    connection = schema_editor.connection
    if connection.vendor != "sqlite" or TABLE not in connection.introspection.table_names():
        return
    schema_editor.execute(f"DROP TABLE {TABLE}")
    schema_editor.execute(f"CREATE VIRTUAL TABLE {TABLE} USING fts5(autocomplete, body, title, tokenize='{tokenizer}')")
    schema_editor.execute(
        f"INSERT INTO {TABLE}(rowid, autocomplete, body, title) SELECT id, autocomplete, body, title FROM {SOURCE}"  # noqa: S608
    )


def stemmed(apps, schema_editor):
    _remake(schema_editor, "porter unicode61")


def plain(apps, schema_editor):
    _remake(schema_editor, "unicode61")


class Migration(migrations.Migration):
    dependencies = [
        ("site_search", "0002_seed_synonyms"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(stemmed, plain)]
