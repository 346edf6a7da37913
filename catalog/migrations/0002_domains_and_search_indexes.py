from django.db import migrations

# GIN indexes over the expressions the search queries used then; 0005_search_vector replaces
# them with indexes on stored vectors.
SEARCH_INDEXES = {
    "CatalogItem": ("catalogitem_search_gin", [("search_document", None)]),
    "Publication": ("publication_search_gin", [("search_title", "A"), ("search_body", "B")]),
}


def seed_domains(apps, schema_editor):
    from catalog.seed import DOMAINS

    Domain = apps.get_model("catalog", "Domain")
    for order, (code, name, _lead) in enumerate(DOMAINS, start=1):
        Domain.objects.get_or_create(code=code, defaults={"name": name, "sort_order": order})


def _indexes(apps):
    from django.contrib.postgres.indexes import GinIndex

    from lushan_portal.text_search import document_vector

    for model_name, (index_name, fields) in SEARCH_INDEXES.items():
        vectors = [document_vector(field, weight) for field, weight in fields]
        vector = sum(vectors[1:], vectors[0]) if len(vectors) > 1 else vectors[0]
        yield apps.get_model("catalog", model_name), GinIndex(vector, name=index_name)


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
