"""The openness score per unit (seed §6(一): openness weighs at least 4 % in performance assessment).

score = Σ(weight × points) / Σ(weight) over the indicators with data for the unit, where
points = 100 when the target is met, otherwise 100 × numerator / denominator for a
percentage and 0 for a count. A cell 进行中 (period not over, target still reachable) is
left out until its period ends.
"""

from compliance.models import IndicatorWeight
from compliance.registry import Indicator, IndicatorValue

FORMULA = (
    "得分 = Σ(权重 × 指标得分) ÷ Σ(有数据指标的权重)；"
    "达标得100分，未达标的比例指标按完成比例得分，未达标的计数指标得0分；进行中的指标在期间结束前不计入。"
)


def weights(codes: list[str]) -> dict[str, int]:
    stored = dict(IndicatorWeight.objects.filter(code__in=codes).values_list("code", "weight"))
    return {code: stored.get(code, 1) for code in codes}


def points(indicator: Indicator, value: IndicatorValue | None) -> float | None:
    if value is None or value.met is None:
        return None
    if value.met:
        return 100.0
    if indicator.percent and value.denominator:
        return 100.0 * value.numerator / value.denominator
    return 0.0


def unit_score(cells: list[tuple[Indicator, IndicatorValue | None]], weight_of: dict[str, int]) -> float | None:
    total = weighted = 0.0
    for indicator, value in cells:
        earned = points(indicator, value)
        if earned is None or not weight_of[indicator.code]:
            continue
        total += weight_of[indicator.code]
        weighted += weight_of[indicator.code] * earned
    return round(weighted / total, 1) if total else None
