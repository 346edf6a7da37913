from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone

from inspection import rules
from inspection.models import Check
from inspection.selectors import (
    FINDINGS_LIMIT,
    findings_by_unit,
    latest_run,
    open_findings,
    unit_findings,
    weekly_trend,
)
from organizations.models import Unit
from organizations.scoping import is_supervisor, user_unit_ids

COUNTY = "county"  # ?unit=county: the county-level findings (home page, availability, identity)


def report(request: HttpRequest) -> HttpResponse:
    """网站自查: supervisors see the site and every unit; a unit's staff see their unit's findings."""
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(request.get_full_path(), reverse("admin:login"))
    supervisor = is_supervisor(user)
    own = sorted(user_unit_ids(user))
    if not supervisor and not own:
        raise PermissionDenied
    findings = open_findings() if supervisor else open_findings().filter(unit__in=own)
    chosen = request.GET.get("unit")
    selected_unit, listed = None, None
    if chosen == COUNTY and supervisor:
        listed = unit_findings(findings, None)
    elif chosen:
        selected_unit = get_object_or_404(Unit, code=chosen)
        if not supervisor and selected_unit.pk not in own:
            raise PermissionDenied
        listed = unit_findings(findings, selected_unit.pk)
    elif not supervisor and len(own) == 1:
        selected_unit = Unit.objects.get(pk=own[0])
        listed = unit_findings(findings, selected_unit.pk)
    context = {
        "supervisor": supervisor,
        "run": latest_run(),
        "trend": weekly_trend(timezone.localdate()),
        "units": findings_by_unit(findings),
        "selected_unit": selected_unit,
        "county_selected": chosen == COUNTY and supervisor,
        "listed": listed,
        "limit": FINDINGS_LIMIT,
        "checks": dict(Check.choices),
        "full_score": rules.FULL_SCORE,
        "pass_score": rules.PASS_SCORE,
    }
    return render(request, "inspection/report.html", context)
