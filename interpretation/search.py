from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from lushan_portal.search import SearchSection, highlight, register_section


def documents_matching(terms: list[str], filters: dict) -> QuerySet:
    from interpretation.models import document_vector_expression
    from interpretation.selectors import public_documents
    from lushan_portal.text_search import ranked_match

    return ranked_match(public_documents(), terms, vector=document_vector_expression(), fields=["search_document"])


def display(document: object, terms: list[str]) -> tuple[str, str, str]:
    label = f"{document}（{document.unit.display_name}，{document.published_label}）"
    return label, document.get_absolute_url(), highlight(document.body, terms)


def register_search() -> None:
    register_section(SearchSection(code="policies", title=_("政策文件"), search=documents_matching, display=display))
