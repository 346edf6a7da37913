from rest_framework import mixins, serializers, viewsets
from rest_framework.permissions import IsAuthenticatedOrReadOnly

from organizations.admin import UNIT_STAFF_EDITABLE
from organizations.models import Unit
from organizations.scoping import UnitScopedPermission
from organizations.selectors import public_units


class UnitSerializer(serializers.ModelSerializer):
    parent = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)

    class Meta:
        model = Unit
        fields = ["code", "name", "short_name", "kind", "parent", "email", "phone", "address"]
        read_only_fields = [name for name in fields if name not in UNIT_STAFF_EDITABLE]


class UnitViewSet(mixins.UpdateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Every active unit. A unit's own staff may correct its contact details (PATCH)."""

    queryset = public_units().order_by("sort_order", "code")
    serializer_class = UnitSerializer
    # Anyone reads (the schema says so); writes need a session and the unit's membership.
    permission_classes = [IsAuthenticatedOrReadOnly, UnitScopedPermission]
    unit_field = "pk"
    lookup_field = "code"
    filterset_fields = ["kind"]
    http_method_names = ["get", "patch", "head", "options"]
