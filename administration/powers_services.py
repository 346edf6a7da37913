"""Power lists: an adjustment is compiled as a draft (by hand or from a file), reviewed (条例第十七条)
and published; publishing applies its changes to the unit's list, dated, all or nothing."""

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from administration.models import (
    AdjustmentStatus,
    ChangeKind,
    PowerAdjustment,
    PowerChange,
    PowerItem,
)
from administration.powers_import import ParsedPowers, parse_powers
from audit.models import Event
from audit.services import audit_record
from lushan_portal import pagecache
from lushan_portal.spreadsheets import COMMAND_LINE, ImportRejected
from lushan_portal.text_search import bigram_document
from organizations.models import Unit
from organizations.scoping import can_write_unit
from publication_review.services import require_review

SECTION = "powers"
ERROR_NOT_EDITOR = "只有本单位信息员可以编制、发布本单位的权责清单调整。"
ERROR_NOT_EDITABLE = "已发布的调整不能修改；如有错误，请新建一次调整并说明原因。"
ERROR_NO_CHANGES = "这次调整没有任何调整事项。"
ERROR_FUTURE = "调整日期不能晚于今天。"
ERROR_BACKDATED = "调整日期不能早于本单位已发布的最近一次调整（{date}）。"
ERROR_REASON = "调整必须写明原因和依据。"
ERROR_ADDED_EXISTS = "“{code}”已在现行清单中，不能新增；请改为“变更”。"
ERROR_NOT_CURRENT = "“{code}”不在现行清单中，不能{kind}。"
ERROR_FIELDS = "“{code}”缺少职权类型、名称或实施依据。"
ERROR_DUPLICATE = "“{code}”在这次调整中出现了不止一次。"
ERROR_SAME_AS_CURRENT = "文件与现行清单完全相同，没有需要调整的事项。"


@dataclass(frozen=True)
class ImportSummary:
    added: int
    changed: int
    removed: int
    unchanged: int
    warnings: list[str]

    def __str__(self) -> str:
        text = f"新增 {self.added} 项，变更 {self.changed} 项，取消 {self.removed} 项，未变 {self.unchanged} 项"
        return text + (f"，{len(self.warnings)} 条提醒" if self.warnings else "")


def _require_editor(user: AbstractBaseUser | None, unit_id: int) -> None:
    if user is not None and not can_write_unit(user, unit_id):
        raise PermissionDenied(_(ERROR_NOT_EDITOR))


def search_document(values: dict[str, str]) -> str:
    return bigram_document(values["code"], values["name"], values["sub_items"], values["basis"])


@transaction.atomic
def adjustment_save(*, adjustment: PowerAdjustment, by: AbstractBaseUser | None = None) -> PowerAdjustment:
    """Save a draft's fields (the admin form); a published adjustment is refused."""
    if adjustment.pk is not None:
        stored = PowerAdjustment.objects.select_for_update().get(pk=adjustment.pk)
        if not stored.is_editable:
            raise ValidationError(_(ERROR_NOT_EDITABLE))
    _require_editor(by, adjustment.unit_id)
    if adjustment.pk is None:
        adjustment.created_by = by
    adjustment.full_clean()
    adjustment.save()
    return adjustment


def current_items(unit_id: int) -> dict[str, PowerItem]:
    return {item.code: item for item in PowerItem.objects.filter(unit=unit_id, is_current=True)}


def changes_from_file(parsed: ParsedPowers, current: dict[str, PowerItem]) -> tuple[list[PowerChange], int]:
    """The file is the whole new list: what it adds, changes and leaves out; and how many are unchanged."""
    changes, unchanged = [], 0
    for row in parsed.items:
        item = current.get(row.values["code"])
        if item is None:
            changes.append(PowerChange(kind=ChangeKind.ADDED, note=row.note, **row.values))
        elif item.values() != row.values:
            changes.append(PowerChange(kind=ChangeKind.CHANGED, note=row.note, **row.values))
        else:
            unchanged += 1
    listed = {row.values["code"] for row in parsed.items}
    for code, item in current.items():
        if code not in listed:
            changes.append(PowerChange(kind=ChangeKind.REMOVED, **item.values()))
    return changes, unchanged


