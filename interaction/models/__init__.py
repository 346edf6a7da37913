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
from interaction.models.proposals import (  # noqa: F401
    Proposal,
    ProposalCoUnit,
    ProposalKind,
    ReplyStatus,
    ResultClass,
    Satisfaction,
)
from interaction.models.responses import Concern, Response, ResponseKind, Severity  # noqa: F401
