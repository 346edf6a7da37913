"""Models, one module per area; each area adds its import here."""

from administration.models.powers import (  # noqa: F401
    ITEM_FIELDS,
    AdjustmentStatus,
    ChangeKind,
    PowerAdjustment,
    PowerChange,
    PowerItem,
    PowerType,
)
from administration.models.profiles import (  # noqa: F401
    InternalBody,
    Leader,
    RecordStatus,
    ReformKind,
    UnitProfile,
    UnitReform,
)
