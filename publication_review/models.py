"""Review before publication (公开审查, 条例第十七条): who reviewed what, when, and the outcome.

A review names one record, or (``object_id`` empty) a whole import file with its name and count;
``ReviewItem`` lists every record a review covers, so one indexed lookup finds a record's review
either way. Reviews are never deleted or edited; django-simple-history keeps any change.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Outcome(models.TextChoices):
    PUBLISH = "publish", _("公开")
    PARTIAL = "partial", _("部分公开")
    WITHHOLD = "withhold", _("不予公开")


PUBLISHABLE = (Outcome.PUBLISH, Outcome.PARTIAL)


class Review(models.Model):
    content_type = models.ForeignKey(ContentType, verbose_name=_("记录类型"), on_delete=models.PROTECT)
    object_id = models.PositiveBigIntegerField(_("记录编号"), null=True, blank=True, help_text=_("批量审查为空"))
    subject = models.CharField(_("审查对象"), max_length=300)
    unit = models.ForeignKey(
        "organizations.Unit", verbose_name=_("单位"), on_delete=models.PROTECT, related_name="publication_reviews"
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("审查人"), on_delete=models.PROTECT, related_name="+"
    )
    reviewed_at = models.DateTimeField(_("审查时间"), default=timezone.now)
    outcome = models.CharField(_("审查结论"), max_length=16, choices=Outcome.choices)
    removed = models.TextField(_("删除或隐去的内容"), blank=True, help_text=_("部分公开时必填"))
    legal_ground = models.TextField(_("不予公开的依据"), blank=True, help_text=_("不予公开时必填，如条例第十四条"))
    note = models.TextField(_("审查意见"), blank=True)
    record_version = models.PositiveBigIntegerField(
        _("审查时的记录版本"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("记录历史的编号；之后再修改须重新审查"),
    )
    file_name = models.CharField(_("导入文件"), max_length=255, blank=True)
    record_count = models.PositiveIntegerField(_("记录数"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("公开审查")
        verbose_name_plural = _("公开审查")
        ordering = ["-reviewed_at", "-id"]
        indexes = [models.Index(fields=["unit", "-reviewed_at"], name="review_unit_idx")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(outcome=Outcome.PARTIAL) | ~Q(removed=""), name="review_partial_names_removed"
            ),
            models.CheckConstraint(
                condition=~Q(outcome=Outcome.WITHHOLD) | ~Q(legal_ground=""), name="review_withhold_names_ground"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.subject} · {self.get_outcome_display()}"

    @property
    def is_batch(self) -> bool:
        return self.object_id is None

    @property
    def allows_publication(self) -> bool:
        return self.outcome in PUBLISHABLE

    @property
    def summary(self) -> str:
        """One line for messages and the audit log."""
        text = f"公开审查：{self.get_outcome_display()}；审查人 {self.reviewer.get_username()}"
        if self.is_batch:
            text += f"；导入文件“{self.file_name}”，{self.record_count} 条"
        if self.removed:
            text += f"；删除或隐去：{self.removed}"
        if self.legal_ground:
            text += f"；依据：{self.legal_ground}"
        if self.note:
            text += f"；意见：{self.note}"
        return text


class ReviewItem(models.Model):
    """A record covered by a review (one for a single review, every imported row for a batch)."""

    review = models.ForeignKey(Review, verbose_name=_("审查"), on_delete=models.PROTECT, related_name="items")
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField()

    class Meta:
        verbose_name = _("公开审查")
        verbose_name_plural = _("公开审查")
        indexes = [models.Index(fields=["content_type", "object_id"], name="review_item_record_idx")]

    def __str__(self) -> str:
        return str(self.review)
