"""Policy pages come from the cache, and a new interpretation or a withdrawal shows at once."""

from datetime import date

import pytest

from interpretation.services import record_withdraw
from interpretation.tests.factories import published_document, published_interpretation

pytestmark = pytest.mark.django_db


def test_publish_and_withdraw_show_on_the_next_visit(client, unit_a, django_assert_max_num_queries):
    document = published_document(unit_a)
    detail = document.get_absolute_url()
    for url in ("/policies/", detail):
        client.get(url)
        with django_assert_max_num_queries(0):
            assert client.get(url)["X-Page-Cache"] == "hit"

    interpretation = published_interpretation(
        document, published_on=date(2025, 9, 28), title="一图读懂低保审核确认办法"
    )
    assert "一图读懂低保审核确认办法" in client.get(detail).content.decode()
    assert client.get(interpretation.get_absolute_url()).status_code == 200

    record_withdraw(record=interpretation, reason="解读内容有误。")
    assert "一图读懂低保审核确认办法" not in client.get(detail).content.decode()
    assert client.get(interpretation.get_absolute_url()).status_code == 404

    record_withdraw(record=document, reason="文件已废止。")
    assert client.get(detail).status_code == 404
    assert document.title not in client.get("/policies/").content.decode()
