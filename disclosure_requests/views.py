"""/requests/apply/ (the public form, then the receipt with the number and query code, shown once)
and /requests/status/ (number + code → the application's state, dates and reply). Never cached:
both carry a CSRF token, and the answers are personal."""

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from disclosure_requests import rules
from disclosure_requests.forms import ApplicationForm, StatusForm
from disclosure_requests.intake import application_lookup, application_submit_online
from disclosure_requests.selectors import status_view
from lushan_portal.clients import client_address

SESSION_KEY = "disclosure_request_received"
HONEYPOT_REFUSED = "申请未提交。"
NOT_FOUND = "没有找到与该申请编号和查询码相符的申请，请核对后重新输入。"


def _privacy_context() -> dict:
    return {
        "working_days": rules.REPLY_WORKING_DAYS,
        "retention_years": rules.RECORD_RETENTION_YEARS,
        "image_retention_days": rules.ID_IMAGE_RETENTION_DAYS,
    }


@never_cache
@require_http_methods(["GET", "POST"])
def apply(request: HttpRequest) -> HttpResponse:
    status = 200
    if request.method == "POST":
        form = ApplicationForm(request.POST, request.FILES)
        status = 400
        if form.is_valid() and form.cleaned_data["website"]:
            form.add_error(None, HONEYPOT_REFUSED)
        elif form.is_valid():
            try:
                received = application_submit_online(
                    application=form.instance,
                    id_image=form.cleaned_data.get("id_image"),
                    client=client_address(request),
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                application = received.application
                request.session[SESSION_KEY] = {
                    "reference": application.reference,
                    "code": received.query_code,
                    "unit": application.unit.name,
                    "received_on": application.received_on.isoformat(),
                    "due": application.due_date.isoformat() if application.due_date else "",
                }
                return HttpResponseRedirect(reverse("disclosure_requests:received"))
    else:
        form = ApplicationForm()
    return render(request, "disclosure_requests/apply.html", {"form": form, **_privacy_context()}, status=status)


@never_cache
def received(request: HttpRequest) -> HttpResponse:
    """The receipt: the number and the query code, shown this once (the code is not stored)."""
    receipt = request.session.pop(SESSION_KEY, None)
    if not receipt:
        return HttpResponseRedirect(reverse("disclosure_requests:status"))
    return render(request, "disclosure_requests/received.html", {**receipt, "working_days": rules.REPLY_WORKING_DAYS})


@never_cache
@require_http_methods(["GET", "POST"])
def status(request: HttpRequest) -> HttpResponse:
    """POST keeps the code out of addresses and logs; any mismatch gets the same neutral answer."""
    form = StatusForm(request.POST or None)
    context: dict = {"form": form}
    code = 200
    if request.method == "POST" and form.is_valid():
        try:
            application = application_lookup(
                reference=form.cleaned_data["reference"], code=form.cleaned_data["code"], client=client_address(request)
            )
        except ValidationError as error:
            form.add_error(None, error)
            code = 429
        else:
            if application is None:
                form.add_error(None, NOT_FOUND)
                code = 404
            else:
                context["view"] = status_view(application)
    elif request.method == "POST":
        code = 400
    return render(request, "disclosure_requests/status.html", context, status=code)
