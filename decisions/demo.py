"""Demo: this year's major-decision catalog over several months and units.

An open consultation whose draft has chapters and articles and whose 起草说明 gives the
background, the legal basis, the drafting and the main changes, with comments submitted and
moderated through the services a citizen and an editor use; closed consultations with their
feedback reports (on time, late, and one overdue with a shortened window); a classified entry;
meetings with stakeholders for some units and none for others; a consultation entered after
the fact whose report does not state its counts, a 2020 one with unknown dates, and a call for
proposals for next year's catalog.
"""

from datetime import date, datetime, time, timedelta
from uuid import uuid4

from django.utils import timezone

from compliance.demo import past_alert
from decisions.deadlines import FEEDBACK_OVERDUE
from decisions.models import (
    Channel,
    Comment,
    CommentStatus,
    Kind,
    MajorDecision,
    Meeting,
    OfflineComments,
    WindowForm,
)
from decisions.services import comment_moderate, comment_submit, decision_save, fingerprint
from decisions.services import feedback_publish as publish_feedback
from lushan_portal.crypto import keyed_hash
from organizations.demo import articles, person_name
from organizations.models import Unit
from publication_review.demo import demo_review

RENOVATION_DRAFT = [
    (
        "总则",
        [
            "为推进城镇老旧小区改造，改善居民居住条件，提升城市品质，根据《国务院办公厅关于全面推进城镇老旧小区改造工作的"
            "指导意见》和《河南省城镇老旧小区改造工作实施方案》，结合本县实际，制定本办法。",
            "本办法所称城镇老旧小区，是指本县城区和建制镇建成年代较早、失养失修失管、市政配套设施不完善、"
            "社区服务设施不健全、居民改造意愿强烈的住宅小区（含单栋住宅楼）。",
            "老旧小区改造坚持居民自愿、政府引导、共建共治共享的原则，先民生后提升，先地下后地上，成熟一个改造一个。",
            "县人民政府统筹全县老旧小区改造工作。县住房和城乡建设局负责组织实施；县发展和改革委员会、县财政局、"
            "县自然资源局等部门按照职责分工做好相关工作；街道办事处、乡镇人民政府和社区居民委员会负责组织居民参与。",
        ],
    ),
    (
        "改造范围和内容",
        [
            "纳入改造范围的小区，原则上为2000年底前建成、未纳入棚户区改造计划的住宅小区；2005年底前建成、"
            "基础设施严重老化的小区可以一并纳入。",
            "基础类改造包括：供水、排水、供电、供气、供热管线和设施的改造，屋面防水、外墙保温，小区道路、"
            "消防通道、安防和照明设施的修缮。基础类改造项目由政府补助资金重点支持。",
            "完善类改造包括：加装电梯，建设无障碍设施和适老化设施，增设停车位和电动自行车集中充电设施，"
            "整治小区及周边绿化、照明等环境。完善类改造由居民和社会资本合理分担费用。",
            "提升类改造包括：建设和改造社区综合服务设施、养老托育、卫生服务站、便民市场等公共服务设施，"
            "按照“一区一策”确定。",
        ],
    ),
    (
        "项目实施",
        [
            "县住房和城乡建设局每年第四季度会同街道办事处、乡镇人民政府摸清小区底数，编制下一年度改造计划，"
            "报县人民政府批准后向社会公布。",
            "改造方案由社区居民委员会组织居民“点单”，经小区专有部分面积占比三分之二以上且人数占比三分之二以上的"
            "业主同意后实施；改造方案在小区公示栏公示不少于7日。",
            "改造项目的设计、施工和监理单位依法通过公开招标确定，招标投标情况在县公共资源交易中心网站公开。",
            "施工单位应当合理安排工期，减少对居民生活的影响，施工期间每日22时至次日6时不得进行产生噪声的作业。",
            "社区居民委员会组织居民代表参与施工质量监督；居民代表发现质量问题的，可以向县住房和城乡建设局投诉。",
            "改造项目竣工后，由县住房和城乡建设局组织设计、施工、监理单位和居民代表联合验收；验收不合格的，"
            "不得结算尾款。",
        ],
    ),
    (
        "资金筹集和管理",
        [
            "改造资金由中央和省级补助资金、县级财政配套资金、居民出资、管线单位出资和社会资本共同筹集。"
            "县级财政每年安排不少于2000万元配套资金。",
            "居民可以通过直接出资、使用住宅专项维修资金、让渡小区公共收益等方式参与改造出资；"
            "加装电梯的费用由受益业主按楼层协商分担。",
            "改造资金实行专账管理、专款专用。项目资金使用情况在小区公示栏和县人民政府网站公开，接受居民和社会监督。",
        ],
    ),
    (
        "长效管理",
        [
            "改造完成的小区应当建立长效管理机制，具备条件的成立业主大会、选聘物业服务企业；"
            "暂不具备条件的，由社区居民委员会组织居民自治管理。",
            "县住房和城乡建设局每年对已改造小区的管理情况进行评价，评价结果作为下一年度改造计划安排的参考。",
        ],
    ),
    (
        "附则",
        [
            "本办法自发布之日起施行，有效期3年。",
        ],
    ),
]
RENOVATION_EXPLANATION = """\
一、起草背景
本县城区共有2000年底前建成的住宅小区132个，涉及居民1.46万户。这些小区普遍存在管网老化、屋面漏水、道路破损、停车难、无物业管理等问题，居民改造愿望强烈。2019年以来，本县已改造老旧小区48个，但各小区改造内容、居民出资和后续管理做法不一，群众对改造内容的参与度不高。为规范改造工作，县住房和城乡建设局起草了本办法。

二、起草依据
《国务院办公厅关于全面推进城镇老旧小区改造工作的指导意见》（国办发〔2020〕23号）、《河南省城镇老旧小区改造工作实施方案》，以及《物业管理条例》《住宅专项维修资金管理办法》等规定。

三、起草过程
起草组在城区4个街道选取12个小区入户走访，发放调查问卷1860份，收回有效问卷1712份；召开居民代表、物业企业、管线单位座谈会6次；征求了县发展和改革委员会、县财政局、县自然资源局等15个部门和4个街道的意见，共收到意见建议37条，采纳29条。

四、主要内容
办法共六章二十条，明确了改造范围和基础类、完善类、提升类三类改造内容（第五条至第八条），规定了年度计划、居民“点单”、招标、施工、监督和验收的程序（第九条至第十四条），资金的筹集、分担和公开方式（第十五条至第十七条），以及改造后的长效管理（第十八条、第十九条）。

五、与现行做法相比的主要变化
（一）改造内容由居民“点单”，改造方案须经“双三分之二”业主同意并公示7日后实施（第十条），改变了过去由部门确定改造内容的做法；
（二）明确县级财政每年配套资金不少于2000万元，加装电梯费用由受益业主按楼层协商分担（第十五条、第十六条）；
（三）增加居民代表参与质量监督和竣工联合验收，验收不合格不得结算尾款（第十三条、第十四条）；
（四）要求改造后建立长效管理机制，管理评价结果与下一年度计划挂钩（第十八条、第十九条）。

六、需要重点听取意见的问题
一是加装电梯费用分摊方式；二是县级配套资金的额度；三是暂不具备条件成立业主大会的小区如何管理。欢迎社会各界提出意见建议。"""

