from django.db import migrations

# PostgreSQL only (SQLite scans): trigram indexes for the admin's "contains" search (Django
# writes icontains as UPPER(column) LIKE UPPER(%s), hence UPPER), and a GIN index over the
# bigram search document for the public search, built from the expression it queries.
TRIGRAM_INDEXES = {"decision_party_name_trgm": "party_name", "decision_number_trgm": "decision_number"}
SEARCH_INDEX = "decision_search_gin"


def _search_index():
    from django.contrib.postgres.indexes import GinIndex

    from enforcement.models import decision_vector

    return GinIndex(decision_vector(), name=SEARCH_INDEX)


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, column in TRIGRAM_INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON enforcement_decision USING gin ((UPPER({column}::text)) gin_trgm_ops)"
        )
    schema_editor.add_index(apps.get_model("enforcement", "Decision"), _search_index())


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.remove_index(apps.get_model("enforcement", "Decision"), _search_index())
    for name in TRIGRAM_INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("enforcement", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
