"""What the website self-inspection reads of the catalog (lushan_portal.site_inspection).

Columns: each unit's domain page (/units/<unit>/<domain>/). A domain whose catalog is not
published (待编制, 编制中, 待审核: "尚未发布" on the unit's page) is a blank column unless the unit
marked it 未涉及. A county department's domain compiled by its lead department is shown from the
lead's catalog: not a column of its own once the lead has published, and while it has not, a
blank column for the lead to fix. A published domain is updated as needed (its latest date is its
newest publication, or the catalog's publication). Home page: the newest publication. Content:
every published text.
"""

from collections.abc import Iterator

from django.db.models import Max
from django.urls import reverse
from django.utils import timezone

from catalog.models import Catalog, CatalogStatus, Publication, PublicationStatus
from catalog.selectors import LEAD_COMPILES, NOT_APPLICABLE, PUBLISHED, column_domains, column_entry
from lushan_portal.links import record_url
from lushan_portal.site_inspection import (
    ColumnKind,
    ContentRecord,
    ContentSource,
    SiteColumn,
    links_in_text,
    register_columns,
    register_content,
    register_homepage_source,
)
from organizations.models import Unit

CODE = "catalog"


def columns() -> list[SiteColumn]:
    """Every active unit's domains. Five queries: units, domains and leads (two), catalogs, latest dates."""
    domains, led = column_domains()
    units = list(Unit.objects.filter(is_active=True).only("code", "name", "kind"))
    current: dict[tuple[int, int], Catalog] = {}
    statuses = [CatalogStatus.PUBLISHED, CatalogStatus.DRAFT, CatalogStatus.SUBMITTED, CatalogStatus.RETURNED]
    for catalog in Catalog.objects.filter(status__in=statuses).only(
        "unit", "domain", "status", "not_applicable", "published_at"
    ):
        key = (catalog.unit_id, catalog.domain_id)
        if key not in current or catalog.status == CatalogStatus.PUBLISHED:
            current[key] = catalog
    newest = {
        (row["unit"], row["domain"]): row["latest"]
        for row in Publication.objects.filter(status=PublicationStatus.PUBLISHED)
        .order_by()
        .values("unit", "domain")
        .annotate(latest=Max("published_on"))
    }
    changelist = reverse("admin:catalog_catalog_changelist")
    found = []
    for unit in units:
        for domain in domains:
            catalog = current.get((unit.pk, domain.pk))
            entry = column_entry(unit, domain, catalog, domain.pk in led)
            if entry.state == LEAD_COMPILES and not entry.missing:
                continue  # the lead department's published catalog is shown: its column, not this unit's
            # The lead department compiles a county department's domain: its to fix, though shown here.
            owner = domain.lead_unit_id if entry.state == LEAD_COMPILES else unit.pk
            latest = None
            if entry.state == PUBLISHED:
                published = timezone.localdate(catalog.published_at) if catalog.published_at else None
                dates = [d for d in (newest.get((unit.pk, domain.pk)), published) if d]
                latest = max(dates) if dates else None
            found.append(
                SiteColumn(
                    code=f"catalog:{unit.code}:{domain.code}",
                    title=f"{unit.name} · {domain.name}",
                    url=record_url("catalog:unit_domain", unit.code, domain.code),
                    kind=ColumnKind.OTHER,
                    latest=latest,
                    unit_id=owner,
                    not_applicable=entry.state == NOT_APPLICABLE,
                    undated=1 if entry.state == PUBLISHED and latest is None else 0,
                    admin_url=f"{changelist}?unit__id__exact={owner or unit.pk}&domain__id__exact={domain.pk}",
                )
            )
    return found


def newest_publication_date():
    return Publication.objects.filter(status=PublicationStatus.PUBLISHED).aggregate(d=Max("published_on"))["d"]


def records() -> Iterator[ContentRecord]:
    rows = (
        Publication.objects.filter(status=PublicationStatus.PUBLISHED)
        .order_by("pk")
        .values_list("pk", "title", "body", "unit_id", "published_on", "created_at", "backfilled")
    )
    for pk, title, body, unit_id, published_on, created_at, backfilled in rows.iterator(chunk_size=2000):
        yield ContentRecord(
            title=title,
            url=record_url("catalog:publication", pk),
            unit_id=unit_id,
            published_on=published_on,
            created_at=created_at,
            text=body,
            backfilled=backfilled,
            admin_url=record_url("admin:catalog_publication_change", pk),
            links=links_in_text(body),
        )


def register() -> None:
    register_columns(CODE, columns)
    register_homepage_source(CODE, newest_publication_date)
    register_content(ContentSource(code=CODE, title="公开信息", records=records))
