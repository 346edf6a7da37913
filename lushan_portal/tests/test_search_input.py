"""Site search refuses input PostgreSQL cannot hold with a 400 and a message, not a 500."""

import pytest

from lushan_portal.views import ERROR_QUERY_NUL

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("query", ["%00", "%E4%BD%8F%E6%88%BF%00%E4%BF%9D%E9%9A%9C"])
def test_a_nul_in_the_search_words_is_a_400_with_a_chinese_message(client, query):
    response = client.get(f"/search/?q={query}")
    assert response.status_code == 400
    assert ERROR_QUERY_NUL in response.content.decode()


def test_ordinary_search_words_still_search(client):
    response = client.get("/search/?q=住房保障")
    assert response.status_code == 200
    assert ERROR_QUERY_NUL not in response.content.decode()
