from django.db import migrations, models


class Migration(migrations.Migration):
    """The publications API filtered by domain or unit reads its first page from an index."""

    dependencies = [
        ("catalog", "0005_search_vector"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="publication",
            index=models.Index(
                condition=models.Q(("status", "published")),
                fields=["domain", "-published_on", "-id"],
                name="publication_domain_new_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="publication",
            index=models.Index(
                condition=models.Q(("status", "published")),
                fields=["unit", "-published_on", "-id"],
                name="publication_unit_new_idx",
            ),
        ),
    ]
