"""Bulk import of decisions from xlsx or csv: all rows or nothing, every bad row named."""

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import translation
from openpyxl.utils import get_column_letter
from simple_history.utils import bulk_create_with_history

from audit.models import Event
from audit.services import audit_record
from enforcement.import_agency import ERROR_NO_AGENCY_COLUMN, AgencyResolver, has_agency_columns
from enforcement.models import (
    CoercionCategory,
    Decision,
    DecisionKind,
    LicenceCategory,
    PartyCategory,
    PenaltyCategory,
)
from enforcement.services import decision_prepare, decisions_publish_imported
from lushan_portal import pagecache
from lushan_portal.spreadsheets import COMMAND_LINE, ImportRejected, normalise_header, read_rows
from organizations.models import Unit
from organizations.selectors import unit_matcher
from publication_review.services import review_batch

__all__ = ["COMMAND_LINE", "ImportRejected", "ImportResult", "decisions_import"]

HEADER_ROW = 1

# National column names (rules.md §4) → model fields. Both kinds' names map to the shared fields.
COLUMNS = {
    "类型": "kind",
    "行政相对人名称": "party_name",
    "行政相对人类别": "party_category",
    "统一社会信用代码": "credit_code",
    "法定代表人": "legal_representative",
    "证件类型": "id_type",
    "证件号码": "id_number",
    "行政处罚决定书文号": "decision_number",
    "行政许可决定文书号": "decision_number",
    "行政强制决定书文号": "decision_number",
    "违法行为类型": "violation_type",
    "违法事实": "violation_facts",
    "处罚依据": "legal_basis",
    "强制依据": "legal_basis",
    "强制类别": "coercion_categories",
    "强制内容": "coercion_content",
    "强制决定日期": "decision_date",
    "处罚类别": "penalty_categories",
    "处罚内容": "penalty_content",
    "罚款金额（万元）": "fine_amount",
    "没收违法所得、没收非法财物的金额（万元）": "confiscated_amount",
    "暂扣或吊销证照名称及编号": "suspended_licence",
    "处罚决定日期": "decision_date",
    "许可决定日期": "decision_date",
    "处罚有效期": "penalty_valid_until",
    "公示截止期": "publicity_until",
    "处罚机关": "authority_name",
    "许可机关": "authority_name",
    "实施机关": "authority_name",
    "处罚机关统一社会信用代码": "authority_credit_code",
    "许可机关统一社会信用代码": "authority_credit_code",
    "实施机关统一社会信用代码": "authority_credit_code",
    "行政许可决定文书名称": "licence_document_name",
    "许可类别": "licence_category",
    "许可证书名称": "licence_certificate_name",
    "许可编号": "licence_number",
    "许可内容": "licence_content",
    "有效期自": "valid_from",
    "有效期至": "valid_to",
    "当前状态": "licence_valid",
    "备注": "remarks",
}
KIND_BY_NUMBER_COLUMN = {
    "行政处罚决定书文号": DecisionKind.PENALTY,
    "行政许可决定文书号": DecisionKind.LICENCE,
    "行政强制决定书文号": DecisionKind.COERCION,
}
DATE_FIELDS = {"decision_date", "penalty_valid_until", "publicity_until", "valid_from", "valid_to"}
AMOUNT_FIELDS = {"fine_amount", "confiscated_amount"}
PARTY_CATEGORY_WORDS = {label: value for value, label in PartyCategory.choices} | {
    "法人": PartyCategory.LEGAL_PERSON,
    "非法人组织": PartyCategory.LEGAL_PERSON,
    "法人及其他组织": PartyCategory.LEGAL_PERSON,
}
LIST_SEPARATORS = re.compile(r"[、,，;；/\s]+")
DATE_HEADERS = {
    DecisionKind.PENALTY: "处罚决定日期",
    DecisionKind.LICENCE: "许可决定日期",
    DecisionKind.COERCION: "强制决定日期",
}

# The 7-working-day rule counts from the decision date: a row without one cannot be imported.
ERROR_DATE_BLANK = "“{header}”（{ref}）：未填写（公开期限从决定日期起算）"
ERROR_DATE_COLUMN = "缺少决定日期：文件没有“处罚决定日期”“许可决定日期”或“强制决定日期”列"
NO_UNIT = "（未匹配到单位）"


@dataclass(frozen=True)
class ImportResult:
    created: int
    published: int
    units: tuple[Unit, ...] = ()


def parse_date(value: object) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    match = re.fullmatch(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?", text) or re.fullmatch(
        r"(\d{4})(\d{2})(\d{2})", text
    )
    if not match:
        raise ValueError(f"“{text}”不是日期（应为 2025-03-01 这样的格式）")
    try:
        return date(*(int(part) for part in match.groups()))
    except ValueError:
        raise ValueError(f"“{text}”不是有效日期") from None


