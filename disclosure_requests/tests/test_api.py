"""/api/disclosure-requests/: staff only, scoped to their units, the second factor as in the admin,
personal data masked for readers outside the handling unit unless revealed with a reason."""

import time
from datetime import date

import pytest
from django.test import Client

from accounts.middleware import API_TWO_FACTOR_REQUIRED
from conftest import make_user
from disclosure_requests.tests.records import stored
from lushan_portal.personal_data import SESSION_KEY

pytestmark = pytest.mark.django_db

API = "/api/disclosure-requests/"
PHONE = "13912345678"
d = date.fromisoformat


@pytest.fixture
def application(unit_a):
    application = stored(unit_a, d("2025-11-03"), due=d("2025-12-01"))
    application.phone = PHONE
    application.description = f"本村低保名单，联系电话{PHONE}"
    application.save()
    return application


def test_anonymous_and_non_staff_callers_get_nothing(application, django_user_model):
    anonymous = Client()
    assert anonymous.get(API).status_code in (401, 403)
    assert anonymous.get(f"{API}{application.pk}/").status_code in (401, 403)
    citizen = Client()
    citizen.force_login(make_user(django_user_model, "citizen"))
    assert citizen.get(API).status_code == 403


def test_another_units_staff_see_no_application(client, editor_b, application):
    client.force_login(editor_b)
    assert client.get(API).json()["results"] == []
    assert client.get(f"{API}{application.pk}/").status_code == 404


def test_the_handling_units_editor_reads_it_in_clear_and_cannot_write(client, editor_a, application):
    client.force_login(editor_a)
    row = client.get(f"{API}{application.pk}/").json()
    assert row["name"] == "王秀兰" and row["phone"] == PHONE and row["personal_data_masked"] is False
    assert row["unit"] == "civil-affairs" and row["due_date"] == "2025-12-01" and row["reply"] is None
    assert client.post(API, {"description": "x"}).status_code == 405
    assert client.delete(f"{API}{application.pk}/").status_code == 405


def test_a_supervisor_reads_every_unit_masked_until_revealed_with_a_reason(client, supervisor, application):
    client.force_login(supervisor)
    row = client.get(API).json()["results"][0]
    assert row["personal_data_masked"] is True
    assert row["name"] == "王**" and row["phone"] == "139******78" and PHONE not in row["description"]
    session = client.session  # what the admin's reveal page grants, with the reason in the audit log
    session[SESSION_KEY] = {f"disclosure_requests.application:{application.pk}": time.time() + 600}
    session.save()
    row = client.get(f"{API}{application.pk}/").json()
    assert row["personal_data_masked"] is False and row["phone"] == PHONE


def test_a_supervisor_without_the_second_factor_gets_403(supervisor, application):
    session = Client()
    session.force_login(supervisor)  # password only
    response = session.get(API)
    assert response.status_code == 403 and response.json() == {"detail": API_TWO_FACTOR_REQUIRED}


def test_the_due_soon_list_in_a_bounded_number_of_queries(client, editor_a, unit_a, django_assert_max_num_queries):
    client.force_login(editor_a)
    for n in range(12):
        stored(unit_a, d("2025-11-03"), due=d(f"2025-12-{n + 1:02d}"))
    stored(unit_a, d("2025-11-03"), due=d("2025-12-02"), closed=d("2025-11-20"))
    url = f"{API}?open=true&due_before=2025-12-05&ordering=due_date"
    client.get(url)  # the session's first request settles the second-factor check
    # session, user, permissions (2), memberships, count, rows, pauses, session touch (3): not per row
    with django_assert_max_num_queries(11):
        rows = client.get(url).json()["results"]
    assert [row["due_date"] for row in rows] == ["2025-12-01", "2025-12-02", "2025-12-03", "2025-12-04", "2025-12-05"]
    with django_assert_max_num_queries(11):
        assert client.get(API).json()["count"] == 13
