from django.contrib.auth.views import redirect_to_login
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from audit.models import Event
from audit.services import audit_record
from compliance.dashboard import build_matrix, matrix_table, period_values, system_alerts, trend_lines
from compliance.drilldown import drill_lines, drill_table
from compliance.exports import FORMATS, table_response
from compliance.incomplete import incomplete_kind, incomplete_records, incomplete_rows
from compliance.models import Alert
from compliance.periods import PeriodError, parse_period, parse_year, period_choices
from compliance.registry import DRILL_LIMIT, incomplete_kinds, indicators
from compliance.scoring import FORMULA, weights
from compliance.summary import overdue_summary, trend_chart
from organizations.models import Unit
from organizations.scoping import is_supervisor, scope_queryset, user_unit_ids


def visible_unit_ids(request: HttpRequest) -> list[int] | None:
    """None for supervisors (every unit); a unit's staff see their own units; others none."""
    user = request.user
    if is_supervisor(user):
        return None
    units = sorted(user_unit_ids(user))
    if not units:
        raise PermissionDenied
    return units


def staff_only(view):
    def wrapped(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("admin:login"))
        return view(request, *args, **kwargs)

    return wrapped


def bad_parameter(error: PeriodError) -> HttpResponse:
    return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")


@staff_only
def dashboard(request: HttpRequest) -> HttpResponse:
    unit_ids = visible_unit_ids(request)
    try:
        period = parse_period(request.GET.get("period"))
    except PeriodError as error:
        return bad_parameter(error)
    values, frozen_at, settled = period_values(period)
    groups = build_matrix(period, unit_ids, values)
    fmt = request.GET.get("format")
    if fmt in FORMATS:
        audit_record(event=Event.EXPORT, user=request.user, request=request, detail=f"督查矩阵 {period.key} {fmt}")
        return table_response(matrix_table(period, groups), fmt, f"dashboard-{period.key}")
    my_alerts = None
    if unit_ids is not None:
        open_alerts = Alert.objects.filter(resolved_at=None).prefetch_related("record")
        my_alerts = scope_queryset(open_alerts, request.user)[:100]
    summary = overdue_summary(unit_ids)
    context = {
        "summary": summary,
        "trend_chart": trend_chart(summary),
        "period": period,
        "choices": period_choices(period.start.year),
        "indicators": indicators(),
        "groups": groups,
        "system_alerts": system_alerts(),
        "my_alerts": my_alerts,
        "supervisor": unit_ids is None,
        "frozen_at": frozen_at,
        "settled": settled,
        "weights": weights([i.code for i in indicators()]),
        "formula": FORMULA,
    }
    return render(request, "compliance/dashboard.html", context)


def admin_link(record: object) -> str | None:
    content_type = ContentType.objects.get_for_model(record)
    try:
        return reverse(f"admin:{content_type.app_label}_{content_type.model}_change", args=[record.pk])
    except NoReverseMatch:
        return None


@staff_only
def drilldown(request: HttpRequest, code: str, unit: str) -> HttpResponse:
    """The records behind a cell below its target: rule, due date, working days overdue, the fix."""
    indicator = next((i for i in indicators() if i.code == code), None)
    if indicator is None or indicator.offending is None:
        raise Http404("No such indicator")
    unit = get_object_or_404(Unit, code=unit)
    unit_ids = visible_unit_ids(request)
    if unit_ids is not None and unit.pk not in unit_ids:
        raise PermissionDenied
    try:
        period = parse_period(request.GET.get("period"))
    except PeriodError as error:
        return bad_parameter(error)
    today = timezone.localdate()
    lines = drill_lines(indicator.offending(unit.pk, period.start, period.end)[:DRILL_LIMIT], today)
    fmt = request.GET.get("format")
    if fmt in FORMATS:
        audit_record(event=Event.EXPORT, user=request.user, request=request, detail=f"{code} {unit.code} {fmt}")
        table = drill_table(lines, request.build_absolute_uri)
        return table_response(table, fmt, f"{code}-{unit.code}-{period.key}")
    context = {"indicator": indicator, "unit": unit, "period": period, "lines": lines, "today": today}
    return render(request, "compliance/drilldown.html", context)


@staff_only
def trend(request: HttpRequest) -> HttpResponse:
    """Each percentage indicator by month, summed over the visible units: a table and bars."""
    unit_ids = visible_unit_ids(request)
    try:
        year = parse_year(request.GET.get("year"))
    except PeriodError as error:
        return bad_parameter(error)
    lines = trend_lines(year, unit_ids)
    context = {"year": year, "lines": lines, "today": timezone.localdate()}
    return render(request, "compliance/trend.html", context)


@staff_only
def incomplete(request: HttpRequest) -> HttpResponse:
    """Per unit, how many records of each kind still carry an unknown field (待补充, 日期不详, 未说明)."""
    rows = incomplete_rows(visible_unit_ids(request))
    return render(request, "compliance/incomplete.html", {"rows": rows, "kinds": incomplete_kinds()})


@staff_only
def incomplete_unit(request: HttpRequest, code: str, unit: str) -> HttpResponse:
    kind = incomplete_kind(code)
    if kind is None:
        raise Http404("No such kind of record")
    unit = get_object_or_404(Unit, code=unit)
    unit_ids = visible_unit_ids(request)
    if unit_ids is not None and unit.pk not in unit_ids:
        raise PermissionDenied
    rows = [(record, missing, admin_link(record)) for record, missing in incomplete_records(kind, unit.pk)]
    return render(request, "compliance/incomplete_unit.html", {"kind": kind, "unit": unit, "rows": rows})
