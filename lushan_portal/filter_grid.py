"""The fields of a public search form as its filter grid shows them, drawn in Python.

A list page renders its search form with every request: on the enforcement list seven fields,
one of them a select of 58 units, about a tenth of the page's time (issue 14). Most requests
set one field or none, so a field the request leaves out is taken as a blank form draws it,
kept per process (``pagecache.versioned``: one round trip to the cache, rebuilt after any
change, so a renamed unit shows at once); only the fields the request sets are drawn.
"""

import django_filters
from django import forms
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from lushan_portal.pagecache import ALL, versioned


def _field(bound: forms.BoundField) -> str:
    return f'<div class="field"><label for="{escape(bound.id_for_label)}">{escape(bound.label)}</label>{bound}</div>'


def _blank_fields(filterset: django_filters.FilterSet) -> dict[str, str]:
    name = f"blank-filter-grid:{type(filterset).__module__}.{type(filterset).__qualname__}"
    return versioned(name, ALL, build=lambda: {bound.name: _field(bound) for bound in type(filterset.form)()})


def filter_grid(filterset: django_filters.FilterSet) -> SafeString:
    """``<div class="field">`` (label and widget) for each field of the filterset's form, in order."""
    form = filterset.form
    blank = _blank_fields(filterset)
    parts = [_field(bound) if bound.name in form.data else blank[bound.name] for bound in form]
    return mark_safe("".join(parts))  # labels escaped here, widgets by their own rendering
