"""What the power lists and profiles tell the pages that gather across apps: the Art 20 index of the
政府信息公开 column, and the website self-inspection's columns (one per unit with a list)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from administration.powers_selectors import current_items, units_with_lists
from administration.profiles_selectors import published_profiles
from lushan_portal.disclosure_index import Contribution, register_contribution
from lushan_portal.site_inspection import ColumnKind, SiteColumn, register_columns

COLUMNS_CODE = "administration.powers"


# Module-level callables: registering twice (a second ready()) adds nothing.
def powers_url(unit_code: str | None) -> str:
    if unit_code is None:
        return reverse("administration:powers")
    return reverse("administration:unit_powers", args=[unit_code])


def powers_count(unit_id: int | None) -> int:
    items = current_items()
    return (items if unit_id is None else items.filter(unit=unit_id)).count()


def profile_url(unit_code: str | None) -> str:
    if unit_code is None:
        return reverse("organizations:unit_list")
    return reverse("organizations:unit_detail", args=[unit_code])


def profile_count(unit_id: int | None) -> int:
    """Units with a published profile (one for a unit that has one)."""
    profiles = published_profiles()
    profiles = profiles if unit_id is None else profiles.filter(unit=unit_id)
    return profiles.order_by().values("unit").distinct().count()


def power_columns() -> list[SiteColumn]:
    """One column per unit with a current list; its latest date is its newest adjustment. One query."""
    return [
        SiteColumn(
            code=f"powers:{row['unit__code']}",
            title=f"{row['unit__name']}权责清单",
            url=powers_url(row["unit__code"]),
            kind=ColumnKind.OTHER,
            latest=row["latest"],
            unit_id=row["unit"],
            admin_url=reverse("admin:administration_poweradjustment_changelist") + f"?unit__id__exact={row['unit']}",
        )
        for row in units_with_lists()
    ]


def register_indexes() -> None:
    register_contribution(
        Contribution(
            category="20-2",
            title=_("机构概况（职能、内设机构、领导、办公地址和时间、联系电话）"),
            owner=_("各单位"),
            url=profile_url,
            count=profile_count,
        )
    )
    register_contribution(
        Contribution(
            category="20-5",
            title=_("权责清单（行政权力和责任事项及其依据）"),
            owner=_("各单位（权责清单）"),
            url=powers_url,
            count=powers_count,
        )
    )
    register_columns(COLUMNS_CODE, power_columns)
