from django.db import migrations

# GIN indexes over the very expressions the search queries use (catalog.models).
SEARCH_INDEXES = {
    "CatalogItem": ("catalogitem_search_gin", "item_vector"),
    "Publication": ("publication_search_gin", "publication_vector"),
}


def seed_domains(apps, schema_editor):
    from catalog.seed import DOMAINS

    Domain = apps.get_model("catalog", "Domain")
    for order, (code, name, _lead) in enumerate(DOMAINS, start=1):
        Domain.objects.get_or_create(code=code, defaults={"name": name, "sort_order": order})


def _indexes(apps):
    from django.contrib.postgres.indexes import GinIndex

    from catalog import models

    for model_name, (index_name, vector) in SEARCH_INDEXES.items():
        yield apps.get_model("catalog", model_name), GinIndex(getattr(models, vector)(), name=index_name)


def add_search_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for model, index in _indexes(apps):
            schema_editor.add_index(model, index)


def drop_search_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for model, index in _indexes(apps):
            schema_editor.remove_index(model, index)


class Migration(migrations.Migration):
    dependencies = [("catalog", "0001_initial")]

    operations = [
        migrations.RunPython(seed_domains, migrations.RunPython.noop),
        migrations.RunPython(add_search_indexes, drop_search_indexes),
    ]