def powers_import(
    *,
    unit: Unit,
    name: str,
    content: bytes,
    effective_on,
    reason: str,
    basis: str,
    by: AbstractBaseUser | None = None,
    request: HttpRequest | None = None,
) -> tuple[PowerAdjustment, ImportSummary]:
    """A draft adjustment from a file holding the unit's whole new list, all rows or none, audited.

    Items of the file not in the list are added, those that differ changed, and items of the list
    missing from the file removed. The draft is then reviewed and published like any adjustment.
    """
    _require_editor(by, unit.pk)
    username = "" if by is not None else COMMAND_LINE
    try:
        parsed = parse_powers(name, content)
        changes, unchanged = changes_from_file(parsed, current_items(unit.pk))
        if not changes:
            raise ImportRejected([ERROR_SAME_AS_CURRENT])
    except ImportRejected as rejected:
        detail = f"{unit.code} 权责清单 {name}：未导入（{len(rejected.errors)} 处错误）"
        audit_record(event=Event.IMPORT, user=by, username=username, request=request, result="failure", detail=detail)
        raise
    with transaction.atomic():
        adjustment = adjustment_save(
            adjustment=PowerAdjustment(
                unit=unit, effective_on=effective_on, reason=reason, basis=basis, source_file=name[:255]
            ),
            by=by,
        )
        for position, change in enumerate(changes, start=1):
            change.adjustment, change.position = adjustment, position
        PowerChange.objects.bulk_create(changes, batch_size=1000)
    kinds = [change.kind for change in changes]
    summary = ImportSummary(
        added=kinds.count(ChangeKind.ADDED),
        changed=kinds.count(ChangeKind.CHANGED),
        removed=kinds.count(ChangeKind.REMOVED),
        unchanged=unchanged,
        warnings=parsed.warnings,
    )
    detail = f"{unit.code} 权责清单 {name}：{summary}"
    audit_record(event=Event.IMPORT, user=by, username=username, obj=adjustment, request=request, detail=detail)
    return adjustment, summary


def _check_changes(changes: list[PowerChange], current: dict[str, PowerItem]) -> list[str]:
    problems, seen = [], set()
    for change in changes:
        code = change.code.strip()
        if code in seen:
            problems.append(_(ERROR_DUPLICATE).format(code=code))
        seen.add(code)
        if change.kind == ChangeKind.ADDED and code in current:
            problems.append(_(ERROR_ADDED_EXISTS).format(code=code))
        elif change.kind != ChangeKind.ADDED and code not in current:
            problems.append(_(ERROR_NOT_CURRENT).format(code=code, kind=change.get_kind_display()))
        elif change.kind != ChangeKind.REMOVED and not (change.power_type and change.name and change.basis.strip()):
            problems.append(_(ERROR_FIELDS).format(code=code))
    return problems


def _apply(change: PowerChange, current: dict[str, PowerItem], adjustment: PowerAdjustment, position: int) -> None:
    day = adjustment.effective_on
    item = current.get(change.code)
    if change.kind == ChangeKind.REMOVED:
        for name, value in item.values().items():  # the change keeps the item as it was
            setattr(change, name, value)
        item.is_current, item.removed_on, item.changed_on = False, day, day
    else:
        if item is None:  # added: a code removed once may come back
            item = PowerItem.objects.filter(unit=adjustment.unit_id, code=change.code).first() or PowerItem(
                unit_id=adjustment.unit_id, code=change.code, added_on=day
            )
            item.is_current, item.removed_on, item.added_on, item.position = True, None, day, position
        for name, value in change.values().items():
            setattr(item, name, value)
        item.changed_on = day
        item.search_document = search_document(item.values())
    item.full_clean(exclude=["unit"])
    item.save()
    change.item, change.unit_id, change.effective_on = item, adjustment.unit_id, day
    change.save()


@transaction.atomic
def adjustment_publish(*, adjustment: PowerAdjustment, by: AbstractBaseUser | None = None) -> PowerAdjustment:
    """Apply a reviewed draft to the unit's list: every change dated ``effective_on``, all or none."""
    Unit.objects.select_for_update().filter(pk=adjustment.unit_id).first()  # one publish at a time per unit
    adjustment = PowerAdjustment.objects.select_for_update().get(pk=adjustment.pk)
    _require_editor(by, adjustment.unit_id)
    if not adjustment.is_editable:
        raise ValidationError(_(ERROR_NOT_EDITABLE))
    if not adjustment.reason.strip() or not adjustment.basis.strip():
        raise ValidationError(_(ERROR_REASON))
    if adjustment.effective_on > timezone.localdate():
        raise ValidationError(_(ERROR_FUTURE))
    published = PowerAdjustment.objects.filter(unit=adjustment.unit_id, status=AdjustmentStatus.PUBLISHED)
    latest = published.aggregate(latest=Max("effective_on"))["latest"]
    if latest is not None and adjustment.effective_on < latest:
        raise ValidationError(_(ERROR_BACKDATED).format(date=f"{latest:%Y-%m-%d}"))
    changes = list(adjustment.changes.all())
    if not changes:
        raise ValidationError(_(ERROR_NO_CHANGES))
    current = current_items(adjustment.unit_id)
    if problems := _check_changes(changes, current):
        raise ValidationError(problems)
    require_review(adjustment, by=by)
    next_position = max((item.position for item in current.values()), default=0)
    for change in changes:
        next_position += change.kind == ChangeKind.ADDED
        _apply(change, current, adjustment, next_position)
    adjustment.status = AdjustmentStatus.PUBLISHED
    adjustment.published_at = timezone.now()
    adjustment.save()
    pagecache.bump(SECTION)
    return adjustment


def publish_for_admin(adjustment: PowerAdjustment, by: AbstractBaseUser | None = None) -> PowerAdjustment:
    return adjustment_publish(adjustment=adjustment, by=by)
