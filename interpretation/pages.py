from django.utils import timezone

from lushan_portal.sections import Section, home_sections, unit_sections
from organizations.models import Unit

HOME_INTERPRETATIONS = 5


def unit_context(unit: Unit) -> dict:
    from interpretation.rules import MULTI_FORMAT_TARGET_PERCENT, sync_limit_days
    from interpretation.selectors import unit_year

    return {
        "unit": unit,
        "figures": unit_year(unit.pk, timezone.localdate().year),
        "target": MULTI_FORMAT_TARGET_PERCENT,
        "limit": sync_limit_days(),
    }


def home_context() -> dict:
    from interpretation.selectors import newest_interpretations

    return {"newest": newest_interpretations(HOME_INTERPRETATIONS)}


def register_pages() -> None:
    unit_sections.register(
        Section(
            code="interpretation",
            template="interpretation/unit_section.html",
            context=unit_context,
            shows=("interpretation",),
        )
    )
    home_sections.register(
        Section(
            code="interpretation",
            template="interpretation/home_section.html",
            context=home_context,
            shows=("interpretation",),
        )
    )
