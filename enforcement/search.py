from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from lushan_portal.search import SearchSection, register_section


def decisions_matching(terms: list[str], filters: dict) -> QuerySet:
    """Decisions whose party name, number or credit code contains the query (as typed)."""
    from enforcement.filters import decisions_matching_text
    from enforcement.public import listed, public_decisions

    return decisions_matching_text(listed(public_decisions()), "".join(terms)).order_by("-decision_date", "-id")


def display(decision: object, terms: list[str]) -> tuple[str, str, str]:
    from enforcement.public import public_title

    return public_title(decision), decision.get_absolute_url(), ""


def register_search() -> None:
    from enforcement.models import Decision
    from enforcement.services import decision_search_document
    from lushan_portal.text_search import Searchable, register_searchable

    register_searchable(
        Searchable(
            Decision,
            [("search_document", None)],
            lambda decision: {"search_document": decision_search_document(decision)},
            stored_vector=False,  # bigrams, matched through a GIN index on their expression
        )
    )
    register_section(
        SearchSection(code="enforcement", title=_("行政执法公示"), search=decisions_matching, display=display)
    )
