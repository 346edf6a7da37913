from datetime import date

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from decisions import rules, wording
from decisions.forms import CommentForm
from decisions.models import OfflineComments, Stage
from decisions.selectors import (
    consultations_open_then_closed,
    public_consultations,
    published_comment_groups,
    year_catalog,
)
from decisions.services import accepts_comments, comment_submit
from lushan_portal.clients import client_address
from lushan_portal.filters import valid_year, year_error
from lushan_portal.pagecache import cached_page

SUBMITTED = "您的意见已提交，审核后将在本页公开（姓名和联系方式不会公开）。"
SUBMITTED_TAG = "comment-submitted"
SUBMITTED_ANCHOR = "#submitted"
REPORT_DUE = "意见采纳情况（收到多少条、采纳哪些、未采纳的理由）将于{date}前在本页公布。"
REPORT_DUE_LATER = (
    "征求意见期结束后 {days} 个工作日内，意见采纳情况（收到多少条、采纳哪些、未采纳的理由）将在本页公布。"
)
HONEYPOT_REFUSED = "意见未提交。"


@cached_page("decisions")
def consultation_list(request: HttpRequest) -> HttpResponse:
    open_now, closed = consultations_open_then_closed()
    today = timezone.localdate()
    rows = [(decision, rules.days_left(decision.closes_on, today)) for decision in open_now]
    context = {"open": rows, "closed": closed, "unknown": wording.DATE_UNKNOWN}
    return render(request, "decisions/consultation_list.html", context)


@require_http_methods(["GET", "POST"])
@cached_page("decisions")
def consultation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    related = ("attachments", "hearings", Prefetch("offline_comments", OfflineComments.objects.order_by("channel")))
    decision = get_object_or_404(public_consultations().prefetch_related(*related), pk=pk)
    stage = decision.stage()
    form = CommentForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid() and not form.cleaned_data["website"]:
            try:
                comment_submit(
                    decision_id=decision.pk,
                    body=form.cleaned_data["body"],
                    name=form.cleaned_data["name"],
                    contact=form.cleaned_data["contact"],
                    client=client_address(request),
                )
            except ValidationError as error:
                form.add_error(None, error)
                status = 400
            else:
                messages.success(request, SUBMITTED, extra_tags=SUBMITTED_TAG)
                return HttpResponseRedirect(decision.get_absolute_url() + SUBMITTED_ANCHOR)
        else:
            if form.is_valid():
                form.add_error(None, HONEYPOT_REFUSED)
            status = 400
    submitted = request.method == "GET" and any(
        SUBMITTED_TAG in message.tags for message in messages.get_messages(request)
    )
    context = {
        "decision": decision,
        "stage": stage,
        "submitted": submitted,
        "submitted_message": SUBMITTED,
        "report_due": report_due_text(decision.feedback_due, decision.closes_on),
        # PubDate (网页设计规范): the notice's date, or for a consultation run here the day it opened here.
        "pub_date": decision.published_on or (None if decision.entered_after_fact else decision.opens_on),
        "is_open": stage == Stage.OPEN and accepts_comments(decision),
        "days_left": rules.days_left(decision.closes_on) if stage == Stage.OPEN else None,
        "form": form,
        "groups": published_comment_groups(decision),
        "min_days": rules.MIN_COMMENT_DAYS,
        "contact_days": settings.COMMENT_CONTACT_RETENTION_DAYS,
        "unknown": wording.DATE_UNKNOWN,
        "not_stated": wording.NOT_STATED,
        "counts_not_stated": wording.COUNTS_NOT_STATED,
    }
    return render(request, "decisions/consultation_detail.html", context, status=status)


def report_due_text(feedback_due: date | None, closes_on: date | None) -> str:
    """What happens after moderation: when the feedback report is due, as precisely as known."""
    due = feedback_due or (rules.feedback_due(closes_on) if closes_on else None)
    if due is None:
        return REPORT_DUE_LATER.format(days=rules.feedback_working_days())
    return REPORT_DUE.format(date=f"{due.year}年{due.month}月{due.day}日")


@cached_page("decisions")
def year_catalog_view(request: HttpRequest, year: int) -> HttpResponse:
    if not valid_year(year):
        return HttpResponseBadRequest(year_error("year"), content_type="text/plain; charset=utf-8")
    now = timezone.now()
    items, calls = year_catalog(year)
    rows = [(decision, decision.stage(now)) for decision in items]
    context = {"year": year, "rows": rows, "calls": calls, "classified": Stage.CLASSIFIED}
    return render(request, "decisions/year_catalog.html", context)
