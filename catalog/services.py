"""Catalog workflow and publications: compile → submit → approve (publish) or return; new versions."""

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.models import Event
from audit.services import audit_record
from catalog.models import (
    OPEN_STATUSES,
    Catalog,
    CatalogItem,
    CatalogReview,
    CatalogStatus,
    Domain,
    Publication,
    PublicationStatus,
    ReviewDecision,
    pending_q,
)
from catalog.rules import applicable_clause, due_date
from catalog.spreadsheet import ParsedCatalog, catalog_items_from_file
from lushan_portal.spreadsheets import COMMAND_LINE, ImportRejected
from lushan_portal.text_search import segment
from organizations.models import Role, Unit, UnitKind
from organizations.scoping import can_write_unit, user_unit_ids
from publication_review.services import require_review

ERROR_NOT_EDITOR = "只有本单位信息员可以编辑、提交本单位目录。"
ERROR_NOT_REVIEWER = "只有本领域县级牵头部门或政务公开主管部门的审核员可以审核。"
ERROR_NOT_EDITABLE = "已提交或已发布的目录不能修改；已发布的目录请新建版本。"
ERROR_NOT_SUBMITTED = "只有待审核的目录可以审核。"
ERROR_EMPTY = "目录没有事项；如本单位未涉及该领域，请勾选“未涉及”并填写说明。"
ERROR_NOTE_NEEDED = "未涉及的领域必须填写说明。"
ERROR_OPEN_DRAFT = "该领域已有一份正在编制或审核的目录。"
ERROR_RETURN_COMMENT = "退回必须填写审核意见。"
ERROR_ITEM_UNPUBLISHED = "只能在已发布目录的事项下发布信息。"
ERROR_PUBLICATION_STATE = "该信息已发布或已撤回。"
ERROR_REASON_REQUIRED = "撤回必须填写理由。"
ERROR_FUTURE_PUBLICATION = "发布日期不能晚于今天。"
ERROR_PENDING = "有 {count} 个事项待补充，补全后才能提交审核：{items}"
PENDING_LISTED = 5
PENDING_MORE = "等"


def pending_summary(items: list[CatalogItem]) -> str:
    """'第3项“临时救助 › 审批信息”（公开对象、公开层级）；…' for the first few."""
    listed = [f"第{i.position}项“{i}”（{'、'.join(i.pending_fields)}）" for i in items[:PENDING_LISTED]]
    return "；".join(listed) + (PENDING_MORE if len(items) > PENDING_LISTED else "")


def openness_office_code() -> str:
    return settings.OPENNESS_OFFICE_UNIT_CODE


def item_key(item: CatalogItem) -> str:
    return f"{item.level1.strip()}|{item.level2.strip()}"


def item_documents(item: CatalogItem) -> dict[str, str]:
    """The stored search document of an item (lushan_portal.text_search)."""
    return {"search_document": segment(" ".join([item.level1, item.level2, item.content]))}


def item_prepare(item: CatalogItem) -> None:
    item.key = item_key(item)
    item.search_document = item_documents(item)["search_document"]


def _require_editor(user: AbstractBaseUser | None, catalog: Catalog) -> None:
    if user is not None and not can_write_unit(user, catalog.unit_id):
        raise PermissionDenied(_(ERROR_NOT_EDITOR))


def can_review(user: AbstractBaseUser, catalog: Catalog) -> bool:
    """Reviewers of the domain's county lead department or of the openness office."""
    if user.is_superuser:
        return True
    reviewer_units = user_unit_ids(user, Role.REVIEWER)
    lead = catalog.domain.lead_unit_id
    office = Unit.objects.filter(code=openness_office_code()).values_list("pk", flat=True).first()
    return bool(reviewer_units & {lead, office} - {None})


@transaction.atomic
def catalog_start(
    *, unit: Unit, domain: Domain, by: AbstractBaseUser | None = None, based_on: Catalog | None = None
) -> Catalog:
    """A new draft: empty, or a copy of ``based_on`` (the county department's catalog, or the
    unit's own published version) to adapt."""
    if Catalog.objects.filter(unit=unit, domain=domain, status__in=OPEN_STATUSES).exists():
        raise ValidationError(_(ERROR_OPEN_DRAFT))
    latest = Catalog.objects.filter(unit=unit, domain=domain).aggregate(v=Max("version"))["v"] or 0
    catalog = Catalog(unit=unit, domain=domain, version=latest + 1, based_on=based_on, created_by=by)
    _require_editor(by, catalog)
    catalog.save()
    if based_on is not None:
        copies = []
        for item in based_on.items.all():
            item.pk = None
            item.catalog = catalog
            if based_on.unit_id != unit.id:
                item.responsible = unit.name
            copies.append(item)
        CatalogItem.objects.bulk_create(copies)
    return catalog