LAYOUT_DRAFT = """\
一、规划背景
近年来，本县城区学龄人口持续增加，城区小学平均班额超过55人；农村学校学生持续减少，部分教学点在校生不足20人。
二、规划目标
到2025年，城区小学、初中消除56人以上大班额；保留并办好必要的乡村小规模学校；每个乡镇办好一所标准化寄宿制学校。
三、城区学校布局
新建城区第九小学、第十小学和城东初级中学，新增学位5400个；改扩建城区第三小学等5所学校。
四、农村学校布局
对在校生不足10人、且3公里内有完全小学的教学点，在征求家长意见后逐步撤并；偏远山区教学点予以保留并改善办学条件。
五、保障措施
撤并教学点须经县人民政府批准并提前公示；因撤并增加上学距离的学生，由县教体局统筹提供校车或寄宿。"""

LAYOUT_EXPLANATION = """\
一、编制背景：县城区学位紧张与农村学校生源减少并存，需要统筹调整中小学布局。
二、编制依据：《中华人民共和国教育法》《中华人民共和国义务教育法》《国务院办公厅关于规范农村义务教育学校布局调整的意见》。
三、主要内容：新建3所、改扩建5所城区学校；审慎撤并农村教学点，撤并须经县政府批准并提前公示，偏远山区教学点保留。"""

SPATIAL_DRAFT = """\
一、规划范围和期限：鲁山县全域，面积2406平方千米；规划期至2035年。
二、发展定位：豫西南生态屏障、全国知名文化旅游目的地、中原城市群休闲康养基地。
三、三条控制线：耕地保护目标、生态保护红线和城镇开发边界以上级下达为准。
四、城镇空间结构：“一主一副多节点”，以中心城区为主，以下汤、尧山旅游服务区为副中心。"""

