"""Error reports: receipt (routed to the openness office), answer, withdrawal, contact erasure."""

import logging
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from lushan_portal.ratelimit import rate_allows
from organizations.models import Unit
from organizations.scoping import can_write_unit
from site_feedback import rules
from site_feedback.models import ErrorReport, ReportKind, ReportStatus

logger = logging.getLogger(__name__)

RATE_NAME = "site-feedback"

ERROR_PAGE_REQUIRED = "请填写出错页面的网址。"
ERROR_PAGE_OFFSITE = "请填写本网站的网页地址，例如 %(example)s 。其他网站的问题请向该网站反映。"
ERROR_PAGE_TOO_LONG = "网址不能超过%(length)d个字符。"
ERROR_EMPTY = "请描述您发现的问题。"
ERROR_TOO_LONG = "问题描述不能超过%(length)d字。"
ERROR_CONTACT_TOO_LONG = "联系方式不能超过%(length)d个字符。"
ERROR_NUL = "内容含有空字符（NUL），请删除后重新提交。"
ERROR_KIND = "请选择问题类型。"
ERROR_RATE = "提交过于频繁，请%(minutes)d分钟后再试。"
ERROR_NOT_OFFICE = "只有承办单位的工作人员可以答复或撤销找错报告。"
ERROR_CLOSED = "该报告已答复或已撤销，不能再次处理。"
ERROR_ANSWER_EMPTY = "请填写答复内容。"
ERROR_REASON_EMPTY = "撤销须填写理由（例如：广告、与本网站无关）。"


def on_site_path(raw: str, host: str) -> str | None:
    """The path (and query) of ``raw`` when it is a page of this site, else None.

    Accepted: "/publications/3/", "http(s)://<this host>/…", and "<this host>/…" typed without
    the scheme. ``host`` is the host the form was served on; SITE_DOMAIN counts as well.
    """
    raw = (raw or "").strip()
    # No control characters; no backslash either: browsers read it as "/" ("/\evil.example" leaves the site).
    if not raw or "\\" in raw or any(ord(char) < 32 for char in raw):
        return None
    if not raw.startswith("/") and "://" not in raw:
        raw = "http://" + raw
    try:
        parts = urlsplit(raw)
        hostname = parts.hostname
        hosts = {urlsplit(f"//{host}").hostname, (settings.SITE_DOMAIN or "").lower()} - {None, ""}
    except ValueError:  # an unbalanced "[" in a host
        return None
    absolute = bool(parts.scheme or parts.netloc)
    if absolute and (parts.scheme not in {"http", "https"} or hostname not in hosts):
        return None
    path = parts.path or "/"
    return path + (f"?{parts.query}" if parts.query else "")


def openness_office() -> Unit | None:
    return Unit.objects.filter(code=settings.OPENNESS_OFFICE_UNIT_CODE).first()


def _check(*, page: str, kind: str, description: str, contact: str, host: str) -> tuple[str, str, str]:
    """The cleaned page path, description and contact; every bad field named at once."""
    errors: dict[str, str] = {}
    description, contact = (description or "").strip(), (contact or "").strip()
    path = on_site_path(page, host)
    if not (page or "").strip():
        errors["page"] = _(ERROR_PAGE_REQUIRED)
    elif len(page.strip()) > rules.MAX_PAGE_LENGTH:
        errors["page"] = _(ERROR_PAGE_TOO_LONG) % {"length": rules.MAX_PAGE_LENGTH}
    elif path is None:
        errors["page"] = _(ERROR_PAGE_OFFSITE) % {"example": f"http://{host}/"}
    if kind not in ReportKind.values:
        errors["kind"] = _(ERROR_KIND)
    if not description:
        errors["description"] = _(ERROR_EMPTY)
    elif len(description) > rules.MAX_DESCRIPTION_LENGTH:
        errors["description"] = _(ERROR_TOO_LONG) % {"length": rules.MAX_DESCRIPTION_LENGTH}
    elif "\x00" in description:
        errors["description"] = _(ERROR_NUL)
    if len(contact) > rules.MAX_CONTACT_LENGTH:
        errors["contact"] = _(ERROR_CONTACT_TOO_LONG) % {"length": rules.MAX_CONTACT_LENGTH}
    elif "\x00" in contact:
        errors["contact"] = _(ERROR_NUL)
    if errors:
        raise ValidationError(errors)
    return path, description, contact


