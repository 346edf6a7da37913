"""Policy documents and their interpretations: save, publish, withdraw, and the rules they must meet."""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from interpretation.models import DocumentKind, Form, Interpretation, PolicyDocument, Status
from interpretation.rules import default_title, interpretation_due
from lushan_portal.text_search import segment
from organizations.scoping import can_write_unit
from publication_review.services import require_review

ERROR_NOT_EDITOR = "只有本单位信息员可以录入、发布本单位的文件和解读。"
ERROR_KIND_REQUIRED = "请选择文件类型（行政规范性文件、重要政策或其他）：类型决定是否适用三同步检查。"
ERROR_SIGNED_AFTER_PUBLISHED = "成文日期不能晚于发布日期。"
ERROR_BEFORE_DOCUMENT = "解读发布日期不能早于所解读文件的发布日期（%(date)s）。"
ERROR_DOCUMENT_AFTER_INTERPRETATION = "已有解读的发布日期早于该日期：文件发布日期不能晚于其解读。"
ERROR_BODY_OR_LINK = "%(form)s须填写%(label)s，或填写原文链接（历史记录）。"
ERROR_FIRST_INTERPRETER = (
    "该文件经政府常务会议审议且涉及群众切身利益，解读须写明第一解读人（单位主要负责人）的姓名和职务，"
    "否则不符合“第一解读人”要求。"
)
ERROR_DOCUMENT_UNPUBLISHED = "文件尚未发布：解读须与文件同步或在文件发布后发布。"
ERROR_FUTURE_DATE = "发布日期不能晚于今天。"
ERROR_NOT_DRAFT = "已发布或已撤回的记录不能修改；请撤回后重新发布。"
ERROR_REASON_REQUIRED = "撤回必须填写理由。"
ERROR_NOT_PUBLISHED = "只有已发布的记录可以撤回。"
# The forms whose content is a body: it may be replaced by a link to the original page.
BODY_FORMS = {Form.TEXT: "主要内容", Form.QA: "至少一组问答"}
# What each other form needs before it can be published.
FORM_FIELDS = {
    Form.VIDEO: [("video", "视频文件"), ("transcript", "视频文字稿")],
    Form.EXPERT: [("expert_name", "专家姓名"), ("expert_title", "专家职称、单位")],
    Form.PRESS: [("event_time", "发布会时间"), ("event_place", "地点"), ("event_record", "实录")],
    Form.INTERVIEW: [("event_time", "访谈时间"), ("event_place", "平台"), ("event_record", "实录")],
}
FORM_CHILDREN = {
    Form.CHART: ("images", "至少一张图解图片"),
    Form.PROCESS: ("steps", "至少一个流程步骤"),
}
# Fields a published record may still receive while unknown (补充), never change once known.
FILLABLE = {PolicyDocument: ("signed_on", "published_on"), Interpretation: ("published_on", "signed_with_document")}


def _require_editor(user: AbstractBaseUser | None, unit_id: int) -> None:
    if user is not None and not can_write_unit(user, unit_id):
        raise PermissionDenied(_(ERROR_NOT_EDITOR))


def _only_fills_unknowns(record: PolicyDocument | Interpretation) -> bool:
    """True when a stored non-draft record changes only by giving unknown (null) fields a value."""
    fields = [f for f in record._meta.concrete_fields if f.editable and not f.primary_key]
    stored = type(record).objects.filter(pk=record.pk).values(*[f.attname for f in fields]).get()
    fillable = FILLABLE[type(record)]
    return all(
        stored[f.attname] == getattr(record, f.attname) or (f.name in fillable and stored[f.attname] is None)
        for f in fields
    )


def _check_not_draft(record: PolicyDocument | Interpretation) -> None:
    if not record.pk:
        return
    stored = type(record).objects.filter(pk=record.pk).values_list("status", flat=True).first()
    if stored not in (None, Status.DRAFT) and not (stored == Status.PUBLISHED and _only_fills_unknowns(record)):
        raise ValidationError(_(ERROR_NOT_DRAFT))


def document_prepare(document: PolicyDocument) -> None:
    """Checks and derived fields; an unknown date stays unknown (never today)."""
    today = timezone.localdate()
    if document.kind not in DocumentKind.values:
        raise ValidationError({"kind": _(ERROR_KIND_REQUIRED)})
    for field in ("signed_on", "published_on"):
        if getattr(document, field) and getattr(document, field) > today:
            raise ValidationError({field: _(ERROR_FUTURE_DATE)})
    if document.signed_on and document.published_on and document.signed_on > document.published_on:
        raise ValidationError({"signed_on": _(ERROR_SIGNED_AFTER_PUBLISHED)})
    if (
        document.pk
        and document.published_on
        and Interpretation.objects.filter(document=document.pk, published_on__lt=document.published_on).exists()
    ):
        raise ValidationError({"published_on": _(ERROR_DOCUMENT_AFTER_INTERPRETATION)})
    document.search_document = document_documents(document)["search_document"]
    due = document.under_sync_rule and document.status == Status.PUBLISHED and document.published_on
    document.interpretation_due = interpretation_due(document.published_on) if due else None


def document_documents(document: PolicyDocument) -> dict[str, str]:
    """The stored search document of a policy document (lushan_portal.text_search)."""
    return {"search_document": segment(" ".join([document.title, document.number, document.body[:5000]]))}


