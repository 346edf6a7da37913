"""Personal data at rest: no plaintext phone or ID number in the database; contacts erased in time."""

import pytest
import time_machine
from django.db import connection
from django.utils import timezone

from decisions.models import Comment
from decisions.services import comment_submit, contacts_erase
from decisions.tests.factories import consultation
from enforcement.models import Decision
from enforcement.tests.factories import PLANTED_ID, PLANTED_PHONE, make_natural_person_decision
from lushan_portal.crypto import keyed_hash

pytestmark = pytest.mark.django_db

PHONE = "13612345678"


def raw_dump(*tables: str) -> str:
    with connection.cursor() as cursor:
        text = []
        for table in tables:
            cursor.execute(f"SELECT * FROM {table}")
            text += [str(row) for row in cursor.fetchall()]
    return "\n".join(text)


@pytest.fixture
def october_2025():
    with time_machine.travel("2025-10-20 10:00 +0800", tick=False):
        yield


def test_no_plaintext_id_or_phone_in_the_database(october_2025, unit_a):
    decision = make_natural_person_decision(unit_a, violation_facts="在车站喧哗。", penalty_content="罚款。")
    comment_submit(decision_id=consultation(unit_a).pk, body="意见", name="王五", contact=PHONE, client="192.0.2.1")
    dump = raw_dump(
        "enforcement_decision", "enforcement_historicaldecision", "decisions_comment", "decisions_historicalcomment"
    )
    for secret in (PLANTED_ID, PLANTED_PHONE, PHONE, "王五"):
        assert secret not in dump
    assert Decision.objects.get(pk=decision.pk).id_number == PLANTED_ID  # staff still read it
    assert Decision.objects.filter(id_number_hash=keyed_hash(PLANTED_ID.lower())).count() == 1
    assert Comment.objects.get().contact == PHONE


def test_contacts_are_erased_after_the_retention_period(settings, unit_a):
    from decisions.models import MajorDecision

    with time_machine.travel("2025-10-20 10:00 +0800", tick=False):
        decision = consultation(unit_a)
        comment_submit(decision_id=decision.pk, body="意见", name="王五", contact=PHONE, client="192.0.2.2")
        MajorDecision.objects.filter(pk=decision.pk).update(feedback_published_at=timezone.now())
    settings.COMMENT_CONTACT_RETENTION_DAYS = 180
    with time_machine.travel("2026-04-17 10:00 +0800", tick=False):  # 179 days later
        assert contacts_erase() == 0
    with time_machine.travel("2026-04-19 10:00 +0800", tick=False):  # 181 days later
        assert contacts_erase() == 1
    comment = Comment.objects.get()
    assert (comment.name, comment.contact, comment.body) == ("", "", "意见")
