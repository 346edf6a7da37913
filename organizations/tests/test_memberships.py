import pytest

from organizations.models import Role
from organizations.roles import role_group
from organizations.scoping import is_supervisor, scope_queryset, user_unit_ids
from organizations.services import membership_grant, membership_revoke

pytestmark = pytest.mark.django_db


def test_granting_a_membership_makes_the_user_staff_in_the_role_group(django_user_model, unit_a):
    user = django_user_model.objects.create_user("new-editor")
    membership = membership_grant(user=user, unit=unit_a, role=Role.EDITOR)
    user.refresh_from_db()
    assert user.is_staff
    assert user.groups.filter(pk=role_group(Role.EDITOR).pk).exists()
    assert user.has_perm("organizations.change_unit")
    membership_revoke(membership=membership)
    user = django_user_model.objects.get(pk=user.pk)
    assert not user.groups.filter(pk=role_group(Role.EDITOR).pk).exists()
    assert not user.has_perm("organizations.change_unit")


def test_a_user_may_belong_to_several_units(django_user_model, unit_a, unit_b):
    user = django_user_model.objects.create_user("two-hats")
    membership_grant(user=user, unit=unit_a, role=Role.EDITOR)
    membership_grant(user=user, unit=unit_b, role=Role.REVIEWER)
    assert user_unit_ids(user) == {unit_a.pk, unit_b.pk}
    assert user_unit_ids(user, Role.REVIEWER) == {unit_b.pk}


def test_scope_queryset_reads_and_writes(editor_a, supervisor, unit_a, unit_b):
    units = type(unit_a).objects.all()
    assert list(scope_queryset(units, editor_a, unit_field="pk")) == [unit_a]
    assert set(scope_queryset(units, supervisor, unit_field="pk")) == {unit_a, unit_b}
    assert list(scope_queryset(units, supervisor, unit_field="pk", for_write=True)) == []
    assert is_supervisor(supervisor) and not is_supervisor(editor_a)
