"""Planted personal data must appear in no public output; minors' decisions in none at all."""

from datetime import date

import pytest
from django.urls import reverse

from enforcement.models import PartyCategory
from enforcement.services import decision_publish
from enforcement.tests.factories import (
    PLANTED_ADDRESS,
    PLANTED_ID,
    PLANTED_NAME,
    PLANTED_PHONE,
    make_decision,
    make_natural_person_decision,
)
from lushan_portal.masking import HIDDEN, scrub_text
from publication_review.testing import reviewed

pytestmark = pytest.mark.django_db

SECRETS = [PLANTED_NAME, PLANTED_ID, PLANTED_PHONE, PLANTED_ADDRESS, PLANTED_ID[:6] + "1987"]


def test_free_text_loses_names_ids_and_phones():
    text = scrub_text(f"{PLANTED_NAME}身份证{PLANTED_ID}手机{PLANTED_PHONE}", names=[PLANTED_NAME])
    assert PLANTED_NAME not in text and PLANTED_ID not in text and PLANTED_PHONE not in text
    assert "欧阳**" in text


def public_outputs(client, decision) -> dict[str, str]:
    return {
        "list": client.get(reverse("enforcement:list")).content.decode(),
        "detail": client.get(decision.get_absolute_url()).content.decode(),
        "csv": b"".join(client.get(reverse("enforcement:export")).streaming_content).decode("utf-8-sig"),
        "api list": client.get("/api/enforcement/").content.decode(),
        "api detail": client.get(f"/api/enforcement/{decision.pk}/").content.decode(),
        "atom": client.get("/feeds/enforcement/").content.decode(),
        "rss": client.get("/feeds/enforcement/rss/").content.decode(),
        "site search": client.get(reverse("search"), {"q": "鲁测罚"}).content.decode(),
        "list search": client.get(reverse("enforcement:list"), {"q": "鲁测罚"}).content.decode(),
    }


# Personal data written the ways the outside test found leaking (issue 11).
FREE_TEXT_SECRETS = [
    "4104 2319 8807 1500 33",
    "410423-19880715-0033",
    "138 0013 8000",
    "138-0013-8000",
    "6222 0212 3456 7890 128",
    "锋华",
    "幸福路88号",
    "１３９３７５１２３４５",
]
KEPT_IN_FREE_TEXT = ["2026-01-15", "鲁政〔2026〕12号", "罚款5000元", "第二十三条"]


def test_free_text_in_every_spelling_reaches_no_public_output(client, unit_a):
    facts = (
        "当事人锋华（身份证号4104 2319 8807 1500 33，曾用410423-19880715-0033，电话138 0013 8000、"
        "138-0013-8000，手机１３９３７５１２３４５），于2026-01-15在琴台街道幸福路88号门前占道经营。"
    )
    decision = decision_publish(
        decision=reviewed(
            make_natural_person_decision(
                unit_a,
                violation_facts=facts,
                legal_basis="依据鲁政〔2026〕12号第二十三条。",
                penalty_content="罚款5000元，汇入6222 0212 3456 7890 128。",
                remarks="联系电话138-0013-8000",
            )
        )
    )
    outputs = public_outputs(client, decision)
    for where, text in outputs.items():
        for secret in FREE_TEXT_SECRETS:
            assert secret not in text, f"{secret} leaked in {where}"
    for where in ["detail", "csv", "api detail", "api list"]:
        assert "琴台街道幸福路" + HIDDEN in outputs[where], f"masked facts missing from {where}"
        for kept in KEPT_IN_FREE_TEXT:
            assert kept in outputs[where], f"{kept} lost from {where}"


def test_a_correction_note_is_masked_too(client, unit_a):
    from enforcement.services import decision_correct

    decision = decision_publish(decision=reviewed(make_natural_person_decision(unit_a)))
    decision.remarks = "已更正"
    decision_correct(decision=decision, note=f"更正{PLANTED_NAME}的电话138 0013 8000")
    for url in [decision.get_absolute_url(), f"/api/enforcement/{decision.pk}/"]:
        text = client.get(url).content.decode()
        assert "138 0013 8000" not in text and PLANTED_NAME not in text


def test_natural_person_data_appears_in_no_public_output(client, unit_a):
    decision = decision_publish(decision=reviewed(make_natural_person_decision(unit_a)))
    outputs = public_outputs(client, decision)
    for where, text in outputs.items():
        assert "欧阳**" in text, f"masked name missing from {where}"
        for secret in SECRETS:
            assert secret not in text, f"{secret} leaked in {where}"
        # The API escapes non-ASCII; check its decoded form too.
        assert PLANTED_NAME.encode("unicode_escape").decode() not in text


def test_individual_business_operator_is_masked_but_the_business_name_shown(client, unit_a):
    decision = make_decision(
        unit_a,
        publish=True,
        party_name="鲁山县老王烧烤店",
        party_category=PartyCategory.INDIVIDUAL_BUSINESS,
        legal_representative="王大锤",
        id_number=PLANTED_ID,
        violation_facts="王大锤经营的烧烤店占道经营。",
    )
    page = client.get(decision.get_absolute_url()).content.decode()
    assert "鲁山县老王烧烤店" in page
    assert "王**" in page
    assert "王大锤" not in page and PLANTED_ID not in page


def test_a_natural_persons_name_is_not_searchable(client, unit_a):
    decision_publish(decision=reviewed(make_natural_person_decision(unit_a)))
    for url in [reverse("enforcement:list"), "/api/enforcement/"]:
        assert "欧阳**" not in client.get(url, {"q": PLANTED_NAME}).content.decode()
    assert "欧阳**" not in client.get(reverse("search"), {"q": PLANTED_NAME}).content.decode()


def test_a_minors_decision_is_never_public(client, unit_a):
    decision = make_natural_person_decision(unit_a, party_is_minor=True, decision_number="鲁未成年罚〔2025〕1号")
    decision_publish(decision=reviewed(decision))
    assert client.get(decision.get_absolute_url()).status_code == 404
    assert client.get(f"/api/enforcement/{decision.pk}/").status_code == 404
    for where, text in public_outputs(client, make_decision(unit_a, publish=True)).items():
        assert "鲁未成年罚" not in text, where


def test_staff_of_the_unit_see_the_full_record_in_the_admin(client, editor_a, unit_a):
    decision = decision_publish(decision=reviewed(make_natural_person_decision(unit_a)))
    client.force_login(editor_a)
    page = client.get(reverse("admin:enforcement_decision_change", args=[decision.pk])).content.decode()
    assert PLANTED_NAME in page and PLANTED_ID in page


def test_a_record_leaves_the_public_site_when_its_publicity_period_ends(client, unit_a):
    decision = make_decision(unit_a, publish=True, publicity_until=date(2025, 10, 19))
    assert client.get(decision.get_absolute_url()).status_code == 404
    decision.refresh_from_db()
    assert decision.status == "published"


def test_natural_persons_default_to_two_years_of_publicity_others_five(unit_a):
    assert make_natural_person_decision(unit_a).publicity_until == date(2027, 9, 26)
    assert make_decision(unit_a).publicity_until == date(2030, 9, 26)
