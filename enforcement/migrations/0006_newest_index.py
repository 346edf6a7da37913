from django.db import migrations, models


class Migration(migrations.Migration):
    """The home page's newest decisions read this index instead of sorting a million rows."""

    dependencies = [
        ("enforcement", "0005_authority_credit_code_help"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="decision",
            index=models.Index(
                condition=models.Q(("party_is_minor", False), ("status", "published")),
                fields=["-first_published_at", "-id"],
                name="decision_newest_idx",
            ),
        ),
    ]
