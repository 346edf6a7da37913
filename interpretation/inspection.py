"""What the website self-inspection reads of policies and interpretations (lushan_portal.site_inspection).

/policies/ is the county's first-level 政策文件 column (a key column, 6 months); /policies/ also
lists the interpretations, read as a 政策解读 column of the same frequency. Documents without a
date count as undated items. Both feed the home page (newest interpretations)."""

from django.db.models import Count, Max, Q
from django.urls import reverse

from interpretation.models import Interpretation, PolicyDocument, Status
from lushan_portal.site_inspection import ColumnKind, SiteColumn, register_columns, register_homepage_source

CODE = "interpretation"


def columns() -> list[SiteColumn]:
    """Two aggregate queries."""
    documents = PolicyDocument.objects.filter(status=Status.PUBLISHED).aggregate(
        latest=Max("published_on"), undated=Count("pk", filter=Q(published_on=None))
    )
    interpretations = Interpretation.objects.filter(status=Status.PUBLISHED).aggregate(
        latest=Max("published_on"), undated=Count("pk", filter=Q(published_on=None))
    )
    url = reverse("interpretation:documents")
    return [
        SiteColumn(
            code="interpretation:policies",
            title="政策文件",
            url=url,
            kind=ColumnKind.POLICY,
            latest=documents["latest"],
            key=True,
            undated=documents["undated"],
            admin_url=reverse("admin:interpretation_policydocument_changelist"),
        ),
        SiteColumn(
            code="interpretation:interpretations",
            title="政策解读",
            url=url,
            kind=ColumnKind.POLICY,
            latest=interpretations["latest"],
            undated=interpretations["undated"],
            admin_url=reverse("admin:interpretation_interpretation_changelist"),
        ),
    ]


def newest_interpretation_date():
    return Interpretation.objects.filter(status=Status.PUBLISHED).aggregate(d=Max("published_on"))["d"]


def register() -> None:
    register_columns(CODE, columns)
    register_homepage_source(CODE, newest_interpretation_date)
