"""Models, one module per area; each area adds its import here."""

from administration.models.guides import (  # noqa: F401
    Audience,
    FeeMode,
    GuideMaterial,
    GuideStatus,
    GuideStep,
    LifeEvent,
    MaterialForm,
    ServiceGuide,
)
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
from administration.models.rectification import FindingSource, Rectification  # noqa: F401
from administration.models.tasks import ProgressReport, PublicStatus, TaskKind, WorkTask  # noqa: F401
