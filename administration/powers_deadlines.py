"""Power lists in the compliance registry.

- The alert: a current item whose 实施依据 cites a document of the policy library that has been
  repealed or has expired (read through ``lushan_portal.legal_documents``), raised to the item's
  unit at once, with the day by which the list is due to be adjusted (rules.basis_update_due). A
  reminder (``notice``); it resolves itself when the item no longer cites the document.
- The indicator: adjustments made within the working days of rules.basis_update_due after a
  cited document ended, counted per unit over the period.
- Incomplete records: current items whose 实施主体, 责任事项 or 追责情形 is 未说明.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import Case, DateField, Q, QuerySet, Value, When
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from administration import rules
from administration.models import ChangeKind, PowerItem
from administration.powers_selectors import current_items, published_changes
from compliance.registry import (
    DeadlineRule,
    DrillRow,
    IncompleteRecords,
    Indicator,
    IndicatorValue,
    register_incomplete,
    register_indicator,
    register_rule,
)
from lushan_portal.legal_documents import EndedDocument, ended_documents
from organizations.models import Unit

BASIS_ENDED = "administration.power_basis_ended"
BASIS_UPDATED = "administration.power_basis_updated"
INCOMPLETE = "administration.power_items"
NOT_STATED_FIELDS = {
    "implementing_body": _("实施主体"),
    "responsibilities": _("责任事项"),
    "accountability": _("追责情形"),
}


def citing(document: EndedDocument) -> Q:
    condition = Q()
    for text in document.match_texts:
        condition |= Q(basis__contains=text)
    return condition


def cites(document: EndedDocument, basis: str) -> bool:
    return any(text in basis for text in document.match_texts)


def items_citing_ended(today: date) -> QuerySet:
    """Current items citing an ended document, annotated ``basis_due``: the adjustment's last day
    for the earliest-ended document they cite (None: 日期不详). Two queries (the documents, then one)."""
    documents = [d for d in ended_documents() if d.match_texts and (d.ended_on is None or d.ended_on <= today)]
    unknown = Cast(Value(None), DateField())  # typed: PostgreSQL reads a bare NULL as text
    if not documents:  # the scan still reads basis_due
        return PowerItem.objects.none().annotate(basis_due=unknown)
    any_document, whens = Q(), []
    for document in documents:  # earliest end first: the first When that matches is the earliest due
        any_document |= citing(document)
        if document.ended_on is not None:
            whens.append(When(citing(document), then=Value(rules.basis_update_due(document.ended_on))))
    due = Case(*whens, default=unknown, output_field=DateField()) if whens else unknown
    return current_items().filter(any_document).annotate(basis_due=due)


@dataclass(frozen=True)
class BasisEvent:
    """An item that cited ``document`` when it ended; ``done_on``: the day the adjustment that
    stopped citing it (or removed the item) was published; None while not done."""

    unit_id: int
    item_id: int
    title: str
    document: EndedDocument
    due: date
    done_on: date | None


def basis_events(until: date) -> list[BasisEvent]:
    """Every (item, ended document) the unit had to follow, for documents ended by ``until``: three
    queries (the documents, the items that ever cited one, their changes)."""
    documents = [d for d in ended_documents() if d.ended_on is not None and d.ended_on <= until and d.match_texts]
    if not documents:
        return []
    any_document = Q()
    for document in documents:
        any_document |= citing(document)
    item_ids = published_changes().filter(any_document).values("item_id")
    rows = (
        published_changes()
        .filter(item_id__in=item_ids)
        .order_by("effective_on", "adjustment_id", "position", "pk")
        .values("item_id", "unit_id", "kind", "name", "basis", "effective_on", "adjustment__published_at")
    )
    by_item: dict[int, list[dict]] = defaultdict(list)
    for row in rows:
        by_item[row["item_id"]].append(row)
    events = []
    for document in documents:
        for item_id, changes in by_item.items():
            before = [c for c in changes if c["effective_on"] <= document.ended_on]
            if not before or before[-1]["kind"] == ChangeKind.REMOVED or not cites(document, before[-1]["basis"]):
                continue
            later = changes[len(before) :]
            fix = next((c for c in later if c["kind"] == ChangeKind.REMOVED or not cites(document, c["basis"])), None)
            events.append(
                BasisEvent(
                    unit_id=before[-1]["unit_id"],
                    item_id=item_id,
                    title=before[-1]["name"],
                    document=document,
                    due=rules.basis_update_due(document.ended_on),
                    done_on=timezone.localdate(fix["adjustment__published_at"]) if fix else None,
                )
            )
    return events


def _counted(event: BasisEvent, start: date, end: date, today: date) -> bool:
    """Done in the period, or its last day passed in the period undone (late)."""
    if event.done_on is not None:
        return start <= event.done_on <= end
    return start <= event.due <= end and event.due < today


def updated_on_time(start: date, end: date) -> dict[int, IndicatorValue]:
    today = timezone.localdate()
    totals: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0])  # on time, counted, pending
    for event in basis_events(end):
        figures = totals[event.unit_id]
        if _counted(event, start, end, today):
            figures[1] += 1
            figures[0] += event.done_on is not None and event.done_on <= event.due
        elif event.done_on is None and event.due >= today and event.document.ended_on <= end:
            figures[2] += 1
    return {
        unit_id: IndicatorValue(ok, total, ok == total if total else None, pending)
        for unit_id, (ok, total, pending) in totals.items()
    }


def late_events(unit_id: int, start: date, end: date) -> list[DrillRow]:
    today = timezone.localdate()
    unit_name = Unit.objects.filter(pk=unit_id).values_list("name", flat=True).first() or ""
    rows = []
    for event in basis_events(end):
        if event.unit_id != unit_id or not _counted(event, start, end, today):
            continue
        if event.done_on is not None and event.done_on <= event.due:
            continue
        note = _("尚未调整") if event.done_on is None else _("已于 %(day)s 调整") % {"day": f"{event.done_on:%Y-%m-%d}"}
        rows.append(
            DrillRow(
                title=f"{event.title}（依据《{event.document.title}》{event.document.state}）",
                rule=str(
                    _("依据废止或失效后 %(days)s 个工作日内调整权责清单") % {"days": rules.basis_update_working_days()}
                ),
                unit=unit_name,
                admin_url=reverse("admin:administration_poweradjustment_add") + f"?unit={unit_id}",
                due_on=event.due,
                done_on=event.done_on,
                note=str(note),
                action=str(_("新建调整")),
            )
        )
    return rows


def items_not_stated() -> QuerySet:
    blank = Q()
    for name in NOT_STATED_FIELDS:
        blank |= Q(**{name: ""})
    return current_items().filter(blank)


def register_rules() -> None:
    register_rule(
        DeadlineRule(
            code=BASIS_ENDED,
            title=_("权责清单事项的实施依据已废止或失效，须调整清单"),
            overdue=items_citing_ended,
            due_field="basis_due",
            notice=True,
        )
    )
    register_indicator(
        Indicator(
            code=BASIS_UPDATED,
            title=_("依据废止或失效后按时调整权责清单"),
            short_title=_("权责调整"),
            target=_("依据废止或失效后 %(days)s 个工作日内调整") % {"days": rules.basis_update_working_days()},
            compute=updated_on_time,
            offending=late_events,
        )
    )
    register_incomplete(
        IncompleteRecords(
            code=INCOMPLETE,
            title=_("权责清单：实施主体、责任事项或追责情形未说明"),
            records=items_not_stated,
            missing=lambda item: [str(label) for name, label in NOT_STATED_FIELDS.items() if not getattr(item, name)],
        )
    )
