"""Demo documents and interpretations of every form, some breaking each rule.

The documents read like county documents (chapters and articles); the 图解 images are charts
drawn at seed time (``demo_charts``) from the figures the documents state.
"""

import struct
import zlib
from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone

from compliance.demo import past_alert
from interpretation.deadlines import MISSING_INTERPRETATION
from interpretation.demo_charts import bar_chart, flow_chart, poster
from interpretation.demo_texts import (
    DIBAO,
    DIBAO_TEXT,
    ENROLMENT,
    EPIDEMIC,
    FAMILY_DOCTOR,
    INSURANCE,
    INSURANCE_TEXT,
    PAYMENT,
    QUESTIONS,
    RENOVATION,
    STARTUP,
    STARTUP_QUESTIONS,
)
from interpretation.models import (
    Disclosure,
    DocumentKind,
    Form,
    GalleryImage,
    Interpretation,
    PolicyDocument,
    ProcessStep,
    QuestionAnswer,
    SecrecyOutcome,
    Validity,
)
from interpretation.services import document_publish as publish_document
from interpretation.services import (
    document_save,
    document_set_validity,
    interpretation_save,
    secrecy_review_record,
)
from interpretation.services import interpretation_publish as publish_interpretation
from organizations.demo import articles
from organizations.models import Unit
from publication_review.demo import demo_review
from workdays import add_working_days


def document_publish(*, document: PolicyDocument) -> PolicyDocument:
    """Reviewed by the unit's reviewer first, as every publication is (条例第十七条)."""
    demo_review(document)
    return publish_document(document=document)


def interpretation_publish(*, interpretation: Interpretation) -> Interpretation:
    demo_review(interpretation)
    return publish_interpretation(interpretation=interpretation)


def tiny_png(rgb: tuple[int, int, int]) -> bytes:
    """A valid 8×8 PNG of one colour (the browser tests use it as an upload)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    rows = b"".join(b"\x00" + bytes(rgb) * 8 for _ in range(8))
    header = struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def tiny_mp4() -> bytes:
    """An MP4 file header: the demo has no footage (the poster and the transcript show the form)."""
    return struct.pack(">I", 24) + b"ftypisom" + b"\x00\x00\x02\x00isomiso2"


def checker(unit: Unit):
    """Who records the demo's 保密审查: a member of the unit, else the demo superuser."""
    User = get_user_model()
    return User.objects.filter(memberships__unit=unit).order_by("pk").first() or User.objects.get(username="admin")


def cleared_publish(doc: PolicyDocument) -> PolicyDocument:
    """保密审查 the day before publication (or today for an undated record), then publish."""
    checked_on = doc.published_on - timedelta(days=1) if doc.published_on else timezone.localdate()
    secrecy_review_record(document=doc, outcome=SecrecyOutcome.CLEARED, checked_on=checked_on, by=checker(doc.unit))
    return document_publish(document=doc)


def document(unit: Unit, title: str, number: str, days_ago: int, text: str, **fields: object) -> PolicyDocument:
    published = timezone.localdate() - timedelta(days=days_ago)
    doc = document_save(
        document=PolicyDocument(
            unit=unit,
            title=title,
            number=number,
            body=f"{title}\n\n{text}",
            signed_on=published - timedelta(days=3),
            published_on=published,
            **{"kind": DocumentKind.NORMATIVE, "disclosure": Disclosure.PROACTIVE, **fields},
        )
    )
    return cleared_publish(doc)


def interpret(doc: PolicyDocument, form: str, title: str, working_days_after: int, **fields: object) -> Interpretation:
    published = add_working_days(doc.published_on, working_days_after) if working_days_after else doc.published_on
    published = min(published, timezone.localdate())
    files = {k: fields.pop(k) for k in ("video", "video_poster") if k in fields}
    fields.setdefault("signed_with_document", True)  # 同步审签 stated, as the unit records it
    interpretation = Interpretation(document=doc, form=form, title=title, published_on=published, **fields)
    for name, (filename, content) in files.items():
        getattr(interpretation, name).save(filename, ContentFile(content), save=False)
    return interpretation_save(interpretation=interpretation)


def gallery(interpretation: Interpretation, images: list[tuple[str, str, bytes]]) -> None:
    for position, (filename, alt, content) in enumerate(images, start=1):
        GalleryImage.objects.create(
            interpretation=interpretation, position=position, alt=alt, image=ContentFile(content, filename)
        )


