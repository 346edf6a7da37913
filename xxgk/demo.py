"""Demo 指南: the county government's and several units', published after review; 县民政局 on its
second version with the first kept as history; 下汤镇 with its fax and postcode still 待补充; and
县教育体育局's new version waiting for its reviewer."""

from datetime import timedelta

from django.utils import timezone

from organizations.models import Unit
from publication_review.demo import unit_reviewer
from xxgk.models import Guide
from xxgk.services import guide_review, guide_save, guide_start, guide_submit

FEES = (
    "依申请提供政府信息，不收取费用。申请人申请公开政府信息的数量、频次明显超过合理范围的，"
    "按《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）收取信息处理费。"
)
REMEDIES = (
    "公民、法人或者其他组织认为本机关在政府信息公开工作中侵犯其合法权益的，可以向鲁山县人民政府办公室"
    "（县政务公开办）投诉、举报，也可以依法申请行政复议或者提起行政诉讼。"
)
APPLICATION = (
    "申请人可通过本平台在线申请，也可以信函、传真或当面提交申请表。当面申请请在办公时间到受理窗口办理，"
    "并出示身份证件。本机关收到申请后20个工作日内答复；需要延长的，经负责人同意并告知申请人，延长期限不超过20个工作日。"
)
HOURS = "周一至周五（法定节假日除外）上午8:30-12:00，下午15:00-18:00"
# unit code: (office, address, phone, fax, e-mail, postcode, days ago published)
MAIL = "lushan.example.gov.cn"
GUIDES = {
    "county-gov": (
        "鲁山县人民政府办公室（县政务公开办）", "鲁山县人民路128号", "0375-5055001", "0375-5055002",
        f"xxgk@{MAIL}", "467300", 200,
    ),
    "civil-affairs": (
        "鲁山县民政局办公室", "鲁山县向阳路56号", "0375-5056101", "0375-5056102", f"mzj@{MAIL}", "467300", 300,
    ),
    "education": ("鲁山县教育体育局办公室", "鲁山县文化路18号", "0375-5057201", "", f"jtj@{MAIL}", "467300", 150),
    "market-regulation": (
        "鲁山县市场监督管理局法规股", "鲁山县花园路9号", "0375-5058301", "0375-5058302", "", "467300", 120,
    ),
    "xiatang": ("下汤镇党政综合办公室", "鲁山县下汤镇政府院内", "0375-5059401", "", "", "", 90),
}  # fmt: skip


def _publish(guide: Guide, reviewer: object, days_ago: int) -> Guide:
    guide_submit(guide=guide)
    guide = guide_review(guide=guide, by=reviewer, approve=True, comment="内容完整，同意发布。")
    when = timezone.now() - timedelta(days=days_ago)
    Guide.objects.filter(pk=guide.pk).update(published_at=when, submitted_at=when)
    return guide


def _fill(guide: Guide, office: tuple) -> Guide:
    (guide.office_name, guide.address, guide.phone, guide.fax, guide.email, guide.postcode, _days) = office
    guide.office_hours, guide.fees_rule, guide.remedies, guide.application_notes = HOURS, FEES, REMEDIES, APPLICATION
    return guide_save(guide=guide)


def seed(log: callable) -> None:
    units = Unit.objects.in_bulk(list(GUIDES), field_name="code")
    made = 0
    for code, office in GUIDES.items():
        unit = units.get(code)
        if unit is None or Guide.objects.filter(unit=unit).exists():
            continue
        by = unit_reviewer(unit)  # a reviewer of the unit (公开审查: never a supervisor or an outsider)
        _publish(_fill(guide_start(unit=unit), office), by, office[-1])
        made += 1
        if code == "civil-affairs":  # moved office: a second version, the first kept as history
            second = guide_start(unit=unit)
            second.address, second.phone = "鲁山县民主路66号（政务服务中心三楼）", "0375-5056166"
            _publish(guide_save(guide=second), by, 30)
        if code == "education":  # a new version waiting for the unit's reviewer
            second = guide_start(unit=unit)
            second.fax = "0375-5057202"
            guide_submit(guide=guide_save(guide=second))
    log(f"政府信息公开指南：新建 {made} 个单位的指南（共 {Guide.objects.count()} 个版本）")
