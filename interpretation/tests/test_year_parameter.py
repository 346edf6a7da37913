"""?year= on the policy list page and the API: out of range is a 400 naming the parameter."""

from datetime import date

import pytest

from interpretation.tests.factories import published_document, published_interpretation
from lushan_portal.filters import year_error

pytestmark = pytest.mark.django_db

OUT_OF_RANGE = ["0", "1999", "2101", "100000", "2025.5", "-2025"]


@pytest.fixture
def document(unit_a):
    document = published_document(unit_a)
    published_interpretation(document, published_on=date(2025, 9, 26))
    return document


@pytest.mark.parametrize("path", ["/api/policies/", "/api/interpretations/"])
@pytest.mark.parametrize("year", OUT_OF_RANGE)
def test_the_api_refuses_a_year_out_of_range(client, document, path, year):
    response = client.get(path, {"year": year})
    assert (response.status_code, response.json()) == (400, {"year": [year_error("year")]})


@pytest.mark.parametrize("path", ["/api/policies/", "/api/interpretations/"])
def test_the_api_filters_by_a_valid_year(client, document, path):
    assert client.get(path, {"year": "2025"}).json()["count"] == 1
    assert client.get(path, {"year": "2024"}).json()["count"] == 0
    assert client.get(path, {"year": ""}).json()["count"] == 1  # empty: no filter, as the page's form sends


@pytest.mark.parametrize("year", ["0", "100000"])
def test_the_policy_page_shows_the_message_with_a_400(client, document, year):
    response = client.get("/policies/", {"year": year})
    assert response.status_code == 400
    assert year_error("year") in response.content.decode()
    assert client.get("/policies/", {"year": "2025"}).status_code == 200
