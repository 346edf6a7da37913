"""依申请公开 at scale: 100,000 applications over 5 years on PostgreSQL.

    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/lushan_bench \\
        .venv/bin/python benchmarks/requests_scale.py [--rows 100000 --repeat 20]

Loads the applications (and their replies and a few reviews) with COPY when missing, runs
ANALYZE, then times, through the Django test client as an editor of one unit and as a verified
supervisor: the staff list (the admin changelist when the admin is registered, and the staff
API), the due-soon list (API and the daily reminder's query), and the year's figures (tables
三 and 四) for the county and for every unit: median, 95th percentile and the number of queries.
"""

import argparse
import random
import time
from datetime import timedelta

from harness import analyze, arguments, copy_rows, report, setup_django

OPEN_SHARE_OLD = 0.002  # applications of past years still open (carried over, late)
LATE_SHARE = 0.03  # answered after their due date


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--rows", type=int, default=100_000, help="applications")
    parser.add_argument("--repeat", type=int, default=20, help="timed runs per figure")


def load(rows: int) -> None:
    from django.db import connection
    from django.utils import timezone

    from disclosure_requests.annual import COLUMNS, OUTCOME_CELLS
    from disclosure_requests.models import Application
    from disclosure_requests.rules import reply_due
    from lushan_portal.crypto import encrypt
    from organizations.models import Unit
    from organizations.seed import seed_units

    if Application.objects.count() >= rows:
        print(f"{rows:,} applications already loaded")
        return
    seed_units()
    with connection.cursor() as cursor:
        cursor.execute(
            "TRUNCATE disclosure_requests_application, disclosure_requests_reply, disclosure_requests_review,"
            " disclosure_requests_pause, compliance_alert RESTART IDENTITY CASCADE"
        )
    units = list(Unit.objects.values_list("id", flat=True))
    counter = Unit.objects.filter(code="approval-service").values_list("id", flat=True).first()
    today = timezone.localdate()
    days = [today - timedelta(days=offset) for offset in range(5 * 365)]
    due = {day: reply_due(day) for day in days}
    names = [encrypt(f"申请人{n}") for n in range(50)]
    phones = [encrypt(f"139{n:08d}") for n in range(50)]
    rng = random.Random(2026)
    now = timezone.now().isoformat()
    app_columns = [
        "unit_id", "registered_at_unit_id", "channel", "arrived_on", "received_on", "reference", "query_code_hash",
        "applicant_type", "organization_kind", "name", "id_type", "id_number", "id_number_hash", "id_image",
        "credit_code", "agent_name", "agent_id_number", "phone", "address", "postcode", "email", "applicant_hash",
        "description", "document_number", "other_features", "form_wanted", "delivery", "status", "due_date",
        "due_explanation", "reasonable_deadline_reason", "on_the_spot", "withdrawal_reason", "closed_on",
        "confirmation_record", "created_at", "updated_at",
    ]  # fmt: skip
    started = time.perf_counter()
    app_rows, closed = [], []
    for n in range(rows):
        received = days[rng.randrange(len(days))]
        column = COLUMNS[0] if rng.random() < 0.7 else COLUMNS[rng.randrange(1, len(COLUMNS))]
        at_counter = rng.random() < 0.2
        late = rng.random() < LATE_SHARE
        answered = (
            due[received] + timedelta(days=rng.randrange(1, 20))
            if late
            else received + timedelta(days=rng.randrange(0, 25))
        )
        if answered > today or rng.random() < OPEN_SHARE_OLD:
            answered = None
        on_the_spot = at_counter and answered == received
        app_rows.append([
            rng.choice(units), counter if at_counter else "\\N", "counter" if at_counter else "online", received,
            received, f"SQ{received:%Y%m%d}{n + 1:06d}", "", "natural_person" if column == COLUMNS[0] else
            "organization", "" if column == COLUMNS[0] else column, names[n % 50], "", "", "", "", "", "", "",
            phones[n % 50], "", "", "", "", f"第{n}号 关于某某事项的政府信息", "", "", "paper", "post",
            "replied" if answered else "processing", due[received], "", "", "t" if on_the_spot else "f", "",
            answered or "\\N", "", now, now,
        ])  # fmt: skip
        if answered:
            closed.append((n + 1, answered))
    assert all(len(row) == len(app_columns) for row in app_rows[:1])
    copy_rows("disclosure_requests_application", app_columns, app_rows)
    cells = [(kind, reason) for _code, kind, reason in OUTCOME_CELLS]
    weights = [40 if kind in ("disclosed", "partial") else 2 for kind, _reason in cells]
    replies = [
        [pk, *rng.choices(cells, weights)[0], answered, "", 60, "", 6, "", "", "", "", "", "", "draft", "", now, now]
        for pk, answered in closed
    ]
    reply_columns = [
        "application_id", "kind", "reason", "replied_on", "legal_ground", "reconsideration_days",
        "reconsideration_body", "litigation_months", "litigation_court", "right_agency", "disclosed_url",
        "letter_text", "letter_document", "sent_route", "sent_status", "tracking_number", "created_at", "updated_at",
    ]  # fmt: skip
    copy_rows("disclosure_requests_reply", reply_columns, replies)
    reviews = [
        [pk, rng.choice(["reconsideration", "litigation_direct", "litigation_after_review"]), "",
         answered + timedelta(days=20), rng.choice(["upheld", "corrected", "other", "pending"]), "", now]
        for pk, answered in rng.sample(closed, min(len(closed), rows // 200))
    ]  # fmt: skip
    review_columns = ["application_id", "kind", "body", "filed_on", "outcome", "note", "created_at"]
    copy_rows("disclosure_requests_review", review_columns, reviews)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE disclosure_requests_application")
    print(f"loaded {rows:,} applications, {len(replies):,} replies in {time.perf_counter() - started:.1f} s")


def verified_client(user):
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client = Client()
    client.force_login(user)
    device, _ = TOTPDevice.objects.get_or_create(user=user, name="基准测试", defaults={"confirmed": True})
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def staff_clients():
    from django.contrib.auth import get_user_model

    from disclosure_requests.models import Application
    from organizations.models import Role, Unit
    from organizations.services import membership_grant, supervisor_grant

    users = get_user_model()
    busiest = Unit.objects.get(pk=Application.objects.values("unit").order_by("unit").first()["unit"])
    editor, _ = users.objects.get_or_create(username="bench-requests-editor", defaults={"is_staff": True})
    membership_grant(user=editor, unit=busiest, role=Role.EDITOR)  # with the role's permissions
    supervisor, _ = users.objects.get_or_create(username="bench-requests-supervisor", defaults={"is_staff": True})
    supervisor_grant(user=supervisor)
    return {"editor": verified_client(editor), "supervisor": verified_client(supervisor)}, busiest


def bench(repeat: int) -> None:
    from django.urls import NoReverseMatch, reverse
    from django.utils import timezone

    from disclosure_requests.annual import annual_figures, annual_figures_by_unit
    from disclosure_requests.deadlines import reply_due_soon
    from disclosure_requests.rules import REPLY_REMINDER_WORKING_DAYS
    from workdays import add_working_days

    clients, unit = staff_clients()
    today = timezone.localdate()
    soon = add_working_days(today, REPLY_REMINDER_WORKING_DAYS)
    api = "/api/disclosure-requests/"
    pages = {}
    try:
        changelist = reverse("admin:disclosure_requests_application_changelist")
        pages["admin changelist"] = changelist
        pages["admin changelist, open"] = f"{changelist}?closed_on__isnull=True"
    except NoReverseMatch:
        print("admin changelist: the application admin is not registered in this tree; the staff API stands for it")
    pages["staff API list"] = api
    pages["staff API, last page"] = f"{api}?page=last"
    pages["due-soon list (API)"] = f"{api}?open=true&due_before={soon}&ordering=due_date"
    print(f"\nstaff of {unit.name}; due soon: by {soon}")
    for who, client in clients.items():
        for label, url in pages.items():
            response = client.get(url)
            assert response.status_code == 200, (who, label, response.status_code)
            report(f"{label}, {who}", lambda client=client, url=url: client.get(url), repeat=repeat, width=40)
    report("due-soon reminder query (scan)", lambda: list(reply_due_soon(today)), repeat=repeat, width=40)
    for year in (today.year - 1, today.year):
        report(f"tables 三/四 {year}, county", lambda year=year: annual_figures(year), repeat=repeat, width=40)
        report(f"tables 三/四 {year}, every unit", lambda year=year: annual_figures_by_unit(year), repeat=repeat,
               width=40)  # fmt: skip
        report(f"tables 三/四 {year}, one unit", lambda year=year: annual_figures(year, unit.pk), repeat=repeat,
               width=40)  # fmt: skip


def main() -> None:
    args = arguments(__doc__, add_arguments)
    setup_django()
    load(args.rows)
    analyze()
    bench(args.repeat)


if __name__ == "__main__":
    main()
