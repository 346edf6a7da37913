"""The site search's units section: matched in memory from the kept list of active units, and
never older than the units themselves."""

import re

import pytest

pytestmark = pytest.mark.django_db


def unit_results(client, query: str) -> list[str]:
    html = client.get("/search/", {"q": query}).content.decode()
    section = re.search(r'<section aria-labelledby="results-units">.*?</section>', html, re.S)
    return re.findall(r'<li><a href="([^"]+)">([^<]+)</a></li>', section.group(0)) if section else []


@pytest.mark.parametrize("page_cache", [3600, 0])
def test_units_are_found_by_name_short_name_or_address_and_follow_a_rename_or_closing(
    client, settings, unit_a, unit_b, page_cache
):
    settings.PAGE_CACHE_SECONDS = page_cache
    unit_a.short_name, unit_a.address = "县民政局", "鲁山县人民路88号"
    unit_a.save()
    assert unit_results(client, "民政") == [(unit_a.get_absolute_url(), "鲁山县民政局")]
    assert unit_results(client, "人民路") == [(unit_a.get_absolute_url(), "鲁山县民政局")]
    assert [name for _url, name in unit_results(client, "鲁山县")] == ["鲁山县民政局", "鲁山县教育体育局"]
    unit_a.name = "鲁山县民政和社会事务局"
    unit_a.save()
    assert unit_results(client, "社会事务") == [(unit_a.get_absolute_url(), "鲁山县民政和社会事务局")]
    unit_a.is_active = False
    unit_a.save()
    assert unit_results(client, "民政") == []


def test_every_term_must_match_and_latin_letters_ignore_case(client, unit_a):
    unit_a.short_name = "LS Civil"
    unit_a.save()
    assert unit_results(client, "ls civil") == [(unit_a.get_absolute_url(), "鲁山县民政局")]
    assert unit_results(client, "民政 教育") == []


def test_a_unit_whose_word_begins_with_the_term_comes_before_one_that_only_contains_it(client, unit_a):
    """民政 is inside 人民政府 too: the county government stays in the results, after 县民政局."""
    from organizations.models import Unit

    government = Unit.objects.create(code="county-gov", name="鲁山县人民政府", sort_order=1)
    unit_a.sort_order = 5
    unit_a.save()
    assert unit_results(client, "民政") == [
        (unit_a.get_absolute_url(), "鲁山县民政局"),
        (government.get_absolute_url(), "鲁山县人民政府"),
    ]
    assert [name for _url, name in unit_results(client, "鲁山县")] == ["鲁山县人民政府", "鲁山县民政局"]
