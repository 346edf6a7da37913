import django_filters
from django.utils import timezone
from rest_framework import pagination, serializers, viewsets

from enforcement.filters import DecisionFilter
from enforcement.models import Decision
from enforcement.public import PUBLIC_FIELDS, public_correction_note, public_decisions, public_values


class PublicDecisionSerializer(serializers.Serializer):
    """The public, masked view of a decision: the same values as the page and the CSV."""

    id = serializers.IntegerField(read_only=True)
    unit = serializers.CharField(read_only=True, help_text="执法单位代码")
    publication_due = serializers.DateField(read_only=True, help_text="应公开日期（决定日期后7个工作日）")
    first_published_on = serializers.DateField(read_only=True, help_text="首次公开日期")
    published_on_time = serializers.BooleanField(read_only=True)
    corrected_at = serializers.DateTimeField(read_only=True, allow_null=True)
    correction_note = serializers.CharField(read_only=True)
    locals().update({f.key: serializers.CharField(read_only=True, label=f.label) for f in PUBLIC_FIELDS})

    def to_representation(self, decision: Decision) -> dict:
        return {
            "id": decision.pk,
            "unit": decision.unit.code,
            **public_values(decision),
            "publication_due": decision.publication_due.isoformat(),
            "first_published_on": timezone.localdate(decision.first_published_at).isoformat(),
            "published_on_time": decision.published_on_time,
            "corrected_at": decision.corrected_at.isoformat() if decision.corrected_at else None,
            "correction_note": public_correction_note(decision),
        }


class DecisionApiFilter(DecisionFilter):
    """The API names units by code: an unknown code matches nothing rather than failing."""

    unit = django_filters.CharFilter(field_name="unit__code", help_text="执法单位代码")


class NewestFirst(pagination.CursorPagination):
    """No COUNT(*) over a million rows: a cursor to the next page instead."""

    ordering = ("-decision_date", "-id")
    page_size = 20


class DecisionViewSet(viewsets.ReadOnlyModelViewSet):
    """Published licence and penalty decisions (行政执法公示), personal data masked."""

    serializer_class = PublicDecisionSerializer
    filterset_class = DecisionApiFilter
    pagination_class = NewestFirst

    def get_queryset(self):
        return public_decisions()
