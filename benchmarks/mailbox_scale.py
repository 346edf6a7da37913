"""The public mailbox at scale: 200,000 letters over three years on PostgreSQL.

    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/lushan_bench \\
        .venv/bin/python benchmarks/mailbox_scale.py [--rows 200000 --repeat 20]

Loads the mailboxes and their letters with COPY when missing (two in five to the county head, one
in five to the consultation box, the rest to the units; most answered, some late, some referred,
a few never answered; half of the answered published), runs ANALYZE, then times the busiest
mailbox's page rendered afresh (letters, monthly statistics), a deep page and a search, the
statistics alone, the status look-up, the staff API, the red-line scan, the on-time indicator for
a year and the self-inspection's providers: median, 95th percentile and the number of queries.
"""

import argparse
import random
import time
from datetime import datetime, timedelta
from datetime import time as dtime

from harness import analyze, arguments, copy_rows, report, setup_django

LATE_SHARE = 0.05  # answered after the reply due date
REFERRED_SHARE = 0.15
NEVER_ANSWERED_SHARE = 0.003  # valid letters left unanswered (past the red line once 3 months old)
INVALID_SHARE = 0.02
CONSENT_SHARE = 0.6


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--rows", type=int, default=200_000, help="letters")
    parser.add_argument("--repeat", type=int, default=20, help="timed runs per figure")


def load(rows: int) -> None:
    from django.db import connection
    from django.utils import timezone

    from interaction import rules
    from interaction.mailbox_setup import CONSULTATION_CODE, COUNTY_HEAD_CODE, mailboxes_seed
    from interaction.models import Mailbox, Message
    from lushan_portal.crypto import encrypt
    from organizations.seed import seed_units
    from workdays import working_days_between

    if Message.objects.count() >= rows:
        print(f"{rows:,} letters already loaded")
        return
    seed_units()
    mailboxes_seed()
    with connection.cursor() as cursor:
        cursor.execute(
            "TRUNCATE interaction_message, interaction_referral, interaction_reply, compliance_alert"
            " RESTART IDENTITY CASCADE"
        )
    boxes = {box.code: (box.pk, box.unit_id) for box in Mailbox.objects.all()}
    unit_boxes = [code for code in boxes if code not in (COUNTY_HEAD_CODE, CONSULTATION_CODE)]
    units = [unit for _pk, unit in boxes.values()]
    today = timezone.localdate()
    days = [today - timedelta(days=offset) for offset in range(3 * 365)]
    accept_due = {day: rules.accept_due(day) for day in days}
    reply_due = {day: rules.reply_due(day) for day in days}
    red_line = {day: rules.red_line_on(day) for day in days}
    names = [encrypt(f"留言人{n}") for n in range(50)]
    phones = [encrypt(f"138{n:08d}") for n in range(50)]
    topics = ["停车", "低保", "高龄津贴", "学校", "医保", "道路", "供暖", "拆迁", "就业", "农机补贴"]
    rng = random.Random(2026)
    now = timezone.now()
    columns = [
        "mailbox_id", "reference", "query_code_hash", "category", "subject", "body", "name", "contact",
        "consent_publication", "received_at", "received_on", "first_unit_id", "unit_id", "status", "assigned_on",
        "accept_due", "accepted_on", "reply_started_on", "reply_due", "extended", "extension_reason",
        "progress_note", "red_line_on", "first_answered_on", "first_answer_on_time", "referred",
        "answer_working_days", "answered_on", "reopened_count", "invalid_reason", "published_at",
        "public_subject", "public_body", "public_answer", "public_answered_on", "withdrawn_at", "withdrawal_reason",
        "contact_erased_at",
    ]  # fmt: skip
    started = time.perf_counter()
    batch: list[list[object]] = []
    for n in range(rows):
        draw = rng.random()
        code = COUNTY_HEAD_CODE if draw < 0.4 else CONSULTATION_CODE if draw < 0.6 else rng.choice(unit_boxes)
        box, owner = boxes[code]
        received = days[rng.randrange(len(days))]
        referred = rng.random() < REFERRED_SHARE
        unit = rng.choice(units) if referred else owner
        topic = topics[n % len(topics)]
        subject = f"关于{topic}问题的反映（{n}）"
        body = f"我想反映{topic}方面的问题，第{n}号留言，请相关部门核实处理。"
        status, accepted, due, answered, on_time, days_taken = "received", None, None, None, None, None
        if rng.random() < INVALID_SHARE:
            status = "invalid"
        elif rng.random() >= NEVER_ANSWERED_SHARE:
            accepted = min(accept_due[received], today)
            due = reply_due.get(accepted) or rules.reply_due(accepted)
            late = rng.random() < LATE_SHARE
            answered = (
                due + timedelta(days=rng.randrange(1, 30)) if late else accepted + timedelta(days=rng.randrange(5))
            )
            if answered > today:
                answered, status = None, "accepted"
            else:
                status, on_time = "answered", answered <= due
                days_taken = working_days_between(received, answered)
        published = answered is not None and rng.random() < CONSENT_SHARE * 0.8
        published_at = timezone.make_aware(datetime.combine(answered, dtime(10))) if published else None
        batch.append([
            box, f"LY{received:%Y%m%d}{n + 1:06d}", "", "consult", subject, body, names[n % 50], phones[n % 50],
            "t" if published or rng.random() < CONSENT_SHARE else "f", now.isoformat(), received, owner, unit,
            status, received, accept_due[received], accepted or "\\N", accepted or "\\N", due or "\\N", "f", "", "",
            red_line[received], answered or "\\N", "\\N" if on_time is None else ("t" if on_time else "f"),
            "t" if referred else "f", "\\N" if days_taken is None else days_taken, answered or "\\N", 0,
            "广告" if status == "invalid" else "", published_at.isoformat() if published_at else "\\N",
            subject if published else "", body if published else "",
            f"您反映的{topic}问题已转有关部门核实处理。" if published else "", answered if published else "\\N",
            "\\N", "", "\\N",
        ])  # fmt: skip
        if len(batch) == 20_000:
            copy_rows("interaction_message", columns, batch)
            batch = []
    if batch:
        copy_rows("interaction_message", columns, batch)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE interaction_message")
    print(f"loaded {rows:,} letters in {time.perf_counter() - started:.1f} s")


