import django.contrib.postgres.search
from django.db import migrations

# PostgreSQL: stored search vectors, kept by a trigger from the stored documents (written on
# every save, bulk_create and update), filled here for the rows already there, and GIN
# indexes on them; the expression indexes of 0002 go. SQLite: the column stays empty (the
# search reads the stored documents there). `manage.py rebuild_search_documents` rebuilds
# the documents themselves (after a change of dictionary, say).
TABLES = {
    "catalog_catalogitem": ("catalogitem_vector_gin", "catalogitem_search_gin", [("search_document", None)]),
    "catalog_publication": (
        "publication_vector_gin",
        "publication_search_gin",
        [("search_title", "A"), ("search_body", "B")],
    ),
}


def forwards(apps, schema_editor):
    from lushan_portal.text_search import vector_trigger_sql

    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:  # raw: the function body holds no parameters
        for table, (index, old_index, columns) in TABLES.items():
            cursor.execute(f"DROP INDEX IF EXISTS {old_index}")
            cursor.execute(vector_trigger_sql(table, columns)[0])
            cursor.execute(f"CREATE INDEX IF NOT EXISTS {index} ON {table} USING gin (search_vector)")
            cursor.execute(f"ANALYZE {table}")


def backwards(apps, schema_editor):
    from lushan_portal.text_search import vector_sql, vector_trigger_sql

    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        for table, (index, old_index, columns) in TABLES.items():
            cursor.execute(f"DROP INDEX IF EXISTS {index}")
            cursor.execute(vector_trigger_sql(table, columns)[1])
            cursor.execute(f"CREATE INDEX IF NOT EXISTS {old_index} ON {table} USING gin (({vector_sql(columns)}))")


class Migration(migrations.Migration):
    dependencies = [("catalog", "0004_unknown_ticks_and_time_limit_clauses")]

    operations = [
        migrations.AddField(
            model_name="catalogitem",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="publication",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(forwards, backwards),
    ]
