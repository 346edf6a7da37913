"""Every kind of event the baseline asks for leaves an audit row."""

import io

import pytest
import time_machine
from axes.models import AccessAttempt
from django.urls import reverse
from openpyxl import Workbook

from accounts.roles import SECURITY, admin_role_grant
from audit.models import AuditEvent, Event
from enforcement.models import Decision
from enforcement.tests.factories import make_decision
from publication_review.testing import reviewed

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def october_2025():
    with time_machine.travel("2025-10-20 10:00 +0800", tick=False):
        yield


def penalty_file() -> io.BytesIO:
    book = Workbook()
    book.active.append(["类型", "行政相对人名称", "行政相对人类别", "行政处罚决定书文号", "处罚类别", "处罚决定日期"])
    book.active.append(["行政处罚", "鲁山县某公司", "法人", "鲁审计罚1号", "警告", "2025-10-09"])
    buffer = io.BytesIO()
    book.save(buffer)
    buffer.seek(0)
    buffer.name = "d.xlsx"
    return buffer


def test_each_event_type_is_recorded(client, editor_a, supervisor, unit_a, django_user_model):
    editor_a.set_password("Right#Pass1")
    editor_a.save()
    # login, login_failed, lockout
    for _ in range(5):
        client.post(reverse("admin:login"), {"username": "nobody", "password": "x"})
    client.post(reverse("admin:login"), {"username": "editor-a", "password": "Right#Pass1"})
    client.force_login(editor_a)
    # create, change (admin), publish, withdraw (services through the admin), import
    draft = reviewed(make_decision(unit_a))
    client.post(reverse("admin:enforcement_decision_publish", args=[draft.pk]), {"use_review": "1"})
    client.post(reverse("admin:enforcement_decision_withdraw", args=[draft.pk]), {"reason": "复议撤销"})
    client.post(reverse("admin:enforcement_decision_import"), {"unit": unit_a.pk, "file": penalty_file()})
    other = Decision.objects.get(decision_number="鲁审计罚1号")
    client.post(
        reverse("admin:organizations_unit_change", args=[unit_a.pk]),
        {"email": "a@example.cn", "phone": "", "address": ""},
    )
    client.post(
        reverse("admin:enforcement_decision_add"),
        {"unit": unit_a.pk, "kind": "penalty", "decision_number": "鲁审计罚3号", "decision_date": "2025-10-09",
         "party_name": "鲁山县丙公司", "party_category": "legal_person", "penalty_categories": "罚款",
         "licence_valid": "on"},
    )  # fmt: skip
    # delete: a draft decision may be deleted
    extra = make_decision(unit_a, decision_number="鲁审计罚2号")
    client.post(reverse("admin:enforcement_decision_delete", args=[extra.pk]), {"post": "yes"})
    client.get(reverse("admin:logout"))
    client.post(reverse("admin:logout"))
    # export, and unlock by the security administrator (role change on the way)
    client.force_login(supervisor)
    client.get(reverse("compliance:dashboard"), {"period": "2025", "format": "csv"})
    client.post(reverse("admin:enforcement_decision_reveal", args=[other.pk]), {"reason": "核对当事人"})
    security = django_user_model.objects.create_user("sec")
    admin_role_grant(user=security, role=SECURITY)
    client.force_login(security)
    attempt = AccessAttempt.objects.first()
    client.post(reverse("admin:axes_accessattempt_delete", args=[attempt.pk]), {"post": "yes"})
    create_membership = reverse("admin:organizations_membership_add")
    client.post(create_membership, {"user": editor_a.pk, "unit": unit_a.pk, "role": "reviewer"})

    recorded = set(AuditEvent.objects.values_list("event", flat=True))
    assert {e.value for e in Event} <= recorded, {e.value for e in Event} - recorded
    assert AuditEvent.objects.filter(event="publish", object_repr=str(draft)).exists()
    assert AuditEvent.objects.filter(event="import", detail__contains="1 条").exists()
    assert other.history.count() == 1
