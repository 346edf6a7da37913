"""Staff see their own units' alerts; supervisors see all; citizens none."""

from datetime import date

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from compliance.models import Alert
from organizations.models import Unit

pytestmark = pytest.mark.django_db


def raise_alert(unit: Unit) -> Alert:
    return Alert.objects.create(
        rule_code="test.rule",
        unit=unit,
        content_type=ContentType.objects.get_for_model(Unit),
        object_id=unit.pk,
        due_date=date(2026, 1, 5),
        raised_at=timezone.now(),
    )


def test_api_lists_only_own_units_alerts(client, editor_a, unit_a, unit_b, django_assert_max_num_queries):
    mine, theirs = raise_alert(unit_a), raise_alert(unit_b)
    client.force_login(editor_a)
    client.get("/api/alerts/")  # the session's first request also checks password age and 2FA need
    # session, user, 2 permission lookups, memberships, count, page, and the idle-timeout
    # session save (savepoint, update, release)
    with django_assert_max_num_queries(10):
        body = client.get("/api/alerts/").json()
    assert [row["id"] for row in body["results"]] == [mine.pk]
    assert client.get(f"/api/alerts/{theirs.pk}/").status_code == 404


def test_supervisor_sees_all_alerts(client, supervisor, unit_a, unit_b):
    raise_alert(unit_a), raise_alert(unit_b)
    client.force_login(supervisor)
    assert client.get("/api/alerts/").json()["count"] == 2


def test_citizens_see_no_alerts(client, unit_a):
    raise_alert(unit_a)
    assert client.get("/api/alerts/").status_code == 403


def test_admin_alert_pages_are_scoped_and_read_only(client, editor_a, unit_a, unit_b):
    mine, theirs = raise_alert(unit_a), raise_alert(unit_b)
    client.force_login(editor_a)
    listing = client.get(reverse("admin:compliance_alert_changelist"))
    assert listing.status_code == 200
    assert client.get(reverse("admin:compliance_alert_change", args=[theirs.pk])).status_code == 404
    assert client.get(reverse("admin:compliance_alert_change", args=[mine.pk])).status_code == 200
    assert client.post(reverse("admin:compliance_alert_delete", args=[mine.pk]), {"post": "yes"}).status_code == 403
    assert Alert.objects.filter(pk=mine.pk).exists()


def test_admin_filters_alerts_by_the_rules_chinese_title(client, supervisor, unit_a):
    from compliance.registry import rules

    late = Alert.objects.create(
        rule_code="enforcement.publication_overdue",
        unit=unit_a,
        content_type=ContentType.objects.get_for_model(Unit),
        object_id=9001,
        raised_at=timezone.now(),
    )
    raise_alert(unit_a)  # another rule
    client.force_login(supervisor)
    url = reverse("admin:compliance_alert_changelist")
    html = client.get(url).content.decode()
    # Every registered rule is a choice, by its title; the codes appear only inside the links.
    for rule in rules():
        assert f'<a href="?rule={rule.code}">{rule.title}</a>' in html
    assert ">enforcement.publication_overdue<" not in html
    filtered = client.get(url, {"rule": "enforcement.publication_overdue"})
    assert [alert.pk for alert in filtered.context["cl"].result_list] == [late.pk]