def historical(issuer: Unit, interpreter: Unit) -> None:
    """Entered after the fact: dates unknown, 同步审签 not stated, interpreted by another unit, body linked."""
    notice = cleared_publish(
        document_save(
            document=PolicyDocument(
                unit=issuer,
                kind=DocumentKind.IMPORTANT,
                title="鲁山县人民政府办公室关于做好基本公共卫生服务工作的通知",
                number="鲁政办〔2019〕15号",
                body="（历史文件，补录。原文见县政府网站。）",
                disclosure=Disclosure.PROACTIVE,
            )
        )
    )
    interpretation_publish(
        interpretation=interpretation_save(
            interpretation=Interpretation(
                document=notice,
                unit=interpreter,
                form=Form.TEXT,
                source_url="https://www.lushan.gov.cn/",
            )
        )
    )


def seed(log: callable) -> None:
    if PolicyDocument.objects.exists():
        log(f"政策文件：已有 {PolicyDocument.objects.count()} 件，未改动")
        return
    codes = [
        "civil-affairs",
        "education",
        "finance",
        "county-gov",
        "health",
        "agriculture",
        "human-resources",
        "housing",
    ]
    units = {u.code: u for u in Unit.objects.filter(code__in=codes)}
    year = timezone.localdate().year
    seed_dibao(units["civil-affairs"], year)
    seed_enrolment(units["education"], year)
    seed_insurance(units["county-gov"], year)
    seed_health(units["health"], year)
    document(
        units["finance"], "鲁山县财政资金支付管理办法", f"鲁财〔{year}〕3号", 20, articles(PAYMENT)
    )  # no interpretation
    seed_earlier(units, year)
    historical(units["county-gov"], units["health"])
    library(units, year)
    for doc in PolicyDocument.objects.filter(interpretation_due__isnull=False).prefetch_related("interpretations"):
        first = min((i.published_on for i in doc.interpretations.all() if i.published_on), default=None)
        if first and first > doc.interpretation_due:
            past_alert(
                rule_code=MISSING_INTERPRETATION,
                record=doc,
                unit_id=doc.unit_id,
                due=doc.interpretation_due,
                resolved=first,
            )
    log(f"政策文件：新建 {PolicyDocument.objects.count()} 件，解读 {Interpretation.objects.count()} 篇")


def seed_dibao(unit: Unit, year: int) -> None:
    dibao = document(unit, "鲁山县最低生活保障审核确认办法", f"鲁民〔{year}〕12号", 40, articles(DIBAO))
    interpretation_publish(
        interpretation=interpret(dibao, Form.TEXT, "《鲁山县最低生活保障审核确认办法》政策解读", 0, **DIBAO_TEXT)
    )
    chart = interpret(dibao, Form.CHART, "图解：鲁山县最低生活保障审核确认办法", 1)
    standards = [("城市\n低保", 620), ("农村\n低保", 430), ("城市特困\n基本生活", 806), ("农村特困\n基本生活", 559)]
    gallery(
        chart,
        [
            (
                "dibao-standards.png",
                "柱状图：鲁山县城乡社会救助标准（元/人·月）。城市低保620元，农村低保430元（每年5160元），"
                "城市特困人员基本生活标准806元，农村特困人员基本生活标准559元。",
                bar_chart(f"鲁山县{year}年城乡社会救助标准", "元/人·月", standards, "数据来源：鲁山县民政局"),
            ),
            (
                "dibao-procedure.png",
                "流程图：低保审核确认五个环节。提出申请（户籍地乡镇或街道）→受理（3个工作日内）→入户调查、民主评议"
                "→村（居）公示7天→县民政局确认（10个工作日内）。",
                flow_chart(
                    "最低生活保障审核确认流程",
                    [
                        ("提出\n申请", "户籍地乡镇\n（街道）"),
                        ("受理", "3个工作日内"),
                        ("入户调查\n民主评议", "乡镇（街道）"),
                        ("公示", "村（居）\n公示7天"),
                        ("县级\n确认", "10个工作日内"),
                    ],
                    "来源：《鲁山县最低生活保障审核确认办法》",
                ),
            ),
        ],
    )
    interpretation_publish(interpretation=chart)
    video = interpret(
        dibao,
        Form.VIDEO,
        "一分钟看懂低保申请（动漫）",
        2,
        transcript="旁白：家里遇到困难，收入低于低保标准，怎么申请低保？\n"
        "第一步，带上身份证、户口簿，到户籍所在地的乡镇政府或街道办事处提出申请，也可以在“豫事办”上在线申请。\n"
        "第二步，乡镇工作人员会在3个工作日内受理，然后两人以上入户调查，了解家庭收入和财产情况。\n"
        "第三步，初审结果在村里或社区公示7天，公示只写姓名的一部分、家庭人口和保障金额。\n"
        "第四步，县民政局在10个工作日内确认，低保金每月打到“一卡通”上。\n"
        "有疑问，请拨打县民政局监督电话0375-5051234。",
        video=("dibao.mp4", tiny_mp4()),
        video_poster=("dibao-poster.png", poster("一分钟看懂低保申请", "鲁山县民政局")),
    )
    interpretation_publish(interpretation=video)
    qa = interpret(dibao, Form.QA, "低保政策问答", 1)
    for position, (question, answer) in enumerate(QUESTIONS, start=1):
        QuestionAnswer.objects.create(interpretation=qa, position=position, question=question, answer=answer)
    interpretation_publish(interpretation=qa)


