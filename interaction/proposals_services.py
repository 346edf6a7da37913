"""建议提案: registration, the clocks stored on each record, the reply's publication.

Every write path (admin, demo, tests) goes through these functions. A published reply is never
deleted: it is withdrawn or corrected with a reason, and the history keeps every version.
"""

from datetime import date

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from interaction import rules
from interaction.models import Proposal, ProposalCoUnit, ReplyStatus, Satisfaction
from organizations.models import Unit
from organizations.scoping import can_write_unit, is_supervisor, user_unit_ids
from publication_review.services import require_review

ERROR_NOT_LEAD = "只有主办单位的工作人员可以登记和修改本件建议提案。"
ERROR_NOT_CO_UNIT = "只有该协办单位的工作人员可以填写本单位的协办意见。"
ERROR_NOT_OFFICE = "只有县政务公开主管部门可以要求公开答复全文。"
ERROR_EXTENSION_LIMIT = "延期最迟至交办后 %(months)d 个月（%(latest)s）。"
ERROR_EXTENSION_EARLY = "延期日期应晚于原答复期限（%(due)s）。"
ERROR_EXTENSION_APPROVAL = "延期须写明批准单位和延期理由。"
ERROR_EXTENSION_NO_DATE = "交办日期不详，不能办理延期。"
ERROR_DISSATISFIED_DATE = "提出人表示不满意的，须填写表示不满意的日期。"
ERROR_NEW_REPLY_WITHOUT = "只有提出人表示不满意的，才需再次答复。"
ERROR_REPLY_BEFORE_ASSIGNMENT = "答复日期不能早于交办日期。"
ERROR_NOT_REPLIED = "尚未答复（答复日期和答复全文），不能公开。"
ERROR_NOT_PUBLIC_INTEREST = "答复未标注涉及公共利益，也未经政务公开办要求公开，不全文公开。"
ERROR_WITHDRAWN = "答复已撤回，不能再次公开；如需公开，请更正后重新审查。"
ERROR_NOT_PUBLISHED = "只有已公开的答复可以撤回或更正。"
ERROR_REASON_REQUIRED = "撤回须写明理由。"
ERROR_NOTE_REQUIRED = "修改已公开的答复须写明更正说明。"
ERROR_CO_UNIT_IS_LEAD = "主办单位不能同时作为协办单位。"


def is_openness_office(user: AbstractBaseUser) -> bool:
    """Staff of the openness office (and superusers): they may require a reply's publication."""
    if getattr(user, "is_superuser", False):
        return True
    office = Unit.objects.filter(code=settings.OPENNESS_OFFICE_UNIT_CODE).values_list("pk", flat=True).first()
    return office is not None and office in user_unit_ids(user)


def may_read(user: AbstractBaseUser, proposal: Proposal) -> bool:
    if getattr(user, "is_superuser", False) or is_supervisor(user) or is_openness_office(user):
        return True
    units = user_unit_ids(user)
    return proposal.unit_id in units or proposal.co_units.filter(unit__in=units).exists()


def proposal_prepare(proposal: Proposal) -> None:
    """Store the clocks from the dates (rules.*) and check the extension and the second reply."""
    assigned = proposal.assigned_on
    proposal.reassignment_due = rules.reassignment_due(assigned) if assigned else None
    proposal.reply_due = rules.proposal_reply_due(assigned) if assigned else None
    if proposal.extended_until:
        if assigned is None:
            raise ValidationError({"extended_until": _(ERROR_EXTENSION_NO_DATE)})
        latest = rules.reply_latest_due(assigned)
        if proposal.extended_until > latest:
            raise ValidationError(
                {
                    "extended_until": _(ERROR_EXTENSION_LIMIT)
                    % {"months": settings.PROPOSAL_REPLY_MAX_MONTHS, "latest": latest.isoformat()}
                }
            )
        if proposal.extended_until <= proposal.reply_due:
            raise ValidationError({"extended_until": _(ERROR_EXTENSION_EARLY) % {"due": proposal.reply_due}})
        if not proposal.extension_approved_by.strip() or not proposal.extension_reason.strip():
            raise ValidationError({"extension_reason": _(ERROR_EXTENSION_APPROVAL)})
    if assigned and proposal.replied_on and proposal.replied_on < assigned:
        raise ValidationError({"replied_on": _(ERROR_REPLY_BEFORE_ASSIGNMENT)})
    dissatisfied = proposal.satisfaction == Satisfaction.DISSATISFIED
    if dissatisfied and proposal.dissatisfied_on is None:
        raise ValidationError({"dissatisfied_on": _(ERROR_DISSATISFIED_DATE)})
    if not dissatisfied and (proposal.new_replied_on or proposal.new_reply_text.strip()):
        raise ValidationError({"new_replied_on": _(ERROR_NEW_REPLY_WITHOUT)})
    if not dissatisfied:
        proposal.dissatisfied_on = None
    proposal.new_reply_due = rules.new_reply_due(proposal.dissatisfied_on) if proposal.dissatisfied_on else None


def _require_lead(by: AbstractBaseUser | None, proposal: Proposal) -> None:
    if by is not None and not can_write_unit(by, proposal.unit_id):
        raise PermissionDenied(_(ERROR_NOT_LEAD))


def _office_flag_unchanged(proposal: Proposal) -> bool:
    if proposal.pk is None:
        return not proposal.office_requires_publication
    stored = Proposal.objects.filter(pk=proposal.pk).values_list("office_requires_publication", flat=True).first()
    return stored == proposal.office_requires_publication


