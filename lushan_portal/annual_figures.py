"""The annual report's figures (政府信息公开工作年度报告), gathered from the apps that hold them.

A domain app registers a provider from its AppConfig.ready(); the report asks each one for a
year and a unit (None: every unit together). Neither this module nor the report imports a domain
app, so apps keep depending downwards only.

provider(year, unit_id) returns plain data (a dataclass) the report lays out.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class FiguresProvider:
    code: str
    title: str
    provider: Callable[[int, int | None], object]


_providers: dict[str, FiguresProvider] = {}


def register_provider(code: str, title: str, provider: Callable[[int, int | None], object]) -> None:
    _providers[code] = FiguresProvider(code=code, title=title, provider=provider)


def providers() -> list[FiguresProvider]:
    return list(_providers.values())


def provider(code: str) -> FiguresProvider | None:
    return _providers.get(code)
