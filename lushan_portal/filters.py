"""Query parameters shared by the pages and the API: a year and a record id, each refused
with a Chinese message naming the parameter instead of reaching the database."""

import django_filters
from django import forms
from drf_spectacular.utils import extend_schema_field

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
    text = django_filters.CharFilter(max_length=max_length, **kwargs)
    return extend_schema_field({"type": "string", "maxLength": max_length})(text)
