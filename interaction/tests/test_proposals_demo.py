from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse

from compliance.models import Alert
from interaction.models import Concern, Proposal, ReplyStatus, Response
from interaction.proposals_deadlines import CO_OPINION_OVERDUE, NEW_REPLY_OVERDUE, REPLY_OVERDUE
from interaction.responses_deadlines import FIRST_RESPONSE_OVERDUE

pytestmark = pytest.mark.django_db


def test_the_demo_has_proposals_and_responses_with_their_alerts_and_pages(settings, tmp_path, client):
    settings.DEBUG = True
    settings.MEDIA_ROOT = tmp_path
    with time_machine.travel("2026-11-28 10:00 +0800", tick=False):
        out = StringIO()
        call_command("seed_demo", stdout=out)
        call_command("seed_demo", stdout=StringIO())  # twice changes nothing
        assert Proposal.objects.count() == 6
        assert Proposal.objects.filter(reply_status=ReplyStatus.PUBLISHED).count() == 3
        assert Concern.objects.count() == 3 and Response.objects.filter(status=ReplyStatus.PUBLISHED).count() == 4
        open_alerts = set(Alert.objects.filter(resolved_at=None).values_list("rule_code", flat=True))
        assert {REPLY_OVERDUE, NEW_REPLY_OVERDUE, CO_OPINION_OVERDUE} <= open_alerts
        assert FIRST_RESPONSE_OVERDUE not in open_alerts  # the late response was made after all
        html = client.get(reverse("interaction:proposal_year", args=[2026])).content.decode()
        assert "关于提高农村低保保障标准的建议" in html and "答复不涉及公共利益，未全文公开。" in html
        html = client.get(reverse("interaction:responses")).content.decode()
        assert "县防汛工作新闻发布会" in html and "重大突发事件" not in html
