"""The app's admin, one module per area (Django discovers this one)."""

from administration import guides_admin, powers_admin, profiles_admin, tasks_admin  # noqa: F401