def report_submit(
    *, page: str, kind: str, description: str, contact: str = "", host: str, client: str | None
) -> ErrorReport:
    """Store a report, routed to the openness office, due 3 working days after its receipt.

    ``client`` is the reporter's address for the rate limit (None: not from the web form, e.g.
    the demo). Bad input raises ValidationError naming each field, and nothing is saved.
    """
    path, description, contact = _check(page=page, kind=kind, description=description, contact=contact, host=host)
    if client is not None and not rate_allows(
        name=RATE_NAME, client=client, limit=rules.REPORTS_PER_WINDOW, window_seconds=rules.RATE_WINDOW_SECONDS
    ):
        raise ValidationError(_(ERROR_RATE) % {"minutes": rules.RATE_WINDOW_SECONDS // 60})
    office = openness_office()
    if office is None:  # still stored: supervisors see it, and nothing a citizen sent is lost
        logger.error("Error report stored without a unit: no unit has code %s.", settings.OPENNESS_OFFICE_UNIT_CODE)
    now = timezone.now()
    received_on = timezone.localdate(now)
    report = ErrorReport(
        unit=office,
        page=path,
        kind=kind,
        description=description,
        contact=contact,
        received_at=now,
        received_on=received_on,
        due_date=rules.answer_due(received_on),
    )
    report.full_clean()
    report.save()
    return report


def _require_office(report: ErrorReport, by: AbstractBaseUser) -> None:
    if not can_write_unit(by, report.unit_id):
        raise PermissionDenied(_(ERROR_NOT_OFFICE))


@transaction.atomic
def report_answer(*, report: ErrorReport, answer: str, by: AbstractBaseUser) -> ErrorReport:
    _require_office(report, by)
    report = ErrorReport.objects.select_for_update().get(pk=report.pk)
    answer = (answer or "").strip()
    if report.status != ReportStatus.RECEIVED:
        raise ValidationError(_(ERROR_CLOSED))
    if not answer:
        raise ValidationError({"answer": _(ERROR_ANSWER_EMPTY)})
    report.answer, report.answered_at, report.answered_by = answer, timezone.now(), by
    report.status = ReportStatus.ANSWERED
    report.save()
    return report


@transaction.atomic
def report_withdraw(*, report: ErrorReport, reason: str, by: AbstractBaseUser) -> ErrorReport:
    """An invalid report (spam, not about this site) leaves the deadline; it is kept, not deleted."""
    _require_office(report, by)
    report = ErrorReport.objects.select_for_update().get(pk=report.pk)
    reason = (reason or "").strip()
    if report.status != ReportStatus.RECEIVED:
        raise ValidationError(_(ERROR_CLOSED))
    if not reason:
        raise ValidationError({"withdrawal_reason": _(ERROR_REASON_EMPTY)})
    report.withdrawal_reason, report.withdrawn_at, report.withdrawn_by = reason, timezone.now(), by
    report.status = ReportStatus.WITHDRAWN
    report.save()
    return report


def contacts_erase() -> int:
    """Erase reporters' contacts CONTACT_RETENTION_DAYS after the answer or the withdrawal."""
    cutoff = timezone.now() - timedelta(days=rules.CONTACT_RETENTION_DAYS)
    closed_long_ago = Q(answered_at__lt=cutoff) | Q(withdrawn_at__lt=cutoff)
    expired = ErrorReport.objects.filter(closed_long_ago, contact_erased_at__isnull=True)
    return expired.update(contact="", contact_erased_at=timezone.now())
