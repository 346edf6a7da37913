import django.contrib.postgres.search
from django.db import migrations

# PostgreSQL: a stored search vector of the power items' bigram document, kept by a trigger and
# GIN-indexed, for the county-wide search (a GIN match on an expression would recompute the
# expression for every candidate row on recheck: 150 ms for 3,700 matches of 50,000 items).
# SQLite: the column stays empty (the search reads the stored document there).
TABLE = "administration_poweritem"
INDEX = "power_vector_gin"
COLUMNS = [("search_document", None)]


def forwards(apps, schema_editor):
    from lushan_portal.text_search import vector_trigger_sql

    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:  # raw: the function body holds no parameters
        cursor.execute(vector_trigger_sql(TABLE, COLUMNS)[0])
        cursor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON {TABLE} USING gin (search_vector)")


def backwards(apps, schema_editor):
    from lushan_portal.text_search import vector_trigger_sql

    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(f"DROP INDEX IF EXISTS {INDEX}")
        cursor.execute(vector_trigger_sql(TABLE, COLUMNS)[1])


class Migration(migrations.Migration):
    dependencies = [("administration", "0002_profiles_powers")]

    operations = [
        migrations.AddField(
            model_name="poweritem",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(forwards, backwards),
    ]
