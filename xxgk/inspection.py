"""What the website self-inspection reads of the 政府信息公开 column: the county's 指南 page is a
column updated as needed, blank until a 指南 is published."""

from django.db.models import Max
from django.urls import reverse
from django.utils import timezone

from lushan_portal.site_inspection import ColumnKind, SiteColumn, register_columns
from xxgk.models import Guide, GuideStatus

CODE = "xxgk"


def columns() -> list[SiteColumn]:
    newest = Guide.objects.filter(status=GuideStatus.PUBLISHED).aggregate(at=Max("published_at"))["at"]
    return [
        SiteColumn(
            code="xxgk:guide",
            title="政府信息公开指南",
            url=reverse("xxgk:county_guide"),
            kind=ColumnKind.OTHER,
            latest=timezone.localdate(newest) if newest else None,
            admin_url=reverse("admin:xxgk_guide_changelist"),
        )
    ]


def register() -> None:
    register_columns(CODE, columns)
