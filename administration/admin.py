"""The app's admin, one module per area (Django discovers this one)."""

from administration import guides_admin, tasks_admin  # noqa: F401
