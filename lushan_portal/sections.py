"""Page sections contributed by the apps: the home page and a unit's page (/units/<code>/).

An app registers a template and a function giving its context; the page includes each
section in registration order. Lower apps thus show what higher apps hold without
importing them (the catalog adds a unit's standardized column, seed §1(三)). A unit's page has
panels above its disclosure column (the unit profile, 机构概况) and sections below it.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from lushan_portal.pagecache import versioned


@dataclass(frozen=True)
class Section:
    """``shows``: the page-cache sections (pagecache.register) of the records it shows. A section
    with them is rendered once per process (and per argument, e.g. the unit) and kept until one of
    them changes; ``fragments`` renders it from ``section`` alone."""

    code: str
    template: str
    context: Callable[..., dict]
    shows: tuple[str, ...] = ()


class SectionRegistry:
    def __init__(self, name: str) -> None:
        self.name = name
        self._sections: dict[str, Section] = {}

    def register(self, section: Section) -> None:
        self._sections[section.code] = section

    def render(self, *args: object) -> list[tuple[str, dict]]:
        return [(section.template, section.context(*args)) for section in self._sections.values()]

    def fragments(self, *args: object) -> list[SafeString]:
        """Each section's HTML, rendered from ``section`` alone (its template reads nothing else).
        A section with ``shows`` is rendered afresh only after what it shows changed, so a miss of
        the page cache costs one round trip to the cache instead of the section's queries."""
        return [self._fragment(section, args) for section in self._sections.values()]

    def _fragment(self, section: Section, args: tuple) -> SafeString:
        def build() -> SafeString:
            return render_to_string(section.template, {"section": section.context(*args)})

        if not section.shows:
            return build()
        name = ":".join([f"{self.name}-section", section.code, *(str(getattr(arg, "pk", arg)) for arg in args)])
        return versioned(name, *section.shows, build=build)


home_sections = SectionRegistry("home")
unit_sections = SectionRegistry("unit")
unit_panels = SectionRegistry("unit-panel")
