"""What guides, tasks and rectification register from AppConfig.ready(): deadlines and indicators
(compliance.registry), the page-cache sections, the website self-inspection's guide source and
columns (lushan_portal.site_inspection), and the guides under Art 20 (五) of the 政府信息公开 column
(lushan_portal.disclosure_index). Each provider answers in a fixed number of queries."""

from django.db.models import Count, Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from administration import rules
from administration.guides_deadlines import register_guides_deadlines
from administration.guides_selectors import incomplete_q, missing_elements, published_guides, with_completeness
from administration.models import (
    GuideMaterial,
    GuideStep,
    LifeEvent,
    ProgressReport,
    PublicStatus,
    Rectification,
    ServiceGuide,
    WorkTask,
)
from administration.rectification_deadlines import register_rectification_deadlines
from administration.tasks_deadlines import register_tasks_deadlines
from lushan_portal import disclosure_index, pagecache, site_inspection
from lushan_portal.links import record_url
from lushan_portal.site_inspection import ColumnKind, GuideFinding, GuideSource, SiteColumn
from organizations.models import Unit

GUIDES_SECTION = "guides"
RESULTS_SECTION = "results"
INSPECTION_CODE = "administration.guides"


def _guide_admin_url(pk: int) -> str:
    return reverse("admin:administration_serviceguide_change", args=[pk])


def guides_lacking_key_elements() -> list[GuideFinding]:
    """Published guides missing one of the inspection's key elements (one query). Publishing refuses
    such a guide, so this lists what got past it (e.g. data loaded around the services)."""
    guides = (
        with_completeness(published_guides()).filter(incomplete_q(rules.INSPECTION_ELEMENTS)).order_by("unit_id", "pk")
    )
    return [
        GuideFinding(
            title=str(guide),
            unit_id=guide.unit_id,
            missing=missing_elements(guide, elements=rules.INSPECTION_ELEMENTS),
            url=guide.get_absolute_url(),
            admin_url=_guide_admin_url(guide.pk),
        )
        for guide in guides
    ]


def _local_date(moment):
    return timezone.localdate(moment) if moment else None


def columns() -> list[SiteColumn]:
    """A guides column per unit with published guides, the tasks and the rectification pages (four
    queries)."""
    rows = published_guides().order_by().values("unit").annotate(latest=Max("published_at"), n=Count("pk"))
    latest = {row["unit"]: row["latest"] for row in rows}
    units = Unit.objects.filter(pk__in=latest).only("pk", "code", "name")
    result = [
        SiteColumn(
            code=f"guides:{unit.code}",
            title=_("%(unit)s办事指南") % {"unit": unit.name},
            url=record_url("administration:guides") + f"?unit={unit.code}",
            kind=ColumnKind.OTHER,
            latest=_local_date(latest[unit.pk]),
            unit_id=unit.pk,
        )
        for unit in units
    ]
    task_latest = (
        ProgressReport.objects.filter(status=PublicStatus.PUBLISHED).aggregate(latest=Max("published_at"))["latest"]
        or WorkTask.objects.filter(status=PublicStatus.PUBLISHED).aggregate(latest=Max("published_at"))["latest"]
    )
    rect_latest = Rectification.objects.filter(status=PublicStatus.PUBLISHED).aggregate(latest=Max("published_at"))[
        "latest"
    ]
    result.append(
        SiteColumn(
            code="tasks",
            title=str(_("重点任务和民生实事")),
            url=record_url("administration:tasks_index"),
            kind=ColumnKind.OTHER,
            latest=_local_date(task_latest),
        )
    )
    result.append(
        SiteColumn(
            code="rectifications",
            title=str(_("督查审计问题整改")),
            url=record_url("administration:rectifications"),
            kind=ColumnKind.OTHER,
            latest=_local_date(rect_latest),
        )
    )
    return result


def _guides_url(unit_code: str | None) -> str:
    url = record_url("administration:guides")
    return f"{url}?unit={unit_code}" if unit_code else url


def _guides_count(unit_id: int | None) -> int:
    guides = published_guides()
    return (guides.filter(unit_id=unit_id) if unit_id is not None else guides).count()


def register() -> None:
    register_guides_deadlines()
    register_tasks_deadlines()
    register_rectification_deadlines()
    pagecache.register(GUIDES_SECTION, ServiceGuide, GuideMaterial, GuideStep, LifeEvent)
    pagecache.register(RESULTS_SECTION, WorkTask, ProgressReport, Rectification)
    site_inspection.register_guides(
        GuideSource(
            code=INSPECTION_CODE,
            title=str(_("办事指南")),
            url=record_url("administration:guides"),
            count=lambda: published_guides().count(),
            incomplete=guides_lacking_key_elements,
        )
    )
    site_inspection.register_columns(INSPECTION_CODE, columns)
    disclosure_index.register_contribution(
        disclosure_index.Contribution(
            category="20-5",
            title=str(_("办事指南（政务服务事项的依据、条件、程序）")),
            owner=str(_("各事项实施单位")),
            url=_guides_url,
            count=_guides_count,
        )
    )
