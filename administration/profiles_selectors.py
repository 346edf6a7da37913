"""Reads of unit profiles and the reform history, for the unit page's panel and the API."""

from datetime import date

from django.db.models import Prefetch, Q, QuerySet

from administration.models import InternalBody, Leader, RecordStatus, UnitProfile, UnitReform


def published_profiles() -> QuerySet:
    return UnitProfile.objects.filter(status=RecordStatus.PUBLISHED)


def current_profile(unit_id: int, today: date) -> UnitProfile | None:
    """The newest published version in effect on ``today``, its bodies and leaders: three queries."""
    return (
        published_profiles()
        .filter(unit=unit_id, effective_on__lte=today)
        .order_by("-effective_on", "-pk")
        .prefetch_related(
            Prefetch("bodies", queryset=InternalBody.objects.order_by("position", "pk")),
            Prefetch("leaders", queryset=Leader.objects.order_by("position", "pk")),
        )
        .first()
    )


def profile_versions(unit_id: int) -> QuerySet:
    """The unit's published versions, newest first (the page lists their dates)."""
    return published_profiles().filter(unit=unit_id).order_by("-effective_on", "-pk").only("pk", "effective_on")


def unit_history(unit_id: int) -> list[UnitReform]:
    """Published reform entries about the unit: its own past (names, what became of it) and the
    units whose duties it took over. One query."""
    reforms = UnitReform.objects.filter(status=RecordStatus.PUBLISHED).filter(Q(unit=unit_id) | Q(successor=unit_id))
    return list(reforms.select_related("unit", "successor").order_by("-happened_on", "-pk"))
