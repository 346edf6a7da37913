from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class DataSource(models.TextChoices):
    PACKAGE = "package", _("chinesecalendar 数据包")
    MANUAL = "manual", _("人工录入")


class CalendarYear(models.Model):
    """Whether a year's holiday arrangement (State Council notice) has been entered."""

    year = models.PositiveSmallIntegerField(_("年份"), primary_key=True)
    has_data = models.BooleanField(
        _("已录入节假日安排"),
        default=False,
        help_text=_("录入国务院办公厅当年节假日安排通知的全部放假和调休上班日期后勾选。"),
    )
    source = models.CharField(_("来源"), max_length=16, choices=DataSource.choices, default=DataSource.MANUAL)
    note = models.CharField(_("依据"), max_length=200, blank=True, help_text=_("如：国办发明电〔2026〕X号"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("年度节假日安排")
        verbose_name_plural = _("年度节假日安排")
        ordering = ["-year"]

    def __str__(self) -> str:
        return f"{self.year}"


class DayKind(models.TextChoices):
    HOLIDAY = "holiday", _("法定节假日（放假）")
    MAKEUP_WORKDAY = "workday", _("调休上班日")


class CalendarDay(models.Model):
    """A day that differs from the Monday-Friday pattern: a holiday or a make-up working day."""

    date = models.DateField(_("日期"), unique=True)
    kind = models.CharField(_("类型"), max_length=16, choices=DayKind.choices)
    name = models.CharField(_("节日"), max_length=60)
    source = models.CharField(_("来源"), max_length=16, choices=DataSource.choices, default=DataSource.MANUAL)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("节假日与调休")
        verbose_name_plural = _("节假日与调休")
        ordering = ["-date"]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.name}（{self.get_kind_display()}）"
