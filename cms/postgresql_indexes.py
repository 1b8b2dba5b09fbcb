"""Indexes only PostgreSQL can have (expression GIN, INCLUDE, NULLS LAST), as migration operations."""

from django.db import migrations


def postgresql_index(name: str, definition: str) -> migrations.RunPython:
    """An operation running ``CREATE INDEX name ON <definition>`` on PostgreSQL, and nothing elsewhere."""

    def create(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {definition}")

    def drop(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")

    return migrations.RunPython(create, drop, elidable=False)
