"""What major decisions contribute to the 政府信息公开 column (法定主动公开内容): the year catalogs of
major administrative decisions and their consultations, under Art 20 (三) (plans and the policies
behind them). Registered from DecisionsConfig.ready."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from decisions.models import Kind, MajorDecision
from lushan_portal import disclosure_index
from lushan_portal.links import record_url


def decision_url(_unit_code: str | None) -> str:
    """The year catalog lists every unit's decisions together."""
    return record_url("decisions:year", timezone.localdate().year)


def decision_count(unit_id: int | None) -> int:
    """Entries of the major-decision catalogs (calls for proposals are not entries). One query."""
    rows = MajorDecision.objects.filter(kind=Kind.DRAFT)
    return (rows if unit_id is None else rows.filter(unit_id=unit_id)).count()


def register_disclosure() -> None:
    disclosure_index.register_contribution(
        disclosure_index.Contribution(
            category="20-3",
            title=_("重大行政决策事项目录、公开征求意见及采纳情况"),
            owner=_("各决策承办单位，县人民政府办公室汇总年度目录"),
            url=decision_url,
            count=decision_count,
        )
    )