def parse_amount(value: object) -> Decimal:
    try:
        amount = Decimal(str(value).strip().replace(",", ""))
    except InvalidOperation:
        raise ValueError(f"“{value}”不是数字") from None
    if amount < 0 or not amount.is_finite():
        raise ValueError(f"“{value}”不是有效金额")
    return amount


def parse_choice(value: str, choices: type, field_label: str) -> str:
    by_label = {str(label): key for key, label in choices.choices}
    if value in by_label:
        return by_label[value]
    raise ValueError(f"{field_label}“{value}”不在规定范围内（可选：{'、'.join(by_label)}）")


def parse_categories(value: str, choices: type, field_label: str) -> str:
    labels = [part for part in LIST_SEPARATORS.split(value) if part]
    known = set(choices.labels)
    unknown = [label for label in labels if label not in known]
    if unknown:
        raise ValueError(f"{field_label}“{'、'.join(unknown)}”不在规定范围内")
    return "、".join(labels)


def parse_cell(field: str, value: object) -> object:
    if field in DATE_FIELDS:
        return parse_date(value)
    if field in AMOUNT_FIELDS:
        return parse_amount(value)
    text = str(value).strip()
    if field == "kind":
        return parse_choice(text, DecisionKind, "类型")
    if field == "party_category":
        if text not in PARTY_CATEGORY_WORDS:
            raise ValueError(f"行政相对人类别“{text}”应为 法人及非法人组织、自然人 或 个体工商户")
        return PARTY_CATEGORY_WORDS[text]
    if field == "licence_category":
        return parse_choice(text, LicenceCategory, "许可类别")
    if field == "penalty_categories":
        return parse_categories(text, PenaltyCategory, "处罚类别")
    if field == "coercion_categories":
        return parse_categories(text, CoercionCategory, "强制类别")
    if field == "licence_valid":
        if text not in ("有效", "无效"):
            raise ValueError(f"当前状态“{text}”应为 有效 或 无效")
        return text == "有效"
    return text


def label_of(field: str) -> str:
    return str(Decision._meta.get_field(field).verbose_name)


def validation_messages(error: ValidationError, cells: dict[str, object], refs: dict[str, str]) -> list[str]:
    """Model errors named by the file's cell where the field came from one."""
    if not hasattr(error, "error_dict"):
        return list(error.messages)
    source = {COLUMNS[h]: h for h, raw in cells.items() if raw is not None and str(raw).strip()}
    messages = []
    for field, texts in error.message_dict.items():
        if field in source:
            prefix = f"“{source[field]}”（{refs[source[field]]}）："
        else:
            prefix = "" if field == "__all__" else f"{label_of(field)}："
        messages += [prefix + text for text in texts]
    return messages


def date_problem(kind: str, refs: dict[str, str]) -> str:
    present = [h for h in DATE_HEADERS.values() if h in refs]
    if not present:
        return ERROR_DATE_COLUMN
    header = DATE_HEADERS[kind] if DATE_HEADERS[kind] in refs else present[0]
    return ERROR_DATE_BLANK.format(header=header, ref=refs[header])


def build_decision(
    cells: dict[str, object], refs: dict[str, str], unit: Unit | None, row_kind: str | None
) -> tuple[Decision | None, list[str]]:
    values: dict[str, object] = {}
    problems: list[str] = []
    for header, raw in cells.items():
        if raw is None or str(raw).strip() == "":
            continue
        field = COLUMNS[header]
        try:
            values[field] = parse_cell(field, raw)
        except ValueError as error:
            problems.append(f"“{header}”（{refs[header]}）：{error}")
    values.setdefault("kind", row_kind)
    if not values.get("kind"):
        problems.append("无法判断是行政许可、行政处罚还是行政强制：请加“类型”列")
    elif "decision_date" not in values:
        problems.append(date_problem(values["kind"], refs))
    if problems or unit is None:
        return None, problems
    decision = Decision(unit=unit, **values)
    try:
        decision_prepare(decision)
        # Uniqueness is checked for the whole file at once in decisions_import.
        decision.full_clean(exclude=["created_by"], validate_constraints=False)
    except ValidationError as error:
        return None, validation_messages(error, cells, refs)
    return decision, []


def existing_number_errors(numbers: dict[tuple[str, str], int]) -> list[str]:
    """One query per thousand numbers, not one per row."""
    keys = list(numbers)
    errors = []
    for start in range(0, len(keys), 1000):
        chunk = keys[start : start + 1000]
        existing = Decision.objects.filter(decision_number__in=[number for _kind, number in chunk])
        for kind, number in existing.values_list("kind", "decision_number"):
            if (kind, number) in numbers:
                errors.append(f"第 {numbers[(kind, number)]} 行：决定文书号“{number}”已存在")
    return errors


def row_order(message: str) -> int:
    match = re.match(r"第 (\d+) 行", message)
    return int(match.group(1)) if match else 0


