"""Changes to enforcement decisions. Admin, import command and tests all come through here."""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from enforcement.models import Decision, DecisionKind, DecisionStatus, PartyCategory
from enforcement.rules import default_publicity_until, publication_due, withdrawal_due
from lushan_portal.crypto import keyed_hash
from lushan_portal.text_search import bigram_document
from publication_review.services import require_review

ERROR_REASON_REQUIRED = "撤回必须填写理由。"
ERROR_NOTE_REQUIRED = "更正已公开的决定必须填写更正说明。"
ERROR_NOT_PUBLISHED = "只有已公开的决定才能撤回或更正。"
ERROR_WITHDRAWN = "已撤回的决定不能再公开。"
ERROR_FUTURE_DATE = "决定日期不能晚于今天。"
ERROR_PENALTY_FIELDS = "行政处罚决定必须填写处罚类别。"
ERROR_LICENCE_FIELDS = "行政许可决定必须填写许可类别。"
ERROR_COERCION_FIELDS = "行政强制决定必须填写强制类别。"


def decision_prepare(decision: Decision) -> None:
    """Derived fields and the checks that span fields; raises ValidationError in Chinese."""
    if decision.decision_date and decision.decision_date > timezone.localdate():
        raise ValidationError({"decision_date": _(ERROR_FUTURE_DATE)})
    if decision.kind == DecisionKind.PENALTY and not decision.penalty_categories:
        raise ValidationError({"penalty_categories": _(ERROR_PENALTY_FIELDS)})
    if decision.kind == DecisionKind.LICENCE and not decision.licence_category:
        raise ValidationError({"licence_category": _(ERROR_LICENCE_FIELDS)})
    if decision.kind == DecisionKind.COERCION and not decision.coercion_categories:
        raise ValidationError({"coercion_categories": _(ERROR_COERCION_FIELDS)})
    if decision.credit_code:
        decision.credit_code = decision.credit_code.strip().upper()
    if decision.decision_date:
        decision.publication_due = publication_due(decision.decision_date, decision.kind)
        if not decision.publicity_until:
            decision.publicity_until = default_publicity_until(
                decision.decision_date, natural_person=decision.party_category == PartyCategory.NATURAL_PERSON
            )
    if not decision.authority_name and decision.unit_id:
        decision.authority_name = decision.unit.name
    if not decision.authority_credit_code and decision.unit_id:
        decision.authority_credit_code = decision.unit.credit_code
    decision.withdrawal_due = withdrawal_due(decision.revoked_on) if decision.revoked_on else None
    decision.search_document = decision_search_document(decision)
    decision.id_number_hash = keyed_hash(decision.id_number)


def decision_search_document(decision: Decision) -> str:
    # A natural person's name is never searchable: that alone would reveal who was penalised.
    name = "" if decision.party_category == PartyCategory.NATURAL_PERSON else decision.party_name
    return bigram_document(name, decision.decision_number, decision.credit_code)


@transaction.atomic
def decision_save(*, decision: Decision, by: AbstractBaseUser | None = None) -> Decision:
    """Create or edit a decision that is not yet public."""
    if decision.pk and decision.status != DecisionStatus.DRAFT:
        raise ValidationError(_(ERROR_NOTE_REQUIRED))
    if decision.created_by_id is None and by is not None:
        decision.created_by = by
    decision_prepare(decision)
    decision.full_clean()
    decision.save()
    return decision


def _mark_published(decision: Decision) -> None:
    now = timezone.now()
    decision.status = DecisionStatus.PUBLISHED
    if decision.first_published_at is None:
        decision.first_published_at = now
        decision.published_on_time = timezone.localdate(now) <= decision.publication_due


@transaction.atomic
def decision_publish(*, decision: Decision, by: AbstractBaseUser | None = None) -> Decision:
    decision = Decision.objects.select_for_update().get(pk=decision.pk)
    if decision.status == DecisionStatus.WITHDRAWN:
        raise ValidationError(_(ERROR_WITHDRAWN))
    if decision.status == DecisionStatus.PUBLISHED:
        return decision
    require_review(decision, by=by)
    _mark_published(decision)
    decision.save()
    return decision


@transaction.atomic
def decision_withdraw(*, decision: Decision, reason: str, by: AbstractBaseUser | None = None) -> Decision:
    """Take a published decision off every public output, with the reason (never deleted)."""
    if not reason.strip():
        raise ValidationError(_(ERROR_REASON_REQUIRED))
    decision = Decision.objects.select_for_update().get(pk=decision.pk)
    if decision.status != DecisionStatus.PUBLISHED:
        raise ValidationError(_(ERROR_NOT_PUBLISHED))
    decision.status = DecisionStatus.WITHDRAWN
    decision.withdrawn_at = timezone.now()
    decision.withdrawal_reason = reason.strip()
    decision.save()
    return decision


@transaction.atomic
def decision_correct(*, decision: Decision, note: str, by: AbstractBaseUser | None = None) -> Decision:
    """Save changes to a published decision; the public page says it was corrected, and when."""
    if not note.strip():
        raise ValidationError({"correction_note": _(ERROR_NOTE_REQUIRED)})
    if decision.status != DecisionStatus.PUBLISHED:
        raise ValidationError(_(ERROR_NOT_PUBLISHED))
    decision_prepare(decision)
    decision.corrected_at = timezone.now()
    decision.correction_note = note.strip()
    decision.full_clean()
    decision.save()
    return decision


@transaction.atomic
def decision_record_revocation(*, decision: Decision, revoked_on, by: AbstractBaseUser | None = None) -> Decision:
    """The decision was changed, revoked or found unlawful: it must be withdrawn within 3 days."""
    decision = Decision.objects.select_for_update().get(pk=decision.pk)
    decision.revoked_on = revoked_on
    decision.withdrawal_due = withdrawal_due(revoked_on) if revoked_on else None
    decision.save(update_fields=["revoked_on", "withdrawal_due"])
    return decision


def decisions_publish_imported(decisions: list[Decision]) -> None:
    for decision in decisions:
        _mark_published(decision)
