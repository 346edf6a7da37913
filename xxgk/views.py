"""The 政府信息公开 column (/xxgk/, /units/<unit>/xxgk/) and the 指南 pages."""

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy as _

from lushan_portal import disclosure_index
from lushan_portal.disclosure_scope import scope
from lushan_portal.links import record_url
from lushan_portal.pagecache import ALL, cached_page
from organizations.models import Unit
from organizations.selectors import public_units
from xxgk.selectors import county_unit, disclosure_index_rows, published_guide, readable_guides

# The five entries every government site's column has, in this order (anchor, name).
ENTRIES = (
    ("zhinan", _("政府信息公开指南")),
    ("zhidu", _("政府信息公开制度")),
    ("fdzdgknr", _("法定主动公开内容")),
    ("ndbg", _("政府信息公开年报")),
    ("ysqgk", _("依申请公开")),
)


def _office_name() -> str:
    """Who owns the county's disclosure rules: the openness office."""
    office = Unit.objects.filter(code=settings.OPENNESS_OFFICE_UNIT_CODE, is_active=True).only("name").first()
    return office.name if office else str(_("县政务公开主管部门"))


def _column(request: HttpRequest, unit: Unit | None) -> HttpResponse:
    """``unit`` None: the county-wide column (the county government's 指南, every unit's records)."""
    guide_unit = unit or county_unit()
    unit_id = unit.pk if unit else None
    context = {
        "unit": unit,
        "guide_unit": guide_unit,
        "entries": ENTRIES,
        "guide": published_guide(guide_unit),
        "guide_url": record_url("xxgk:unit_guide", unit.code) if unit else record_url("xxgk:county_guide"),
        "rule_documents": disclosure_index.rule_documents(unit_id),
        "rules_owner": unit.name if unit else _office_name(),
        "index_rows": disclosure_index_rows(unit),
        "reports_url": (
            record_url("annual_reports:unit_list", unit.code) if unit else record_url("annual_reports:county_list")
        ),
    }
    return render(request, "xxgk/column.html", context)


@cached_page(ALL)
def county_column(request: HttpRequest) -> HttpResponse:
    return _column(request, None)


@cached_page(ALL)
def unit_column(request: HttpRequest, unit: str) -> HttpResponse:
    return _column(request, get_object_or_404(public_units(), code=unit))


def _guide_page(request: HttpRequest, unit: Unit | None, guide_unit: Unit | None) -> HttpResponse:
    versions = list(readable_guides(guide_unit)) if guide_unit else []
    guide = versions[0] if versions and versions[0].status == "published" else None
    wanted = request.GET.get("version", "")
    if wanted:
        if not wanted.isdigit():
            raise Http404("no such version")
        guide = next((v for v in versions if v.version == int(wanted)), None)
        if guide is None:
            raise Http404("no such version")
    context = {
        "unit": unit,
        "guide_unit": guide_unit,
        "guide": guide,
        "versions": versions,
        "scope": scope(unit.pk if unit else None),
        "column_url": record_url("xxgk:unit", unit.code) if unit else record_url("xxgk:county"),
    }
    return render(request, "xxgk/guide.html", context)


@cached_page(ALL)
def county_guide(request: HttpRequest) -> HttpResponse:
    return _guide_page(request, None, county_unit())


@cached_page(ALL)
def unit_guide(request: HttpRequest, unit: str) -> HttpResponse:
    unit = get_object_or_404(public_units(), code=unit)
    return _guide_page(request, unit, unit)
