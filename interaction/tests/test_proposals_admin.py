"""The lead unit registers and replies in the admin; a co-unit reads the proposal and records only
its own opinion; other units see nothing (by URL or forged POST); supervisors read everything;
only the openness office requires a reply's publication."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from conftest import make_unit, make_user
from interaction.models import Proposal
from interaction.proposals_services import ERROR_NOT_OFFICE, proposal_require_publication, proposal_save
from interaction.tests.proposals_factories import make_proposal
from organizations.models import Role
from organizations.services import membership_grant

pytestmark = pytest.mark.django_db
ADD = reverse("admin:interaction_proposal_add")


def change_url(proposal: Proposal) -> str:
    return reverse("admin:interaction_proposal_change", args=[proposal.pk])


@pytest.fixture
def editor_c(django_user_model):
    user = make_user(django_user_model, "editor-c")
    membership_grant(user=user, unit=make_unit("water", "鲁山县水利局"), role=Role.EDITOR)
    return user


def form_data(unit, co_unit=None, **fields) -> dict:
    data = {
        "year": 2026,
        "kind": "suggestion",
        "number": "7",
        "title": "关于农村公路养护的建议",
        "proposer": "张建国",
        "session": "县十七届人大五次会议",
        "unit": unit.pk,
        "assigned_on": "2026-03-31",
        "reply_status": "unpublished",
        "co_units-TOTAL_FORMS": "1" if co_unit else "0",
        "co_units-INITIAL_FORMS": "0",
        "co_units-MIN_NUM_FORMS": "0",
        "co_units-MAX_NUM_FORMS": "1000",
        **fields,
    }
    if co_unit:
        data["co_units-0-unit"] = co_unit.pk
    return data


def test_the_lead_unit_registers_with_co_units_and_the_clocks_are_stored(client, editor_a, unit_a, unit_b):
    client.force_login(editor_a)
    response = client.post(ADD, form_data(unit_a, unit_b))
    assert response.status_code == 302, response.content.decode()
    proposal = Proposal.objects.get()
    assert (proposal.reply_due, proposal.created_by) == (date(2026, 6, 30), editor_a)
    assert proposal.co_units.get().opinion_due == date(2026, 4, 30)
    refused = client.post(ADD, form_data(unit_a, number="8", extended_until="2026-12-31"))
    assert refused.status_code == 200 and "延期最迟至交办后 6 个月（2026-09-30）。" in refused.content.decode()


def test_a_co_unit_reads_but_never_changes_and_another_unit_sees_nothing(
    client, editor_a, editor_b, editor_c, unit_a, unit_b
):
    proposal = make_proposal(unit_a, co_units=[unit_b])
    client.force_login(editor_b)
    assert client.get(change_url(proposal)).status_code == 200
    forged = client.post(change_url(proposal), form_data(unit_a, title="改掉标题"))
    assert forged.status_code == 403
    assert client.post(reverse("admin:interaction_proposal_publish", args=[proposal.pk])).status_code == 403
    client.force_login(editor_c)
    assert client.get(change_url(proposal)).status_code == 404
    assert client.post(change_url(proposal), form_data(unit_a, title="改掉标题")).status_code == 404
    assert proposal.title not in client.get(reverse("admin:interaction_proposal_changelist")).content.decode()
    proposal.refresh_from_db()
    assert proposal.title == "关于改善农村道路的建议"


def test_a_co_unit_records_its_opinion_and_the_lead_cannot_write_it(client, editor_a, editor_b, unit_a, unit_b):
    proposal = make_proposal(unit_a, co_units=[unit_b])
    co_unit = proposal.co_units.get()
    url = reverse("admin:interaction_proposalcounit_change", args=[co_unit.pk])
    client.force_login(editor_a)
    assert client.post(url, {"opinion_sent_on": "2026-04-20", "opinion": "x"}).status_code in (403, 404)
    client.force_login(editor_b)
    assert client.post(url, {"opinion_sent_on": "2026-04-20", "opinion": "同意主办单位意见"}).status_code == 302
    co_unit.refresh_from_db()
    assert (co_unit.opinion_sent_on, co_unit.opinion) == (date(2026, 4, 20), "同意主办单位意见")


def test_supervisors_read_every_unit_and_change_none(client, supervisor, unit_a):
    proposal = make_proposal(unit_a)
    client.force_login(supervisor)
    assert proposal.title in client.get(reverse("admin:interaction_proposal_changelist")).content.decode()
    assert client.post(change_url(proposal), form_data(unit_a, title="改掉标题")).status_code == 403


def test_only_the_openness_office_requires_publication(django_user_model, editor_a, unit_a):
    proposal = make_proposal(unit_a)
    with pytest.raises(PermissionDenied, match=ERROR_NOT_OFFICE):
        proposal_require_publication(proposal=proposal, by=editor_a)
    proposal.office_requires_publication = True
    with pytest.raises(PermissionDenied, match=ERROR_NOT_OFFICE):
        proposal_save(proposal=proposal, by=editor_a)
    office_editor = make_user(django_user_model, "office-editor")
    membership_grant(user=office_editor, unit=make_unit("gov-office", "鲁山县人民政府办公室"), role=Role.EDITOR)
    assert proposal_require_publication(proposal=proposal, by=office_editor).concerns_public


def test_the_office_requires_publication_from_the_list_and_a_unit_cannot(client, django_user_model, editor_a, unit_a):
    proposal = make_proposal(unit_a)
    changelist = reverse("admin:interaction_proposal_changelist")
    action = {"action": "require_publication", "_selected_action": [proposal.pk]}
    client.force_login(editor_a)
    client.post(changelist, action)
    proposal.refresh_from_db()
    assert proposal.office_requires_publication is False
    office_editor = make_user(django_user_model, "office-editor")
    membership_grant(user=office_editor, unit=make_unit("gov-office", "鲁山县人民政府办公室"), role=Role.EDITOR)
    client.force_login(office_editor)
    assert client.post(changelist, action).status_code == 302
    proposal.refresh_from_db()
    assert proposal.office_requires_publication is True
