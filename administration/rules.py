"""管理服务公开: the numbers in one place, and the pure arithmetic on them.

Each area has its section; settings that local rules may change are read here only.
"""

from datetime import date, timedelta

from django.conf import settings

from workdays import add_working_days

# Profiles --------------------------------------------------------------------------------
# A unit profile (机构概况, Regulations Art 20(二)) has no deadline of its own: a new version is
# published when the county publishes the unit's functions, bodies or leaders anew.

# Power lists -----------------------------------------------------------------------------
# Seed §3(二): 权责清单 kept public "with dynamic adjustment". Local rule (issue 18): a unit updates
# its list within POWER_BASIS_UPDATE_WORKING_DAYS working days (default 20, the setting
# POWER_LIST_UPDATE_WORKING_DAYS) after a document its list cites as legal basis ends (repealed or
# expired). Ended on day D: updating on add_working_days(D, N) is on time, the working day after is late.
CHANGES_SHOWN_DAYS = 365  # the public page lists the adjustments of the last year


def basis_update_working_days() -> int:
    return settings.POWER_LIST_UPDATE_WORKING_DAYS


def basis_update_due(ended_on: date) -> date:
    """The last day to publish the adjusted list after its basis ended on ``ended_on``."""
    return add_working_days(ended_on, basis_update_working_days())


def updated_on_time(ended_on: date, updated_on: date) -> bool:
    return updated_on <= basis_update_due(ended_on)


def changes_since(today: date) -> date:
    """The first day of the "changes of the last year" on the public page."""
    return today - timedelta(days=CHANGES_SHOWN_DAYS)