def proposal_sync_co_units(proposal: Proposal) -> None:
    """Each co-unit's opinion due date follows the assignment date (also after the admin's inline)."""
    due = rules.co_opinion_due(proposal.assigned_on) if proposal.assigned_on else None
    for co_unit in proposal.co_units.exclude(opinion_due=due):  # saved one by one: history per row
        co_unit.opinion_due = due
        co_unit.save(update_fields=["opinion_due"])


@transaction.atomic
def proposal_save(
    *, proposal: Proposal, by: AbstractBaseUser | None = None, co_unit_ids: list[int] | None = None
) -> Proposal:
    """Register or edit a proposal whose reply is not public (a public one: proposal_correct)."""
    if proposal.pk is not None:
        stored = Proposal.objects.select_for_update().get(pk=proposal.pk)
        _require_lead(by, stored)
        if stored.reply_status == ReplyStatus.PUBLISHED:
            raise ValidationError(_(ERROR_NOTE_REQUIRED))
    _require_lead(by, proposal)
    if by is not None and not _office_flag_unchanged(proposal) and not is_openness_office(by):
        raise PermissionDenied(_(ERROR_NOT_OFFICE))
    if proposal.created_by_id is None and by is not None:
        proposal.created_by = by
    proposal_prepare(proposal)
    proposal.full_clean()
    proposal.save()
    if co_unit_ids is not None:
        proposal_set_co_units(proposal=proposal, unit_ids=co_unit_ids)
    proposal_sync_co_units(proposal)
    return proposal


def proposal_set_co_units(*, proposal: Proposal, unit_ids: list[int]) -> None:
    if proposal.unit_id in unit_ids:
        raise ValidationError(_(ERROR_CO_UNIT_IS_LEAD))
    due = rules.co_opinion_due(proposal.assigned_on) if proposal.assigned_on else None
    for unit_id in unit_ids:
        ProposalCoUnit.objects.get_or_create(proposal=proposal, unit_id=unit_id, defaults={"opinion_due": due})


@transaction.atomic
def co_unit_opinion_record(
    *, co_unit: ProposalCoUnit, sent_on: date, opinion: str = "", by: AbstractBaseUser | None = None
) -> ProposalCoUnit:
    co_unit = ProposalCoUnit.objects.select_for_update().get(pk=co_unit.pk)
    if by is not None and not can_write_unit(by, co_unit.unit_id):
        raise PermissionDenied(_(ERROR_NOT_CO_UNIT))
    co_unit.opinion_sent_on, co_unit.opinion = sent_on, opinion.strip()
    co_unit.full_clean()
    co_unit.save()
    return co_unit


@transaction.atomic
def proposal_require_publication(*, proposal: Proposal, by: AbstractBaseUser) -> Proposal:
    """The openness office requires the reply's full text to be public (seed §2(二))."""
    if not is_openness_office(by):
        raise PermissionDenied(_(ERROR_NOT_OFFICE))
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    proposal.office_requires_publication = True
    proposal.save()
    return proposal


@transaction.atomic
def proposal_publish(*, proposal: Proposal, by: AbstractBaseUser | None = None) -> Proposal:
    """Publish the reply's full text after its review (publication_review)."""
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    _require_lead(by, proposal)
    if proposal.reply_status == ReplyStatus.WITHDRAWN:
        raise ValidationError(_(ERROR_WITHDRAWN))
    if proposal.reply_status == ReplyStatus.PUBLISHED:
        return proposal
    if proposal.replied_on is None or not proposal.reply_text.strip():
        raise ValidationError(_(ERROR_NOT_REPLIED))
    if not proposal.concerns_public:
        raise ValidationError(_(ERROR_NOT_PUBLIC_INTEREST))
    require_review(proposal, by=by)
    proposal.reply_status = ReplyStatus.PUBLISHED
    proposal.published_at = timezone.now()
    proposal.save()
    return proposal


@transaction.atomic
def proposal_withdraw(*, proposal: Proposal, reason: str, by: AbstractBaseUser | None = None) -> Proposal:
    if not reason.strip():
        raise ValidationError(_(ERROR_REASON_REQUIRED))
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    _require_lead(by, proposal)
    if proposal.reply_status != ReplyStatus.PUBLISHED:
        raise ValidationError(_(ERROR_NOT_PUBLISHED))
    proposal.reply_status = ReplyStatus.WITHDRAWN
    proposal.withdrawn_at = timezone.now()
    proposal.withdrawal_reason = reason.strip()
    proposal.save()
    return proposal


@transaction.atomic
def proposal_correct(*, proposal: Proposal, note: str, by: AbstractBaseUser | None = None) -> Proposal:
    """Save changes to a published reply; the public page says it was corrected, when and why."""
    if not note.strip():
        raise ValidationError({"correction_note": _(ERROR_NOTE_REQUIRED)})
    stored = Proposal.objects.select_for_update().get(pk=proposal.pk)
    _require_lead(by, stored)
    if stored.reply_status != ReplyStatus.PUBLISHED:
        raise ValidationError(_(ERROR_NOT_PUBLISHED))
    _require_lead(by, proposal)
    if by is not None and not _office_flag_unchanged(proposal) and not is_openness_office(by):
        raise PermissionDenied(_(ERROR_NOT_OFFICE))
    proposal_prepare(proposal)
    proposal.corrected_at = timezone.now()
    proposal.correction_note = note.strip()
    proposal.full_clean()
    proposal.save()
    proposal_sync_co_units(proposal)
    return proposal
