"""The one rule of review before publication, called by every publish path of every app.

Other apps call:
- ``require_review(record, by=...)`` inside their publish service, before the record goes public;
- ``review_record(record=..., reviewer=..., outcome=...)`` to record a review of one record;
- ``review_batch(records=..., reviewer=..., file_name=...)`` for an import published at once.
"""

from collections import defaultdict
from collections.abc import Sequence

from django.contrib.auth.models import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Model
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.models import Event
from audit.services import audit_record
from organizations.models import Unit
from organizations.scoping import unit_of, user_unit_ids
from publication_review.models import Outcome, Review, ReviewItem
from publication_review.rules import second_reviewer_required
from publication_review.selectors import latest_review

ERROR_NOT_REVIEWED = "发布前须经公开审查（《政府信息公开条例》第十七条），请先记录审查结论。"
ERROR_WITHHELD = "审查结论为不予公开（依据：%(ground)s），不能发布。"
ERROR_SAME_PERSON = "%(unit)s要求由起草人以外的人员审查：审查人不能是起草人（起草人不详的，不能是发布人）。"
ERROR_CHANGED = "审查之后记录又有修改（%(changed)s），请重新审查。"
ERROR_NOT_MEMBER = "只有本单位的工作人员可以审查本单位的记录；督查人员和其他单位人员不能代为审查。"
ERROR_REMOVED_REQUIRED = "部分公开须写明删除或隐去的内容。"
ERROR_GROUND_REQUIRED = "不予公开须写明法律依据。"
ERROR_OUTCOME = "请选择审查结论。"
ERROR_BATCH_REVIEWER = "立即公开的导入须记录导入人对整个文件的审查：请指明导入人，或导入为草稿后逐条审查。"


def may_review(user: AbstractBaseUser | None, unit_id: int | None) -> bool:
    """Staff of the record's unit (editor or reviewer); supervisors and outsiders never review for it."""
    if user is None or not getattr(user, "is_active", False) or unit_id is None:
        return False
    return unit_id in user_unit_ids(user)


def _author_id(record: Model) -> int | None:
    return getattr(record, "created_by_id", None)


def _same_person_error(unit: Unit) -> ValidationError:
    return ValidationError(_(ERROR_SAME_PERSON) % {"unit": unit.name})


def outcome_errors(outcome: str, removed: str, legal_ground: str) -> dict[str, str]:
    if outcome not in Outcome.values:
        return {"outcome": _(ERROR_OUTCOME)}
    if outcome == Outcome.PARTIAL and not removed:
        return {"removed": _(ERROR_REMOVED_REQUIRED)}
    if outcome == Outcome.WITHHOLD and not legal_ground:
        return {"legal_ground": _(ERROR_GROUND_REQUIRED)}
    return {}


@transaction.atomic
def review_record(
    *,
    record: Model,
    reviewer: AbstractBaseUser | None,
    outcome: str,
    removed: str = "",
    legal_ground: str = "",
    note: str = "",
    unit_field: str = "unit",
    request: HttpRequest | None = None,
) -> Review:
    """Record a review of one record by a staff member of its unit; refuse clearly otherwise."""
    unit = Unit.objects.get(pk=unit_of(record, unit_field))
    if not may_review(reviewer, unit.pk):
        raise PermissionDenied(_(ERROR_NOT_MEMBER))
    removed, legal_ground, note = removed.strip(), legal_ground.strip(), note.strip()
    if errors := outcome_errors(outcome, removed, legal_ground):
        raise ValidationError(errors)
    if second_reviewer_required(unit) and _author_id(record) == reviewer.pk:
        raise _same_person_error(unit)
    content_type = ContentType.objects.get_for_model(record)
    review = Review.objects.create(
        content_type=content_type,
        object_id=record.pk,
        subject=str(record)[:300],
        unit=unit,
        reviewer=reviewer,
        outcome=outcome,
        removed=removed if outcome == Outcome.PARTIAL else "",
        legal_ground=legal_ground if outcome == Outcome.WITHHOLD else "",
        note=note,
        record_version=record_version(record),
    )
    ReviewItem.objects.create(review=review, content_type=content_type, object_id=record.pk)
    audit_record(event=Event.CHANGE, user=reviewer, obj=record, request=request, detail=review.summary)
    return review


