"""Commenters' names and contacts: masked for supervisors and reviewers in the moderation admin,
shown to the unit's editors (who moderate and may reply), revealed per comment with a reason."""

import uuid

import pytest
from django.urls import reverse

from audit.models import AuditEvent, Event
from decisions.models import Comment
from decisions.services import comment_submit
from decisions.tests.factories import consultation

pytestmark = pytest.mark.django_db

NAME, CONTACT = "王小明", "13800138000"


@pytest.fixture
def comments(unit_a) -> list[Comment]:
    decision = consultation(unit_a)
    # Distinct clients: the rate limit lives in the shared cache, which outlives the test database.
    return [
        comment_submit(decision_id=decision.pk, body=f"建议{n}", name=NAME, contact=CONTACT, client=uuid.uuid4().hex)
        for n in range(2)
    ]


def page(client, name: str, *args: object) -> str:
    response = client.get(reverse(f"admin:decisions_comment_{name}", args=args))
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("persona", ["supervisor", "reviewer_a"])
def test_readers_see_names_and_contacts_masked(request, client, comments, persona):
    client.force_login(request.getfixturevalue(persona))
    for html in (page(client, "changelist"), page(client, "change", comments[0].pk)):
        assert NAME not in html and CONTACT not in html
        assert "王**" in html and "13*******00" in html


def test_the_units_editors_see_them(client, editor_a, comments):
    client.force_login(editor_a)
    assert CONTACT in page(client, "changelist") and NAME in page(client, "change", comments[0].pk)


def test_a_reason_reveals_one_comment(client, supervisor, comments):
    first, second = comments
    client.force_login(supervisor)
    url = reverse("admin:decisions_comment_reveal", args=[first.pk])
    assert client.post(url, {"reason": "意见人要求答复，需核对联系方式"}).status_code == 302
    assert CONTACT in page(client, "change", first.pk)
    assert CONTACT not in page(client, "change", second.pk)
    assert page(client, "changelist").count(CONTACT) == 1
    assert AuditEvent.objects.filter(event=Event.REVEAL, object_id=str(first.pk), detail__contains="答复").exists()
