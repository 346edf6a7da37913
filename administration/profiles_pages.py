"""The unit profile as a panel of the unit's page (/units/<code>/), above its disclosure column:
organizations owns the page and reads the panel through lushan_portal.sections.unit_panels."""

from django.utils import timezone

from administration.powers_selectors import current_items
from administration.profiles_selectors import current_profile, unit_history
from lushan_portal.sections import Section, unit_panels
from organizations.models import Unit


def profile_context(unit: Unit) -> dict:
    """Five queries whatever the unit holds: the profile, its bodies, its leaders, the reform
    history, and whether the unit has a power list."""
    profile = current_profile(unit.pk, timezone.localdate())
    return {
        "unit": unit,
        "profile": profile,
        "history": unit_history(unit.pk),
        "has_powers": current_items().filter(unit=unit.pk).exists(),
    }


def register_pages() -> None:
    unit_panels.register(Section(code="profile", template="administration/profile_panel.html", context=profile_context))
