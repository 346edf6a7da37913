"""Small builders for guides, tasks and rectifications (through the services, as staff would)."""

from datetime import date

from administration.guides_services import guide_publish, guide_save
from administration.models import FeeMode, GuideMaterial, GuideStep, MaterialForm, Rectification, ServiceGuide, WorkTask
from administration.rectification_services import rectification_publish, rectification_save
from administration.tasks_services import task_publish, task_save
from organizations.models import Unit
from publication_review.testing import reviewed

GUIDE = {
    "name": "最低生活保障审核确认",
    "legal_basis": "《社会救助暂行办法》第九条至第十四条；《河南省最低生活保障审核确认办法》",
    "conditions": "共同生活的家庭成员人均收入低于当地最低生活保障标准，且财产状况符合规定的本县户籍居民家庭。",
    "location": "鲁山县政务服务中心一楼社会救助窗口，或户籍所在地乡镇（街道）便民服务中心",
    "hours": "工作日 上午 8:30–12:00，下午 15:00–18:00（夏季）",
    "legal_limit_days": 30,
    "promised_limit_days": 20,
    "fee_mode": FeeMode.FREE,
    "consult_phone": "0375-5050000",
    "complaint_phone": "0375-12345",
    "delivery": "窗口领取或邮寄送达",
    "online_url": "https://www.hnzwfw.gov.cn/",
}
MATERIALS = [
    ("最低生活保障申请书", MaterialForm.ORIGINAL, "申请人自备（窗口提供样表）", False),
    ("居民身份证", MaterialForm.ORIGINAL, "公安部门", True),
    ("户口簿", MaterialForm.BOTH, "公安部门", True),
    ("家庭收入和财产状况声明", MaterialForm.ORIGINAL, "申请人自备", False),
    ("家庭经济状况核对授权书", MaterialForm.ORIGINAL, "窗口提供", False),
]
STEPS = [
    ("申请", "向乡镇（街道）或政务服务中心窗口提出书面申请，材料不全的一次性告知补正。"),
    ("受理", "材料齐全的当场受理，出具受理通知书。"),
    ("调查核实", "乡镇（街道）入户调查，开展家庭经济状况信息核对。"),
    ("公示", "在申请人所在村（社区）公示 7 天。"),
    ("审核确认", "县民政局审核确认，不予确认的书面说明理由。"),
]


def draft_guide(
    unit: Unit, *, materials: bool = True, steps: bool = True, by: object = None, **fields: object
) -> ServiceGuide:
    guide = ServiceGuide(unit=unit, **(GUIDE | fields))
    guide_save(guide=guide, by=by)
    if materials:
        for order, (name, form, source, shared) in enumerate(MATERIALS, start=1):
            GuideMaterial.objects.create(guide=guide, order=order, name=name, form=form, source=source, shared=shared)
    if steps:
        for order, (title, description) in enumerate(STEPS, start=1):
            GuideStep.objects.create(guide=guide, order=order, title=title, description=description)
    return guide


def published_guide(unit: Unit, **fields: object) -> ServiceGuide:
    return guide_publish(guide=reviewed(draft_guide(unit, **fields)))


def draft_task(unit: Unit, **fields: object) -> WorkTask:
    values = {
        "year": 2025,
        "kind": "livelihood",
        "number": "3",
        "title": "新建改建农村公路 120 公里",
        "target": "全年新建改建农村公路 120 公里，年底前全部完工通车。",
        "planned_completion": date(2025, 12, 31),
    }
    return task_save(task=WorkTask(unit=unit, **(values | fields)))


def published_task(unit: Unit, **fields: object) -> WorkTask:
    return task_publish(task=reviewed(draft_task(unit, **fields)))


def draft_rectification(unit: Unit, **fields: object) -> Rectification:
    values = {
        "source": "audit",
        "source_title": "2025年县审计局专项资金审计",
        "found_on": date(2025, 8, 1),
        "finding": "部分临时救助资金未在规定时限内发放到户。",
        "deadline": date(2025, 10, 31),
        "measures": "逐户核对发放台账，限期补发，建立按月对账制度。",
    }
    return rectification_save(rectification=Rectification(unit=unit, **(values | fields)))


def published_rectification(unit: Unit, **fields: object) -> Rectification:
    return rectification_publish(rectification=reviewed(draft_rectification(unit, **fields)))
