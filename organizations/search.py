from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from lushan_portal.search import SearchSection, all_terms_in, register_section


def units_matching(terms: list[str], filters: dict) -> QuerySet:
    from organizations.models import Unit

    matches = Unit.objects.filter(all_terms_in(["name", "short_name", "address"], terms), is_active=True)
    return matches.only("code", "name")  # what a result shows: its name and link


def register_unit_search() -> None:
    register_section(SearchSection(code="units", title=_("单位"), search=units_matching))
