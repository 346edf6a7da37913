"""The app's admin, one module per area."""

from administration import powers_admin, profiles_admin  # noqa: F401