@transaction.atomic
def review_batch(
    *,
    records: Sequence[Model],
    reviewer: AbstractBaseUser | None,
    file_name: str,
    note: str = "",
    unit_field: str = "unit",
    request: HttpRequest | None = None,
) -> list[Review]:
    """The importer's review of a whole file published at once: one review per unit in the file,
    naming the file and its count, covering each of its (saved) records. Outcome 公开."""
    if reviewer is None:
        raise ValidationError(_(ERROR_BATCH_REVIEWER))
    by_unit: dict[int, list[Model]] = defaultdict(list)
    for record in records:
        by_unit[unit_of(record, unit_field)].append(record)
    if not all(may_review(reviewer, unit_id) for unit_id in by_unit):
        raise PermissionDenied(_(ERROR_NOT_MEMBER))
    reviews = []
    for unit_id, rows in by_unit.items():
        content_type = ContentType.objects.get_for_model(rows[0])
        review = Review.objects.create(
            content_type=content_type,
            subject=file_name[:300],
            unit_id=unit_id,
            reviewer=reviewer,
            outcome=Outcome.PUBLISH,
            note=note.strip(),
            file_name=file_name[:255],
            record_count=len(rows),
        )
        items = [ReviewItem(review=review, content_type=content_type, object_id=row.pk) for row in rows]
        ReviewItem.objects.bulk_create(items, batch_size=1000)
        audit_record(event=Event.CHANGE, user=reviewer, obj=review, request=request, detail=review.summary)
        reviews.append(review)
    return reviews


def record_version(record: Model) -> int | None:
    """The id of the record's newest history row (django-simple-history), None without history."""
    history = getattr(record, "history", None)
    if history is None:
        return None
    return history.order_by("-history_id").values_list("history_id", flat=True).first()


def _changed_after(record: Model, review: Review) -> object | None:
    """When the record was last changed, if that was after the review (a later version than reviewed)."""
    version = record_version(record)
    if version is None or review.record_version is None or version <= review.record_version:
        return None
    return record.history.get(history_id=version).history_date


def review_problem(record: Model, *, by: AbstractBaseUser | None = None, unit_field: str = "unit") -> str:
    """Why ``record`` may not be published now ("" when it may): require_review without raising."""
    try:
        require_review(record, by=by, unit_field=unit_field)
    except ValidationError as error:
        return "；".join(error.messages)
    return ""


def require_review(record: Model, *, by: AbstractBaseUser | None = None, unit_field: str = "unit") -> Review:
    """Raise ValidationError unless ``record`` may be published now: its latest review says 公开 or
    部分公开, was made after its last change, and (where the unit requires a second person) by
    someone other than its author, or than ``by`` when the author is not recorded. Call it inside
    the publish service's transaction, after locking the record."""
    review = latest_review(record)
    if review is None:
        raise ValidationError(_(ERROR_NOT_REVIEWED))
    if not review.allows_publication:
        raise ValidationError(_(ERROR_WITHHELD) % {"ground": review.legal_ground})
    if review.is_batch:  # the importer's review of the whole file (the import publishes at once)
        return review
    unit = review.unit
    if unit.pk != unit_of(record, unit_field):
        raise ValidationError(_(ERROR_NOT_REVIEWED))
    if second_reviewer_required(unit):
        author = _author_id(record)
        if author == review.reviewer_id or (author is None and by is not None and by.pk == review.reviewer_id):
            raise _same_person_error(unit)
    if changed := _changed_after(record, review):
        raise ValidationError(_(ERROR_CHANGED) % {"changed": timezone.localtime(changed).strftime("%Y-%m-%d %H:%M")})
    return review
