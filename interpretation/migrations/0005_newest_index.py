from django.db import migrations, models

from lushan_portal.migration_ops import AddIndexOnPostgreSQL


class Migration(migrations.Migration):
    """The home page's newest interpretations read this index instead of sorting the table."""

    dependencies = [
        ("interpretation", "0004_search_vector"),
    ]

    operations = [
        AddIndexOnPostgreSQL(
            model_name="interpretation",
            index=models.Index(
                models.OrderBy(models.F("published_on"), descending=True, nulls_last=True),
                models.OrderBy(models.F("id"), descending=True),
                condition=models.Q(("status", "published")),
                name="interp_public_idx",
            ),
        ),
    ]
