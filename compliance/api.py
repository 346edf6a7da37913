from rest_framework import permissions, serializers, viewsets

from compliance.models import Alert
from organizations.scoping import scope_queryset


class AlertSerializer(serializers.ModelSerializer):
    unit = serializers.SlugRelatedField(slug_field="code", read_only=True)
    record_type = serializers.CharField(source="content_type.model", read_only=True)
    rule_title = serializers.CharField(read_only=True)

    class Meta:
        model = Alert
        fields = [
            "id",
            "rule_code",
            "rule_title",
            "unit",
            "record_type",
            "object_id",
            "due_date",
            "raised_at",
            "resolved_at",
        ]


class AlertViewSet(viewsets.ReadOnlyModelViewSet):
    """Alerts of the caller's own units (supervisors: all units). Staff only."""

    serializer_class = AlertSerializer
    permission_classes = [permissions.IsAuthenticated]
    filterset_fields = ["rule_code"]

    def get_queryset(self):
        alerts = Alert.objects.select_related("unit", "content_type").order_by("-raised_at", "-pk")
        return scope_queryset(alerts, self.request.user)
