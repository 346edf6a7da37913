"""What the self-inspection and the dashboard read from the mailbox: each mailbox as a channel with
its red-line findings and a column with its newest published reply; the on-time indicator."""

from datetime import date

import pytest
import time_machine

from compliance.registry import indicators
from interaction import mailbox_inspection
from interaction import mailbox_services as services
from interaction.mailbox_indicators import ON_TIME
from interaction.models import Mailbox
from interaction.tests.conftest import letter
from lushan_portal import site_inspection
from lushan_portal.site_inspection import ColumnKind
from publication_review.testing import reviewed

pytestmark = pytest.mark.django_db


def answer(message, by) -> None:
    reply = services.reply_draft(message=message, body="答复", by=by)
    services.reply_send(reply=reviewed(reply), by=by)


def channel(code: str):
    return next(c for c in site_inspection.channels() if c.code == f"mailbox:{code}")


def test_each_mailbox_is_a_channel_with_its_red_line_findings(mailbox_a, mailbox_b, editor_a):
    with time_machine.travel("2025-12-01 10:00 +0800", tick=False):
        in_time = letter(mailbox_a, subject="三个月内答复")
        late = letter(mailbox_a, subject="超过三个月才答复")
        still_open = letter(mailbox_a, subject="一直没有答复")
        services.message_accept(message=in_time, by=editor_a)
        services.message_accept(message=late, by=editor_a)
    assert channel("civil-affairs").red_line_findings(date(2025, 1, 1), date(2026, 2, 28)) == []  # 89 days
    with time_machine.travel("2026-03-01 10:00 +0800", tick=False):  # the last day of the red line
        answer(in_time, editor_a)
    with time_machine.travel("2026-03-02 10:00 +0800", tick=False):
        answer(late, editor_a)
    box = channel("civil-affairs")
    assert box.open() and box.url == "/letters/civil-affairs/"
    findings = box.red_line_findings(date(2025, 1, 1), date(2026, 3, 3))
    assert [(f.reference, f.answered_on) for f in findings] == [
        (late.reference, date(2026, 3, 2)),
        (still_open.reference, None),
    ]
    assert findings[0].admin_url.endswith(f"/interaction/message/{late.pk}/change/")
    assert box.red_line_findings(date(2025, 12, 2), date(2026, 3, 3)) == []  # received before "since"
    assert channel("education").red_line_findings(date(2025, 1, 1), date(2026, 3, 3)) == []
    Mailbox.objects.filter(pk=mailbox_b.pk).update(is_open=False)
    assert not channel("education").open()


def test_the_mailbox_columns_date_the_newest_published_reply(mailbox_a, mailbox_b, editor_a):
    columns = {c.code: c for provider in site_inspection.column_providers().values() for c in provider()}
    assert columns["mailbox:civil-affairs"].latest is None  # blank: nothing published yet
    with time_machine.travel("2025-11-03 10:00 +0800", tick=False):
        message = letter(mailbox_a)
        services.message_accept(message=message, by=editor_a)
        answer(message, editor_a)
        services.message_publish(message=message, by=editor_a)
    columns = {c.code: c for provider in site_inspection.column_providers().values() for c in provider()}
    column = columns["mailbox:civil-affairs"]
    assert (column.kind, column.latest, column.unit_id) == (
        ColumnKind.INTERACTION,
        date(2025, 11, 3),
        mailbox_a.unit_id,
    )
    assert channel("civil-affairs").last_reply_on() == date(2025, 11, 3)
    assert columns["mailbox:education"].latest is None


def test_the_providers_answer_in_a_fixed_number_of_queries(mailbox_a, mailbox_b, django_assert_max_num_queries):
    for _ in range(3):
        letter(mailbox_a)
    provider = site_inspection.column_providers()[mailbox_inspection.CODE]
    with django_assert_max_num_queries(1):
        columns = list(provider())
    assert len([c for c in columns if c.code.startswith("mailbox:")]) == 2
    box = channel("civil-affairs")
    with django_assert_max_num_queries(1):
        box.red_line_findings(date(2025, 1, 1), date(2026, 3, 3))


def test_the_on_time_indicator_counts_late_and_overdue_unanswered_apart_from_not_yet_due(mailbox_a, editor_a, unit_a):
    indicator = next(i for i in indicators() if i.code == ON_TIME)
    with time_machine.travel("2025-09-22 10:00 +0800", tick=False):  # Monday
        on_time, late, overdue, fresh = (letter(mailbox_a) for _ in range(4))
        for message in (on_time, late, overdue):
            services.message_accept(message=message, by=editor_a)  # due Sun 28 Sep (调休)
    with time_machine.travel("2025-09-26 10:00 +0800", tick=False):
        answer(on_time, editor_a)
    with time_machine.travel("2025-10-09 10:00 +0800", tick=False):
        answer(late, editor_a)
        assert services.message_accept(message=fresh, by=editor_a)  # late to accept, still counted as accepted
        value = indicator.compute(date(2025, 9, 1), date(2025, 10, 31))[unit_a.pk]
        rows = indicator.offending(unit_a.pk, date(2025, 9, 1), date(2025, 10, 31))
    # Answered on time 1; late 1; overdue unanswered 1; the fresh one is due 16 Oct: pending.
    assert (value.numerator, value.denominator, value.pending, value.met) == (1, 3, 1, False)
    assert {r.title.split()[0] for r in rows} == {late.reference, overdue.reference}