PUBLIC_HEALTH_DRAFT = """\
一、总体目标：到规划期末，每个乡镇卫生院达到国家“优质服务基层行”基本标准，每个行政村卫生室配备至少1名执业（助理）医师。
二、重点任务：改造提升乡镇卫生院12所；建设县域医学影像、检验、心电诊断中心；开展基层卫生人员全员培训。
三、保障措施：县财政三年安排专项资金6000万元；落实乡村医生养老保障。"""

BUS_DRAFT = """\
一、优化线路：新开通城区至尧山、下汤两条旅游公交线路；调整1路、3路走向，覆盖城东新区。
二、站点设置：新增公交站点26个，撤销间距不足300米的站点8个。
三、票价：城区线路票价维持1元，65周岁以上老年人免费乘车。"""


def comment(
    decision: MajorDecision, body: str, status: str = CommentStatus.APPROVED, reason: str = "", **extra
) -> None:
    """A comment made during a window that has closed (the service refuses them after the close)."""
    contact = extra.get("contact", "")
    Comment.objects.create(
        decision=decision,
        body=body,
        fingerprint=fingerprint(body),
        contact_hash=keyed_hash(contact) if contact else "",
        status=status,
        rejection_reason=reason,
        moderated_at=timezone.now() if status != CommentStatus.PENDING else None,
        **extra,
    )


def feedback_publish(*, decision: MajorDecision, **report: object) -> MajorDecision:
    """The feedback report, reviewed by the unit's reviewer first (条例第十七条)."""
    demo_review(decision)
    return publish_feedback(decision=decision, **report)


def backdate_report(decision: MajorDecision, published_on: date) -> None:
    """Demo history: the feedback report went out on ``published_on`` (the service stamps today)."""
    moment = timezone.make_aware(datetime.combine(published_on, time(16)))
    MajorDecision.objects.filter(pk=decision.pk).update(report_published_on=published_on, feedback_published_at=moment)


def seed(log: callable) -> None:
    if MajorDecision.objects.exists():
        log(f"重大行政决策：已有 {MajorDecision.objects.count()} 项，未改动")
        return
    today = timezone.localdate()
    codes = ["county-gov", "housing", "education", "natural-resources", "health", "transport", "agriculture"]
    units = {u.code: u for u in Unit.objects.filter(code__in=codes)}
    year = today.year

    def decision(unit: str, title: str, **fields: object) -> MajorDecision:
        return decision_save(decision=MajorDecision(unit=units[unit], title=title, **{"year": year, **fields}))

    seed_open(decision("housing", **open_fields(today)))
    seed_closed(decision, today)
    decision(
        "natural-resources",
        "鲁山县国土空间总体规划（2021—2035年）",
        summary="统筹全县生产、生活、生态空间，划定耕地保护、生态保护和城镇开发三条控制线。",
        draft_text=SPATIAL_DRAFT,
        explanation="规划依据《中华人民共和国土地管理法》《中华人民共和国城乡规划法》和上级国土空间规划编制，"
        "落实上级下达的耕地保护目标和生态保护红线。\n\n因上级要求限期报批，征求意见期限缩短为16日。",
        basis="《中华人民共和国城乡规划法》《中华人民共和国土地管理法》",
        opens_on=today - timedelta(days=40),
        closes_on=today - timedelta(days=25),
        shortened_reason="上级要求限期报批，缩短为16日。",
    )  # short window (flagged) and feedback overdue
    decision("county-gov", "鲁山县某涉密事项", classified=True)
    decision("county-gov", "鲁山县城区供水价格调整方案", summary="拟于下半年召开听证会并征求意见。")
    seed_recorded_this_year(units["agriculture"], today)
    recorded(units["housing"])
    decision(
        "county-gov",
        "",
        kind=Kind.CATALOG_CALL,
        year=year + 1,
        window_form=WindowForm.FROM_PUBLICATION,
        published_on=today - timedelta(days=5),
        closes_on=today + timedelta(days=30),
        how_to_comment="可通过本页或信函提出建议。",
    )
    seed_meetings(units, today)
    log(f"重大行政决策：新建 {MajorDecision.objects.count()} 项，意见 {Comment.objects.count()} 条")


