"""Page sections contributed by the apps: the home page and a unit's page (/units/<code>/).

An app registers a template and a function giving its context; the page includes each
section in registration order. Lower apps thus show what higher apps hold without
importing them (the catalog adds a unit's standardized column, seed §1(三)). A unit's page has
panels above its disclosure column (the unit profile, 机构概况) and sections below it.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    code: str
    template: str
    context: Callable[..., dict]


class SectionRegistry:
    def __init__(self) -> None:
        self._sections: dict[str, Section] = {}

    def register(self, section: Section) -> None:
        self._sections[section.code] = section

    def render(self, *args: object) -> list[tuple[str, dict]]:
        return [(section.template, section.context(*args)) for section in self._sections.values()]


home_sections = SectionRegistry()
unit_sections = SectionRegistry()
unit_panels = SectionRegistry()
