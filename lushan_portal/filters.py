"""Query parameters shared by the pages and the API: a year and a record id, each refused
with a Chinese message naming the parameter instead of reaching the database."""

import copy

import django_filters
import django_filters.fields
from django import forms
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field

from lushan_portal.pagecache import versioned
from lushan_portal.widgets import FastDateInput, FastSelect, FastTextInput
from organizations.models import Unit

# The years the portal has records for; one place for the pages, the API and the dashboard.
MIN_YEAR = 2000
MAX_YEAR = 2100
# The largest id PostgreSQL's bigint holds: a larger one can match no record.
MAX_ID = 2**63 - 1

ERROR_YEAR = "参数 %(name)s（年份）须为 %(min)d 至 %(max)d 之间的整数。"
ERROR_ID = "参数 %(name)s 须为正整数编号。"


def year_error(name: str) -> str:
    return ERROR_YEAR % {"name": name, "min": MIN_YEAR, "max": MAX_YEAR}


def valid_year(year: int) -> bool:
    return MIN_YEAR <= year <= MAX_YEAR


class BoundedIntegerField(forms.IntegerField):
    """An integer within bounds; every way of missing them gets the one message."""

    def __init__(self, *, message: str, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.error_messages.update(dict.fromkeys(("invalid", "min_value", "max_value"), message))


@extend_schema_field({"type": "integer", "minimum": MIN_YEAR, "maximum": MAX_YEAR})
class YearFilter(django_filters.NumberFilter):
    """A four-digit year (``?year=2026``); 0 or 100000 is a 400 naming the parameter."""

    field_class = BoundedIntegerField

    def __init__(self, *args: object, param: str = "year", **kwargs: object) -> None:
        kwargs.setdefault("lookup_expr", "year")
        super().__init__(*args, min_value=MIN_YEAR, max_value=MAX_YEAR, message=year_error(param), **kwargs)


@extend_schema_field({"type": "integer", "minimum": 1, "maximum": MAX_ID})
class IdFilter(django_filters.NumberFilter):
    """A record id: an id that matches nothing gives an empty list, not an error."""

    field_class = BoundedIntegerField

    def __init__(self, *args: object, param: str, **kwargs: object) -> None:
        super().__init__(*args, min_value=1, max_value=MAX_ID, message=ERROR_ID % {"name": param}, **kwargs)


def text_filter(max_length: int, **kwargs: object) -> django_filters.CharFilter:
    """A free-text parameter (``?q=``) whose length limit the API schema states."""
    kwargs.setdefault("widget", FastTextInput)
    text = django_filters.CharFilter(max_length=max_length, **kwargs)
    return extend_schema_field({"type": "string", "maxLength": max_length})(text)


class SharedChoiceField(django_filters.fields.ChoiceField):
    """A choice field whose copies share its choices.

    A form copies its fields for every request; copying the choices too (58 units, the
    categories' translated labels) took a tenth of the enforcement list's time (issue 14).
    Nothing changes a public search form's choices per request.
    """

    def __deepcopy__(self, memo: dict) -> "SharedChoiceField":
        return forms.Field.__deepcopy__(self, memo)  # not ChoiceField's, which copies the choices


class FastChoiceFilter(django_filters.ChoiceFilter):
    """A choice for a search form, rendered without the template engine (lushan_portal.widgets)."""

    field_class = SharedChoiceField

    def __deepcopy__(self, memo: dict) -> "FastChoiceFilter":
        """A FilterSet copies its filters for every request: copy this one's settings, share its choices."""
        result = copy.copy(self)
        result.extra = dict(self.extra)
        result.__dict__.pop("_field", None)  # each copy builds its field (a unit filter reads the units then)
        if result.method is not None:
            result.method = result.method  # a method filter calls it through this copy's FilterSet
        memo[id(self)] = result
        return result

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("widget", FastSelect)
        super().__init__(*args, **kwargs)


class FastDateFilter(django_filters.DateFilter):
    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("widget", FastDateInput)
        super().__init__(*args, **kwargs)


def active_unit_choices() -> list[tuple[str, str]]:
    """(code, name) of every active unit in display order: two columns, no model instances,
    read again only when a unit changes (the SITE version)."""

    def build() -> list[tuple[str, str]]:
        return list(Unit.objects.filter(is_active=True).order_by("sort_order", "code").values_list("code", "name"))

    return versioned("active-unit-choices", build=build)


class UnitFilter(FastChoiceFilter):
    """An active unit by its code (``?unit=civil-affairs``), for the public search forms.

    The choices are read once per form (validating and rendering share them) and kept while
    the units are unchanged, where a model choice read the units twice and built a model for
    each of them on every request.
    """

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("field_name", "unit__code")
        kwargs.setdefault("empty_label", _("全部单位"))
        super().__init__(*args, choices=[], **kwargs)

    @property
    def field(self) -> forms.Field:
        if not hasattr(self, "_field"):
            self.extra["choices"] = active_unit_choices()
        return super().field
