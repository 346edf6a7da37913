"""The registry behind 法定主动公开内容: the Regulations' fifteen Art 20 items and Art 21, in order,
and contributions only to categories that exist."""

from datetime import date

import pytest

from lushan_portal import disclosure_index
from lushan_portal.disclosure_index import Contribution, RuleDocument


def test_the_categories_are_art_20_one_to_fifteen_then_art_21():
    codes = [category.code for category in disclosure_index.CATEGORIES]
    assert codes == [f"20-{n}" for n in range(1, 16)] + ["21-county", "21-township"]
    assert str(disclosure_index.CATEGORIES[0].label) == "第二十条第（一）项"


def test_a_contribution_to_an_unknown_category_is_refused():
    with pytest.raises(ValueError):
        disclosure_index.register_contribution(
            Contribution(category="20-16", title="x", owner="y", url=lambda code: "/", count=lambda unit: 0)
        )


def test_rule_documents_newest_first_and_unknown_dates_last(monkeypatch):
    monkeypatch.setattr(disclosure_index, "_rule_sources", [])
    old = RuleDocument("旧制度", "鲁政办〔2019〕1号", date(2019, 3, 1), "/a/")
    new = RuleDocument("新制度", "", date(2024, 5, 6), "/b/")
    unknown = RuleDocument("日期不详的制度", "", None, "/c/")
    disclosure_index.register_rule_documents(lambda unit_id: [unknown, old])
    disclosure_index.register_rule_documents(lambda unit_id: [new])
    assert [d.title for d in disclosure_index.rule_documents(None)] == ["新制度", "旧制度", "日期不详的制度"]
