"""The unit API says what it returns: a top-level unit has no parent (null), and anyone reads."""

import pytest

pytestmark = pytest.mark.django_db


def test_a_unit_without_parent_reads_null_and_the_schema_allows_it(client, unit_a):
    assert client.get(f"/api/units/{unit_a.code}/").json()["parent"] is None
    schema = client.get("/api/schema/", {"format": "json"}).json()
    assert schema["components"]["schemas"]["Unit"]["properties"]["parent"]["nullable"] is True
    reads = schema["paths"]["/api/units/"]["get"]["security"]
    assert {} in reads  # anonymous reads are part of the contract


def test_an_unknown_api_address_answers_json(client):
    response = client.get("/api/units/a.b/")
    assert (response.status_code, response["Content-Type"]) == (404, "application/json")
