"""Models, one module per area; each area adds its import here."""

from interaction.models.mailbox import (  # noqa: F401
    OPEN_STATUSES,
    Category,
    Mailbox,
    MailboxKind,
    Message,
    MessageStatus,
    Rating,
    Referral,
    Reply,
)
