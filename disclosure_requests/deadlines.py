"""依申请公开 deadlines registered with the compliance registry: the daily scan's alerts and the
recomputation of open due dates after a calendar edit (set-based: one query per rule).

- 补正: a reminder on the last day to send the one correction notice (Art 30, 7 working days), and
  a flag on a notice sent after that day;
- the reply: a reminder REPLY_REMINDER_WORKING_DAYS before the due date, and the reply overdue;
- a third party or co-agency consulted past its 15 working days (Art 32–34).

- the agency's answer to a reconsideration (10 working days, 行政复议法 Art 48 and 88) or its
  defence in a lawsuit (15 days, 行政诉讼法 Art 67), from the day the copy reached it; a review whose
  copy date is unknown is not scanned (待补充 in the admin).

The indicators (replies on time, 当场答复 at counters, carried-over applications) live in
``indicators``; their drill-downs in ``drill``.
"""

from datetime import date, timedelta

from django.db.models import Case, DateField, Exists, F, OuterRef, QuerySet, Value, When
from django.utils.translation import gettext_lazy as _

from compliance.registry import DeadlineRule, Indicator, register_indicator, register_rule
from disclosure_requests import indicators, reviews, rules
from disclosure_requests.models import Application, Pause, PauseKind
from disclosure_requests.services import recompute_open_due_dates
from workdays import add_working_days

REPLY_OVERDUE = "disclosure_requests.reply_overdue"
REPLY_DUE_SOON = "disclosure_requests.reply_due_soon"
CORRECTION_NOTICE_DUE = "disclosure_requests.correction_notice_due"
CORRECTION_NOTICE_LATE = "disclosure_requests.correction_notice_late"
THIRD_PARTY_OVERDUE = "disclosure_requests.third_party_overdue"
REVIEW_ANSWER_OVERDUE = "disclosure_requests.review_answer_overdue"

CONSULTATIONS = (PauseKind.THIRD_PARTY, PauseKind.CO_AGENCY)


def awaiting_reply() -> QuerySet:
    return Application.objects.filter(closed_on__isnull=True)


def reply_overdue(today: date) -> QuerySet:
    """Open applications past their last day (request_open_due_idx); unknown due dates are not."""
    return awaiting_reply().filter(due_date__lt=today)


def reply_due_soon(today: date) -> QuerySet:
    """Open applications due today or within the next REPLY_REMINDER_WORKING_DAYS working days."""
    last = add_working_days(today, rules.REPLY_REMINDER_WORKING_DAYS)
    return awaiting_reply().filter(due_date__range=(today, last))


def _has_correction() -> Exists:
    return Exists(Pause.objects.filter(application=OuterRef("pk"), kind=PauseKind.CORRECTION))


def _correction_due(dues: dict[date, date]) -> Case:
    """The correction notice's last day, per receipt date (a handful of dates)."""
    whens = [When(received_on=received, then=Value(due)) for received, due in dues.items()]
    return Case(*whens, default=Value(None), output_field=DateField())


def correction_notice_due(today: date) -> QuerySet:
    """Open applications without a correction notice whose 7 working days end today or within
    CORRECTION_REMINDER_WORKING_DAYS: decide now whether the application needs one."""
    last = add_working_days(today, rules.CORRECTION_REMINDER_WORKING_DAYS)
    dues = rules.correction_notice_dues(today, last)
    pending = awaiting_reply().filter(~_has_correction(), received_on__in=list(dues))
    return pending.annotate(correction_due=_correction_due(dues))


def correction_notice_late(today: date) -> QuerySet:
    """Open applications whose correction notice went out after the 7th working day of receipt.

    One query finds the candidates (notice more than 7 calendar days after receipt: 7 working
    days are never fewer), the calendar decides which are late."""
    candidates = Pause.objects.filter(
        kind=PauseKind.CORRECTION,
        application__closed_on__isnull=True,
        application__received_on__isnull=False,
        start__gt=F("application__received_on") + timedelta(days=7),
    ).values_list("application_id", "application__received_on", "start")
    late = {
        pk: received
        for pk, received, notice_on in candidates.order_by()
        if notice_on > rules.correction_notice_due(received)
    }
    dues = {received: rules.correction_notice_due(received) for received in set(late.values())}
    return Application.objects.filter(pk__in=list(late)).annotate(correction_due=_correction_due(dues))


