"""Changes to units and memberships.

Every change of a role goes through accounts.policy: ``by`` is the person asking (the admin
passes request.user); ``by=None`` is the operator on the server (commands, seeding).
"""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.http import HttpRequest

from accounts.policy import check_role_change, role_names
from organizations.models import Membership, Role, Unit
from organizations.roles import role_group


def membership_grant(
    *,
    user: AbstractBaseUser,
    unit: Unit,
    role: Role,
    by: AbstractBaseUser | None = None,
    request: HttpRequest | None = None,
) -> Membership:
    # Checked before the transaction, so that a refusal's audit row is kept.
    check_role_change(actor=by, target=user, changed=role_names(role), request=request)
    return _membership_grant(user=user, unit=unit, role=role)


@transaction.atomic
def _membership_grant(*, user: AbstractBaseUser, unit: Unit, role: Role) -> Membership:
    membership, _created = Membership.objects.get_or_create(user=user, unit=unit, role=role)
    user_role_groups_sync(user=user)
    return membership


def membership_revoke(
    *, membership: Membership, by: AbstractBaseUser | None = None, request: HttpRequest | None = None
) -> None:
    check_role_change(actor=by, target=membership.user, changed=role_names(membership.role), request=request)
    _membership_revoke(membership=membership)


@transaction.atomic
def _membership_revoke(*, membership: Membership) -> None:
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


def supervisor_grant(*, user: AbstractBaseUser, by: AbstractBaseUser | None = None) -> None:
    check_role_change(actor=by, target=user, changed=role_names("supervisor"))
    user.groups.add(role_group("supervisor"))
    if not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