def open_fields(today: date) -> dict:
    return {
        "title": "鲁山县城镇老旧小区改造管理办法",
        "summary": "规范城镇老旧小区改造的范围、内容、程序、资金和改造后的管理，2000年底前建成的小区优先改造。",
        "draft_text": articles(RENOVATION_DRAFT),
        "explanation": RENOVATION_EXPLANATION,
        "basis": "《国务院办公厅关于全面推进城镇老旧小区改造工作的指导意见》（国办发〔2020〕23号）"
        "《河南省城镇老旧小区改造工作实施方案》",
        "how_to_comment": "也可发送电子邮件至 zjj@example.gov.cn，"
        "或信函寄至鲁山县住房和城乡建设局城建股（信封注明“老旧小区改造意见”）。",
        "opens_on": today - timedelta(days=10),
        "closes_on": today + timedelta(days=25),
    }


def seed_open(open_now: MajorDecision) -> None:
    """Comments as citizens submit them (the service), then moderated as the unit's editor does.

    Each from its own client: the per-client rate limit lives in the shared cache and outlasts a
    reseeded database."""
    submitted = [
        ("建议优先改造没有电梯的多层住宅，并把加装电梯的费用分摊标准写进办法。", person_name(130), "13900000000", True),
        (
            "第十条“双三分之二”同意门槛太高，老小区很多房主在外地，很难联系上，建议规定联系不上时的处理办法。",
            "",
            "",
            True,
        ),
        ("请加装电梯！", "", "", True),
        ("请加装电梯！", "", "", True),
        ("请 加装 电梯", "", "", True),
        ("希望增加停车位和电动车充电桩，现在楼道里充电很危险。", "", "someone@example.cn", True),
        ("第十三条施工时间限制很好，建议再规定施工期间保证居民出行通道。", person_name(131), "", True),
        ("我住在人民路8号院3号楼，希望先改造我们院的下水道。", person_name(132), "13812345678", True),
        ("广告：专业装修，电话 13700001111", "", "", False),
        ("县级每年2000万元是否足够？建议公开每个小区的改造预算。", "", "", None),  # still pending
    ]
    for body, name, contact, approve in submitted:
        comment_id = comment_submit(
            decision_id=open_now.pk, body=body, name=name, contact=contact, client=f"demo-{uuid4().hex}"
        ).pk
        if approve is None:
            continue
        comment_moderate(
            comment=Comment.objects.get(pk=comment_id),
            approve=approve,
            reason="" if approve else "与本事项无关的广告",
        )


def seed_closed(decision: callable, today: date) -> None:
    closed = decision(
        "education",
        "鲁山县中小学布局调整规划（2021—2025年）",
        summary="新建、改扩建城区学校，审慎调整农村教学点。",
        draft_text=LAYOUT_DRAFT,
        explanation=LAYOUT_EXPLANATION,
        basis="《中华人民共和国教育法》《国务院办公厅关于规范农村义务教育学校布局调整的意见》",
        opens_on=today - timedelta(days=80),
        closes_on=today - timedelta(days=45),
    )
    for body, status, reason in [
        ("保留偏远山区的村小教学点，孩子太小不适合住校。", CommentStatus.APPROVED, ""),
        ("城区学位太紧张，建议第九小学尽快开工。", CommentStatus.APPROVED, ""),
        ("撤并教学点前要听取家长意见，并解决接送问题。", CommentStatus.APPROVED, ""),
        ("建议城东初级中学配建学生食堂和宿舍。", CommentStatus.APPROVED, ""),
        ("邻居张某某家孩子上学的事请帮忙解决，电话13912345678。", CommentStatus.REJECTED, "含他人个人信息"),
    ]:
        comment(closed, body, status, reason)
    OfflineComments.objects.create(
        decision=closed, channel=Channel.SYMPOSIUM, count=3, summary="家长代表座谈会：希望保留教学点、提供校车。"
    )
    feedback_publish(
        decision=closed,
        received=8,
        adopted=5,
        not_adopted=2,
        main_views="保留偏远山区教学点；尽快新建城区学校；撤并前听取家长意见并解决接送；配建食堂宿舍。",
        reasons="城东初级中学的宿舍列入二期工程，本规划暂不安排；涉及个人事项的意见已转县教体局单独答复。",
    )
    backdate_report(closed, closed.closes_on + timedelta(days=12))  # on time (15 working days)

    health = decision(
        "health",
        "鲁山县基层医疗卫生服务能力提升三年行动计划",
        summary="提升乡镇卫生院和村卫生室服务能力。",
        draft_text=PUBLIC_HEALTH_DRAFT,
        explanation="根据《“健康中国2030”规划纲要》和省、市基层卫生健康工作要求起草，重点解决基层看病难问题。",
        basis="《中华人民共和国基本医疗卫生与健康促进法》",
        opens_on=today - timedelta(days=160),
        closes_on=today - timedelta(days=125),
    )
    for body in ("希望乡镇卫生院能做CT检查。", "村医待遇太低，建议落实养老保险。", "建议开通县医院专家到乡镇坐诊。"):
        comment(health, body)
    feedback_publish(
        decision=health,
        received=3,
        adopted=3,
        not_adopted=0,
        main_views="提升乡镇卫生院检查能力；落实乡村医生养老保障；县级专家下沉坐诊。",
        reasons="",
    )
    backdate_report(health, health.closes_on + timedelta(days=10))

    bus = decision(
        "transport",
        "鲁山县城区公交线路优化调整方案",
        summary="新开旅游公交线路，调整城区线路和站点。",
        draft_text=BUS_DRAFT,
        explanation="城东新区建成后，现有公交线路未覆盖；下汤、尧山景区游客增多，需开通旅游线路。",
        basis="《城市公共交通条例》",
        opens_on=today - timedelta(days=105),
        closes_on=today - timedelta(days=75),
    )
    for body in ("建议1路车延长到城东高铁站。", "老年人免费乘车很好，希望保留。"):
        comment(bus, body)
    feedback_publish(
        decision=bus,
        received=2,
        adopted=1,
        not_adopted=1,
        main_views="延长1路至高铁站；保留老年人免费乘车。",
        reasons="高铁站线路由新开的8路承担。",
    )
    backdate_report(bus, bus.closes_on + timedelta(days=35))  # late
    past_alert(
        rule_code=FEEDBACK_OVERDUE,
        record=bus,
        unit_id=bus.unit_id,
        due=bus.feedback_due,
        resolved=bus.closes_on + timedelta(days=35),
    )


