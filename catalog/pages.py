from lushan_portal.sections import Section, home_sections, unit_sections
from organizations.models import Unit

HOME_PUBLICATIONS = 8


def column_context(unit: Unit) -> dict:
    from catalog.selectors import column_counts, unit_column

    column = unit_column(unit)
    return {"unit": unit, "column": column, "counts": column_counts(column)}


def home_context() -> dict:
    from catalog.selectors import domains_with_counts, newest_publications

    return {"domains": domains_with_counts(), "newest": newest_publications(HOME_PUBLICATIONS)}


def register_pages() -> None:
    unit_sections.register(Section(code="catalog", template="catalog/unit_column.html", context=column_context))
    home_sections.register(Section(code="catalog", template="catalog/home_section.html", context=home_context))
