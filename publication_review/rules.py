"""Who must review before publication (条例第十七条): one place for the rule on units."""

from organizations.models import GRASSROOTS_KINDS, Unit

# Townships, subdistricts and other grassroots offices may review their own records by default;
# the county government and its departments need a second person. A unit's own setting wins.
SELF_REVIEW_KINDS = frozenset(GRASSROOTS_KINDS)


def second_reviewer_required(unit: Unit) -> bool:
    """Whether the reviewer must be someone other than the record's author (or its publisher)."""
    if unit.second_reviewer is not None:
        return unit.second_reviewer
    return unit.kind not in SELF_REVIEW_KINDS