def seed_enrolment(unit: Unit, year: int) -> None:
    enrolment = document(unit, "鲁山县义务教育招生入学工作实施方案", f"鲁教体〔{year}〕5号", 30, ENROLMENT)
    chart = interpret(enrolment, Form.CHART, "图解：义务教育招生入学", 10)  # late: 三同步 broken
    places = [
        ("城区\n小学一年级", 3150),
        ("农村\n小学一年级", 4020),
        ("城区\n初中一年级", 2880),
        ("农村\n初中一年级", 3460),
    ]
    gallery(
        chart,
        [
            (
                "zhaosheng-plan.png",
                "柱状图：招生计划（人）。城区小学一年级3150人，农村小学一年级4020人，"
                "城区初中一年级2880人，农村初中一年级3460人。",
                bar_chart(f"鲁山县{year}年义务教育招生计划", "人", places, "数据来源：鲁山县教育体育局"),
            ),
            (
                "zhaosheng-schedule.png",
                "流程图：招生时间安排。7月10日至20日网上报名，7月21日至31日资格审核，8月10日公布录取结果。",
                flow_chart(
                    "招生入学时间安排",
                    [("网上\n报名", "7月10日—20日"), ("资格\n审核", "7月21日—31日"), ("公布\n录取", "8月10日")],
                    "来源：《鲁山县义务教育招生入学工作实施方案》",
                ),
            ),
        ],
    )
    interpretation_publish(interpretation=chart)


def seed_insurance(unit: Unit, year: int) -> None:
    plan = document(
        unit,
        "鲁山县城乡居民基本医疗保险实施办法",
        f"鲁政〔{year}〕20号",
        25,
        articles(INSURANCE),
        executive_meeting=True,
        concerns_public=True,
        specialised=True,
    )
    first = {"first_interpreter_name": "王某某", "first_interpreter_post": "县人民政府副县长"}
    steps = interpret(plan, Form.PROCESS, "城乡居民医保参保缴费流程", 0, **first, **INSURANCE_TEXT)
    for position, (title, text) in enumerate(
        [
            (
                "确认参保身份",
                "不属于职工医保覆盖范围的城乡居民、学生和新生儿参加居民医保；已参加职工医保的不重复参保。",
            ),
            ("参保登记", "到户籍所在村（社区）或通过“河南税务”“豫事办”线上登记；新生儿出生90日内登记。"),
            ("缴纳个人费用", "每年9月1日至12月31日集中缴费，个人每人每年380元；特困人员由财政全额资助。"),
            ("激活医保电子凭证", "在国家医保服务平台应用激活电子凭证，或使用社会保障卡。"),
            ("就医结算", "次年1月1日起享受待遇，在定点医疗机构出院时“一站式”直接结算。"),
        ],
        start=1,
    ):
        ProcessStep.objects.create(interpretation=steps, position=position, title=title, description=text)
    interpretation_publish(interpretation=steps)
    press = interpret(
        plan,
        Form.PRESS,
        "县政府新闻发布会：解读城乡居民医保新政",
        1,
        **first,
        event_time=timezone.make_aware(datetime.combine(plan.published_on, time(10))),
        event_place="县政府新闻发布厅",
        event_record="主持人：各位媒体朋友，上午好！今天我们邀请县人民政府副县长王某某同志和县医疗保障局负责同志，"
        "介绍《鲁山县城乡居民基本医疗保险实施办法》有关情况。\n"
        "王某某：新办法主要有三个变化。一是筹资标准调整，个人缴费每人每年380元，财政补助不低于670元；"
        "二是待遇提高，乡镇卫生院住院报销比例提高到85%；三是结算更方便，定点医疗机构全部实行“一站式”直接结算。\n"
        "记者：特困人员、低保对象参保有什么照顾？\n"
        "县医疗保障局负责同志：特困人员的个人缴费由财政全额资助，低保对象和返贫致贫人口按规定定额资助，"
        "由乡镇统一代缴，群众不用自己跑。\n"
        "记者：新生儿怎么参保？\n"
        "县医疗保障局负责同志：新生儿出生后90日内参保缴费的，从出生之日起就能享受待遇。\n"
        "主持人：今天的发布会到此结束，谢谢大家。",
    )
    interpretation_publish(interpretation=press)