def unit_codes(units: list[Unit]) -> str:
    return "、".join(unit.code for unit in units) or NO_UNIT


def decisions_import(
    *,
    unit: Unit | None,
    name: str,
    content: bytes,
    publish: bool = True,
    by=None,
    request: HttpRequest | None = None,
    may_write: Callable[[Unit], bool] | None = None,
) -> ImportResult:
    """Import every row or none, and record it in the audit log whoever runs it (admin or command).

    Each row goes to the agency it names (处罚机关 / 许可机关 or their credit codes); ``unit`` is
    the default for rows that name none, and a row naming another agency is an error.
    ``may_write`` (the admin's scope) refuses rows of units the importing user may not write.
    Raises ImportRejected listing each bad row with its number; nothing is written then.
    The audit row names the units involved.
    """
    username = "" if by is not None else COMMAND_LINE
    involved: list[Unit] = [unit] if unit is not None else []
    resolver = AgencyResolver(matcher=unit_matcher(), default=unit, may_write=may_write)
    try:
        result = rows_import(resolver=resolver, name=name, content=content, publish=publish, by=by, involved=involved)
    except ImportRejected as rejected:
        detail = f"{unit_codes(involved)} {name}：未导入（{len(rejected.errors)} 处错误）"
        audit_record(event=Event.IMPORT, user=by, username=username, request=request, result="failure", detail=detail)
        raise
    detail = f"{unit_codes(list(result.units))} {name}：{result.created} 条，公开 {result.published} 条"
    audit_record(event=Event.IMPORT, user=by, username=username, request=request, detail=detail)
    return result


def column_refs(headers: list[str], row_number: int) -> dict[str, str]:
    return {h: f"{get_column_letter(i + 1)}{row_number}" for i, h in enumerate(headers) if h}


def rows_import(
    *, resolver: AgencyResolver, name: str, content: bytes, publish: bool, by, involved: list[Unit]
) -> ImportResult:
    with translation.override("zh-hans"):
        rows = read_rows(name, content)
        header = next(rows, None)
        if header is None:
            raise ImportRejected(["文件是空的。"])
        headers = [normalise_header(cell) for cell in header]
        unknown = [h for h in headers if h and h not in COLUMNS]
        if unknown:
            raise ImportRejected([f"第 {HEADER_ROW} 行：无法识别的列名：{'、'.join(unknown)}"])
        if resolver.default is None and not has_agency_columns(headers):
            raise ImportRejected([ERROR_NO_AGENCY_COLUMN])
        number_columns = [h for h in headers if h in KIND_BY_NUMBER_COLUMN]
        errors: list[str] = []
        decisions: list[Decision] = []
        seen_numbers: dict[tuple[str, str], int] = {}
        for row_number, row in enumerate(rows, start=HEADER_ROW + 1):
            if all(cell is None or str(cell).strip() == "" for cell in row):
                continue
            cells = {h: row[i] if i < len(row) else None for i, h in enumerate(headers) if h}
            refs = column_refs(headers, row_number)
            filled_numbers = [h for h in number_columns if str(cells.get(h) or "").strip()]
            row_kind = KIND_BY_NUMBER_COLUMN[filled_numbers[0]] if len(filled_numbers) == 1 else None
            unit, problems = resolver.resolve(cells, refs)
            if unit is not None and unit not in involved:
                involved.append(unit)
            decision, row_problems = build_decision(cells, refs, None if problems else unit, row_kind)
            problems += row_problems
            if decision is not None:
                key = (decision.kind, decision.decision_number)
                if key in seen_numbers:
                    problems = [f"决定文书号“{decision.decision_number}”与第 {seen_numbers[key]} 行重复"]
                seen_numbers.setdefault(key, row_number)
            if problems:
                errors += [f"第 {row_number} 行：{problem}" for problem in problems]
            else:
                decision.created_by = by
                decisions.append(decision)
        errors += existing_number_errors(seen_numbers)
        if errors:
            raise ImportRejected(sorted(errors, key=row_order))
        if not decisions:
            raise ImportRejected(["文件中没有数据行。"])
        if publish:
            decisions_publish_imported(decisions)
        try:
            with transaction.atomic():
                bulk_create_with_history(decisions, Decision, batch_size=1000)
                if publish:  # the importer's review of the whole file (条例第十七条)
                    review_batch(records=decisions, reviewer=by, file_name=name)
                pagecache.bump("enforcement")  # bulk_create sends no save signals
        except IntegrityError:
            raise ImportRejected(["导入时有相同文书号的决定被同时录入，请重新导入。"]) from None
        except (ValidationError, PermissionDenied) as refused:
            raise ImportRejected(getattr(refused, "messages", None) or [str(refused)]) from None
    used = {decision.unit_id for decision in decisions}
    units = tuple(unit for unit in involved if unit.pk in used)
    return ImportResult(created=len(decisions), published=len(decisions) if publish else 0, units=units)
