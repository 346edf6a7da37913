"""法定主动公开内容: the categories of the Regulations' Art 20 (and Art 21 for counties and
townships), what each app contributes to them, and each unit's disclosure rules (政府信息公开制度).

A domain app registers its contributions from its AppConfig.ready(); the 政府信息公开 column reads
this registry and imports no domain app. A category nobody contributes to is shown as such, with
who owns it (``OWNERS``), never hidden.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Category:
    code: str  # "20-1" … "20-15", "21-county", "21-township"
    label: str  # 第二十条第（一）项
    title: str  # the Regulations' words


CATEGORIES: tuple[Category, ...] = (
    Category("20-1", _("第二十条第（一）项"), _("行政法规、规章和行政规范性文件")),
    Category("20-2", _("第二十条第（二）项"), _("机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名")),
    Category("20-3", _("第二十条第（三）项"), _("国民经济和社会发展规划、专项规划、区域规划及相关政策")),
    Category("20-4", _("第二十条第（四）项"), _("国民经济和社会发展统计信息")),
    Category("20-5", _("第二十条第（五）项"), _("办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果")),
    Category(
        "20-6",
        _("第二十条第（六）项"),
        _("实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定"),
    ),
    Category("20-7", _("第二十条第（七）项"), _("财政预算、决算信息")),
    Category("20-8", _("第二十条第（八）项"), _("行政事业性收费项目及其依据、标准")),
    Category("20-9", _("第二十条第（九）项"), _("政府集中采购项目的目录、标准及实施情况")),
    Category("20-10", _("第二十条第（十）项"), _("重大建设项目的批准和实施情况")),
    Category(
        "20-11", _("第二十条第（十一）项"), _("扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况")
    ),
    Category("20-12", _("第二十条第（十二）项"), _("突发公共事件的应急预案、预警信息及应对情况")),
    Category("20-13", _("第二十条第（十三）项"), _("环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况")),
    Category("20-14", _("第二十条第（十四）项"), _("公务员招考的职位、名额、报考条件等事项以及录用结果")),
    Category("20-15", _("第二十条第（十五）项"), _("法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息")),
    Category(
        "21-county",
        _("第二十一条（县级人民政府及其部门）"),
        _("市政建设、公共服务、公益事业、土地征收、房屋征收、治安管理、社会救助等方面的政府信息"),
    ),
    Category(
        "21-township",
        _("第二十一条（乡镇人民政府）"),
        _(
            "贯彻落实农业农村政策、农田水利工程建设运营、农村土地承包经营权流转、宅基地使用情况审核、"
            "土地征收、房屋征收、筹资筹劳、社会救助等方面的政府信息"
        ),
    ),
)
CATEGORY_CODES = frozenset(category.code for category in CATEGORIES)


@dataclass(frozen=True)
class Contribution:
    """What the portal holds under a category, e.g. 行政规范性文件 under (一)."""

    category: str  # a Category.code
    title: str
    owner: str  # who publishes it: shown beside the link, and alone when nothing is public yet
    url: Callable[[str | None], str]  # the public list for a unit's code (None: the county)
    count: Callable[[int | None], int]  # public records of a unit's id (None: every unit)


@dataclass(frozen=True)
class RuleDocument:
    """One of a unit's rules on disclosure (政府信息公开制度): a document of the policy library."""

    title: str
    number: str  # 文号; blank when it has none
    signed_on: date | None  # None: 日期不详
    url: str


_contributions: list[Contribution] = []
_rule_sources: list[Callable[[int | None], list[RuleDocument]]] = []


def register_contribution(contribution: Contribution) -> None:
    if contribution.category not in CATEGORY_CODES:
        raise ValueError(f"unknown Art 20/21 category {contribution.category!r}")
    if contribution not in _contributions:
        _contributions.append(contribution)


def contributions(category: str | None = None) -> list[Contribution]:
    return [c for c in _contributions if category is None or c.category == category]


def register_rule_documents(source: Callable[[int | None], list[RuleDocument]]) -> None:
    """``source(unit_id)``: the unit's published disclosure rules (None: every unit's)."""
    if source not in _rule_sources:
        _rule_sources.append(source)


def rule_documents(unit_id: int | None) -> list[RuleDocument]:
    """Every registered source's documents, newest first; unknown dates last."""
    documents = [document for source in _rule_sources for document in source(unit_id)]
    return sorted(documents, key=lambda d: (d.signed_on is not None, d.signed_on or date.min), reverse=True)