def catalog_items_replace(*, catalog: Catalog, items: list[CatalogItem], by: AbstractBaseUser | None = None) -> None:
    """Replace a draft's items (import, admin inline save)."""
    if not catalog.is_editable:
        raise ValidationError(_(ERROR_NOT_EDITABLE))
    _require_editor(by, catalog)
    with transaction.atomic():
        catalog.items.all().delete()
        for position, item in enumerate(items, start=1):
            item.catalog = catalog
            item.position = position
            item_prepare(item)
        CatalogItem.objects.bulk_create(items)


def catalog_import(
    *,
    unit: Unit,
    domain: Domain,
    name: str,
    content: bytes,
    catalog: Catalog | None = None,
    by: AbstractBaseUser | None = None,
    request: HttpRequest | None = None,
) -> tuple[Catalog, ParsedCatalog]:
    """Replace a draft's items from a file, all rows or none, recorded in the audit log whoever runs it.

    Into ``catalog``, or else the unit's open draft of the domain, started only once the file is read.
    The warnings (待补充 ticks, a 公开主体 of another county) come back with the items.
    """
    username = "" if by is not None else COMMAND_LINE
    try:
        parsed = catalog_items_from_file(name, content)
    except ImportRejected as rejected:
        detail = f"{unit.code} {domain.code} {name}：未导入（{len(rejected.errors)} 处错误）"
        audit_record(
            event=Event.IMPORT,
            user=by,
            username=username,
            obj=catalog,
            request=request,
            result="failure",
            detail=detail,
        )
        raise
    with transaction.atomic():
        catalog = catalog or Catalog.objects.filter(unit=unit, domain=domain, status__in=OPEN_STATUSES).first()
        catalog = catalog or catalog_start(unit=unit, domain=domain, by=by)
        catalog_items_replace(catalog=catalog, items=parsed.items, by=by)
    detail = f"{unit.code} {domain.code} {name}：{len(parsed.items)} 个事项"
    detail += f"，{len(parsed.warnings)} 条提醒" if parsed.warnings else ""
    audit_record(event=Event.IMPORT, user=by, username=username, obj=catalog, request=request, detail=detail)
    return catalog, parsed


def own_level_flags(unit: Unit) -> dict[str, bool]:
    """The unit's own 公开层级: 县级 for the county government and its departments, else 乡级."""
    county = unit.kind in (UnitKind.COUNTY_GOVERNMENT, UnitKind.COUNTY_DEPARTMENT)
    return {"level_county": county, "level_township": not county}


@transaction.atomic
def catalog_default_levels(*, catalog: Catalog, by: AbstractBaseUser | None = None) -> int:
    """The editor's explicit choice: items whose 公开层级 is 待补充 take the unit's own level,
    remembered as defaulted. Returns how many items changed."""
    catalog = Catalog.objects.select_for_update().select_related("unit").get(pk=catalog.pk)
    if not catalog.is_editable:
        raise ValidationError(_(ERROR_NOT_EDITABLE))
    _require_editor(by, catalog)
    pending = catalog.items.filter(level_county=False, level_township=False)
    return pending.update(**own_level_flags(catalog.unit), level_defaulted=True)


@transaction.atomic
def catalog_submit(*, catalog: Catalog, by: AbstractBaseUser | None = None) -> Catalog:
    catalog = Catalog.objects.select_for_update().get(pk=catalog.pk)
    _require_editor(by, catalog)
    if not catalog.is_editable:
        raise ValidationError(_(ERROR_NOT_EDITABLE))
    if catalog.not_applicable and not catalog.not_applicable_note.strip():
        raise ValidationError(_(ERROR_NOTE_NEEDED))
    if not catalog.not_applicable and not catalog.items.exists():
        raise ValidationError(_(ERROR_EMPTY))
    pending = list(catalog.items.filter(pending_q()).order_by("position", "id"))
    if pending and not catalog.not_applicable:
        raise ValidationError(_(ERROR_PENDING).format(count=len(pending), items=pending_summary(pending)))
    catalog.status = CatalogStatus.SUBMITTED
    catalog.submitted_at = timezone.now()
    catalog.save()
    return catalog


