"""The admin, one module per area."""

from interaction import proposals_admin, responses_admin  # noqa: F401
