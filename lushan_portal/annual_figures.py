"""The annual report's figures (政府信息公开工作年度报告), gathered from the apps that hold them.

A domain app registers a provider from its AppConfig.ready(); the report asks each one for a
year and a unit (None: every unit together). Neither this module nor the report imports a domain
app, so apps keep depending downwards only.

provider(year, unit_id) returns plain data (a dataclass) the report lays out. A provider may also
give ``by_unit(year)``: {unit id: the same data} for every unit at once, in as few queries as
``provider`` takes for one, so that all units' reports of a year cost a fixed number of queries.

What the report (annual_reports/figures.py) reads from each code:
- ``disclosure_requests``: tables 三 and 四 (disclosure_requests/annual.py: ``table_three.rows``
  with ``code``, ``label`` and six ``cells``; ``table_four`` with ``reconsideration``,
  ``litigation_direct``, ``litigation_after_review``, each ``upheld, corrected, other, pending``).
- ``disclosure_requests.fees``: section 六's 信息处理费, ``amount`` (Decimal, yuan) and ``count``.
- ``table2.normative``: ``regulations`` (规章) and ``normative_documents`` (行政规范性文件), each
  None (不适用) or with ``issued``, ``repealed`` and ``in_force``.
- ``table2.enforcement``: ``licensing``, ``penalty`` and ``coercion`` (本年处理决定数量; None: 不适用).
A code with no provider registered is shown as 未提供, never as 0.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class FiguresProvider:
    code: str
    title: str
    provider: Callable[[int, int | None], object]
    by_unit: Callable[[int], dict[int, object]] | None = None


_providers: dict[str, FiguresProvider] = {}


def register_provider(
    code: str,
    title: str,
    provider: Callable[[int, int | None], object],
    by_unit: Callable[[int], dict[int, object]] | None = None,
) -> None:
    _providers[code] = FiguresProvider(code=code, title=title, provider=provider, by_unit=by_unit)


def unregister_provider(code: str) -> None:
    _providers.pop(code, None)


def providers() -> list[FiguresProvider]:
    return list(_providers.values())


def provider(code: str) -> FiguresProvider | None:
    return _providers.get(code)
