"""Natural persons' ID numbers, addresses and phones: masked for reviewers and supervisors in the
admin; shown in clear for one record after a reason that goes to the audit log; editors of the
record's unit see what they entered."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent, Event
from enforcement.models import Decision
from enforcement.tests.factories import PLANTED_ADDRESS, PLANTED_ID, PLANTED_PHONE, make_natural_person_decision
from lushan_portal.personal_data import REASON_REQUIRED, REVEAL_LINK, REVEAL_SECONDS

pytestmark = pytest.mark.django_db

PLANTED = (PLANTED_ID, PLANTED_PHONE, PLANTED_ADDRESS)
REASON = "核对信访材料中的当事人身份"


def admin_url(name: str, decision: Decision) -> str:
    return reverse(f"admin:enforcement_decision_{name}", args=[decision.pk])


def leaked(html: str) -> list[str]:
    return [value for value in PLANTED if value in html]


@pytest.mark.parametrize("persona", ["supervisor", "reviewer_a", "superuser"])
def test_readers_see_personal_data_masked(request, client, unit_a, persona):
    decision = make_natural_person_decision(unit_a)
    client.force_login(request.getfixturevalue(persona))
    html = client.get(admin_url("change", decision)).content.decode()
    assert leaked(html) == []
    assert PLANTED_ID[:2] + "*" * 14 + PLANTED_ID[-2:] in html and PLANTED_PHONE[:3] + "******" + "45" in html
    assert "鲁山县" + "*" * (len(PLANTED_ADDRESS) - 3) in html
    assert REVEAL_LINK in html and admin_url("reveal", decision) in html


def test_the_history_form_is_masked_too(client, supervisor, unit_a):
    decision = make_natural_person_decision(unit_a)
    version = decision.history.latest()
    client.force_login(supervisor)
    url = reverse("admin:enforcement_decision_simple_history", args=[decision.pk, version.history_id])
    response = client.get(url)
    assert response.status_code == 200 and leaked(response.content.decode()) == []


def test_the_units_editor_sees_and_corrects_what_was_entered(client, editor_a, unit_a):
    decision = make_natural_person_decision(unit_a)
    client.force_login(editor_a)
    html = client.get(admin_url("change", decision)).content.decode()
    assert leaked(html) == list(PLANTED) and REVEAL_LINK not in html


def test_a_reason_reveals_one_record_for_a_while_and_is_audited(client, supervisor, unit_a):
    decision = make_natural_person_decision(unit_a)
    other = make_natural_person_decision(unit_a)
    client.force_login(supervisor)
    assert "查看理由" in client.get(admin_url("reveal", decision)).content.decode()
    refused = client.post(admin_url("reveal", decision), {"reason": "  "})
    assert refused.status_code == 200 and REASON_REQUIRED in refused.content.decode()
    assert leaked(client.get(admin_url("change", decision)).content.decode()) == []
    assert not AuditEvent.objects.filter(event=Event.REVEAL).exists()

    done = client.post(admin_url("reveal", decision), {"reason": REASON})
    assert done.status_code == 302 and done["Location"] == admin_url("change", decision)
    assert leaked(client.get(admin_url("change", decision)).content.decode()) == list(PLANTED)
    assert leaked(client.get(admin_url("change", other)).content.decode()) == []  # that record only
    row = AuditEvent.objects.get(event=Event.REVEAL)
    assert (row.username, row.object_id, row.object_type, row.detail) == (
        "supervisor",
        str(decision.pk),
        "enforcement.Decision",
        REASON,
    )
    with time_machine.travel(timezone.now() + timedelta(seconds=REVEAL_SECONDS - 1)):
        assert leaked(client.get(admin_url("change", decision)).content.decode()) == list(PLANTED)
    with time_machine.travel(timezone.now() + timedelta(seconds=REVEAL_SECONDS + 1)):
        assert leaked(client.get(admin_url("change", decision)).content.decode()) == []


def test_nobody_reveals_a_record_outside_their_scope(client, editor_b, unit_a):
    decision = make_natural_person_decision(unit_a)
    client.force_login(editor_b)
    assert client.post(admin_url("reveal", decision), {"reason": REASON}).status_code == 404
    assert not AuditEvent.objects.filter(event=Event.REVEAL).exists()


def test_a_masked_writer_cannot_overwrite_personal_data(client, superuser, unit_a):
    """Masked fields are read-only: a save neither writes the mask back nor accepts a posted value."""
    decision = make_natural_person_decision(unit_a)
    client.force_login(superuser)
    form = client.get(admin_url("change", decision)).context["adminform"].form
    data = {name: form[name].value() for name in form.fields}
    data = {name: "" if value is None else value for name, value in data.items()}
    data.update(fine_amount="0.3", id_number="410423198001010000", party_phone="")
    data["licence_valid"] = "on" if data.get("licence_valid") else ""
    response = client.post(admin_url("change", decision), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    decision.refresh_from_db()
    assert str(decision.fine_amount) == "0.300000"
    assert (decision.id_number, decision.party_phone, decision.party_address) == PLANTED
