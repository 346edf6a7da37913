"""Reads of error reports: staff see their own units' reports (the openness office's), supervisors all."""

from django.db.models import QuerySet

from organizations.scoping import scope_queryset
from site_feedback.models import ErrorReport


def reports_for(user: object) -> QuerySet:
    reports = ErrorReport.objects.select_related("unit").order_by("-received_at", "-pk")
    return scope_queryset(reports, user)
