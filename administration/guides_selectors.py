"""Reads of the service guides: completeness (in Python for one guide, as SQL for lists), the public
lists by unit and by 生命周期 theme."""

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet

from administration import rules
from administration.models import FeeMode, GuideMaterial, GuideStatus, GuideStep, LifeEvent, ServiceGuide

# Each element the guide must state, and the condition under which it is present (on a queryset
# annotated by ``with_completeness``).
_TEXT_FIELDS = {
    "事项名称": "name",
    "设定依据": "legal_basis",
    "申请条件": "conditions",
    "办理地点": "location",
    "办理时间": "hours",
    "联系电话": "consult_phone",
    "监督电话": "complaint_phone",
    "结果送达": "delivery",
}


def _present() -> dict[str, Q]:
    present = {element: ~Q(**{field: ""}) for element, field in _TEXT_FIELDS.items()}
    present["办理材料"] = Q(has_materials=True)
    present["办理流程"] = Q(has_steps=True)
    present["办理时限"] = Q(legal_limit_days__isnull=False, promised_limit_days__isnull=False)
    present["收费"] = Q(fee_mode=FeeMode.FREE) | (Q(fee_mode=FeeMode.CHARGED) & ~Q(fee_basis="") & ~Q(fee_amount=""))
    return present


def with_completeness(guides: QuerySet) -> QuerySet:
    """Annotate ``has_materials`` and ``has_steps`` (two EXISTS, no join per row)."""
    return guides.annotate(
        has_materials=Exists(GuideMaterial.objects.filter(guide=OuterRef("pk"))),
        has_steps=Exists(GuideStep.objects.filter(guide=OuterRef("pk"))),
    )


def complete_q(elements: tuple[str, ...] = rules.REQUIRED_ELEMENTS) -> Q:
    present = _present()
    condition = Q()
    for element in elements:
        condition &= present[element]
    return condition


def incomplete_q(elements: tuple[str, ...] = rules.REQUIRED_ELEMENTS) -> Q:
    present = _present()
    condition = Q(pk__in=[])
    for element in elements:
        condition |= ~present[element]
    return condition


def missing_elements(
    guide: ServiceGuide,
    *,
    elements: tuple[str, ...] = rules.REQUIRED_ELEMENTS,
    has_materials: bool | None = None,
    has_steps: bool | None = None,
) -> list[str]:
    """The elements ``guide`` lacks, in the order the inspection lists them. Uses the annotations of
    ``with_completeness`` when present, else asks the database (two queries)."""
    if has_materials is None:
        has_materials = getattr(guide, "has_materials", None)
        if has_materials is None:
            has_materials = guide.pk is not None and guide.materials.exists()
    if has_steps is None:
        has_steps = getattr(guide, "has_steps", None)
        if has_steps is None:
            has_steps = guide.pk is not None and guide.steps.exists()
    present = {element: bool(getattr(guide, field).strip()) for element, field in _TEXT_FIELDS.items()}
    present["办理材料"] = has_materials
    present["办理流程"] = has_steps
    present["办理时限"] = guide.legal_limit_days is not None and guide.promised_limit_days is not None
    present["收费"] = guide.fee_mode == FeeMode.FREE or (
        guide.fee_mode == FeeMode.CHARGED and bool(guide.fee_basis.strip()) and bool(guide.fee_amount.strip())
    )
    return [element for element in elements if not present[element]]


def published_guides() -> QuerySet:
    return ServiceGuide.objects.filter(status=GuideStatus.PUBLISHED)


def public_guide_list(*, unit_id: int | None = None, theme: LifeEvent | None = None) -> QuerySet:
    """Published guides of a unit or a theme, with their unit and themes (three queries in all)."""
    guides = (
        published_guides()
        .select_related("unit")
        .prefetch_related(Prefetch("themes", queryset=LifeEvent.objects.order_by("audience", "sort_order")))
    )
    if unit_id is not None:
        guides = guides.filter(unit_id=unit_id)
    if theme is not None:
        guides = guides.filter(themes=theme)
    return guides.order_by("unit__sort_order", "unit__code", "name", "pk")


def themes_with_counts() -> QuerySet:
    """Every theme with its published guides (one grouped query); themes without any are kept."""
    return LifeEvent.objects.annotate(
        guide_count=Count("guides", filter=Q(guides__status=GuideStatus.PUBLISHED), distinct=True)
    ).order_by("audience", "sort_order", "code")


def unit_counts() -> dict[int, int]:
    """Published guides per unit id (one grouped query)."""
    rows = published_guides().order_by().values("unit").annotate(n=Count("pk"))
    return {row["unit"]: row["n"] for row in rows}


def public_guide(pk: int) -> ServiceGuide | None:
    """A published guide with everything its page shows (four queries)."""
    return (
        published_guides().select_related("unit").prefetch_related("materials", "steps", "themes").filter(pk=pk).first()
    )
