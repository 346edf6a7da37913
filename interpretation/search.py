from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from lushan_portal.search import SearchSection, highlight, register_section


def documents_matching(terms: list[str], filters: dict) -> QuerySet:
    from interpretation.models import DOCUMENT_DOCUMENTS
    from interpretation.selectors import public_documents
    from lushan_portal.text_search import ranked_match

    return ranked_match(public_documents(), terms, fields=[field for field, _weight in DOCUMENT_DOCUMENTS])


# What a result of the site search shows (``display``): not the documents' stored search text and vector.
DOCUMENT_SHOWN = ("title", "number", "body", "published_on", "unit__name", "unit__short_name")


def document_results(terms: list[str], filters: dict) -> QuerySet:
    """The site search's section: published documents matching, without the interpretation figures."""
    from interpretation.models import DOCUMENT_DOCUMENTS
    from interpretation.selectors import published_documents
    from lushan_portal.text_search import ranked_match

    fields = [field for field, _weight in DOCUMENT_DOCUMENTS]
    return ranked_match(published_documents(), terms, fields=fields).only(*DOCUMENT_SHOWN)


def display(document: object, terms: list[str]) -> tuple[str, str, str]:
    label = f"{document}（{document.unit.display_name}，{document.published_label}）"
    return label, document.get_absolute_url(), highlight(document.body, terms)


def register_search() -> None:
    from interpretation.models import DOCUMENT_DOCUMENTS, PolicyDocument
    from interpretation.services import document_documents
    from lushan_portal.text_search import Searchable, register_searchable

    register_searchable(Searchable(PolicyDocument, DOCUMENT_DOCUMENTS, document_documents))
    register_section(
        SearchSection(code="policies", title=_("政策文件"), search=document_results, display=display, reusable=True)
    )
