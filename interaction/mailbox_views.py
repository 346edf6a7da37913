"""/letters/ (the mailboxes), /letters/<mailbox>/ (its form, published letters, search and monthly
statistics; cached for anonymous visitors), the receipt, and /letters/status/ (number + query code,
POST, never cached) where the writer reads the reply and rates it."""

from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from interaction import rules
from interaction.mailbox_forms import LetterForm, RatingForm, StatusForm
from interaction.mailbox_intake import message_lookup, message_submit
from interaction.mailbox_selectors import monthly_statistics, open_mailboxes, published_letters, status_view
from interaction.mailbox_services import reply_rate
from interaction.models import Mailbox, Message
from lushan_portal.clients import client_address
from lushan_portal.pagecache import cached_page
from lushan_portal.pagination import peek_page

RECEIVED_KEY = "mailbox_received"
FOLLOWED_KEY = "mailbox_followed"  # the message whose number and code matched in this session
HONEYPOT_REFUSED = "留言未提交。"
NOT_FOUND = "没有找到与该留言编号和查询码相符的留言，请核对后重新输入。"
RATED = "感谢您的评价。"
REOPENED = "您对答复不满意，留言已重新交承办单位办理，新的答复期限为 %(due)s。"


def _privacy_context(mailbox: Mailbox) -> dict:
    return {
        "accept_days": rules.ACCEPT_WORKING_DAYS,
        "reply_days": rules.reply_working_days(),
        "retention_days": rules.CONTACT_RETENTION_DAYS,
        "unit": mailbox.unit.name,
    }


@cached_page("interaction")
def mailbox_list(request: HttpRequest) -> HttpResponse:
    return render(request, "interaction/mailbox_list.html", {"mailboxes": list(open_mailboxes())})


@cached_page("interaction")
@require_http_methods(["GET", "HEAD", "POST"])
def mailbox_page(request: HttpRequest, code: str) -> HttpResponse:
    mailbox = get_object_or_404(Mailbox.objects.select_related("unit"), code=code)
    status, redirect = 200, None
    if request.method == "POST":
        form = LetterForm(request.POST)
        redirect = form.redirected()
        status = 200 if redirect else 400
        if redirect:
            pass  # 信访 or 举报: nothing is stored; the page names the statutory channel
        elif form.is_valid() and form.cleaned_data["website"]:
            form.add_error(None, HONEYPOT_REFUSED)
        elif form.is_valid():
            data = form.cleaned_data
            try:
                received = message_submit(
                    mailbox=mailbox,
                    category=data["category"],
                    subject=data["subject"],
                    body=data["body"],
                    name=data["name"],
                    contact=data["contact"],
                    consent_publication=data["consent_publication"],
                    client=client_address(request),
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                message = received.message
                request.session[RECEIVED_KEY] = {
                    "reference": message.reference,
                    "code": received.query_code,
                    "mailbox": mailbox.name,
                    "unit": mailbox.unit.name,
                    "accept_due": message.accept_due.isoformat(),
                }
                return HttpResponseRedirect(reverse("interaction:received"))
    else:
        form = LetterForm()
    query = request.GET.get("q", "").strip()[:50]
    context = {
        "mailbox": mailbox,
        "form": form,
        "redirect": redirect,
        "query": query,
        "page": peek_page(published_letters(mailbox, query=query), request.GET.get("page")),
        "query_string": urlencode({"q": query}) if query else "",
        "statistics": monthly_statistics(mailbox, timezone.localdate()),
        **_privacy_context(mailbox),
    }
    return render(request, "interaction/mailbox_page.html", context, status=status)


@never_cache
def received(request: HttpRequest) -> HttpResponse:
    """The receipt: the number and the query code, shown this once (the code is not stored)."""
    receipt = request.session.pop(RECEIVED_KEY, None)
    if not receipt:
        return HttpResponseRedirect(reverse("interaction:status"))
    return render(request, "interaction/mailbox_received.html", {**receipt, "accept_days": rules.ACCEPT_WORKING_DAYS})


def _status_page(request: HttpRequest, message: Message, *, notice: str = "", status: int = 200) -> HttpResponse:
    context = {"view": status_view(message), "rating_form": RatingForm(), "notice": notice}
    return render(request, "interaction/mailbox_status.html", context, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def status(request: HttpRequest) -> HttpResponse:
    """POST keeps the code out of addresses and logs; any mismatch gets the same neutral answer."""
    form = StatusForm(request.POST or None)
    code = 200
    if request.method == "POST" and form.is_valid():
        try:
            message = message_lookup(
                reference=form.cleaned_data["reference"], code=form.cleaned_data["code"], client=client_address(request)
            )
        except ValidationError as error:
            form.add_error(None, error)
            code = 429
        else:
            if message is None:
                form.add_error(None, NOT_FOUND)
                code = 404
            else:
                request.session[FOLLOWED_KEY] = message.pk
                return _status_page(request, message)
    elif request.method == "POST":
        code = 400
    return render(request, "interaction/mailbox_status.html", {"form": form}, status=code)


@never_cache
@require_POST
def rate(request: HttpRequest) -> HttpResponse:
    """The writer rates the reply; only for the message whose number and code matched in this session."""
    message = (
        Message.objects.select_related("mailbox", "unit", "first_unit")
        .filter(pk=request.session.get(FOLLOWED_KEY))
        .first()
    )
    if message is None:
        return HttpResponseRedirect(reverse("interaction:status"))
    form = RatingForm(request.POST)
    if not form.is_valid():
        return _status_page(request, message, status=400)
    reopened_before = message.reopened_count
    try:
        message = reply_rate(message=message, rating=form.cleaned_data["rating"])
    except ValidationError as error:
        return _status_page(request, message, notice="；".join(error.messages), status=400)
    notice = RATED
    if message.reopened_count > reopened_before:
        notice = REOPENED % {"due": f"{message.reply_due:%Y-%m-%d}"}
    return _status_page(request, message, notice=notice)
