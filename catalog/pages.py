from django.template.loader import render_to_string

from lushan_portal.pagecache import versioned
from lushan_portal.sections import Section, home_sections, unit_sections
from organizations.models import Unit

HOME_PUBLICATIONS = 8


def column_context(unit: Unit) -> dict:
    from catalog.selectors import column_counts, unit_column

    column = unit_column(unit)
    return {"unit": unit, "column": column, "counts": column_counts(column)}


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
    unit_sections.register(Section(code="catalog", template="catalog/unit_column.html", context=column_context))
    home_sections.register(Section(code="catalog", template="catalog/home_section.html", context=home_context))
