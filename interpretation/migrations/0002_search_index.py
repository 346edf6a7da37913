from django.db import migrations

INDEX_NAME = "policy_search_gin"


def _index():
    from django.contrib.postgres.indexes import GinIndex

    from lushan_portal.text_search import document_vector

    return GinIndex(document_vector("search_document"), name=INDEX_NAME)  # until 0004_search_vector


def add(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("interpretation", "PolicyDocument"), _index())


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("interpretation", "PolicyDocument"), _index())


class Migration(migrations.Migration):
    dependencies = [("interpretation", "0001_initial")]

    operations = [migrations.RunPython(add, drop)]
