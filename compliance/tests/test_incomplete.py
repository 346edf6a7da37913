"""Records with unknown fields, counted per unit from whatever the apps register: dashboard, page, command."""

from datetime import date
from io import StringIO
from itertools import count

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from compliance.models import Alert
from compliance.registry import IncompleteRecords, incomplete_kinds, register_incomplete, unregister_incomplete
from organizations.models import Unit

pytestmark = pytest.mark.django_db

# Alerts without a due date stand in for a domain app's records with an unknown date.
KIND = IncompleteRecords(
    code="test.undated",
    title="测试记录",
    records=lambda: Alert.objects.filter(due_date=None),
    missing=lambda alert: ["截止日期不详"],
)


@pytest.fixture(autouse=True)
def registered():
    register_incomplete(KIND)
    yield
    unregister_incomplete(KIND.code)


RECORD_IDS = count(1)


def raise_alert(unit: Unit, due_date: date | None = date(2026, 1, 5)) -> Alert:
    return Alert.objects.create(
        rule_code="test.rule",
        unit=unit,
        content_type=ContentType.objects.get_for_model(Unit),
        object_id=next(RECORD_IDS),
        due_date=due_date,
        raised_at=timezone.now(),
    )


def undated(unit: Unit) -> Alert:
    return raise_alert(unit, due_date=None)


def test_the_dashboard_counts_each_units_incomplete_records(client, supervisor, unit_a, unit_b):
    undated(unit_a), undated(unit_a), raise_alert(unit_b)
    client.force_login(supervisor)
    html = client.get(reverse("compliance:dashboard")).content.decode()
    assert "信息不全的记录" in html
    page = client.get(reverse("compliance:incomplete")).content.decode()
    assert unit_a.display_name in page and unit_b.display_name not in page
    link = reverse("compliance:incomplete_unit", args=[KIND.code, unit_a.code])
    assert f'href="{link}">2<' in page
    detail = client.get(link).content.decode()
    assert detail.count("截止日期不详") == 2


def test_the_matrix_export_carries_the_count(client, supervisor, unit_a):
    undated(unit_a)
    client.force_login(supervisor)
    rows = client.get(reverse("compliance:dashboard") + "?format=json").json()
    assert next(row for row in rows if row["单位"] == unit_a.name)["信息不全的记录"] == "1"


def test_staff_see_only_their_own_units(client, editor_a, unit_a, unit_b):
    undated(unit_a), undated(unit_b)
    client.force_login(editor_a)
    page = client.get(reverse("compliance:incomplete")).content.decode()
    assert unit_a.display_name in page and unit_b.display_name not in page
    theirs = reverse("compliance:incomplete_unit", args=[KIND.code, unit_b.code])
    assert client.get(theirs).status_code == 403
    assert client.get(reverse("compliance:incomplete_unit", args=["no.such", unit_a.code])).status_code == 404


def test_citizens_are_sent_to_log_in(client, unit_a):
    assert client.get(reverse("compliance:incomplete")).status_code == 302


def test_the_page_stays_constant_in_queries(client, supervisor, unit_a, unit_b, django_assert_max_num_queries):
    client.force_login(supervisor)
    client.get(reverse("compliance:incomplete"))
    undated(unit_a)
    # session, user, memberships… plus one aggregate per registered kind and one for the units
    with django_assert_max_num_queries(10 + len(incomplete_kinds())) as few:
        client.get(reverse("compliance:incomplete"))
    for _ in range(5):
        undated(unit_a), undated(unit_b)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("compliance:incomplete"))


def test_the_command_lists_units_and_records(unit_a, unit_b):
    undated(unit_a), raise_alert(unit_b)
    out = StringIO()
    call_command("report_incomplete", "--records", stdout=out)
    text = out.getvalue()
    assert f"{unit_a.name}（{unit_a.code}）：测试记录 1 条；合计 1 条" in text
    assert "截止日期不详" in text and unit_b.name not in text
    out = StringIO()
    call_command("report_incomplete", "--unit", unit_b.code, stdout=out)
    assert out.getvalue().strip() == "没有信息不全的记录。"
    with pytest.raises(CommandError, match="没有代码为 nowhere 的单位"):
        call_command("report_incomplete", "--unit", "nowhere")
