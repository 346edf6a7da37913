"""Demo 建议提案 and 回应关切, dated from the day the demo is loaded: replies on time and late, one
overdue, one extended, a co-unit's opinion overdue, a dissatisfied proposer; classes A to D; two
concerns answered within their clocks and one late, so every indicator and rule has data."""

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from interaction import rules
from interaction.models import (
    Concern,
    Proposal,
    ProposalKind,
    Response,
    ResponseKind,
    ResultClass,
    Satisfaction,
    Severity,
)
from interaction.proposals_services import co_unit_opinion_record, proposal_publish, proposal_save
from interaction.responses_services import concern_save, response_publish, response_save
from organizations.models import Unit
from publication_review.demo import demo_review

REPLY = (
    "{proposer}代表（委员）：\n\n您提出的《{title}》收悉。经研究，现答复如下：\n\n"
    "一、基本情况。我单位高度重视，组织专人调研，梳理了相关政策和资金安排。\n"
    "二、工作进展。{progress}\n"
    "三、下一步打算。我们将继续加强与相关部门的沟通协调，按计划推进落实，并及时向您通报办理进展。\n\n"
    "感谢您对我县工作的关心和支持。"
)

# (kind, number, title, proposer, unit, co-units, assigned days ago, replied days after, class, public, note)
PROPOSALS = [
    (
        ProposalKind.SUGGESTION,
        "3",
        "关于提高农村低保保障标准的建议",
        "张建国",
        "civil-affairs",
        ["finance"],
        150,
        70,
        ResultClass.A,
        True,
        "今年农村低保标准已提高至每人每年 5,760 元，已全部发放到位。",
    ),
    (
        ProposalKind.SUGGESTION,
        "8",
        "关于改善城区学校周边交通秩序的建议",
        "李秀兰",
        "education",
        ["public-security", "transport"],
        150,
        85,
        ResultClass.B,
        True,
        "城区 6 所学校周边已施划接送车位，其余列入明年计划。",
    ),
    (
        ProposalKind.PROPOSAL,
        "12",
        "关于加强尧山景区旅游厕所建设的提案",
        "王志强",
        "culture-tourism",
        [],
        150,
        110,
        ResultClass.C,
        True,
        "受用地条件限制，部分点位暂不具备建设条件，已向提案人说明原因。",
    ),
    (
        ProposalKind.PROPOSAL,
        "21",
        "关于发展鲁山花瓷文化产业的提案",
        "赵文华",
        "culture-tourism",
        ["commerce"],
        150,
        60,
        ResultClass.D,
        False,
        "相关意见已留作制定文化产业规划的参考。",
    ),
    (
        ProposalKind.SUGGESTION,
        "15",
        "关于加快农村饮水安全巩固提升的建议",
        "陈丽娟",
        "water",
        ["finance"],
        150,
        None,
        "",
        True,
        "",
    ),
    (
        ProposalKind.SUGGESTION,
        "19",
        "关于规范养老机构收费的建议",
        "刘红梅",
        "civil-affairs",
        [],
        150,
        100,
        ResultClass.B,
        False,
        "已会同市场监管部门开展专项检查，收费公示制度正在完善。",
    ),
]


def _local(day: date, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _seed_proposals(today: date) -> None:
    units = {unit.code: unit for unit in Unit.objects.all()}
    for kind, number, title, proposer, unit, co_units, ago, replied_after, result, public, progress in PROPOSALS:
        assigned = today - timedelta(days=ago)
        proposal = Proposal(
            year=assigned.year,
            kind=kind,
            number=number,
            title=title,
            proposer=proposer,
            session="县十七届人大五次会议" if kind == ProposalKind.SUGGESTION else "县政协十届五次会议",
            unit=units[unit],
            assigned_on=assigned,
            public_interest=public,
        )
        if replied_after is not None:
            proposal.replied_on = assigned + timedelta(days=replied_after)
            proposal.reply_text = REPLY.format(proposer=proposer, title=title, progress=progress)
            proposal.result_class = result
        if number == "12":  # a complex case: extension approved to 4 months, replied within it
            proposal.extended_until = rules.add_months(assigned, 4)
            proposal.extension_approved_by = "县人民政府办公室"
            proposal.extension_reason = "涉及景区规划调整，需与林业、自然资源部门会商。"
        if number == "19":  # the proposer is not satisfied: a new reply within a month
            proposal.satisfaction = Satisfaction.DISSATISFIED
            proposal.dissatisfied_on = proposal.replied_on + timedelta(days=7)
        if number == "3":
            proposal.satisfaction = Satisfaction.SATISFIED
        proposal_save(proposal=proposal, co_unit_ids=[units[code].pk for code in co_units])
        for co_unit in proposal.co_units.all():
            if number != "15":  # the co-unit of the unreplied one has not sent its opinion either
                co_unit_opinion_record(
                    co_unit=co_unit,
                    sent_on=assigned + timedelta(days=20),
                    opinion="同意主办单位意见，配合做好资金保障。",
                )
        if proposal.replied_on and proposal.concerns_public:
            demo_review(proposal)
            proposal_publish(proposal=proposal)


CONCERNS = [
    # (topic, where, severity, unit, first seen days/hours ago, responses [(kind, hours after, title)])
    (
        "县城区部分路段突发内涝",
        "短视频平台",
        Severity.EMERGENCY,
        "emergency",
        (20, 22),
        [
            (ResponseKind.STATEMENT, 3, "关于县城区强降雨积水情况的通报"),
            (ResponseKind.PRESS_CONFERENCE, 20, "县防汛工作新闻发布会"),
        ],
    ),
    (
        "网传我县中小学秋季开学推迟",
        "微信群",
        Severity.GENERAL,
        "education",
        (12, 9),
        [(ResponseKind.RUMOUR, 30, "关于“秋季开学推迟”不实信息的澄清")],
    ),
    (
        "城区集中供暖开始时间",
        "政务服务热线",
        Severity.GENERAL,
        "housing",
        (6, 9),
        [(ResponseKind.INTERVIEW, 60, "县住建局负责人就今冬供暖安排答记者问")],
    ),
]


def _seed_concerns(now: datetime) -> None:
    units = {unit.code: unit for unit in Unit.objects.all()}
    for topic, where, severity, unit, (days, hour), responses in CONCERNS:
        seen = _local(timezone.localdate(now) - timedelta(days=days), hour)
        concern = concern_save(
            concern=Concern(topic=topic, seen_where=where, first_seen_at=seen, severity=severity, unit=units[unit])
        )
        for kind, hours, title in responses:
            response = response_save(
                response=Response(
                    concern=concern,
                    kind=kind,
                    title=title,
                    made_at=seen + timedelta(hours=hours),
                    summary=f"{title}。详见县人民政府网站和“鲁山发布”。",
                )
            )
            demo_review(response, unit_field="concern__unit")
            response_publish(response=response)


def seed(log: callable) -> None:
    if Proposal.objects.exists() or Concern.objects.exists():
        return
    now = timezone.now()
    _seed_proposals(timezone.localdate(now))
    _seed_concerns(now)
    log(f"建议提案 {len(PROPOSALS)} 件（按期、延期、逾期未答复、提出人不满意），回应关切 {len(CONCERNS)} 件")