def seed_health(unit: Unit, year: int) -> None:
    basics = {
        "background": "国家卫生健康委等部门要求推进家庭医生签约服务高质量发展。",
        "main_points": "明确团队组成和签约人数上限，"
        "区分免费的基础服务包和自愿选择的个性化服务包，失能老年人每季度至少上门随访一次。",
        "scope": "本县乡镇卫生院、村卫生室和签约居民。",
    }
    health = document(
        unit, "鲁山县家庭医生签约服务规范", f"鲁卫〔{year}〕8号", 20, articles(FAMILY_DOCTOR), specialised=True
    )
    interpretation_publish(
        interpretation=interpret(health, Form.TEXT, "《家庭医生签约服务规范》解读", 1, **basics)
    )  # no expert interpretation: rule broken
    epidemic = document(
        unit, "鲁山县传染病疫情报告管理办法", f"鲁卫〔{year}〕9号", 15, articles(EPIDEMIC), specialised=True
    )
    interpretation_publish(
        interpretation=interpret(
            epidemic,
            Form.EXPERT,
            "专家解读传染病疫情报告",
            1,
            expert_name="李某某",
            expert_title="主任医师，县疾病预防控制中心",
            background="传染病早发现、早报告是防控的第一道关口。",
            main_points="甲类传染病和按甲类管理的乙类传染病2小时内网络直报，其他乙类、丙类24小时内直报；"
            "医疗机构每月开展一次漏报调查。",
            notes="任何单位和个人不得隐瞒、谎报、缓报疫情。",
        )
    )
    online = interpret(
        epidemic,
        Form.INTERVIEW,
        "在线访谈：传染病疫情报告怎么做",
        2,
        event_time=timezone.make_aware(datetime.combine(epidemic.published_on, time(15))),
        event_place="鲁山县人民政府网站在线访谈栏目",
        event_record="主持人：网友们好，今天我们请来县疾控中心的专家，谈谈新出台的传染病疫情报告管理办法。\n"
        "网友：发现传染病疑似病例应该向哪里报告？\n"
        "嘉宾：医疗机构的医生是责任报告人，应当通过传染病报告信息管理系统直报；群众发现可疑情况，"
        "可以告诉村医或拨打12320卫生热线。\n"
        "网友：报告有时间要求吗？\n"
        "嘉宾：甲类和按甲类管理的乙类传染病2小时内报告，其他乙类、丙类24小时内报告。\n"
        "主持人：感谢嘉宾，本期访谈到此结束。",
        signed_with_document=False,  # breaks 同步审签
    )
    interpretation_publish(interpretation=online)


def seed_earlier(units: dict[str, Unit], year: int) -> None:
    """Documents of earlier months: the half-year figures have more than one month to show."""
    subsidy = document(
        units["agriculture"],
        "鲁山县耕地地力保护补贴实施方案",
        f"鲁农〔{year}〕2号",
        200,
        "一、补贴对象：拥有耕地承包权的种地农民。\n二、补贴标准：每亩108.6元。\n"
        "三、补贴面积：以二轮承包面积为基础，扣除已改变用途的耕地。\n四、发放方式：通过“一卡通”直接发放到户。",
    )
    interpretation_publish(
        interpretation=interpret(
            subsidy,
            Form.TEXT,
            "《鲁山县耕地地力保护补贴实施方案》解读",
            0,
            main_points="补贴对象为拥有耕地承包权的种地农民，每亩108.6元，通过“一卡通”发放到户。",
            standards="每亩108.6元。",
        )
    )
    chart = interpret(subsidy, Form.CHART, "图解：耕地地力保护补贴", 1)
    gallery(
        chart,
        [
            (
                "farm-subsidy.png",
                "柱状图：耕地地力保护补贴面积（万亩）。全县63.2万亩，其中下汤镇2.16万亩、张良镇3.05万亩、"
                "辛集乡3.40万亩、马楼乡2.88万亩。",
                bar_chart(
                    f"{year}年耕地地力保护补贴面积",
                    "万亩",
                    [("下汤镇", 2.16), ("张良镇", 3.05), ("辛集乡", 3.4), ("马楼乡", 2.88)],
                    "数据来源：鲁山县农业农村局",
                ),
            )
        ],
    )
    interpretation_publish(interpretation=chart)
    startup = document(
        units["human-resources"], "鲁山县一次性创业补贴发放办法", f"鲁人社〔{year}〕6号", 140, articles(STARTUP)
    )
    qa = interpret(startup, Form.QA, "一次性创业补贴政策问答", 5)  # late: 三同步 broken
    for position, (question, answer) in enumerate(STARTUP_QUESTIONS, start=1):
        QuestionAnswer.objects.create(interpretation=qa, position=position, question=question, answer=answer)
    interpretation_publish(interpretation=qa)
    renovation = document(
        units["housing"], "鲁山县城镇老旧小区改造资金管理办法", f"鲁建〔{year}〕4号", 100, articles(RENOVATION)
    )
    interpretation_publish(
        interpretation=interpret(
            renovation,
            Form.TEXT,
            "媒体解读：老旧小区改造，钱从哪里来、怎么花",
            2,
            main_points="《平顶山日报》记者采访县住建局：改造资金由上级补助、县级配套、居民出资和社会资本共同承担，"
            "改造内容须经小区三分之二以上居民同意，资金使用情况在小区公示栏和县政府网站公开。",
            source_url="https://www.example.com/pdsrb/laojiu-xiaoqu-gaizao.html",
        )
    )


