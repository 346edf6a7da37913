"""What the app tells the pages that gather across apps: the Art 20 index of the 政府信息公开 column,
the website self-inspection's columns, and the library's ended documents it reads."""

from datetime import date

import pytest
from django.urls import reverse

from administration.powers_registry import COLUMNS_CODE, power_columns
from administration.tests.power_factories import ADDED, REMOVED, adjust, item
from lushan_portal import legal_documents
from lushan_portal.disclosure_index import contributions
from lushan_portal.legal_documents import EndedDocument
from lushan_portal.site_inspection import ColumnKind, column_providers

pytestmark = pytest.mark.django_db


def test_the_power_lists_are_columns_of_the_self_inspection_one_per_unit_with_a_list(
    unit_a, unit_b, reviewer_a, django_assert_max_num_queries
):
    assert column_providers()[COLUMNS_CODE] is power_columns
    adjust(unit_a, reviewer_a, date(2025, 1, 6), [(ADDED, item("XK-001", "登记")), (ADDED, item("XK-002", "年检"))])
    adjust(unit_a, reviewer_a, date(2025, 6, 2), [(REMOVED, {"code": "XK-002"})])
    with django_assert_max_num_queries(1):
        columns = power_columns()
    assert [(c.code, c.kind, c.latest, c.unit_id) for c in columns] == [
        ("powers:civil-affairs", ColumnKind.OTHER, date(2025, 1, 6), unit_a.pk)
    ]
    assert columns[0].url == reverse("administration:unit_powers", args=["civil-affairs"])


def test_the_art_20_index_lists_profiles_and_power_lists(client, unit_a, reviewer_a):
    adjust(unit_a, reviewer_a, date(2025, 1, 6), [(ADDED, item("XK-001", "登记"))])
    powers = next(c for c in contributions("20-5") if "权责清单" in str(c.title))
    assert (powers.url("civil-affairs"), powers.count(unit_a.pk), powers.count(None)) == (
        "/units/civil-affairs/powers/",
        1,
        1,
    )
    profiles = next(c for c in contributions("20-2") if "机构概况" in str(c.title))
    assert profiles.count(unit_a.pk) == 0 and profiles.url("civil-affairs") == "/units/civil-affairs/"
    html = client.get(reverse("xxgk:unit", args=["civil-affairs"])).content.decode()
    assert "/units/civil-affairs/powers/" in html


def test_ended_documents_come_earliest_first_with_unknown_dates_last(monkeypatch):
    later = EndedDocument("a:1", "鲁山县乙办法", "鲁政〔2020〕2号", date(2024, 5, 1), "已废止", "/a/")
    earlier = EndedDocument("a:2", "甲办法", "", date(2023, 1, 1), "已失效", "/b/")
    unknown = EndedDocument("b:1", "丙", "x", None, "已废止", "/c/")
    monkeypatch.setattr(legal_documents, "_sources", [lambda: [later, unknown], lambda: [earlier]])
    assert [d.key for d in legal_documents.ended_documents()] == ["a:2", "a:1", "b:1"]
    assert unknown.match_texts == []  # too short to be matched inside a basis
    assert later.match_texts == ["鲁政〔2020〕2号", "鲁山县乙办法"] and earlier.match_texts == []
