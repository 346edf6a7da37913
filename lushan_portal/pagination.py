"""Pagination without COUNT(*): over large tables an exact count costs more than the page."""

from dataclasses import dataclass

from django.db.models import QuerySet
from rest_framework.pagination import CursorPagination

PAGE_SIZE = 20
MAX_PAGE = 500


@dataclass(frozen=True)
class PeekPage:
    """One page and what it honestly knows: its rows' positions, and the total only on the last page."""

    rows: list
    number: int
    has_previous: bool
    has_next: bool
    size: int = PAGE_SIZE

    @property
    def first_position(self) -> int:
        return (self.number - 1) * self.size + 1

    @property
    def last_position(self) -> int:
        return self.first_position + len(self.rows) - 1

    @property
    def total(self) -> int | None:
        """Known without counting when nothing follows; None while a next page exists."""
        return None if self.has_next else self.last_position

    @property
    def previous_number(self) -> int:
        return self.number - 1

    @property
    def next_number(self) -> int:
        return self.number + 1


def page_number(raw: str | None) -> int:
    try:
        return min(max(int(raw or 1), 1), MAX_PAGE)
    except ValueError:
        return 1


def peek_page(queryset: QuerySet, raw_number: str | None, size: int = PAGE_SIZE) -> PeekPage:
    """Fetch one row more than the page to learn whether a next page exists."""
    number = page_number(raw_number)
    start = (number - 1) * size
    rows = list(queryset[start : start + size + 1])
    return PeekPage(rows=rows[:size], number=number, has_previous=number > 1, has_next=len(rows) > size, size=size)


class LargeListCursor(CursorPagination):
    """API lists of large collections (a million decisions, 100,000 publications): no COUNT(*),
    and no OFFSET that grows with the page; the ``next`` link carries the last row's position
    in ``ordering``, which must end with a unique field and match an index.

    Small collections (units, catalogs, policies) keep page numbers with a total.
    """

    page_size = PAGE_SIZE
