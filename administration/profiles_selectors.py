"""Reads of unit profiles and the reform history, for the unit page's panel and the API."""

from django.db.models import F, Prefetch, QuerySet

from administration.models import InternalBody, Leader, RecordStatus, UnitProfile, UnitReform


def published_profiles() -> QuerySet:
    return UnitProfile.objects.filter(status=RecordStatus.PUBLISHED)


def with_bodies_and_leaders() -> QuerySet:
    return published_profiles().prefetch_related(
        Prefetch("bodies", queryset=InternalBody.objects.order_by("position", "pk")),
        Prefetch("leaders", queryset=Leader.objects.order_by("position", "pk")),
    )


def published_reforms() -> QuerySet:
    """Published reform entries, newest first (unknown dates last), with both units."""
    reforms = UnitReform.objects.filter(status=RecordStatus.PUBLISHED).select_related("unit", "successor")
    return reforms.order_by(F("happened_on").desc(nulls_last=True), "-pk")
