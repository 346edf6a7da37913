"""Which unit an imported row belongs to: the deciding agency the row names (处罚机关 / 许可机关).

The agency is matched by its credit code, full name, short name or alias (organizations.selectors);
the unit chosen for the import is only the default for rows (or files) that name none.
Every refusal names the cell.
"""

from collections.abc import Callable
from dataclasses import dataclass

from organizations.models import Unit
from organizations.selectors import UnitMatcher

NAME_HEADERS = ("处罚机关", "许可机关", "实施机关")
CODE_HEADERS = ("处罚机关统一社会信用代码", "许可机关统一社会信用代码", "实施机关统一社会信用代码")

ERROR_NO_AGENCY_COLUMN = "文件没有“处罚机关”“许可机关”“实施机关”或其统一社会信用代码列：请指定执法单位。"
ERROR_AGENCY_BLANK = "“{header}”（{ref}）：未填写决定机关，导入时也没有指定执法单位"
ERROR_AGENCY_UNKNOWN = "“{header}”（{ref}）：没有与“{value}”对应的单位（按统一社会信用代码、全称、简称或其他名称匹配）"
ERROR_AGENCY_AMBIGUOUS = "“{header}”（{ref}）：“{value}”对应多个单位（{units}），请填写全称或统一社会信用代码"
ERROR_AGENCY_CONFLICT = "“{name_header}”（{name_ref}）是{name_unit}，“{code_header}”（{code_ref}）却是{code_unit}"
ERROR_AGENCY_CODE_MISMATCH = "“{header}”（{ref}）：“{value}”与{unit}登记的统一社会信用代码 {code} 不一致"
ERROR_AGENCY_NOT_DEFAULT = "“{header}”（{ref}）：“{value}”是{unit}，不是导入时指定的执法单位{default}"
ERROR_AGENCY_NOT_WRITABLE = "“{header}”（{ref}）：“{value}”是{unit}，您没有该单位的录入权限"


@dataclass(frozen=True)
class Cell:
    header: str
    ref: str  # e.g. "V3"
    value: str


def filled_cell(cells: dict[str, object], refs: dict[str, str], headers: tuple[str, ...]) -> Cell | None:
    for header in headers:
        value = cells.get(header)
        if value is not None and str(value).strip():
            return Cell(header, refs[header], str(value).strip())
    return None


def has_agency_columns(headers: list[str]) -> bool:
    return any(header in NAME_HEADERS + CODE_HEADERS for header in headers)


@dataclass(frozen=True)
class AgencyResolver:
    matcher: UnitMatcher
    default: Unit | None = None
    may_write: Callable[[Unit], bool] | None = None  # None: the operator on the server, every unit

    def resolve(self, cells: dict[str, object], refs: dict[str, str]) -> tuple[Unit | None, list[str]]:
        """The row's unit and why it may not be imported (each problem naming its cell).

        A unit matched but refused (not the default, not writable) comes back with the problem,
        so that the audit row can name it; the unit is None when nothing matched.
        """
        name = filled_cell(cells, refs, NAME_HEADERS)
        code = filled_cell(cells, refs, CODE_HEADERS)
        if name is None and code is None:
            if self.default is not None:
                return self.default, []
            blank = next((h for h in NAME_HEADERS + CODE_HEADERS if h in refs), None)
            return None, [ERROR_AGENCY_BLANK.format(header=blank, ref=refs.get(blank, ""))]
        unit, problems = self.match(name, code)
        if unit is None:
            return None, problems
        named = name or code
        if self.default is not None and unit != self.default:
            message = ERROR_AGENCY_NOT_DEFAULT.format(
                header=named.header, ref=named.ref, value=named.value, unit=unit.name, default=self.default.name
            )
            return unit, [message]
        if self.may_write is not None and not self.may_write(unit):
            message = ERROR_AGENCY_NOT_WRITABLE.format(
                header=named.header, ref=named.ref, value=named.value, unit=unit.name
            )
            return unit, [message]
        return unit, []

    def match(self, name: Cell | None, code: Cell | None) -> tuple[Unit | None, list[str]]:
        by_code = self.matcher.by_credit_code(code.value) if code else None
        if name is None:
            if by_code is None:
                return None, [unknown(code)]
            return by_code, []
        candidates = self.matcher.candidates(name.value)
        if by_code is not None:
            if candidates and by_code not in candidates:
                return None, [
                    ERROR_AGENCY_CONFLICT.format(
                        name_header=name.header,
                        name_ref=name.ref,
                        name_unit="、".join(unit.name for unit in candidates),
                        code_header=code.header,
                        code_ref=code.ref,
                        code_unit=by_code.name,
                    )
                ]
            return by_code, []  # a former name not yet recorded as an alias: the code decides
        if not candidates:
            return None, [unknown(name)]
        if len(candidates) > 1:
            units = "、".join(unit.name for unit in candidates)
            message = ERROR_AGENCY_AMBIGUOUS.format(header=name.header, ref=name.ref, value=name.value, units=units)
            return None, [message]
        unit = candidates[0]
        if code is not None and unit.credit_code and unit.credit_code != code.value.upper():
            message = ERROR_AGENCY_CODE_MISMATCH.format(
                header=code.header, ref=code.ref, value=code.value, unit=unit.name, code=unit.credit_code
            )
            return None, [message]
        return unit, []


def unknown(cell: Cell) -> str:
    return ERROR_AGENCY_UNKNOWN.format(header=cell.header, ref=cell.ref, value=cell.value)
