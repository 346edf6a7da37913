"""Staff register and handle their unit's applications only; personal data masked for readers;
the identity image for the handling unit alone."""

from datetime import date

import pytest
import time_machine
from django.urls import reverse

from disclosure_requests.models import Application, Channel
from disclosure_requests.tests.factories import PNG, person_fields, register, submit_online

pytestmark = pytest.mark.django_db
ADD = reverse("admin:disclosure_requests_application_add")
LIST = reverse("admin:disclosure_requests_application_changelist")


def change_url(application: Application) -> str:
    return reverse("admin:disclosure_requests_application_change", args=[application.pk])


def image_url(application: Application) -> str:
    return reverse("admin:disclosure_requests_application_id_image", args=[application.pk])


def add_data(unit, **extra: object) -> dict:
    data = {
        **person_fields(),
        "unit": unit.pk,
        "channel": Channel.COUNTER,
        "arrived_on": "2025-11-17",
        "confirmed_on": "",
        "confirmation_record": "",
        "organization_kind": "",
        **extra,
    }
    for prefix in ("pauses", "extension", "fee", "reply", "reviews"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    return data


def test_an_editor_registers_a_counter_application_for_the_unit(client, editor_a, unit_a):
    client.force_login(editor_a)
    with time_machine.travel("2025-11-18 09:00 +0800"):
        response = client.post(ADD, add_data(unit_a))
    assert response.status_code == 302, response.content.decode()[:3000]
    application = Application.objects.get()
    assert (application.unit, application.registered_at_unit, application.registered_by) == (unit_a, unit_a, editor_a)
    assert application.received_on == date(2025, 11, 17) and application.due_date == date(2025, 12, 15)


def test_registration_errors_are_shown_and_nothing_is_saved(client, editor_a, unit_a):
    client.force_login(editor_a)
    data = add_data(unit_a, channel=Channel.COUNTER, confirmed_on="2025-11-18", confirmation_record="电话", phone="",
                    address="", delivery="pickup")  # fmt: skip
    with time_machine.travel("2025-11-18 09:00 +0800"):
        response = client.post(ADD, data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "当面提交和邮寄签收的申请以提交或签收之日为收到日期" in page
    assert not Application.objects.exists()


def test_the_counter_registers_for_another_unit_which_then_owns_it(client, counter_clerk, counter, unit_a, editor_b):
    client.force_login(counter_clerk)
    with time_machine.travel("2025-11-18 09:00 +0800"):
        response = client.post(ADD, add_data(unit_a))
    assert response.status_code == 302
    application = Application.objects.get()
    assert (application.unit, application.registered_at_unit) == (unit_a, counter)
    # Handed over: the counter no longer sees it; another department never did.
    client.force_login(counter_clerk)  # the session's idle clock jumped with the travel
    assert client.get(change_url(application)).status_code == 404
    client.force_login(editor_b)
    assert client.get(change_url(application)).status_code == 404
    assert list(client.get(LIST).context["cl"].result_list) == []
    with time_machine.travel("2025-11-18 09:00 +0800"):
        response = client.post(ADD, add_data(unit_a))
    assert response.status_code == 200 and Application.objects.count() == 1


def test_readers_see_personal_data_masked_and_never_the_image(client, unit_a, supervisor, editor_a):
    application = submit_online(unit_a).application
    client.force_login(supervisor)
    page = client.get(change_url(application)).content.decode()
    assert "王秀兰" not in page and "13912345678" not in page and application.id_number not in page
    assert "仅受理机关的工作人员可以查看证件图片。" in page and image_url(application) not in page
    assert client.get(image_url(application)).status_code == 403
    assert "王秀兰" not in client.get(LIST).content.decode()
    client.force_login(editor_a)
    page = client.get(change_url(application)).content.decode()
    assert "王秀兰" in page and image_url(application) in page
    response = client.get(image_url(application))
    assert response.status_code == 200 and response.content == PNG and response["Content-Type"] == "image/png"
    assert "no-store" in response["Cache-Control"]


def test_another_units_editor_cannot_fetch_the_image(client, unit_a, editor_b):
    application = submit_online(unit_a).application
    client.force_login(editor_b)
    assert client.get(image_url(application)).status_code == 404


def test_an_unconfirmed_letter_is_confirmed_in_the_admin(client, editor_a, unit_a):
    application = register(unit_a, editor_a, channel=Channel.ORDINARY_LETTER, arrived_on=date(2025, 11, 17)).application
    client.force_login(editor_a)
    page = client.get(change_url(application)).content.decode()
    assert "待确认收到日期" in page and "收到申请日期待确认" in page
    data = {**add_data(unit_a), "confirmed_on": "2025-11-19", "confirmation_record": "电话确认，经办人李某"}
    for name in ("channel", "unit", "arrived_on"):
        data.pop(name)
    with time_machine.travel("2025-11-20 09:00 +0800"):
        client.force_login(editor_a)
        response = client.post(change_url(application), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    application.refresh_from_db()
    assert (application.received_on, application.due_date) == (date(2025, 11, 19), date(2025, 12, 17))