@transaction.atomic
def catalog_review(*, catalog: Catalog, by: AbstractBaseUser, approve: bool, comment: str = "") -> Catalog:
    """Approve (publish, replacing the previous version) or return with comments."""
    catalog = Catalog.objects.select_for_update().select_related("domain").get(pk=catalog.pk)
    if not can_review(by, catalog):
        raise PermissionDenied(_(ERROR_NOT_REVIEWER))
    if catalog.status != CatalogStatus.SUBMITTED:
        raise ValidationError(_(ERROR_NOT_SUBMITTED))
    if not approve and not comment.strip():
        raise ValidationError(_(ERROR_RETURN_COMMENT))
    now = timezone.now()
    CatalogReview.objects.create(
        catalog=catalog,
        reviewer=by,
        decision=ReviewDecision.APPROVE if approve else ReviewDecision.RETURN,
        comment=comment.strip(),
    )
    if not approve:
        catalog.status = CatalogStatus.RETURNED
        catalog.save()
        return catalog
    previous = Catalog.objects.filter(unit=catalog.unit_id, domain=catalog.domain_id, status=CatalogStatus.PUBLISHED)
    for old in previous:
        old.status = CatalogStatus.SUPERSEDED
        old.superseded_at = now
        old.save()
    catalog.status = CatalogStatus.PUBLISHED
    catalog.published_at = now
    catalog.save()
    return catalog


def publication_prepare(publication: Publication) -> None:
    item = publication.item
    publication.unit_id = item.catalog.unit_id
    publication.domain_id = item.catalog.domain_id
    publication.item_key = item.key
    clause = applicable_clause(item.time_limits, publication.info_kind, publication.formed_on)
    publication.time_limit = clause
    publication.due_on = due_date(publication.formed_on, clause["unit"], clause["days"]) if clause else None
    for field, document in publication_documents(publication).items():
        setattr(publication, field, document)


def publication_documents(publication: Publication) -> dict[str, str]:
    """The stored search documents of a publication, title apart (lushan_portal.text_search).
    The body is the masked one: a listed person is not found by name."""
    return {"search_title": segment(publication.title), "search_body": segment(publication.public_body)}


@transaction.atomic
def publication_save(*, publication: Publication, by: AbstractBaseUser | None = None) -> Publication:
    item = CatalogItem.objects.select_related("catalog").get(pk=publication.item_id)
    if item.catalog.status != CatalogStatus.PUBLISHED:
        raise ValidationError(_(ERROR_ITEM_UNPUBLISHED))
    if by is not None and not can_write_unit(by, item.catalog.unit_id):
        raise PermissionDenied(_(ERROR_NOT_EDITOR))
    if publication.published_on and publication.published_on > timezone.localdate():
        raise ValidationError({"published_on": _(ERROR_FUTURE_PUBLICATION)})
    if publication.created_by_id is None:
        publication.created_by = by
    publication_prepare(publication)
    publication.full_clean()
    publication.save()
    return publication


@transaction.atomic
def publication_publish(*, publication: Publication, by: AbstractBaseUser | None = None) -> Publication:
    publication = Publication.objects.select_for_update().get(pk=publication.pk)
    if publication.status != PublicationStatus.DRAFT:
        raise ValidationError(_(ERROR_PUBLICATION_STATE))
    require_review(publication, by=by)
    publication.status = PublicationStatus.PUBLISHED
    publication.published_on = publication.published_on or timezone.localdate()
    publication.published_on_time = publication.due_on is None or publication.published_on <= publication.due_on
    publication.save()
    return publication


@transaction.atomic
def publication_withdraw(*, publication: Publication, reason: str, by: AbstractBaseUser | None = None) -> Publication:
    if not reason.strip():
        raise ValidationError(_(ERROR_REASON_REQUIRED))
    publication = Publication.objects.select_for_update().get(pk=publication.pk)
    if publication.status != PublicationStatus.PUBLISHED:
        raise ValidationError(_(ERROR_PUBLICATION_STATE))
    publication.status = PublicationStatus.WITHDRAWN
    publication.withdrawn_at = timezone.now()
    publication.withdrawal_reason = reason.strip()
    publication.save()
    return publication