def dated(unit: Unit, title: str, number: str, signed_on: date, **fields: object) -> PolicyDocument:
    """A document of an earlier year, published three days after signing."""
    return cleared_publish(
        document_save(
            document=PolicyDocument(
                unit=unit,
                title=title,
                number=number,
                body=f"{title}\n\n（正文略。）",
                signed_on=signed_on,
                published_on=signed_on + timedelta(days=3),
                **{"kind": DocumentKind.NORMATIVE, "disclosure": Disclosure.PROACTIVE, **fields},
            )
        )
    )


def library(units: dict[str, Unit], year: int) -> None:
    """The library's states: last year a document issued that repealed an old one, an amended one,
    one in force for more than five years without review (cleaning alert), the county's
    disclosure rules (政府信息公开制度), and a document not for the website (依申请公开)."""
    civil, county = units["civil-affairs"], units["county-gov"]
    old = dated(civil, "鲁山县临时救助实施细则", f"鲁民〔{year - 8}〕6号", date(year - 8, 4, 8))
    new = dated(civil, "鲁山县临时救助实施办法", f"鲁民〔{year - 1}〕9号", date(year - 1, 5, 12))
    document_set_validity(
        document=old,
        validity=Validity.REPEALED,
        changed_on=new.published_on,
        changed_by_document=new,
        reason="新办法施行，原细则同时废止。",
    )
    amended = dated(county, "鲁山县政府投资项目管理办法", f"鲁政〔{year - 4}〕11号", date(year - 4, 9, 1))
    document_set_validity(
        document=amended,
        validity=Validity.AMENDED,
        changed_on=date(year - 1, 10, 20),
        changed_by_title=f"鲁山县人民政府关于修改《鲁山县政府投资项目管理办法》的决定（鲁政〔{year - 1}〕21号）",
        reason="第十二条、第二十条修改，其余条款继续有效。",
    )
    dated(units["finance"], "鲁山县县级预算单位公务卡管理办法", f"鲁财〔{year - 7}〕2号", date(year - 7, 3, 2))
    dated(
        county,
        "鲁山县人民政府办公室政府信息公开保密审查制度",
        f"鲁政办〔{year - 1}〕30号",
        date(year - 1, 3, 15),
        kind=DocumentKind.OTHER,
        is_disclosure_rule=True,
    )
    dated(
        county,
        "鲁山县人民政府办公室政府信息公开申请办理制度",
        f"鲁政办〔{year - 1}〕31号",
        date(year - 1, 3, 15),
        kind=DocumentKind.OTHER,
        is_disclosure_rule=True,
    )
    document_save(
        document=PolicyDocument(
            unit=county,
            kind=DocumentKind.OTHER,
            title="鲁山县防汛应急物资储备点分布方案",
            number=f"鲁政办〔{year}〕40号",
            body="（依申请公开，不在网站发布。）",
            signed_on=timezone.localdate() - timedelta(days=60),
            disclosure=Disclosure.ON_REQUEST,
            disclosure_ground="涉及重要物资储备点位置，依申请公开（《政府信息公开条例》第十四条审查后决定）。",
        )
    )
