"""回应关切 in the admin: the openness office records a concern for any unit, the clocks are stored;
the lead unit records its response; other units see nothing; every admin page opens."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from conftest import make_unit, make_user
from interaction.models import Concern, Response
from interaction.tests.proposals_factories import make_concern, make_proposal, make_response
from organizations.models import Role
from organizations.services import membership_grant

pytestmark = pytest.mark.django_db
COUNTY = ZoneInfo("Asia/Shanghai")
SEEN = datetime(2026, 10, 3, 22, 0, tzinfo=COUNTY)


@pytest.fixture
def office_editor(django_user_model):
    user = make_user(django_user_model, "office-editor")
    membership_grant(user=user, unit=make_unit("gov-office", "鲁山县人民政府办公室"), role=Role.EDITOR)
    return user


def test_the_office_records_a_concern_for_a_unit_with_its_clocks(client, office_editor, unit_a):
    client.force_login(office_editor)
    data = {
        "topic": "城区内涝",
        "description": "",
        "seen_where": "短视频平台",
        "first_seen_at_0": "2026-10-03",
        "first_seen_at_1": "22:00:00",
        "severity": "emergency",
        "unit": unit_a.pk,
    }
    assert client.post(reverse("admin:interaction_concern_add"), data).status_code == 302
    concern = Concern.objects.get()
    assert concern.first_response_due == datetime(2026, 10, 4, 3, 0, tzinfo=COUNTY)
    assert concern.press_due == datetime(2026, 10, 4, 22, 0, tzinfo=COUNTY)


def test_the_lead_unit_records_a_response_and_another_unit_sees_nothing(client, editor_a, editor_b, unit_a):
    concern = make_concern(unit_a, SEEN)
    client.force_login(editor_a)
    data = {
        "concern": concern.pk,
        "kind": "statement",
        "title": "关于城区停水的说明",
        "made_at_0": "2026-10-04",
        "made_at_1": "08:00:00",
        "link": "www.lushan.gov.cn/a.html",
        "summary": "已恢复供水。",
    }
    response = client.post(reverse("admin:interaction_response_add"), data)
    assert response.status_code == 302, response.content.decode()
    assert Response.objects.get().link == "https://www.lushan.gov.cn/a.html"
    early = {**data, "made_at_0": "2026-10-03", "made_at_1": "21:00:00"}
    refused = client.post(reverse("admin:interaction_response_add"), early)
    assert "回应时间不能早于首次发现时间。" in refused.content.decode()
    client.force_login(editor_b)
    assert client.get(reverse("admin:interaction_concern_change", args=[concern.pk])).status_code == 404
    forged = {**data, "title": "伪造"}
    assert client.post(reverse("admin:interaction_response_add"), forged).status_code in (200, 403)
    assert not Response.objects.filter(title="伪造").exists()


def test_every_admin_page_opens(client, superuser, unit_a, unit_b):
    proposal = make_proposal(unit_a, co_units=[unit_b])
    concern = make_concern(unit_a, SEEN)
    response = make_response(concern, datetime(2026, 10, 4, 8, 0, tzinfo=COUNTY))
    client.force_login(superuser)
    pages = [
        reverse("admin:interaction_proposal_changelist"),
        reverse("admin:interaction_proposal_add"),
        reverse("admin:interaction_proposal_change", args=[proposal.pk]),
        reverse("admin:interaction_proposal_publish", args=[proposal.pk]),
        reverse("admin:interaction_proposal_history", args=[proposal.pk]),
        reverse("admin:interaction_proposalcounit_change", args=[proposal.co_units.get().pk]),
        reverse("admin:interaction_concern_changelist"),
        reverse("admin:interaction_concern_add"),
        reverse("admin:interaction_concern_change", args=[concern.pk]),
        reverse("admin:interaction_response_add"),
        reverse("admin:interaction_response_change", args=[response.pk]),
        reverse("admin:interaction_response_publish", args=[response.pk]),
    ]
    for url in pages:
        assert client.get(url).status_code == 200, url
