"""An application's reply due date, from its receipt, pauses, extension and the calendar, with the
explanation shown to the applicant and to staff. The arithmetic is rules.reply_due; this module
reads the records and puts the steps into words.
"""

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from disclosure_requests import rules
from disclosure_requests.models import Application, Pause, PauseKind
from workdays import explain_due_date, working_days_between


@dataclass(frozen=True)
class Due:
    date: date | None
    explanation: str


def _day(value: date) -> str:
    return f"{value:%Y-%m-%d}"


def _calendar_words(start: date, due: date) -> list[str]:
    """Holidays skipped, 调休 days counted and years counted without holiday data, between the two."""
    explained = explain_due_date(start, working_days_between(start, due))
    words = []
    if explained.holidays_skipped:
        days = "、".join(f"{day:%m-%d}{name}" for day, name in explained.holidays_skipped)
        words.append(_("跳过节假日：%(days)s") % {"days": days})
    if explained.makeup_days_used:
        days = "、".join(f"{day:%m-%d}（{name}调休上班）" for day, name in explained.makeup_days_used)
        words.append(_("计入调休工作日：%(days)s") % {"days": days})
    if explained.years_without_data:
        years = "、".join(str(year) for year in explained.years_without_data)
        words.append(_("%(years)s年节假日安排尚未录入，暂按周一至周五计算") % {"years": years})
    return words


def _pause_words(pause: Pause, end: date, provisional: bool) -> str:
    words = _("%(kind)s %(start)s 至 %(end)s 不计入") % {
        "kind": pause.get_kind_display(),
        "start": _day(pause.start),
        "end": _day(end),
    }
    if provisional:
        words += _("（尚未结束，暂按期限计算，提前结束的答复期限相应提前）")
    return words


def compute(application: Application, pauses: list[Pause] | None = None) -> Due:
    """The due date (None while it cannot be known) and how it was counted, in Chinese."""
    if application.reasonable_deadline:
        return Due(
            application.reasonable_deadline,
            _("根据条例第三十五条确定延迟答复的合理期限至 %(day)s：%(reason)s")
            % {"day": _day(application.reasonable_deadline), "reason": application.reasonable_deadline_reason},
        )
    if application.received_on is None:
        return Due(
            None, _("收到申请日期待确认（%(basis)s），答复期限暂无法计算。") % {"basis": application.receipt_basis}
        )
    pauses = list(application.pauses.all()) if pauses is None else pauses
    start = application.received_on
    steps = [_("收到申请日期 %(day)s（%(basis)s）") % {"day": _day(start), "basis": application.receipt_basis}]
    correction = next((pause for pause in pauses if pause.kind == PauseKind.CORRECTION), None)
    if correction is not None:
        if correction.end is None:
            return Due(
                None,
                _("已于 %(start)s 告知补正，补正期限 %(deadline)s；收到补正后的申请之日起重新计算答复期限。")
                % {
                    "start": _day(correction.start),
                    "deadline": _day(correction.deadline) if correction.deadline else "—",
                },
            )
        start = correction.end
        steps.append(_("%(day)s 收到补正后的申请，自该日起重新计算（条例第三十条）") % {"day": _day(start)})
    intervals = []
    for pause in pauses:
        if pause.kind == PauseKind.CORRECTION or pause.start < start:
            continue
        end, provisional = pause.end, False
        if end is None:
            if pause.deadline is None:
                return Due(None, _("%(kind)s 自 %(start)s 起中止计算，结束后确定答复期限。") % {
                    "kind": pause.get_kind_display(), "start": _day(pause.start)})  # fmt: skip
            end, provisional = pause.deadline, True
        intervals.append((pause.start, end))
        steps.append(_pause_words(pause, end, provisional))
    extension = getattr(application, "extension", None) if application.pk else None
    days = rules.REPLY_WORKING_DAYS
    if extension is not None:
        days += extension.working_days
        steps.append(
            _("%(day)s 经批准延长 %(n)d 个工作日（条例第三十三条）")
            % {"day": _day(extension.approved_on), "n": extension.working_days}
        )
    due = rules.reply_due(
        start, intervals, extended=extension is not None, extension_days=extension.working_days if extension else 0
    )
    steps.insert(1 if correction is None else 2, _("自次日起算 %(n)d 个工作日") % {"n": days})
    steps += _calendar_words(start, due)
    steps.append(_("答复期限 %(day)s") % {"day": _day(due)})
    return Due(due, "；".join(steps) + "。")