def consultations_open() -> QuerySet:
    return Pause.objects.filter(kind__in=CONSULTATIONS, end__isnull=True, application__closed_on__isnull=True)


def third_party_overdue(today: date) -> QuerySet:
    """Consultations still unanswered after their 15 working days (pause_open_deadline_idx): the
    agency decides (a third party) or takes consent (a co-agency) and records the end."""
    return consultations_open().filter(deadline__lt=today)


def review_answer_overdue(today: date) -> QuerySet:
    """Reconsiderations and lawsuits whose answer or defence is past its last day and not filed."""
    return reviews.open_answers().filter(answer_due__lt=today)


def register_rules() -> None:
    register_rule(
        DeadlineRule(
            code=REPLY_OVERDUE,
            title=_("依申请公开逾期未答复（20个工作日，延期不超过20个工作日）"),
            overdue=reply_overdue,
            due_field="due_date",
            open_deadlines=awaiting_reply,
            recompute_due_dates=recompute_open_due_dates,
        )
    )
    register_rule(
        DeadlineRule(
            code=REPLY_DUE_SOON,
            title=_("依申请公开答复期限将在3个工作日内届满"),
            overdue=reply_due_soon,
            due_field="due_date",
            notice=True,  # a reminder before the due date, not a deadline missed
        )
    )
    register_rule(
        DeadlineRule(
            code=CORRECTION_NOTICE_DUE,
            title=_("依申请公开补正告知期限将届满（收到申请后7个工作日内一次性告知）"),
            overdue=correction_notice_due,
            due_field="correction_due",
            notice=True,  # most applications need no correction: a reminder to decide
        )
    )
    register_rule(
        DeadlineRule(
            code=CORRECTION_NOTICE_LATE,
            title=_("依申请公开补正告知超过7个工作日"),
            overdue=correction_notice_late,
            due_field="correction_due",
        )
    )
    register_rule(
        DeadlineRule(
            code=THIRD_PARTY_OVERDUE,
            title=_("征求第三方或其他机关意见逾期未答复（15个工作日），请依法决定或视为同意"),
            overdue=third_party_overdue,
            due_field="deadline",
            unit_field="application__unit",
            open_deadlines=consultations_open,
        )
    )
    register_rule(
        DeadlineRule(
            code=REVIEW_ANSWER_OVERDUE,
            title=_("行政复议答复（10个工作日）或行政诉讼答辩（15日）逾期未提交"),
            overdue=review_answer_overdue,
            due_field="answer_due",
            unit_field="application__unit",
            open_deadlines=reviews.open_answers,
            recompute_due_dates=reviews.recompute_open_answer_dues,
        )
    )


ON_TIME = "disclosure_requests.on_time"
ON_THE_SPOT = "disclosure_requests.on_the_spot"
CARRIED_OVER = "disclosure_requests.carried_over"


def register_indicators() -> None:
    register_indicator(
        Indicator(
            code=ON_TIME,
            title=_("依申请公开按期答复率（20个工作日，延期不超过20个工作日）"),
            short_title=_("申请按期率"),
            target="100%",
            compute=indicators.replies_on_time,
            offending=indicators.replied_late,
        )
    )
    register_indicator(
        Indicator(
            code=ON_THE_SPOT,
            title=_("政务公开专区依申请公开当场答复比例（不低于上一同期）"),
            short_title=_("当场答复"),
            target=_("不低于上期"),
            compute=indicators.on_the_spot_share,
            offending=indicators.not_on_the_spot,
        )
    )
    register_indicator(
        Indicator(
            code=CARRIED_OVER,
            title=_("跨期结转的依申请公开申请（期初未办结；目标：无逾期）"),
            short_title=_("结转申请"),
            target=_("无逾期"),
            compute=indicators.carried_over,
            offending=indicators.carried_late,
            percent=False,
        )
    )