@transaction.atomic
def document_save(*, document: PolicyDocument, by: AbstractBaseUser | None = None) -> PolicyDocument:
    _require_editor(by, document.unit_id)
    _check_not_draft(document)
    document.created_by = document.created_by or by
    document_prepare(document)
    document.full_clean()
    document.save()
    return document


@transaction.atomic
def document_publish(*, document: PolicyDocument, by: AbstractBaseUser | None = None) -> PolicyDocument:
    document = PolicyDocument.objects.select_for_update().get(pk=document.pk)
    _require_editor(by, document.unit_id)
    if document.status != Status.DRAFT:
        raise ValidationError(_(ERROR_NOT_DRAFT))
    require_review(document, by=by)
    document.status = Status.PUBLISHED  # an unknown 发布日期 stays unknown: 日期不详
    document_prepare(document)
    document.save()
    return document


def interpretation_problems(interpretation: Interpretation, *, publishing: bool = False) -> dict[str, str]:
    """Why this interpretation does not meet the rules yet (field → message in Chinese)."""
    problems: dict[str, str] = {}
    document = interpretation.document
    if document.needs_first_interpreter and not (
        interpretation.first_interpreter_name.strip() and interpretation.first_interpreter_post.strip()
    ):
        problems["first_interpreter_name"] = _(ERROR_FIRST_INTERPRETER)
    if interpretation.published_on and interpretation.published_on > timezone.localdate():
        problems["published_on"] = _(ERROR_FUTURE_DATE)
    elif interpretation.published_on and document.published_on and interpretation.published_on < document.published_on:
        problems["published_on"] = _(ERROR_BEFORE_DOCUMENT) % {"date": document.published_on}
    if publishing:
        if interpretation.form in BODY_FORMS and not (interpretation.source_url or _has_body(interpretation)):
            problems["main_points" if interpretation.form == Form.TEXT else "form"] = _(ERROR_BODY_OR_LINK) % {
                "form": interpretation.get_form_display(),
                "label": BODY_FORMS[interpretation.form],
            }
        for field, label in FORM_FIELDS.get(interpretation.form, []):
            if not getattr(interpretation, field):
                problems[field] = _("%(form)s须填写：%(label)s。") % {
                    "form": interpretation.get_form_display(),
                    "label": label,
                }
        if interpretation.form in FORM_CHILDREN:
            related, need = FORM_CHILDREN[interpretation.form]
            if not getattr(interpretation, related).exists():
                problems["form"] = _("%(form)s须有%(need)s。") % {
                    "form": interpretation.get_form_display(),
                    "need": need,
                }
        if document.status != Status.PUBLISHED:
            problems["document"] = _(ERROR_DOCUMENT_UNPUBLISHED)
    return problems


def _has_body(interpretation: Interpretation) -> bool:
    if interpretation.form == Form.QA:
        return interpretation.pk is not None and interpretation.questions.exists()
    return bool(interpretation.main_points.strip())


def interpretation_prepare(interpretation: Interpretation) -> None:
    """The interpreting unit defaults to the issuing unit; a blank title is built from the document's."""
    if interpretation.unit_id is None:
        interpretation.unit_id = interpretation.document.unit_id
    if not interpretation.title.strip():
        interpretation.title = default_title(interpretation.document.title)


@transaction.atomic
def interpretation_save(*, interpretation: Interpretation, by: AbstractBaseUser | None = None) -> Interpretation:
    """Saved by an editor of the interpreting unit, which may differ from the issuing unit."""
    interpretation_prepare(interpretation)
    _require_editor(by, interpretation.unit_id)
    _check_not_draft(interpretation)
    if problems := interpretation_problems(interpretation):
        raise ValidationError(problems)
    interpretation.created_by = interpretation.created_by or by
    interpretation.full_clean()
    interpretation.save()
    return interpretation


@transaction.atomic
def interpretation_publish(*, interpretation: Interpretation, by: AbstractBaseUser | None = None) -> Interpretation:
    interpretation = Interpretation.objects.select_for_update().select_related("document").get(pk=interpretation.pk)
    _require_editor(by, interpretation.unit_id)
    if interpretation.status != Status.DRAFT:
        raise ValidationError(_(ERROR_NOT_DRAFT))
    if problems := interpretation_problems(interpretation, publishing=True):
        raise ValidationError(problems)
    require_review(interpretation, by=by)
    interpretation.status = Status.PUBLISHED  # an unknown date stays unknown: 日期不详
    interpretation.save()
    return interpretation


@transaction.atomic
def record_withdraw(*, record: PolicyDocument | Interpretation, reason: str, by: AbstractBaseUser | None = None):
    """Withdraw a published document or interpretation with a public reason; nothing is deleted."""
    if not reason.strip():
        raise ValidationError(_(ERROR_REASON_REQUIRED))
    record = type(record).objects.select_for_update().get(pk=record.pk)
    _require_editor(by, record.unit_id)
    if record.status != Status.PUBLISHED:
        raise ValidationError(_(ERROR_NOT_PUBLISHED))
    record.status = Status.WITHDRAWN
    record.withdrawal_reason = reason.strip()
    record.save()
    return record
