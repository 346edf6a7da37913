from organizations.models import Unit
from xxgk.models import Guide
from xxgk.services import guide_review, guide_save, guide_start, guide_submit

OFFICE = {
    "office_name": "鲁山县民政局办公室",
    "address": "鲁山县人民路1号",
    "office_hours": "工作日 8:30-12:00，15:00-18:00",
    "phone": "0375-5050000",
    "fax": "0375-5050001",
    "email": "mzj@example.gov.cn",
    "postcode": "467300",
    "fees_rule": "依申请提供政府信息，不收取费用；申请数量、频次明显超过合理范围的，按规定收取信息处理费。",
    "remedies": "认为本机关侵犯其合法权益的，可依法申请行政复议或者提起行政诉讼。",
}


def published_guide(unit: Unit, reviewer: object, **fields: str) -> Guide:
    guide = guide_start(unit=unit)
    for name, value in (OFFICE | fields).items():
        setattr(guide, name, value)
    guide_save(guide=guide)
    guide_submit(guide=guide)
    return guide_review(guide=guide, by=reviewer, approve=True)
