from django.db import migrations

# PostgreSQL only (SQLite scans): a GIN index over the bigram search document of power items, built
# from the expression the county-wide search queries (administration.models.powers.power_vector).
SEARCH_INDEX = "power_search_gin"


def _search_index():
    from django.contrib.postgres.indexes import GinIndex

    from administration.models.powers import power_vector

    return GinIndex(power_vector(), name=SEARCH_INDEX)


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.add_index(apps.get_model("administration", "PowerItem"), _search_index())


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.remove_index(apps.get_model("administration", "PowerItem"), _search_index())


class Migration(migrations.Migration):
    dependencies = [("administration", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
