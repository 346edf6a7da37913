"""{% site_identity as site %} for the footer; {% page_meta … %} for the 网页设计规范 meta tags.

Both read settings only (no query), so the 500 page renders them too.
"""

from datetime import date, datetime

from django import template

from lushan_portal.masking import scrub_text
from lushan_portal.site_identity import SiteIdentity, pub_date, site_identity

register = template.Library()

DESCRIPTION_LENGTH = 200


@register.simple_tag(name="site_identity")
def site_identity_tag() -> SiteIdentity:
    return site_identity()


def _one_line(value: object) -> str:
    return " ".join(str(value or "").split())


@register.inclusion_tag("includes/page_meta.html")
def page_meta(
    column: str = "",
    title: str = "",
    published: date | datetime | None = None,
    source: str = "",
    keywords: str = "",
    description: str = "",
) -> dict:
    """The standard's meta tags: SiteName, SiteDomain, SiteIDCode for every page; ColumnName for a
    column (栏目) page; ArticleTitle, PubDate, ContentSource for a record's (文章) page; Keywords and
    Description. A tag whose value is unknown or not set is left out, never filled in (PubDate
    is never today for want of a date)."""
    identity = site_identity()
    column, title, source = _one_line(column), _one_line(title), _one_line(source)
    words = [_one_line(word) for word in str(keywords or "").split(",")] + [column, source]
    unique_words = list(dict.fromkeys(word for word in words if word))
    # Free text from records: masked like every public output, whatever the page passes in.
    summary = scrub_text(_one_line(description)) or title or column or identity.name
    if len(summary) > DESCRIPTION_LENGTH:
        summary = summary[: DESCRIPTION_LENGTH - 1] + "…"
    tags = [
        ("SiteName", identity.name),
        ("SiteDomain", identity.domain),
        ("SiteIDCode", identity.id_code),
        ("ColumnName", column),
        ("ArticleTitle", title),
        ("PubDate", pub_date(published)),
        ("ContentSource", source),
        ("Keywords", ",".join(unique_words)),
        ("Description", summary),
    ]
    return {"tags": [(name, value) for name, value in tags if value]}
