from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from lushan_portal.search import SearchSection, all_terms_in, register_section


def decisions_matching(terms: list[str], filters: dict) -> QuerySet:
    from enforcement.models import PartyCategory
    from enforcement.public import public_decisions

    # Natural persons' names are not searchable (enforcement.filters explains why).
    named = all_terms_in(["party_name"], terms) & ~Q(party_category=PartyCategory.NATURAL_PERSON)
    other = all_terms_in(["decision_number", "violation_type", "licence_content", "licence_certificate_name"], terms)
    return public_decisions().filter(named | other).order_by("-decision_date", "-id")


def display(decision: object, terms: list[str]) -> tuple[str, str, str]:
    from enforcement.public import public_title

    return public_title(decision), decision.get_absolute_url(), ""


def register_search() -> None:
    register_section(
        SearchSection(code="enforcement", title=_("行政执法公示"), search=decisions_matching, display=display)
    )
