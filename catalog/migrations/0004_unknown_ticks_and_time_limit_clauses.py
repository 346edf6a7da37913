"""Blank ticks become 待补充 (no more model defaults), time limits become clause lists.

Existing items keep exactly the limit they were enforced with: their stored kind and days
become one clause with the stored wording; their publications record that clause.
"""

from django.db import migrations, models

import catalog.models
import catalog.rules

CONTINUOUS = "continuous"


def _clause(kind: str, days: int | None, text: str) -> dict:
    if kind == CONTINUOUS or days is None:  # a countable kind without days never had a due date
        kind, days = CONTINUOUS, None
    return {"text": text, "unit": kind, "days": days, "applies_to": "", "period": False}


def clauses_from_stored(apps, schema_editor) -> None:
    item_model = apps.get_model("catalog", "CatalogItem")
    publication_model = apps.get_model("catalog", "Publication")
    groups = item_model.objects.order_by().values_list("time_limit_kind", "time_limit_days", "time_limit_text")
    for kind, days, text in groups.distinct():
        clause = _clause(kind, days, text)
        same = {"time_limit_kind": kind, "time_limit_days": days, "time_limit_text": text}
        item_model.objects.filter(**same).update(time_limits=[clause])
        publication_model.objects.filter(**{f"item__{k}": v for k, v in same.items()}).update(time_limit=clause)


def stored_from_clauses(apps, schema_editor) -> None:
    item_model = apps.get_model("catalog", "CatalogItem")
    for item in item_model.objects.all().iterator():
        first = item.time_limits[0]
        item.time_limit_kind, item.time_limit_days = first["unit"], first["days"]
        item.save(update_fields=["time_limit_kind", "time_limit_days"])


class Migration(migrations.Migration):
    dependencies = [
        ("catalog", "0003_import_limits"),
    ]

    operations = [
        migrations.AddField(
            model_name="catalogitem",
            name="level_defaulted",
            field=models.BooleanField(
                default=False,
                help_text="由信息员点击“按本单位层级补充”填写，非原目录所列",
                verbose_name="公开层级按本单位层级默认",
            ),
        ),
        migrations.AddField(
            model_name="catalogitem",
            name="time_limits",
            field=models.JSONField(
                default=catalog.models.default_time_limits,
                help_text="由“公开时限”原文解析：每条的天数、单位、适用范围和原文",
                validators=[catalog.rules.validate_time_limits],
                verbose_name="公开时限条款",
            ),
        ),
        migrations.AddField(
            model_name="historicalpublication",
            name="info_kind",
            field=models.CharField(
                blank=True,
                help_text="如：行政许可、行政处罚决定；目录事项列有多条时限时，据此选用适用的一条",
                max_length=100,
                verbose_name="信息类别",
            ),
        ),
        migrations.AddField(
            model_name="historicalpublication",
            name="time_limit",
            field=models.JSONField(blank=True, editable=False, null=True, verbose_name="适用的公开时限"),
        ),
        migrations.AddField(
            model_name="publication",
            name="info_kind",
            field=models.CharField(
                blank=True,
                help_text="如：行政许可、行政处罚决定；目录事项列有多条时限时，据此选用适用的一条",
                max_length=100,
                verbose_name="信息类别",
            ),
        ),
        migrations.AddField(
            model_name="publication",
            name="time_limit",
            field=models.JSONField(blank=True, editable=False, null=True, verbose_name="适用的公开时限"),
        ),
        migrations.AlterField(
            model_name="catalogitem",
            name="audience_public",
            field=models.BooleanField(default=False, verbose_name="公开对象：全社会"),
        ),
        migrations.AlterField(
            model_name="catalogitem",
            name="level_county",
            field=models.BooleanField(default=False, verbose_name="公开层级：县级"),
        ),
        migrations.AlterField(
            model_name="catalogitem",
            name="mode_proactive",
            field=models.BooleanField(default=False, verbose_name="公开方式：主动"),
        ),
        migrations.RunPython(clauses_from_stored, stored_from_clauses),
        migrations.RemoveField(
            model_name="catalogitem",
            name="time_limit_days",
        ),
        migrations.RemoveField(
            model_name="catalogitem",
            name="time_limit_kind",
        ),
    ]
