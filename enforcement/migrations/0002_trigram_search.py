from django.db import migrations

# Trigram indexes serve the public search's "contains" filters on PostgreSQL (Django writes
# icontains as UPPER(column) LIKE UPPER(%s), so the index is on UPPER(column)); SQLite scans.
INDEXES = {
    "decision_party_name_trgm": "party_name",
    "decision_number_trgm": "decision_number",
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, column in INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON enforcement_decision USING gin ((UPPER({column}::text)) gin_trgm_ops)"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("enforcement", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
