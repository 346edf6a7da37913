"""What the website self-inspection reads from 建议提案 and 回应关切 (lushan_portal.site_inspection):
the 回应关切 list is a news column, each year's 建议提案 page a column updated as needed. Two queries."""

from collections.abc import Iterable

from django.urls import reverse
from django.utils.translation import gettext as _

from interaction.proposals_selectors import latest_publication_by_year
from interaction.responses_selectors import latest_response_on
from lushan_portal.site_inspection import ColumnKind, SiteColumn, register_columns

CODE = "interaction.proposals"


def columns() -> Iterable[SiteColumn]:
    yield SiteColumn(
        code="responses",
        title=_("回应关切"),
        url=reverse("interaction:responses"),
        kind=ColumnKind.NEWS,
        latest=latest_response_on(),
    )
    for year, latest in sorted(latest_publication_by_year().items()):
        yield SiteColumn(
            code=f"proposals:{year}",
            title=_("%(year)s年建议提案办理结果") % {"year": year},
            url=reverse("interaction:proposal_year", args=[year]),
            kind=ColumnKind.OTHER,
            latest=latest,
        )


def register() -> None:
    register_columns(CODE, lambda: list(columns()))
