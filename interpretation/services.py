"""Policy documents and their interpretations: save, publish, withdraw, and the rules they must meet."""

from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from interpretation.models import (
    Disclosure,
    DocumentKind,
    Form,
    Interpretation,
    PolicyDocument,
    SecrecyOutcome,
    SecrecyReview,
    Status,
    Validity,
)
from interpretation.rules import cleaning_due, default_title, interpretation_due
from lushan_portal.text_search import segment
from organizations.models import Role
from organizations.scoping import can_write_unit, user_unit_ids
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
ERROR_DISCLOSURE_REQUIRED = "请选择公开属性（主动公开、依申请公开或不予公开）。"
ERROR_DISCLOSURE_GROUND = "公开属性为“%(kind)s”时须写明法律依据。"
ERROR_NOT_PROACTIVE = "只有公开属性为“主动公开”的文件可以在网站发布；本文件为“%(kind)s”。"
ERROR_NO_SECRECY_REVIEW = "发布前须完成保密审查：请在“保密审查”中记录审查人、审查日期和结论。"
ERROR_SECRECY_REFUSED = "最近一次保密审查（%(date)s）的结论为“涉密或不宜公开，不得发布”，不能发布。"
ERROR_NOT_CHECKER = "只有本单位信息员或审核员可以记录保密审查。"
ERROR_CHECK_DATE = "审查日期不能晚于今天。"
ERROR_VALIDITY_REASON = "变更效力状态必须填写说明。"
ERROR_VALIDITY_WITHDRAWN = "已撤回的文件不再登记效力状态。"
ERROR_CHANGED_BY_REQUIRED = "“%(state)s”须注明修改或废止本文件的文件：选择本平台收录的文件，或填写其标题、文号。"
ERROR_CHANGED_BY_BOTH = "修改或废止本文件的文件：请选择本平台文件，或填写标题、文号，二者只填其一。"
ERROR_CHANGED_BY_SELF = "文件不能修改或废止自身。"
ERROR_CHANGED_BY_WITHDRAWN = "所选文件已撤回，不能作为修改或废止本文件的依据。"
ERROR_DATE_FUTURE = "日期不能晚于今天。"
ERROR_DATE_BEFORE_SIGNED = "日期不能早于本文件的成文日期（%(date)s）。"
ERROR_REVIEW_DATE = "清理（确认继续有效）须填写清理日期。"
ERROR_REVIEW_NOT_IN_FORCE = "只有有效或已修改的文件需要清理；已废止、已失效的文件无需确认继续有效。"
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
    if document.disclosure not in Disclosure.values:
        raise ValidationError({"disclosure": _(ERROR_DISCLOSURE_REQUIRED)})
    if document.disclosure != Disclosure.PROACTIVE and not document.disclosure_ground.strip():
        message = _(ERROR_DISCLOSURE_GROUND) % {"kind": document.get_disclosure_display()}
        raise ValidationError({"disclosure_ground": message})
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
    document.cleaning_due = document_cleaning_due(document)


def document_cleaning_due(document: PolicyDocument) -> date | None:
    """Published normative documents in force are cleaned every CLEANING_YEARS; others never."""
    if document.kind != DocumentKind.NORMATIVE or document.status != Status.PUBLISHED or not document.in_force:
        return None
    return cleaning_due(document.published_on, document.last_reviewed_on)


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
    check_publishable(document)
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


# The library (规范性文件库): 公开属性 and 保密审查 before publication, validity, cleaning.


def check_publishable(document: PolicyDocument) -> None:
    """Only 主动公开 documents go public, and only after a 保密审查 that cleared them (its latest)."""
    if document.disclosure != Disclosure.PROACTIVE:
        label = document.get_disclosure_display() or "未选择"
        raise ValidationError({"disclosure": _(ERROR_NOT_PROACTIVE) % {"kind": label}})
    latest = document.secrecy_reviews.order_by("-checked_on", "-id").first()
    if latest is None:
        raise ValidationError(_(ERROR_NO_SECRECY_REVIEW))
    if latest.outcome != SecrecyOutcome.CLEARED:
        raise ValidationError(_(ERROR_SECRECY_REFUSED) % {"date": f"{latest.checked_on:%Y-%m-%d}"})


def may_check_secrecy(user: AbstractBaseUser, unit_id: int) -> bool:
    """The unit's editors and reviewers (and superusers) record its 保密审查."""
    return can_write_unit(user, unit_id) or unit_id in user_unit_ids(user, Role.REVIEWER)


