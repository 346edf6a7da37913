"""The major-decision API keeps one shape and answers each refusal with its own status."""

from datetime import date

import pytest

from decisions.api import HONEYPOT_REFUSED, NOT_FOUND
from decisions.models import Comment, MajorDecision
from decisions.services import ERROR_NOT_OPEN, decision_save
from decisions.tests.factories import consultation
from lushan_portal.filters import year_error

pytestmark = pytest.mark.django_db


def comment(client, pk: object, **data: object):
    url = f"/api/major-decisions/{pk}/comments/"
    return client.post(url, {"body": "意见", **data}, content_type="application/json")


def test_a_classified_entry_has_every_key_and_shows_only_that_it_exists(client, unit_a):
    open_one = consultation(unit_a)
    secret = decision_save(decision=MajorDecision(unit=unit_a, year=2025, title="绝密事项名称", classified=True))
    results = {row["id"]: row for row in client.get("/api/major-decisions/").json()["results"]}
    assert set(results[secret.pk]) == set(results[open_one.pk])
    assert results[secret.pk]["stage"] == "classified" and results[secret.pk]["title"] is None
    assert "绝密事项名称" not in client.get(f"/api/major-decisions/{secret.pk}/").content.decode()


def test_comment_refusals_each_have_their_status(client, unit_a):
    open_one = consultation(unit_a)
    closed = consultation(unit_a, title="已结束", opens_on=date(2025, 9, 1), closes_on=date(2025, 9, 30))
    assert comment(client, 99999).json() == {"detail": NOT_FOUND}
    assert comment(client, 99999).status_code == 404
    refused = comment(client, closed.pk)
    assert (refused.status_code, refused.json()) == (409, {"detail": ERROR_NOT_OPEN})
    honeypot = comment(client, open_one.pk, website="http://spam")
    assert (honeypot.status_code, honeypot.json()) == (400, {"website": [HONEYPOT_REFUSED]})
    statuses = [comment(client, open_one.pk, body=f"意见{n}").status_code for n in range(6)]
    assert statuses == [201] * 5 + [429]
    assert Comment.objects.count() == 5


@pytest.mark.parametrize("year", ["0", "100000", "2025.5", "abc"])
def test_a_year_out_of_range_is_a_400_naming_the_parameter(client, year):
    response = client.get("/api/major-decisions/", {"year": year})
    assert (response.status_code, response.json()) == (400, {"year": [year_error("year")]})


@pytest.mark.parametrize("year", [0, 1999, 100000])
def test_the_year_catalog_page_refuses_a_year_out_of_range(client, year):
    response = client.get(f"/decisions/{year}/")
    assert (response.status_code, response.content.decode()) == (400, year_error("year"))
