from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from lushan_portal.pagecache import versioned
from lushan_portal.search import SNIPPET_LENGTH, SearchSection, highlight, register_section
from lushan_portal.widgets import FastSelect

LEVELS = {"county": "level_county", "township": "level_township"}
MODES = {"proactive": "mode_proactive", "on_request": "mode_on_request"}
AUDIENCES = {"public": "audience_public", "specific": "audience_specific"}


def _catalog_choice(label: str, empty_label: str) -> forms.ChoiceField:
    return forms.ChoiceField(label=label, required=False, choices=[("", empty_label)], widget=FastSelect)


def filter_choices() -> dict[str, list[tuple[str, str, int]]]:
    """(code, name, pk) of the active domains and of the active units in display order: read
    again only when the catalog section or a unit changes (one round trip to the cache)."""
    from catalog.selectors import active_domains
    from organizations.models import Unit

    def build() -> dict[str, list[tuple[str, str, int]]]:
        units = Unit.objects.filter(is_active=True).order_by("sort_order", "code")
        return {
            "domain": list(active_domains().values_list("code", "name", "pk")),
            "unit": list(units.values_list("code", "name", "pk")),
        }

    return versioned("catalog-filter-choices", "catalog", build=build)


class CatalogFilterForm(forms.Form):
    """The site search's filters. Rendered with every search: the domain and unit choices come
    from ``filter_choices`` (no query, no model instances while nothing changed);
    a chosen code is cleaned to its primary key."""

    domain = _catalog_choice(_("领域"), _("全部领域"))
    unit = _catalog_choice(_("单位"), _("全部单位"))
    level = forms.ChoiceField(
        label=_("公开层级"),
        required=False,
        choices=[("", _("全部")), ("county", _("县级")), ("township", _("乡级"))],
        widget=FastSelect,
    )
    mode = forms.ChoiceField(
        label=_("公开方式"),
        required=False,
        choices=[("", _("全部")), ("proactive", _("主动")), ("on_request", _("依申请"))],
        widget=FastSelect,
    )
    audience = forms.ChoiceField(
        label=_("公开对象"),
        required=False,
        choices=[("", _("全部")), ("public", _("全社会")), ("specific", _("特定群体"))],
        widget=FastSelect,
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self._ids = {}
        for name, rows in filter_choices().items():
            field = self.fields[name]
            field.choices = [field.choices[0], *((code, label) for code, label, _pk in rows)]
            self._ids[name] = {code: pk for code, _label, pk in rows}

    def clean_domain(self) -> int | None:
        return self._ids["domain"].get(self.cleaned_data["domain"])

    def clean_unit(self) -> int | None:
        return self._ids["unit"].get(self.cleaned_data["unit"])


def item_filters(filters: dict, prefix: str = "") -> dict:
    lookups = {}
    if domain := filters.get("domain"):
        lookups[f"{prefix}catalog__domain"] = domain
    if unit := filters.get("unit"):
        lookups[f"{prefix}catalog__unit"] = unit
    for key, mapping in (("level", LEVELS), ("mode", MODES), ("audience", AUDIENCES)):
        if value := filters.get(key):
            lookups[f"{prefix}{mapping[value]}"] = True
    return lookups


def items_matching(terms: list[str], filters: dict, *, bounded: bool = True) -> QuerySet:
    """Public items holding every term, best first; ``bounded``: a page's worth (site search)."""
    from catalog.models import ITEM_DOCUMENTS
    from catalog.selectors import public_items
    from lushan_portal.text_search import ranked_match

    items = public_items().filter(**item_filters(filters))
    return ranked_match(items, terms, fields=[field for field, _weight in ITEM_DOCUMENTS], bounded=bounded)


def publications_matching(terms: list[str], filters: dict, *, bounded: bool = True) -> QuerySet:
    """Public information holding every term, title matches first; ``bounded`` as above."""
    from catalog.models import PUBLICATION_DOCUMENTS
    from catalog.selectors import public_publications
    from lushan_portal.text_search import ranked_match

    publications = public_publications().filter(**item_filters(filters, prefix="item__"))
    fields = [field for field, _weight in PUBLICATION_DOCUMENTS]
    return ranked_match(publications, terms, fields=fields, bounded=bounded)


# What a result of the site search shows (``publication_display``, ``item_display``): the site
# search reads these columns only, not the stored search documents and vectors beside them.
PUBLICATION_SHOWN = ("title", "published_on", "body", "unit__name", "unit__short_name")
ITEM_SHOWN = (
    "level1",
    "level2",
    "content",
    "catalog__unit__name",
    "catalog__unit__short_name",
    "catalog__domain__name",
)


def publication_results(terms: list[str], filters: dict) -> QuerySet:
    """The site search's section: ``publications_matching`` reading only what a result shows."""
    matches = publications_matching(terms, filters).select_related(None).select_related("unit")
    return matches.only(*PUBLICATION_SHOWN)


def item_results(terms: list[str], filters: dict) -> QuerySet:
    return items_matching(terms, filters).only(*ITEM_SHOWN)


def with_long_forms(terms: list[str]) -> list[str]:
    from lushan_portal.text_search import SYNONYMS

    return terms + [SYNONYMS[term] for term in terms if term in SYNONYMS]


def item_display(item: object, terms: list[str]) -> tuple[str, str, str]:
    label = f"{item.catalog.unit.display_name} · {item.catalog.domain.name} · {item}"
    return label, item.get_absolute_url(), highlight(item.content, with_long_forms(terms))


def publication_display(publication: object, terms: list[str]) -> tuple[str, str, str]:
    from catalog.public import public_region

    label = f"{publication.title}（{publication.unit.display_name}，{publication.published_on:%Y-%m-%d}）"
    terms = with_long_forms(terms)
    region = public_region(publication.body, terms, SNIPPET_LENGTH)  # masks only what the snippet shows
    snippet = highlight(region.text, terms, more_before=region.more_before, more_after=region.more_after)
    return label, publication.get_absolute_url(), snippet


def register_search() -> None:
    from catalog.models import ITEM_DOCUMENTS, PUBLICATION_DOCUMENTS, CatalogItem, Publication
    from catalog.services import item_documents, publication_documents
    from lushan_portal.text_search import Searchable, register_searchable

    register_searchable(Searchable(CatalogItem, ITEM_DOCUMENTS, item_documents))
    register_searchable(Searchable(Publication, PUBLICATION_DOCUMENTS, publication_documents))
    register_section(
        SearchSection(
            code="publications",
            title=_("公开信息"),
            search=publication_results,
            display=publication_display,
            filter_form=CatalogFilterForm,
            reusable=True,
        )
    )
    register_section(
        SearchSection(
            code="catalog_items",
            title=_("标准目录事项"),
            search=item_results,
            display=item_display,
            filter_form=CatalogFilterForm,
            reusable=True,
        )
    )