@transaction.atomic
def secrecy_review_record(
    *, document: PolicyDocument, outcome: str, checked_on: date, note: str = "", by: AbstractBaseUser
) -> SecrecyReview:
    """Record who checked the document, when, and the outcome; never edited afterwards."""
    if not may_check_secrecy(by, document.unit_id):
        raise PermissionDenied(_(ERROR_NOT_CHECKER))
    if checked_on > timezone.localdate():
        raise ValidationError({"checked_on": _(ERROR_CHECK_DATE)})
    review = SecrecyReview(document=document, outcome=outcome, checked_on=checked_on, note=note.strip(), checked_by=by)
    review.full_clean()
    review.save()
    return review


def _check_date(document: PolicyDocument, value: date | None, field: str) -> None:
    if value and value > timezone.localdate():
        raise ValidationError({field: _(ERROR_DATE_FUTURE)})
    if value and document.signed_on and value < document.signed_on:
        raise ValidationError({field: _(ERROR_DATE_BEFORE_SIGNED) % {"date": f"{document.signed_on:%Y-%m-%d}"}})


def _check_changed_by(document: PolicyDocument, validity: str, other: PolicyDocument | None, title: str) -> None:
    if validity in (Validity.AMENDED, Validity.REPEALED) and other is None and not title:
        message = _(ERROR_CHANGED_BY_REQUIRED) % {"state": Validity(validity).label}
        raise ValidationError({"changed_by_document": message})
    if other is not None and title:
        raise ValidationError({"changed_by_title": _(ERROR_CHANGED_BY_BOTH)})
    if other is not None and other.pk == document.pk:
        raise ValidationError({"changed_by_document": _(ERROR_CHANGED_BY_SELF)})
    if other is not None and other.status == Status.WITHDRAWN:
        raise ValidationError({"changed_by_document": _(ERROR_CHANGED_BY_WITHDRAWN)})


@transaction.atomic
def document_set_validity(
    *,
    document: PolicyDocument,
    validity: str,
    changed_on: date | None,
    reason: str,
    changed_by_document: PolicyDocument | None = None,
    changed_by_title: str = "",
    by: AbstractBaseUser | None = None,
) -> PolicyDocument:
    """已修改/已废止/已失效 with the date (None: 日期不详) and the changing document, or back to 有效
    (a correction); the reason goes into the history."""
    if not reason.strip():
        raise ValidationError({"reason": _(ERROR_VALIDITY_REASON)})
    document = PolicyDocument.objects.select_for_update().get(pk=document.pk)
    _require_editor(by, document.unit_id)
    if document.status == Status.WITHDRAWN:
        raise ValidationError(_(ERROR_VALIDITY_WITHDRAWN))
    validity = Validity(validity)
    title = changed_by_title.strip()
    _check_changed_by(document, validity, changed_by_document, title)
    _check_date(document, changed_on, "changed_on")
    back_in_force = validity == Validity.IN_FORCE
    document.validity = validity
    document.validity_changed_on = None if back_in_force else changed_on
    document.changed_by_document = None if back_in_force else changed_by_document
    document.changed_by_title = "" if back_in_force else title
    document.validity_reason = reason.strip()
    document.cleaning_due = document_cleaning_due(document)
    document._change_reason = f"{validity.label}：{reason.strip()}"
    document.save()
    return document


@transaction.atomic
def document_record_review(
    *, document: PolicyDocument, reviewed_on: date | None, reason: str = "", by: AbstractBaseUser | None = None
) -> PolicyDocument:
    """规范性文件清理: the document was reviewed and stays in force; the next cleaning counts from here."""
    if reviewed_on is None:
        raise ValidationError({"changed_on": _(ERROR_REVIEW_DATE)})
    document = PolicyDocument.objects.select_for_update().get(pk=document.pk)
    _require_editor(by, document.unit_id)
    if not document.in_force or document.status == Status.WITHDRAWN:
        raise ValidationError(_(ERROR_REVIEW_NOT_IN_FORCE))
    _check_date(document, reviewed_on, "changed_on")
    document.last_reviewed_on = reviewed_on
    document.cleaning_due = document_cleaning_due(document)
    document._change_reason = f"清理：确认继续有效。{reason.strip()}"
    document.save()
    return document
