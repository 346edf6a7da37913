"""指南 in the admin: the unit's editor compiles and submits, the unit's reviewer publishes; staff of
other units see nothing of it, supervisors read it and cannot review it."""

import pytest
from django.urls import reverse

from audit.models import AuditEvent
from organizations.models import Role
from organizations.services import membership_grant
from xxgk.models import Guide, GuideStatus

pytestmark = pytest.mark.django_db

ADD = reverse("admin:xxgk_guide_add")
FIELDS = {
    "office_name": "鲁山县民政局办公室",
    "address": "鲁山县人民路1号",
    "office_hours": "工作日 8:30-12:00",
    "phone": "0375-5050000",
    "fax": "",
    "email": "mzj@example.gov.cn",
    "postcode": "467300",
    "application_notes": "",
    "fees_rule": "不收费。",
    "remedies": "可依法申请行政复议或者提起行政诉讼。",
    "reviews-TOTAL_FORMS": "0",
    "reviews-INITIAL_FORMS": "0",
}


def url(name: str, guide: Guide) -> str:
    return reverse(f"admin:xxgk_guide_{name}", args=[guide.pk])


@pytest.fixture
def reviewer_b(django_user_model, unit_b):
    user = django_user_model.objects.create_user("reviewer-b")
    membership_grant(user=user, unit=unit_b, role=Role.REVIEWER)
    return user


@pytest.fixture
def submitted(client, editor_a, unit_a) -> Guide:
    client.force_login(editor_a)
    assert client.post(ADD, {"unit": unit_a.pk}).status_code == 302
    guide = Guide.objects.get(unit=unit_a)
    assert client.post(url("change", guide), FIELDS).status_code == 302
    assert client.post(url("submit", guide)).status_code == 302
    client.logout()
    guide.refresh_from_db()
    assert (guide.status, guide.phone) == (GuideStatus.SUBMITTED, "0375-5050000")
    return guide


def test_a_bad_field_comes_back_with_its_message_and_nothing_saved(client, editor_a, unit_a):
    client.force_login(editor_a)
    client.post(ADD, {"unit": unit_a.pk})
    guide = Guide.objects.get(unit=unit_a)
    page = client.post(url("change", guide), FIELDS | {"postcode": "46", "phone": "1"})
    assert page.status_code == 200 and "邮政编码应为 6 位数字。" in page.content.decode()
    guide.refresh_from_db()
    assert guide.phone == ""


def test_the_units_reviewer_publishes_with_an_audit_row(client, reviewer_a, submitted):
    client.force_login(reviewer_a)
    assert "审核" in client.get(url("change", submitted)).content.decode()
    assert client.post(url("review", submitted), {"approve": "1", "comment": ""}).status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == GuideStatus.PUBLISHED
    assert AuditEvent.objects.filter(detail="审核通过并发布", object_repr__contains="政府信息公开指南").exists()


def test_a_return_without_comment_is_refused_on_the_page(client, reviewer_a, submitted):
    client.force_login(reviewer_a)
    page = client.post(url("review", submitted), {"return": "1", "comment": ""})
    assert page.status_code == 200 and "退回必须填写审核意见。" in page.content.decode()
    submitted.refresh_from_db()
    assert submitted.status == GuideStatus.SUBMITTED


def test_staff_of_another_unit_see_nothing(client, editor_b, reviewer_b, submitted):
    for outsider in (editor_b, reviewer_b):
        client.force_login(outsider)
        assert str(submitted.unit) not in client.get(reverse("admin:xxgk_guide_changelist")).content.decode()
        for name in ("change", "review", "history"):
            assert client.get(url(name, submitted)).status_code == 404, name
        for name in ("submit", "review", "new-version"):
            assert client.post(url(name, submitted), {"approve": "1"}).status_code == 404, name
    submitted.refresh_from_db()
    assert submitted.status == GuideStatus.SUBMITTED


def test_a_supervisor_reads_but_cannot_review_or_edit(client, supervisor, submitted):
    client.force_login(supervisor)
    assert client.get(url("change", submitted)).status_code == 200
    assert client.get(url("review", submitted)).status_code == 403
    assert client.post(url("review", submitted), {"approve": "1"}).status_code == 403
    assert client.post(url("new-version", submitted)).status_code == 302  # refused with a message
    assert Guide.objects.count() == 1


def test_a_published_guide_is_read_only_and_changes_through_a_new_version(client, editor_a, reviewer_a, submitted):
    client.force_login(reviewer_a)
    client.post(url("review", submitted), {"approve": "1", "comment": ""})
    client.force_login(editor_a)
    assert client.post(url("change", submitted), FIELDS | {"phone": "110"}).status_code == 403
    assert client.post(url("new-version", submitted)).status_code == 302
    draft = Guide.objects.get(unit=submitted.unit, status=GuideStatus.DRAFT)
    assert (draft.version, draft.phone) == (2, "0375-5050000")
    assert client.post(url("delete", draft), {"post": "yes"}).status_code == 403
