"""The unit profile as a panel of the unit's page (/units/<code>/), above its disclosure column:
organizations owns the page and reads the panel through lushan_portal.sections.unit_panels."""

from dataclasses import dataclass, field

from django.utils import timezone

from administration.models import UnitProfile, UnitReform
from administration.powers_selectors import current_items
from administration.profiles_selectors import published_reforms, with_bodies_and_leaders
from lushan_portal.pagecache import versioned
from lushan_portal.sections import Section, unit_panels
from organizations.models import Unit


@dataclass
class Panel:
    profile: UnitProfile | None = None
    history: list[UnitReform] = field(default_factory=list)
    has_powers: bool = False


def panels_by_unit() -> dict[int, Panel]:
    """Every unit's panel in five queries (the profiles in effect, their bodies and leaders, the
    reform history, the units with a power list), whatever the number of units."""
    panels: dict[int, Panel] = {}
    profiles = with_bodies_and_leaders().filter(effective_on__lte=timezone.localdate())
    for profile in profiles.order_by("unit_id", "-effective_on", "-pk"):
        panel = panels.setdefault(profile.unit_id, Panel())
        panel.profile = panel.profile or profile
    for reform in published_reforms():
        for unit_id in {reform.unit_id, reform.successor_id} - {None}:
            panels.setdefault(unit_id, Panel()).history.append(reform)
    for unit_id in current_items().order_by().values_list("unit", flat=True).distinct():
        panels.setdefault(unit_id, Panel()).has_powers = True
    return panels


def profile_context(unit: Unit) -> dict:
    """No query on the page once built: the panels are kept per process (pagecache.versioned) until a
    profile, a reform entry or a power list changes, or the county's date does."""
    panel = versioned("administration:unit_panels", "profiles", "powers", build=panels_by_unit).get(unit.pk, Panel())
    return {"unit": unit, "profile": panel.profile, "history": panel.history, "has_powers": panel.has_powers}


def register_pages() -> None:
    unit_panels.register(Section(code="profile", template="administration/profile_panel.html", context=profile_context))
