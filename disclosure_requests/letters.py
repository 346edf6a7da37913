"""The reply letter (政府信息公开申请答复告知书): a draft from the template of the reply's kind
(templates/disclosure_requests/letters/<kind>.txt), which staff edit before finalising; the final
text with the agency's name and the reply date under it; and the printable page (also the e-mail's
HTML part).

The legal grounds suggested per case are the Regulations' articles (国务院令第711号); staff confirm or
replace them on the reply form.
"""

import re
from datetime import date

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from disclosure_requests import rules
from disclosure_requests.models import Application, Reply, ReplyReason
from organizations.models import Unit, UnitKind

UNKNOWN_DATE = "日期不详"
REGULATIONS = "《中华人民共和国政府信息公开条例》"
# The article a case rests on, offered as the reply's legal ground (editable).
SUGGESTED_GROUNDS = {
    ReplyReason.STATE_SECRET: "第十四条",
    ReplyReason.LAW_PROHIBITS: "第十四条",
    ReplyReason.SAFETY_STABILITY: "第十四条",
    ReplyReason.THIRD_PARTY_RIGHTS: "第十五条",
    ReplyReason.INTERNAL_AFFAIRS: "第十六条第一款",
    ReplyReason.PROCESS_INFO: "第十六条第二款",
    ReplyReason.ENFORCEMENT_FILE: "第十六条第二款",
    ReplyReason.ADMIN_QUERY: "第三十六条第（七）项",
    ReplyReason.NOT_HELD: "第三十六条第（四）项、第（五）项",
    ReplyReason.NEEDS_CREATION: "第三十八条",
    ReplyReason.STILL_UNCLEAR: "第三十条",
    ReplyReason.PETITION: "第三十九条第一款",
    ReplyReason.REPEATED: "第三十六条第（六）项",
    ReplyReason.PUBLICATION: "第三十九条第二款",
    ReplyReason.EXCESSIVE: "第三十五条",
    ReplyReason.NO_CORRECTION: "第三十条",
}


def suggested_ground(reason: str) -> str:
    article = SUGGESTED_GROUNDS.get(reason)
    return f"{REGULATIONS}{article}" if article else ""


def suggested_reconsideration_body(unit: Unit) -> str:
    """A department, township or subdistrict: the county government (行政复议法 Art 24, 2023); the
    county government itself: the next level up, which is not in the unit tree (staff enter it)."""
    if unit.kind == UnitKind.COUNTY_GOVERNMENT:
        return ""
    government = Unit.objects.filter(kind=UnitKind.COUNTY_GOVERNMENT, is_active=True).order_by("pk").first()
    return government.name if government else ""


def _day(value: date | None) -> str:
    return f"{value.year}年{value.month}月{value.day}日" if value else _(UNKNOWN_DATE)


def letter_context(application: Application, reply: Reply) -> dict:
    return {
        "applicant": application.name,
        "reference": application.reference or "",
        "received": _day(application.received_on),
        "description": application.description.strip(),
        "document_number": application.document_number.strip(),
        "form_wanted": application.get_form_wanted_display(),
        "delivery": application.get_delivery_display(),
        "kind": reply.get_kind_display(),
        "reason": reply.reason,
        "reason_label": reply.get_reason_display() if reply.reason else "",
        "ground": reply.legal_ground.strip(),
        "right_agency": reply.right_agency.strip(),
        "disclosed_url": reply.disclosed_url,
        "reconsideration_body": reply.reconsideration_body.strip(),
        "reconsideration_days": reply.reconsideration_days or rules.RECONSIDERATION_DAYS,
        "litigation_court": reply.litigation_court.strip(),
        "litigation_months": reply.litigation_months or rules.LITIGATION_MONTHS,
        "unit": application.unit.name,
    }


def draft_letter(application: Application, reply: Reply) -> str:
    """The template's text for the reply's kind, blank lines collapsed; staff edit it afterwards."""
    text = render_to_string(f"disclosure_requests/letters/{reply.kind}.txt", letter_context(application, reply))
    lines = [line.rstrip() for line in text.strip().splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines))


def signature(reply: Reply) -> tuple[str, str]:
    """The agency and the reply date under the letter (the date is unknown until finalised)."""
    return reply.application.unit.name, _day(reply.replied_on)


def final_text(reply: Reply) -> str:
    """The letter as sent: the edited text, then the agency and the date."""
    unit, day = signature(reply)
    return f"{reply.letter_text.strip()}\n\n{unit}\n{day}\n"


def letter_title(reply: Reply) -> str:
    return _("政府信息公开申请答复告知书")


def letter_html(reply: Reply, *, screen_links: dict | None = None) -> str:
    """The printable page (the admin's letter page and the e-mail's HTML part)."""
    unit, day = signature(reply)
    # Paragraphs keep their full-width indent (U+3000), as typed in the letter.
    paragraphs = [part.strip("\r\n ") for part in reply.letter_text.strip().split("\n\n") if part.strip()]
    context = {
        "title": letter_title(reply),
        "reference": reply.application.reference or "",
        "paragraphs": paragraphs,
        "unit": unit,
        "day": day,
        "links": screen_links or {},
    }
    return render_to_string("disclosure_requests/letters/letter.html", context)