def seed_recorded_this_year(unit: Unit, today: date) -> None:
    """Entered after the fact from the unit's own website: the report does not state its counts."""
    opens = today - timedelta(days=130)
    planned = decision_save(
        decision=MajorDecision(
            unit=unit,
            year=today.year,
            title="鲁山县高标准农田建设规划（2021—2030年）",
            entered_after_fact=True,
            window_form=WindowForm.PERIOD,
            window_wording=f"{opens:%Y年%m月%d日}至{opens + timedelta(days=29):%Y年%m月%d日}",
            published_on=opens,
            opens_on=opens,
            closes_on=opens + timedelta(days=29),
            how_to_comment="信函寄至县农业农村局农田建设股。",
        )
    )
    OfflineComments.objects.create(decision=planned, channel=Channel.LETTER, count=4, summary="建议优先安排丘陵地区。")
    feedback_publish(
        decision=planned,
        received=None,
        adopted=None,
        not_adopted=None,
        main_views="优先安排丘陵地区的灌溉设施。",
        reasons="",
        published_on=opens + timedelta(days=45),
    )


def recorded(unit: Unit) -> None:
    """A real 2020 notice entered after the fact: "2020年11月28日前", the start and report counts unknown."""
    old = decision_save(
        decision=MajorDecision(
            unit=unit,
            year=2020,
            title="《阳光大街中修道路工程设计方案》",
            entered_after_fact=True,
            window_form=WindowForm.BEFORE,
            window_wording="2020年11月28日前",
            ends_before=date(2020, 11, 28),
            how_to_comment="信函寄至县住房和城乡建设局；或参加座谈会。",
        )
    )
    OfflineComments.objects.create(decision=old, channel=Channel.LETTER, count=2, summary="建议夜间施工减少噪声。")
    OfflineComments.objects.create(decision=old, channel=Channel.SYMPOSIUM, count=5, summary="沿街商户希望分段施工。")
    feedback_publish(
        decision=old,
        received=None,
        adopted=None,
        not_adopted=None,
        main_views="分段施工。",
        reasons="",
        published_on=None,
    )


def seed_meetings(units: dict[str, Unit], today: date) -> None:
    """Stakeholders at government meetings: housing, education, health and transport did; others did not."""
    for unit, days, subject, people in [
        ("housing", 20, "城镇老旧小区改造管理办法（草案）", {"stakeholders": 3, "media": 2}),
        ("housing", 150, "城区背街小巷整治方案", {"public_representatives": 2}),
        ("education", 60, "中小学布局调整规划", {"experts": 2, "public_representatives": 3}),
        ("education", 200, "课后服务收费标准", {"stakeholders": 4}),
        ("health", 130, "基层医疗卫生服务能力提升三年行动计划", {"experts": 3, "media": 1}),
        ("transport", 80, "城区公交线路优化调整方案", {"public_representatives": 2, "media": 2}),
    ]:
        Meeting.objects.create(unit=units[unit], held_on=today - timedelta(days=days), subject=subject, **people)
