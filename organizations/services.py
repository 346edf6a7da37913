"""Changes to units and memberships."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from organizations.models import Membership, Role, Unit
from organizations.roles import role_group


@transaction.atomic
def membership_grant(*, user: AbstractBaseUser, unit: Unit, role: Role) -> Membership:
    membership, _created = Membership.objects.get_or_create(user=user, unit=unit, role=role)
    user_role_groups_sync(user=user)
    return membership


@transaction.atomic
def membership_revoke(*, membership: Membership) -> None:
    user = membership.user
    membership.delete()
    user_role_groups_sync(user=user)


def user_role_groups_sync(*, user: AbstractBaseUser) -> None:
    """Put the user in the editor/reviewer groups exactly when a membership needs it."""
    roles = set(Membership.objects.filter(user=user).values_list("role", flat=True))
    for role in (Role.EDITOR, Role.REVIEWER):
        group = role_group(role)
        if role in roles:
            user.groups.add(group)
        else:
            user.groups.remove(group)
    if roles and not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])


def supervisor_grant(*, user: AbstractBaseUser) -> None:
    user.groups.add(role_group("supervisor"))
    if not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
