from datetime import date, timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail

from compliance.models import Alert
from compliance.registry import rule
from compliance.scans import deadline_rule_scan
from inspection.deadlines import FINDING_OPEN
from inspection.models import Finding
from inspection.notifications import digests_send
from inspection.services import inspection_run
from inspection.tests.conftest import working_channel
from lushan_portal.site_inspection import ColumnKind, SiteColumn, register_channel, register_columns

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("registry_only_fakes")]
TODAY = date(2026, 10, 15)


@pytest.fixture
def columns(unit_a, unit_b):
    state = {"a": None, "b": None}

    def provider():
        return [
            SiteColumn(f"col-{name}", f"{unit.name}栏目", f"/{name}/", ColumnKind.OTHER, state[name], unit_id=unit.pk,
                       admin_url=f"/admin/{name}/")
            for name, unit in (("a", unit_a), ("b", unit_b))
        ]  # fmt: skip

    register_columns("fake", provider)
    register_channel(working_channel([], last_reply=TODAY))
    return state


def test_a_finding_is_an_alert_until_it_is_fixed(columns, unit_a):
    inspection_run(today=TODAY)
    finding = Finding.objects.get(key="blank:col-a")
    assert finding.unit == unit_a and finding.resolved_at is None
    deadline_rule_scan(rule=rule(FINDING_OPEN), today=TODAY)
    finding_type = ContentType.objects.get_for_model(Finding)
    assert Alert.objects.filter(content_type=finding_type, object_id=finding.pk, resolved_at=None).exists()

    inspection_run(today=TODAY)  # a rerun opens nothing twice
    assert Finding.objects.filter(key="blank:col-a").count() == 1

    columns["a"] = TODAY  # the unit publishes
    inspection_run(today=TODAY + timedelta(days=1))
    finding.refresh_from_db()
    assert finding.resolved_at is not None
    deadline_rule_scan(rule=rule(FINDING_OPEN), today=TODAY)
    assert not Alert.objects.filter(content_type=finding_type, object_id=finding.pk, resolved_at=None).exists()


def test_supervisors_see_the_verdict_with_its_vetoing_item_and_every_unit(columns, supervisor, client):
    inspection_run(today=TODAY)
    client.force_login(supervisor)
    html = client.get("/dashboard/inspection/").content.decode()
    assert "不合格" in html and "否决项" in html
    assert "鲁山县民政局" in html and "鲁山县教育体育局" in html
    assert "/dashboard/inspection/" in client.get("/dashboard/").content.decode()


def test_a_units_staff_see_their_own_findings_only(columns, editor_a, unit_b, client):
    inspection_run(today=TODAY)
    client.force_login(editor_a)
    html = client.get("/dashboard/inspection/").content.decode()
    assert "鲁山县民政局栏目" in html and "/admin/a/" in html
    assert "鲁山县教育体育局" not in html
    assert client.get(f"/dashboard/inspection/?unit={unit_b.code}").status_code == 403
    assert "鲁山县教育体育局" not in client.get("/dashboard/inspection/?unit=county").content.decode()


def test_anonymous_visitors_are_sent_to_log_in_and_staff_without_a_unit_refused(columns, django_user_model, client):
    assert client.get("/dashboard/inspection/").status_code == 302
    client.force_login(django_user_model.objects.create_user("nobody", password="pw-Test-2026"))
    assert client.get("/dashboard/inspection/").status_code == 403


def test_the_page_is_constant_in_queries(columns, supervisor, django_assert_max_num_queries, client):
    from organizations.models import Unit

    client.force_login(supervisor)
    inspection_run(today=TODAY)
    with django_assert_max_num_queries(16):
        client.get("/dashboard/inspection/?unit=civil-affairs")
    for index in range(30):
        unit = Unit.objects.create(code=f"u{index}", name=f"单位{index}", kind="township")
        Finding.objects.create(key=f"k{index}", kind="columns", unit=unit, title="t", opened_at=unit_timestamp())
    with django_assert_max_num_queries(16):
        client.get("/dashboard/inspection/?unit=civil-affairs")


def unit_timestamp():
    from django.utils import timezone

    return timezone.now()


def test_the_weekly_digest_goes_once_to_each_owner_with_its_new_findings(columns, unit_a, unit_b):
    unit_a.email, unit_b.email = "a@example.gov.cn", ""
    unit_a.save()
    unit_b.save()
    inspection_run(today=TODAY)
    assert digests_send() == 1
    assert mail.outbox[0].to == ["a@example.gov.cn"] and "鲁山县民政局栏目" in mail.outbox[0].body
    assert digests_send() == 0  # once a week


def test_the_api_lists_a_units_own_findings_and_refuses_another_units(columns, editor_a, unit_b, client):
    inspection_run(today=TODAY)
    other = Finding.objects.get(unit=unit_b)
    client.force_login(editor_a)
    listed = client.get("/api/inspection-findings/?open=true").json()
    rows = listed["results"] if isinstance(listed, dict) else listed
    assert {row["unit"] for row in rows} == {"civil-affairs"}
    assert client.get(f"/api/inspection-findings/{other.pk}/").status_code == 404


def test_the_trend_shows_each_weeks_last_run(columns):
    from inspection.selectors import weekly_trend

    for day in (date(2026, 10, 5), date(2026, 10, 7), date(2026, 10, 12)):  # Mon, Wed; next Monday
        inspection_run(today=day)
    points = weekly_trend(date(2026, 10, 15))
    assert [(p.week, p.day) for p in points] == [("2026-W41", date(2026, 10, 7)), ("2026-W42", date(2026, 10, 12))]
