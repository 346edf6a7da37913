"""Public pages of the power lists: a unit's list (/units/<unit>/powers/) with its changes of the
last year and a diff between two dates (?from=&to=), its export, and the county-wide view and
search (/powers/)."""

from datetime import date
from urllib.parse import urlencode

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _

from administration import rules
from administration.guides_views import SECTION as GUIDES_SECTION
from administration.models import PowerType
from administration.powers_import import powers_csv, powers_xlsx
from administration.powers_selectors import (
    MAX_QUERY_LENGTH,
    county_type_counts,
    powers_diff,
    powers_search,
    unit_adjustments_since,
    unit_items,
    unit_items_with_guides,
    units_with_lists,
)
from administration.powers_services import SECTION
from lushan_portal.pagecache import cached_page, versioned
from lushan_portal.pagination import peek_page
from organizations.selectors import public_units

ERROR_DATE = "“{label}”不是有效日期，请按 2026-01-31 的格式填写。"
ERROR_DATE_ORDER = "起始日期不能晚于截止日期。"
ERROR_DATE_MISSING = "比较两个日期的清单须同时填写起始日期和截止日期。"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _date(raw: str, label: str, errors: list[str]) -> date | None:
    try:
        return date.fromisoformat(raw.strip())
    except ValueError:
        errors.append(_(ERROR_DATE).format(label=label))
        return None


def diff_request(request: HttpRequest) -> tuple[date | None, date | None, list[str]]:
    raw_from, raw_to = request.GET.get("from", "").strip(), request.GET.get("to", "").strip()
    if not raw_from and not raw_to:
        return None, None, []
    if not raw_from or not raw_to:
        return None, None, [_(ERROR_DATE_MISSING)]
    errors: list[str] = []
    start, end = _date(raw_from[:20], _("起始日期"), errors), _date(raw_to[:20], _("截止日期"), errors)
    if start and end and start > end:
        errors.append(_(ERROR_DATE_ORDER))
    return (None, None, errors) if errors else (start, end, [])


@cached_page(SECTION, GUIDES_SECTION)  # each item links the published guides that implement it
def unit_powers(request: HttpRequest, code: str) -> HttpResponse:
    unit = get_object_or_404(public_units(), code=code)
    today = timezone.localdate()
    start, end, errors = diff_request(request)
    context = {
        "unit": unit,
        "items": unit_items_with_guides(unit.pk),
        "adjustments": unit_adjustments_since(unit.pk, rules.changes_since(today)),
        "since": rules.changes_since(today),
        "diff": powers_diff(unit.pk, start, end) if start and end else None,
        "errors": errors,
        "from": request.GET.get("from", "")[:20],
        "to": request.GET.get("to", "")[:20],
    }
    return render(request, "administration/unit_powers.html", context, status=400 if errors else 200)


@cached_page(SECTION)
def unit_powers_export(request: HttpRequest, code: str, fmt: str) -> HttpResponse:
    if fmt not in ("xlsx", "csv"):
        raise Http404
    unit = get_object_or_404(public_units(), code=code)
    items = unit_items(unit.pk)
    title = f"{unit.name}权责清单"
    if fmt == "xlsx":
        response = HttpResponse(powers_xlsx(items, title), content_type=XLSX)
    else:
        response = HttpResponse(powers_csv(items), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="powers-{unit.code}.{fmt}"'
    return response


@cached_page(SECTION)
def county_powers(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "")[:MAX_QUERY_LENGTH].strip()
    power_type = request.GET.get("type", "")
    power_type = power_type if power_type in PowerType.values else ""
    # Aggregates over every current item, the same for every search: kept per process until a publish.
    units = versioned("administration:powers_units", SECTION, build=units_with_lists)
    unit_code = request.GET.get("unit", "")
    unit = next((row for row in units if row["unit__code"] == unit_code), None)
    searching = bool(q or power_type or unit)
    page = None
    if searching:
        results = powers_search(q=q, power_type=power_type, unit_id=unit["unit"] if unit else None)
        page = peek_page(results, request.GET.get("page"))
    context = {
        "counts": versioned("administration:powers_type_counts", SECTION, build=county_type_counts),
        "units": units,
        "types": PowerType.choices,
        "q": q,
        "power_type": power_type,
        "unit_code": unit["unit__code"] if unit else "",
        "page": page,
        "searching": searching,
        "query_string": urlencode({"q": q, "type": power_type, "unit": unit["unit__code"] if unit else ""}),
    }
    return render(request, "administration/powers.html", context)
