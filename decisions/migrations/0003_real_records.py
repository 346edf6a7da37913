from zoneinfo import ZoneInfo

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models
from django.db.models import Min, OuterRef, Subquery
from django.db.models.functions import TruncDate


def keep_existing_meaningful(apps, schema_editor):
    """Existing consultations were run on this portal (entered_after_fact stays False).

    Each record's entry time is its first history row (else unknown, never now); an existing
    report's own date is the day it was published here, in county time.
    """
    decision = apps.get_model("decisions", "MajorDecision")
    history = apps.get_model("decisions", "HistoricalMajorDecision")
    first = history.objects.filter(id=OuterRef("pk")).order_by().values("id").annotate(t=Min("history_date"))
    decision.objects.update(entered_at=Subquery(first.values("t")))
    published = decision.objects.filter(feedback_published_at__isnull=False)
    published.update(report_published_on=TruncDate("feedback_published_at", tzinfo=ZoneInfo(settings.TIME_ZONE)))


class Migration(migrations.Migration):
    dependencies = [
        ("decisions", "0002_encrypt_personal_data"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalmajordecision",
            name="ends_before",
            field=models.DateField(
                blank=True, help_text="仅“某日前”填写", null=True, verbose_name="原文“某日前”的日期"
            ),
        ),
        migrations.AddField(
            model_name="historicalmajordecision",
            name="entered_after_fact",
            field=models.BooleanField(
                default=False,
                help_text="征求意见未在本网站进行，依原公告事后录入；日期和数量可以不详",
                verbose_name="事后录入",
            ),
        ),
        migrations.AddField(
            model_name="historicalmajordecision",
            name="entered_at",
            field=models.DateTimeField(editable=False, null=True, verbose_name="录入本网站时间"),
        ),
        migrations.AddField(
            model_name="historicalmajordecision",
            name="kind",
            field=models.CharField(
                choices=[("draft", "决策草案征求意见"), ("catalog_call", "决策事项目录征集")],
                default="draft",
                max_length=16,
                verbose_name="类别",
            ),
        ),
        migrations.AddField(
            model_name="historicalmajordecision",
            name="notice_title",
            field=models.CharField(
                blank=True,
                help_text="留空则按决策事项生成：关于《…》公开征求意见",
                max_length=300,
                verbose_name="公告标题",
            ),
        ),
        migrations.AddField(
            model_name="historicalmajordecision",
            name="published_on",
            field=models.DateField(
                blank=True, help_text="原公告日期，不详则留空", null=True, verbose_name="公告发布日期"
            ),
        ),
        migrations.AddField(
            model_name="historicalmajordecision",
            name="report_published_on",
            field=models.DateField(blank=True, editable=False, null=True, verbose_name="采纳情况公布日期"),
        ),
        migrations.AddField(
            model_name="historicalmajordecision",
            name="window_form",
            field=models.CharField(
                choices=[
                    ("period", "起止日期（如“11月1日至11月30日”）"),
                    ("from_publication", "即日起至某日（开始日期为发布日期）"),
                    ("before", "某日前（最后一日为该日前一日）"),
                ],
                default="period",
                max_length=20,
                verbose_name="期限表述方式",
            ),
        ),
        migrations.AddField(
            model_name="historicalmajordecision",
            name="window_wording",
            field=models.CharField(
                blank=True,
                help_text="照录公告原文，如“即日起至12月10日”“2020年11月28日前”",
                max_length=200,
                verbose_name="期限原文",
            ),
        ),
        migrations.AddField(
            model_name="majordecision",
            name="ends_before",
            field=models.DateField(
                blank=True, help_text="仅“某日前”填写", null=True, verbose_name="原文“某日前”的日期"
            ),
        ),
        migrations.AddField(
            model_name="majordecision",
            name="entered_after_fact",
            field=models.BooleanField(
                default=False,
                help_text="征求意见未在本网站进行，依原公告事后录入；日期和数量可以不详",
                verbose_name="事后录入",
            ),
        ),
        migrations.AddField(
            model_name="majordecision",
            name="entered_at",
            field=models.DateTimeField(editable=False, null=True, verbose_name="录入本网站时间"),
        ),
        migrations.AddField(
            model_name="majordecision",
            name="kind",
            field=models.CharField(
                choices=[("draft", "决策草案征求意见"), ("catalog_call", "决策事项目录征集")],
                default="draft",
                max_length=16,
                verbose_name="类别",
            ),
        ),
        migrations.AddField(
            model_name="majordecision",
            name="notice_title",
            field=models.CharField(
                blank=True,
                help_text="留空则按决策事项生成：关于《…》公开征求意见",
                max_length=300,
                verbose_name="公告标题",
            ),
        ),
        migrations.AddField(
            model_name="majordecision",
            name="published_on",
            field=models.DateField(
                blank=True, help_text="原公告日期，不详则留空", null=True, verbose_name="公告发布日期"
            ),
        ),
        migrations.AddField(
            model_name="majordecision",
            name="report_published_on",
            field=models.DateField(blank=True, editable=False, null=True, verbose_name="采纳情况公布日期"),
        ),
        migrations.AddField(
            model_name="majordecision",
            name="window_form",
            field=models.CharField(
                choices=[
                    ("period", "起止日期（如“11月1日至11月30日”）"),
                    ("from_publication", "即日起至某日（开始日期为发布日期）"),
                    ("before", "某日前（最后一日为该日前一日）"),
                ],
                default="period",
                max_length=20,
                verbose_name="期限表述方式",
            ),
        ),
        migrations.AddField(
            model_name="majordecision",
            name="window_wording",
            field=models.CharField(
                blank=True,
                help_text="照录公告原文，如“即日起至12月10日”“2020年11月28日前”",
                max_length=200,
                verbose_name="期限原文",
            ),
        ),
        migrations.AlterField(
            model_name="historicalmajordecision",
            name="closes_on",
            field=models.DateField(
                blank=True,
                help_text="最后一日，含当日；“某日前”：不填，按前一日计",
                null=True,
                verbose_name="征求意见截止日期",
            ),
        ),
        migrations.AlterField(
            model_name="historicalmajordecision",
            name="feedback_published_at",
            field=models.DateTimeField(blank=True, editable=False, null=True, verbose_name="采纳情况录入时间"),
        ),
        migrations.AlterField(
            model_name="historicalmajordecision",
            name="opens_on",
            field=models.DateField(
                blank=True, help_text="“即日起”：不填，取公告发布日期", null=True, verbose_name="征求意见开始日期"
            ),
        ),
        migrations.AlterField(
            model_name="historicalmajordecision",
            name="title",
            field=models.CharField(blank=True, max_length=300, verbose_name="决策事项"),
        ),
        migrations.AlterField(
            model_name="historicalmajordecision",
            name="year",
            field=models.PositiveSmallIntegerField(help_text="目录征集：所征集的目录年度", verbose_name="目录年度"),
        ),
        migrations.AlterField(
            model_name="majordecision",
            name="closes_on",
            field=models.DateField(
                blank=True,
                help_text="最后一日，含当日；“某日前”：不填，按前一日计",
                null=True,
                verbose_name="征求意见截止日期",
            ),
        ),
        migrations.AlterField(
            model_name="majordecision",
            name="feedback_published_at",
            field=models.DateTimeField(blank=True, editable=False, null=True, verbose_name="采纳情况录入时间"),
        ),
        migrations.AlterField(
            model_name="majordecision",
            name="opens_on",
            field=models.DateField(
                blank=True, help_text="“即日起”：不填，取公告发布日期", null=True, verbose_name="征求意见开始日期"
            ),
        ),
        migrations.AlterField(
            model_name="majordecision",
            name="title",
            field=models.CharField(blank=True, max_length=300, verbose_name="决策事项"),
        ),
        migrations.AlterField(
            model_name="majordecision",
            name="year",
            field=models.PositiveSmallIntegerField(help_text="目录征集：所征集的目录年度", verbose_name="目录年度"),
        ),
        migrations.CreateModel(
            name="HistoricalOfflineComments",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                (
                    "channel",
                    models.CharField(
                        choices=[
                            ("letter", "信函"),
                            ("fax", "传真"),
                            ("phone", "电话"),
                            ("email", "电子邮件"),
                            ("symposium", "座谈会"),
                            ("hearing", "听证会"),
                        ],
                        max_length=16,
                        verbose_name="渠道",
                    ),
                ),
                ("count", models.PositiveIntegerField(verbose_name="意见数")),
                ("summary", models.TextField(blank=True, verbose_name="意见摘要（不含个人信息）")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "decision",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="decisions.majordecision",
                        verbose_name="决策事项",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical 其他渠道收到的意见",
                "verbose_name_plural": "historical 其他渠道收到的意见",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="OfflineComments",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "channel",
                    models.CharField(
                        choices=[
                            ("letter", "信函"),
                            ("fax", "传真"),
                            ("phone", "电话"),
                            ("email", "电子邮件"),
                            ("symposium", "座谈会"),
                            ("hearing", "听证会"),
                        ],
                        max_length=16,
                        verbose_name="渠道",
                    ),
                ),
                ("count", models.PositiveIntegerField(verbose_name="意见数")),
                ("summary", models.TextField(blank=True, verbose_name="意见摘要（不含个人信息）")),
                (
                    "decision",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="offline_comments",
                        to="decisions.majordecision",
                        verbose_name="决策事项",
                    ),
                ),
            ],
            options={
                "verbose_name": "其他渠道收到的意见",
                "verbose_name_plural": "其他渠道收到的意见",
                "ordering": ["decision", "channel"],
                "constraints": [
                    models.UniqueConstraint(fields=("decision", "channel"), name="offline_comments_one_per_channel")
                ],
            },
        ),
        migrations.RunPython(keep_existing_meaningful, migrations.RunPython.noop),
    ]