def staff_clients():
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from interaction.mailbox_setup import COUNTY_HEAD_CODE
    from interaction.models import Mailbox
    from organizations.models import Role
    from organizations.services import membership_grant, supervisor_grant

    users = get_user_model()
    office = Mailbox.objects.get(code=COUNTY_HEAD_CODE).unit
    editor, _ = users.objects.get_or_create(username="bench-mailbox-editor", defaults={"is_staff": True})
    membership_grant(user=editor, unit=office, role=Role.EDITOR)
    supervisor, _ = users.objects.get_or_create(username="bench-mailbox-supervisor", defaults={"is_staff": True})
    supervisor_grant(user=supervisor)
    clients = {}
    for who, user in (("editor", editor), ("supervisor", supervisor)):
        client = Client()
        client.force_login(user)
        device, _ = TOTPDevice.objects.get_or_create(user=user, name="基准测试", defaults={"confirmed": True})
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
        clients[who] = client
    return clients


def bench(repeat: int) -> None:
    from django.test import Client
    from django.utils import timezone

    from interaction.mailbox_deadlines import red_line_passed, reply_overdue
    from interaction.mailbox_indicators import compute
    from interaction.mailbox_inspection import channels, columns
    from interaction.mailbox_intake import message_lookup
    from interaction.mailbox_selectors import monthly_statistics
    from interaction.mailbox_setup import COUNTY_HEAD_CODE
    from interaction.models import Mailbox, Message

    today = timezone.localdate()
    box = Mailbox.objects.get(code=COUNTY_HEAD_CODE)
    print(f"\n{box.name}: {Message.objects.filter(mailbox=box).count():,} letters, "
          f"{Message.objects.filter(mailbox=box, published_at__isnull=False).count():,} published")  # fmt: skip
    visitor = Client()
    url = box.get_absolute_url()
    for label, page in (("mailbox page", url), ("mailbox page 50", f"{url}?page=50"), ("search 停车", f"{url}?q=停车"),
                        ("search, nothing found", f"{url}?q=没有的词")):  # fmt: skip
        assert visitor.get(page).status_code == 200, label
        report(label, lambda page=page: visitor.get(page), repeat=repeat, width=40)
    report("monthly statistics alone", lambda: monthly_statistics(box, today), repeat=repeat, width=40)
    reference = Message.objects.filter(mailbox=box).values_list("reference", flat=True).first()
    report("status look-up (wrong code)", lambda: message_lookup(reference=reference, code="X", client=None),
           repeat=repeat, width=40)  # fmt: skip
    for who, client in staff_clients().items():
        report(f"staff API list, {who}", lambda client=client: client.get("/api/letters/"), repeat=repeat, width=40)
    report("reply-overdue scan query", lambda: list(reply_overdue(today).values_list("pk", flat=True)), repeat=repeat,
           width=40)  # fmt: skip
    report("red-line scan query", lambda: list(red_line_passed(today).values_list("pk", flat=True)), repeat=repeat,
           width=40)  # fmt: skip
    year = today.replace(month=1, day=1)
    report("on-time indicator, this year", lambda: compute(year, today), repeat=repeat, width=40)
    report("inspection: columns", lambda: list(columns()), repeat=repeat, width=40)
    county_head = next(c for c in channels() if c.code == f"mailbox:{COUNTY_HEAD_CODE}")
    since = today - timedelta(days=365)
    report("inspection: red line, county head", lambda: county_head.red_line_findings(since, today), repeat=repeat,
           width=40)  # fmt: skip


def main() -> None:
    args = arguments(__doc__, add_arguments)
    setup_django()
    load(args.rows)
    analyze()
    bench(args.repeat)


if __name__ == "__main__":
    main()
