"""The list pages' search forms drawn by {% filter_grid %} (lushan_portal/filter_grid.py): the same
markup Django's templates gave for every field, set or not, and a field the request sets shows
its value while the others are drawn blank."""

import re

import pytest
from django.http import QueryDict
from django.template import Context, Template

from enforcement.models import Decision
from enforcement.selectors import decision_search
from interpretation.filters import DocumentFilter
from interpretation.models import PolicyDocument
from lushan_portal.filter_grid import filter_grid

pytestmark = pytest.mark.django_db

# The markup the list templates had before the grid was drawn in Python.
TEMPLATE = Template(
    '{% for field in form %}<div class="field"><label for="{{ field.id_for_label }}">{{ field.label }}</label>'
    "{{ field }}</div>{% endfor %}"
)

QUERIES = ["", "q=商贸", "unit=civil-affairs&kind=penalty", "date_from=2026-01-01&q=<b>&page=2", "kind=nonsense"]


@pytest.mark.parametrize("query", QUERIES)
def test_the_enforcement_form_is_drawn_as_the_template_drew_it(unit_a, unit_b, query):
    expected = TEMPLATE.render(Context({"form": decision_search(QueryDict(query)).form}))
    assert str(filter_grid(decision_search(QueryDict(query)))) == expected


@pytest.mark.parametrize("query", ["", "q=乡村振兴", "unit=civil-affairs&year=2026"])
def test_the_policy_form_is_drawn_as_the_template_drew_it(unit_a, query):
    def search():
        return DocumentFilter(QueryDict(query), queryset=PolicyDocument.objects.none())

    assert str(filter_grid(search())) == TEMPLATE.render(Context({"form": search().form}))


def test_the_list_page_shows_what_was_asked_and_leaves_the_rest_blank(client, unit_a, unit_b):
    html = client.get("/enforcement/", {"q": "商贸", "unit": unit_b.code}).content.decode()
    assert 'name="q" value="商贸"' in html
    assert f'<option value="{unit_b.code}" selected>' in html
    assert re.findall(r'<option value="[^"]+" selected', html) == [f'<option value="{unit_b.code}" selected']
    blank = client.get("/enforcement/").content.decode()
    assert 'value="商贸"' not in blank and not re.findall(r'<option value="[^"]+" selected', blank)
    assert Decision.objects.count() == 0  # nothing needed to exist for the form


def test_a_unit_renamed_after_the_class_filters_were_read_still_shows_renamed(client, settings, unit_a):
    """A FilterSet's copies build their own unit field, even when something (the API schema, a
    check) has read the field of the class's own filter: its choices would be the units of then."""
    from enforcement.filters import DecisionFilter

    settings.PAGE_CACHE_SECONDS = 0
    class_filter = DecisionFilter.base_filters["unit"]
    try:
        assert ("civil-affairs", "鲁山县民政局") in list(class_filter.field.choices)
        unit_a.name = "鲁山县民政和社会事务局"
        unit_a.save()
        html = client.get("/enforcement/", {"unit": "civil-affairs"}).content.decode()
        assert '<option value="civil-affairs" selected>鲁山县民政和社会事务局</option>' in html
    finally:
        class_filter.__dict__.pop("_field", None)  # leave the class as other tests expect it
