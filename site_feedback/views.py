"""The public 我为政府网站找错 form and its confirmation."""

from datetime import date

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from lushan_portal.clients import client_address
from site_feedback import rules
from site_feedback.forms import ReportForm
from site_feedback.services import on_site_path, openness_office, report_submit

SESSION_KEY = "site_feedback_received"
HONEYPOT_REFUSED = "报告未提交。"
OFFICE_UNKNOWN = "县政务公开主管部门"


def _prefilled_page(request: HttpRequest) -> str:
    """The page the reporter came from: ?page= (the footer link), else the Referer; this site's only."""
    own = reverse("site_feedback:report")
    for candidate in (request.GET.get("page", ""), request.META.get("HTTP_REFERER", "")):
        path = on_site_path(candidate, request.get_host())
        if path and not path.startswith(own):
            return path
    return ""


def _office_name() -> str:
    office = openness_office()
    return office.name if office else OFFICE_UNKNOWN


@require_http_methods(["GET", "POST"])
def report_form(request: HttpRequest) -> HttpResponse:
    status = 200
    if request.method == "POST":
        form = ReportForm(request.POST)
        status = 400
        if form.is_valid() and form.cleaned_data["website"]:
            form.add_error(None, HONEYPOT_REFUSED)
        elif form.is_valid():
            data = form.cleaned_data
            try:
                report = report_submit(
                    page=data["page"],
                    kind=data["kind"],
                    description=data["description"],
                    contact=data["contact"],
                    host=request.get_host(),
                    client=client_address(request),
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                request.session[SESSION_KEY] = {
                    "reference": report.reference,
                    "due": report.due_date.isoformat(),
                    "office": report.unit.name if report.unit else OFFICE_UNKNOWN,
                    "contact": bool(report.contact),
                }
                return HttpResponseRedirect(reverse("site_feedback:received"))
    else:
        form = ReportForm(initial={"page": _prefilled_page(request)})
    context = {
        "form": form,
        "office": _office_name(),
        "working_days": rules.ANSWER_WORKING_DAYS,
        "retention_days": rules.CONTACT_RETENTION_DAYS,
    }
    return render(request, "site_feedback/report_form.html", context, status=status)


def report_received(request: HttpRequest) -> HttpResponse:
    """The confirmation, at the top of the page: the reference, who answers and by when."""
    received = request.session.get(SESSION_KEY)
    if not received:
        return HttpResponseRedirect(reverse("site_feedback:report"))
    context = {**received, "due": date.fromisoformat(received["due"]), "working_days": rules.ANSWER_WORKING_DAYS}
    return render(request, "site_feedback/report_received.html", context)
