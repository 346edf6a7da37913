"""The search forms' Python-rendered widgets give the markup Django's templates give."""

import re
from datetime import date

import pytest
from django import forms

from lushan_portal.widgets import FastDateInput, FastSelect, FastTextInput

CHOICES = [("", "全部单位"), ("civil-affairs", "鲁山县民政局"), ("a&b", '名称"<含符号>'), ("dup", "一"), ("dup", "二")]
ATTRS = [{"id": "id_unit"}, {"id": "id_unit", "required": True, "aria-invalid": "true", "disabled": False}]


def same_markup(html: str) -> str:
    return re.sub(r">\s+<", "><", str(html)).strip()


@pytest.mark.parametrize("value", [None, "", "civil-affairs", "a&b", "dup", "unknown", ["civil-affairs"]])
@pytest.mark.parametrize("attrs", ATTRS)
def test_select_matches_django(value, attrs):
    django_html = forms.Select(choices=CHOICES).render("unit", value, attrs)
    fast_html = FastSelect(choices=CHOICES).render("unit", value, attrs)
    assert same_markup(fast_html) == same_markup(django_html)


def test_only_the_first_equal_option_is_selected_and_text_is_escaped():
    html = FastSelect(choices=CHOICES).render("unit", "dup", {"id": "id_unit"})
    assert html.count(" selected") == 1 and '<option value="dup" selected>一</option>' in html
    assert '<option value="a&amp;b">名称&quot;&lt;含符号&gt;</option>' in html


@pytest.mark.parametrize("value", [None, "", "鲁测罚", 'a"b<script>'])
@pytest.mark.parametrize("attrs", ATTRS)
def test_text_input_matches_django(value, attrs):
    django_html = forms.TextInput(attrs={"maxlength": 100}).render("q", value, attrs)
    assert same_markup(FastTextInput(attrs={"maxlength": 100}).render("q", value, attrs)) == same_markup(django_html)


@pytest.mark.parametrize("value", [None, "", "2025-10-01", date(2025, 10, 1), "not a date"])
def test_date_input_matches_django(value):
    django_html = forms.DateInput().render("date_from", value, {"id": "id_date_from"})
    assert same_markup(FastDateInput().render("date_from", value, {"id": "id_date_from"})) == same_markup(django_html)
