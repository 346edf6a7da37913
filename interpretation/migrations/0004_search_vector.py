import django.contrib.postgres.search
from django.db import migrations

# PostgreSQL: a stored search vector kept by a trigger from the stored document, filled here
# for the documents already there, with a GIN index; the expression index of 0002 goes.
# SQLite: the column stays empty (the search reads the stored document there).
TABLE = "interpretation_policydocument"
INDEX = "policy_vector_gin"
OLD_INDEX = "policy_search_gin"
COLUMNS = [("search_document", None)]


def forwards(apps, schema_editor):
    from lushan_portal.text_search import vector_trigger_sql

    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:  # raw: the function body holds no parameters
        cursor.execute(f"DROP INDEX IF EXISTS {OLD_INDEX}")
        cursor.execute(vector_trigger_sql(TABLE, COLUMNS)[0])
        cursor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON {TABLE} USING gin (search_vector)")
        cursor.execute(f"ANALYZE {TABLE}")


def backwards(apps, schema_editor):
    from lushan_portal.text_search import vector_sql, vector_trigger_sql

    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(f"DROP INDEX IF EXISTS {INDEX}")
        cursor.execute(vector_trigger_sql(TABLE, COLUMNS)[1])
        cursor.execute(f"CREATE INDEX IF NOT EXISTS {OLD_INDEX} ON {TABLE} USING gin (({vector_sql(COLUMNS)}))")


class Migration(migrations.Migration):
    dependencies = [("interpretation", "0003_unknown_dates_and_units")]

    operations = [
        migrations.AddField(
            model_name="policydocument",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(forwards, backwards),
    ]
