from collections.abc import Iterable
from typing import NamedTuple

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from catalog.models import Catalog
from lushan_portal.links import record_url
from lushan_portal.pagecache import versioned
from lushan_portal.sections import Section, home_sections, unit_sections
from organizations.models import Unit

HOME_PUBLICATIONS = 8


class ColumnRow(NamedTuple):
    """One row of a unit's column as the page shows it: the domain, its state, what exists."""

    domain: str
    state: SafeString
    detail: SafeString


def _text(message: str) -> str:
    """A fixed sentence, as {% translate %} shows it (escaped)."""
    return escape(gettext(message))


def _with_lead(message: str, lead: object) -> str:
    """A sentence naming the lead department, as {% blocktranslate with lead=... %} shows it."""
    return gettext(message) % {"lead": escape(lead.name)}


def _lead_catalog_url(entry: object) -> str:
    return record_url("catalog:unit_domain", entry.lead.code, entry.domain.code)


def entry_detail(entry: object) -> SafeString:
    """What exists for a column entry (a link to the catalog, the note, who compiles it): built
    in Python, since a unit's column shows 26 of them (the unit's page and a domain's page)."""
    from catalog.selectors import DRAFTING, NOT_APPLICABLE, PUBLISHED, SUBMITTED, TO_COMPILE

    state, lead = entry.state, entry.lead
    if state == PUBLISHED:
        label = gettext("查看目录（第%(v)s版）") % {"v": entry.catalog.version}
        html = f'<a href="{escape(entry.catalog.get_absolute_url())}">{label}</a>'
    elif state == NOT_APPLICABLE:
        html = escape(entry.catalog.not_applicable_note or gettext("未说明理由"))
    elif state == DRAFTING:
        html = _text("本单位正在编制，尚未提交审核。")
    elif state == SUBMITTED:
        html = (
            _with_lead("已提交，待%(lead)s或县政务公开办审核。", lead)
            if entry.guided_by_lead
            else _text("已提交，待县政务公开办审核。")
        )
    elif state == TO_COMPILE:
        html = _text("由本单位负责编制。")
        if entry.guided_by_lead:
            html += _with_lead("县级牵头部门：%(lead)s", lead)
            if entry.lead_published:
                html += f'（<a href="{escape(_lead_catalog_url(entry))}">{_text("可参照其目录")}</a>）'
            html += "。"
        elif not lead:
            html += _text("县级牵头部门：未明确。")
    elif not lead:
        html = _text("县级牵头部门未明确。")
    elif entry.lead_published:
        html = f'<a href="{escape(_lead_catalog_url(entry))}">{_with_lead("查看%(lead)s的目录", lead)}</a>'
    else:
        html = _with_lead("由县级牵头部门%(lead)s负责编制。", lead)
    return mark_safe(html)  # every value above is escaped


def entry_state(entry: object) -> SafeString:
    """The state cell: published in green, missing in red."""
    from catalog.selectors import PUBLISHED

    label = escape(entry.state_label)
    if entry.state == PUBLISHED:
        return mark_safe(f'<strong class="ok">{label}</strong>')
    if entry.missing:
        return mark_safe(f'<strong class="late">{label}</strong>')
    return label


class DomainRow(NamedTuple):
    """A unit's published catalog on a domain's page."""

    unit: str
    url: str
    label: str
    published: str  # local date, Y-m-d; empty when not known (as the |date filter shows None)


def domain_rows(catalogs: Iterable[Catalog]) -> list[DomainRow]:
    """The domain page's rows, labels and dates made here rather than per row in the template."""
    rows = []
    for catalog in catalogs:
        if catalog.not_applicable:
            label = gettext("未涉及领域说明")
        else:
            label = gettext("标准目录（第%(v)s版）") % {"v": catalog.version}
        published = timezone.localtime(catalog.published_at).strftime("%Y-%m-%d") if catalog.published_at else ""
        rows.append(DomainRow(catalog.unit.name, catalog.get_absolute_url(), label, published))
    return rows


def column_context(unit: Unit) -> dict:
    from catalog.selectors import column_counts, unit_column

    column = unit_column(unit)
    rows = [ColumnRow(entry.domain.name, entry_state(entry), entry_detail(entry)) for entry in column]
    return {"unit": unit, "rows": rows, "counts": column_counts(column)}


def home_domain_grid() -> str:
    """The 26 domains' links, rebuilt only when the catalog section changes."""
    from catalog.selectors import active_domains

    def build() -> str:
        return render_to_string("catalog/home_domain_grid.html", {"domains": active_domains().only("code", "name")})

    return versioned("home-domain-grid", "catalog", build=build)


def home_context() -> dict:
    from catalog.selectors import newest_publications

    return {"domain_grid": home_domain_grid(), "newest": newest_publications(HOME_PUBLICATIONS)}


def register_pages() -> None:
    unit_sections.register(
        Section(code="catalog", template="catalog/unit_column.html", context=column_context, shows=("catalog",))
    )
    home_sections.register(
        Section(code="catalog", template="catalog/home_section.html", context=home_context, shows=("catalog",))
    )
