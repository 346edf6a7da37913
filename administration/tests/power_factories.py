"""Small builders for the administration tests: spreadsheets, adjustments published after review."""

import io
from datetime import date

from openpyxl import Workbook

from administration.models import ChangeKind, PowerAdjustment, PowerChange
from administration.powers_import import HEADER
from administration.powers_services import adjustment_publish, adjustment_save
from organizations.models import Unit
from publication_review.models import Outcome
from publication_review.services import review_record

LICENSING_BASIS = "《中华人民共和国行政许可法》第十二条；《社会团体登记管理条例》第九条"


def item(code: str, name: str, **fields: str) -> dict[str, str]:
    values = {
        "code": code,
        "power_type": "licensing",
        "name": name,
        "sub_items": "",
        "basis": LICENSING_BASIS,
        "implementing_body": "县民政局社会组织股",
        "responsibilities": "1.受理责任：公示应当提交的材料。\n2.审查责任：审查申请材料。",
        "accountability": "对符合法定条件的申请不予受理的；",
    }
    return values | fields


def xlsx(rows: list[list[object]], *, merges: list[str] = (), header: list[str] = HEADER, title: str = "") -> bytes:
    book = Workbook()
    sheet = book.active
    if title:
        sheet.append([title])
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    for cells in merges:
        sheet.merge_cells(cells)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def review(record: object, reviewer: object) -> None:
    review_record(record=record, reviewer=reviewer, outcome=Outcome.PUBLISH)


def adjust(
    unit: Unit,
    reviewer: object,
    day: date,
    changes: list[tuple[str, dict[str, str]]],
    *,
    reason: str = "机构职能调整",
    basis: str = "鲁编〔2025〕1号",
) -> PowerAdjustment:
    """A published adjustment of ``changes`` [(kind, item fields)] dated ``day``."""
    adjustment = adjustment_save(adjustment=PowerAdjustment(unit=unit, effective_on=day, reason=reason, basis=basis))
    PowerChange.objects.bulk_create(
        PowerChange(adjustment=adjustment, kind=kind, position=n, **values)
        for n, (kind, values) in enumerate(changes, start=1)
    )
    review(adjustment, reviewer)
    return adjustment_publish(adjustment=adjustment)


ADDED, CHANGED, REMOVED = ChangeKind.ADDED, ChangeKind.CHANGED, ChangeKind.REMOVED
