"""Staff see and change only their own unit; supervisors read everything, change nothing."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def change_url(unit) -> str:
    return reverse("admin:organizations_unit_change", args=[unit.pk])


def test_editor_lists_only_own_unit(client, editor_a, unit_a, unit_b):
    client.force_login(editor_a)
    page = client.get(reverse("admin:organizations_unit_changelist"))
    assert page.status_code == 200
    assert unit_a.name in page.content.decode()
    assert unit_b.name not in page.content.decode()


@pytest.mark.parametrize(
    "url_name",
    ["admin:organizations_unit_change", "admin:organizations_unit_delete", "admin:organizations_unit_history"],
)
def test_editor_gets_404_on_other_units_pages(client, editor_a, unit_b, url_name):
    client.force_login(editor_a)
    response = client.get(reverse(url_name, args=[unit_b.pk]))
    assert response.status_code == 404


def test_editor_cannot_post_changes_to_other_unit(client, editor_a, unit_b):
    client.force_login(editor_a)
    response = client.post(change_url(unit_b), {"email": "x@example.cn", "phone": "1", "address": "x"})
    assert response.status_code == 404
    unit_b.refresh_from_db()
    assert unit_b.email == ""


def test_editor_cannot_delete_other_unit(client, editor_a, unit_b):
    client.force_login(editor_a)
    response = client.post(reverse("admin:organizations_unit_delete", args=[unit_b.pk]), {"post": "yes"})
    assert response.status_code == 404
    assert type(unit_b).objects.filter(pk=unit_b.pk).exists()


def test_editor_corrects_own_contacts_but_not_the_code(client, editor_a, unit_a):
    client.force_login(editor_a)
    response = client.post(
        change_url(unit_a),
        {"email": "mzj@lushan.gov.cn", "phone": "0375-5051234", "address": "鲁山县人民路1号", "code": "hacked"},
    )
    assert response.status_code == 302
    unit_a.refresh_from_db()
    assert unit_a.email == "mzj@lushan.gov.cn"
    assert unit_a.code == "civil-affairs"
    assert unit_a.history.count() == 2


def test_editor_cannot_delete_even_own_unit(client, editor_a, unit_a):
    client.force_login(editor_a)
    response = client.get(reverse("admin:organizations_unit_delete", args=[unit_a.pk]))
    assert response.status_code == 403


def test_supervisor_reads_every_unit_but_cannot_change(client, supervisor, unit_a, unit_b):
    client.force_login(supervisor)
    page = client.get(reverse("admin:organizations_unit_changelist"))
    assert unit_a.name in page.content.decode() and unit_b.name in page.content.decode()
    assert client.get(change_url(unit_b)).status_code == 200
    client.post(change_url(unit_b), {"email": "sup@example.cn"})
    unit_b.refresh_from_db()
    assert unit_b.email == ""


def test_admin_header_is_chinese(client, superuser):
    client.force_login(superuser)
    page = client.get(reverse("admin:index"))
    assert "鲁山县政务公开平台 管理" in page.content.decode()
