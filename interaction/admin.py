"""The admin of 互动交流: one module per area."""

from interaction import mailbox_admin, proposals_admin, responses_admin  # noqa: F401
