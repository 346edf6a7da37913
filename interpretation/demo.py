"""Demo documents and interpretations of every form, some breaking each rule."""

import struct
import zlib
from datetime import datetime, time, timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from interpretation.models import (
    DocumentKind,
    Form,
    GalleryImage,
    Interpretation,
    PolicyDocument,
    ProcessStep,
    QuestionAnswer,
)
from interpretation.services import document_publish, document_save, interpretation_publish, interpretation_save
from organizations.models import Unit
from workdays import add_working_days

BODY = "第一条 为规范相关工作，根据有关法律法规，结合本县实际，制定本办法。\n第二条 本办法自发布之日起施行。"


def tiny_png(rgb: tuple[int, int, int]) -> bytes:
    """A valid 8×8 PNG of one colour, enough for a demo chart."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    rows = b"".join(b"\x00" + bytes(rgb) * 8 for _ in range(8))
    header = struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def tiny_mp4() -> bytes:
    """An MP4 file header (the demo has no real footage; the player and transcript show the form)."""
    return struct.pack(">I", 24) + b"ftypisom" + b"\x00\x00\x02\x00isomiso2"


def document(unit: Unit, title: str, number: str, days_ago: int, **fields: object) -> PolicyDocument:
    published = timezone.localdate() - timedelta(days=days_ago)
    doc = document_save(
        document=PolicyDocument(
            unit=unit,
            title=title,
            number=number,
            body=f"{title}\n\n{BODY}",
            signed_on=published - timedelta(days=3),
            published_on=published,
            **{"kind": DocumentKind.NORMATIVE, **fields},
        )
    )
    return document_publish(document=doc)


def interpret(doc: PolicyDocument, form: str, title: str, working_days_after: int, **fields: object) -> Interpretation:
    published = add_working_days(doc.published_on, working_days_after) if working_days_after else doc.published_on
    published = min(published, timezone.localdate())
    files = {k: fields.pop(k) for k in ("video", "video_poster") if k in fields}
    interpretation = Interpretation(document=doc, form=form, title=title, published_on=published, **fields)
    for name, (filename, content) in files.items():
        getattr(interpretation, name).save(filename, ContentFile(content), save=False)
    return interpretation_save(interpretation=interpretation)


def historical(issuer: Unit, interpreter: Unit) -> None:
    """Entered after the fact: dates unknown, 同步审签 not stated, interpreted by another unit, body linked."""
    notice = document_publish(
        document=document_save(
            document=PolicyDocument(
                unit=issuer,
                kind=DocumentKind.IMPORTANT,
                title="鲁山县人民政府办公室关于做好基本公共卫生服务工作的通知",
                number="鲁政办〔2019〕15号",
                body="（历史文件，补录。原文见县政府网站。）",
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
    units = {
        u.code: u
        for u in Unit.objects.filter(code__in=["civil-affairs", "education", "finance", "county-gov", "health"])
    }
    year = timezone.localdate().year
    basics = {
        "background": "为贯彻落实国家和省有关要求，进一步规范工作。",
        "main_points": "明确了适用范围、申请条件、办理程序和监督管理。",
        "scope": "本县城乡居民。",
    }

    dibao = document(units["civil-affairs"], "鲁山县最低生活保障审核确认办法", f"鲁民〔{year}〕12号", 40)
    interpretation_publish(
        interpretation=interpret(dibao, Form.TEXT, "《鲁山县最低生活保障审核确认办法》政策解读", 0, **basics)
    )
    video = interpret(
        dibao,
        Form.VIDEO,
        "一分钟看懂低保申请（动漫）",
        2,
        transcript="旁白：申请低保，先到户籍所在地乡镇政府或街道办事处提出书面申请……",
        video=("dibao.mp4", tiny_mp4()),
        video_poster=("dibao.png", tiny_png((155, 28, 28))),
    )
    interpretation_publish(interpretation=video)
    qa = interpret(dibao, Form.QA, "低保政策问答", 1)
    QuestionAnswer.objects.create(
        interpretation=qa,
        position=1,
        question="哪些家庭可以申请低保？",
        answer="共同生活的家庭成员人均收入低于当地低保标准，且财产状况符合规定的家庭。",
    )
    QuestionAnswer.objects.create(
        interpretation=qa, position=2, question="多久能审核完？", answer="乡镇应当自受理之日起30个工作日内完成审核。"
    )
    interpretation_publish(interpretation=qa)

    enrolment = document(units["education"], "鲁山县义务教育招生入学工作实施方案", f"鲁教体〔{year}〕5号", 30)
    chart = interpret(enrolment, Form.CHART, "图解：义务教育招生入学", 10)  # late: rule broken
    GalleryImage.objects.create(
        interpretation=chart,
        position=1,
        alt="招生时间安排图：报名、审核、录取三个阶段",
        image=ContentFile(tiny_png((11, 79, 156)), "zhaosheng.png"),
    )
    interpretation_publish(interpretation=chart)

    plan = document(
        units["county-gov"],
        "鲁山县城乡居民基本医疗保险实施办法",
        f"鲁政〔{year}〕20号",
        25,
        executive_meeting=True,
        concerns_public=True,
        specialised=True,
    )
    steps = interpret(
        plan,
        Form.PROCESS,
        "城乡居民医保参保缴费流程",
        0,
        first_interpreter_name="王某某",
        first_interpreter_post="县人民政府副县长",
        **basics,
    )
    for n, (title, text) in enumerate(
        [
            ("参保登记", "到村（社区）或线上登记"),
            ("缴费", "通过税务渠道缴纳个人缴费"),
            ("享受待遇", "次年1月1日起享受医保待遇"),
        ],
        start=1,
    ):
        ProcessStep.objects.create(interpretation=steps, position=n, title=title, description=text)
    interpretation_publish(interpretation=steps)
    press = interpret(
        plan,
        Form.PRESS,
        "县政府新闻发布会：解读城乡居民医保新政",
        1,
        first_interpreter_name="王某某",
        first_interpreter_post="县人民政府副县长",
        event_time=timezone.make_aware(datetime.combine(plan.published_on, time(10))),
        event_place="县政府新闻发布厅",
        event_record="主持人：各位媒体朋友，上午好……",
    )
    interpretation_publish(interpretation=press)

    health = document(units["health"], "鲁山县家庭医生签约服务规范", f"鲁卫〔{year}〕8号", 20, specialised=True)
    interpretation_publish(
        interpretation=interpret(health, Form.TEXT, "《家庭医生签约服务规范》解读", 1, **basics)
    )  # no expert: rule broken
    expert_doc = document(units["health"], "鲁山县传染病疫情报告管理办法", f"鲁卫〔{year}〕9号", 15, specialised=True)
    interpretation_publish(
        interpretation=interpret(
            expert_doc,
            Form.EXPERT,
            "专家解读传染病疫情报告",
            1,
            expert_name="李某某",
            expert_title="主任医师，县疾控中心",
            **basics,
        )
    )

    online = interpret(
        expert_doc,
        Form.INTERVIEW,
        "在线访谈：传染病疫情报告怎么做",
        2,
        event_time=timezone.make_aware(datetime.combine(expert_doc.published_on, time(15))),
        event_place="鲁山县人民政府网站在线访谈栏目",
        event_record="网友：发现传染病疑似病例应该向哪里报告？\n嘉宾：应当在规定时限内向县疾控中心报告……",
        signed_with_document=False,  # breaks 同步审签
    )
    interpretation_publish(interpretation=online)
    document(units["finance"], "鲁山县财政资金支付管理办法", f"鲁财〔{year}〕3号", 20)  # no interpretation: rule broken
    historical(units["county-gov"], units["health"])
    log(f"政策文件：新建 {PolicyDocument.objects.count()} 件，解读 {Interpretation.objects.count()} 篇")
