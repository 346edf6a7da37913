"""record_url (lushan_portal.links) gives what reverse() gives, from one reverse() per pattern."""

import pytest
from django.urls import NoReverseMatch, reverse, set_script_prefix

from lushan_portal import links

PATTERNS = [
    ("enforcement:detail", [1, 999999, 2**63 - 1]),
    ("catalog:publication", [1, 100000]),
    ("catalog:item", [7]),
    ("catalog:domain", ["planning", "social-assistance", "a_b-9"]),
    ("organizations:unit_detail", ["gov-office", "civil-affairs", "鲁山 (新)", "a/b?c#d&e=f%"]),
    ("interpretation:document", [3]),
    ("interpretation:interpretation", [4]),
    ("decisions:consultation", [5]),
    ("catalog:unit_domain", [("civil-affairs", "social-assistance"), ("gov-office", "planning")]),
]


@pytest.mark.parametrize(("name", "arguments"), PATTERNS)
def test_record_url_is_what_reverse_gives(name, arguments):
    for argument in arguments:
        args = argument if isinstance(argument, tuple) else (argument,)
        try:
            expected = reverse(name, args=args)
        except NoReverseMatch:  # a value the converter refuses: reverse() has no answer to compare
            continue
        assert links.record_url(name, *args) == expected


def test_record_url_follows_the_script_prefix():
    assert links.record_url("enforcement:detail", 5) == "/enforcement/5/"
    set_script_prefix("/portal/")
    try:
        assert links.record_url("enforcement:detail", 5) == reverse("enforcement:detail", args=[5])
        assert links.record_url("enforcement:detail", 5) == "/portal/enforcement/5/"
    finally:
        set_script_prefix("/")
    assert links.record_url("enforcement:detail", 5) == "/enforcement/5/"


def test_a_pattern_without_one_argument_is_refused():
    with pytest.raises(NoReverseMatch):
        links.record_url("catalog:unit_domain", 1)
