"""Demo: this year's major-decision catalog, an open consultation, a closed one with its
report, a classified entry, comments in every moderation state, and meetings; a consultation
entered after the fact (start date and report counts unknown, comments by letter and at a
座谈会) and a call for proposals for next year's catalog."""

from datetime import date, timedelta

from django.utils import timezone

from decisions.models import Channel, Comment, CommentStatus, Kind, MajorDecision, Meeting, OfflineComments, WindowForm
from decisions.services import decision_save, feedback_publish, fingerprint
from organizations.models import Unit

DRAFT = "第一条 为加强管理，制定本办法。\n第二条 ……"


def comment(decision: MajorDecision, body: str, status: str = CommentStatus.PENDING, reason: str = "", **extra) -> None:
    Comment.objects.create(
        decision=decision, body=body, fingerprint=fingerprint(body), status=status, rejection_reason=reason, **extra
    )


def seed(log: callable) -> None:
    if MajorDecision.objects.exists():
        log(f"重大行政决策：已有 {MajorDecision.objects.count()} 项，未改动")
        return
    today = timezone.localdate()
    units = {
        u.code: u for u in Unit.objects.filter(code__in=["county-gov", "housing", "education", "natural-resources"])
    }
    year = today.year

    def decision(unit: str, title: str, **fields: object) -> MajorDecision:
        return decision_save(decision=MajorDecision(unit=units[unit], title=title, **{"year": year, **fields}))

    open_now = decision(
        "housing",
        "鲁山县老旧小区改造三年行动方案",
        summary="对2000年前建成的老旧小区实施改造。",
        draft_text=DRAFT,
        explanation="起草背景、过程和主要内容说明。",
        basis="《国务院办公厅关于全面推进城镇老旧小区改造工作的指导意见》",
        how_to_comment="也可发送电子邮件至 zjj@example.gov.cn。",
        opens_on=today - timedelta(days=10),
        closes_on=today + timedelta(days=25),
    )
    comment(open_now, "建议优先改造没有电梯的多层住宅。", CommentStatus.APPROVED, name="张某", contact="13900000000")
    for _ in range(3):
        comment(open_now, "请加装电梯！", CommentStatus.APPROVED)
    comment(open_now, "请 加装 电梯", CommentStatus.APPROVED)
    comment(open_now, "希望增加停车位。", contact="someone@example.cn")
    comment(open_now, "广告：专业装修", CommentStatus.REJECTED, reason="与本事项无关的广告")

    closed = decision(
        "education",
        "鲁山县中小学布局调整规划（2021-2025年）",
        draft_text=DRAFT,
        explanation="说明。",
        basis="《中华人民共和国教育法》",
        opens_on=today - timedelta(days=80),
        closes_on=today - timedelta(days=45),
    )
    comment(closed, "保留村小教学点。", CommentStatus.APPROVED)
    comment(closed, "增加城区学位。", CommentStatus.APPROVED)
    comment(closed, "个人隐私内容", CommentStatus.REJECTED, reason="含他人个人信息")
    feedback_publish(
        decision=closed,
        received=3,
        adopted=1,
        not_adopted=1,
        main_views="保留偏远教学点；增加城区学位。",
        reasons="城区新建学校已列入另一规划。",
    )

    decision(
        "natural-resources",
        "鲁山县国土空间总体规划（征求意见稿）",
        draft_text=DRAFT,
        explanation="说明。",
        basis="《中华人民共和国城乡规划法》",
        opens_on=today - timedelta(days=40),
        closes_on=today - timedelta(days=25),
        shortened_reason="上级要求限期报批，缩短为16日。",
    )  # short window (flagged) and feedback overdue
    decision("county-gov", "鲁山县某涉密事项", classified=True)
    decision("county-gov", "鲁山县城区供水价格调整方案", summary="拟于下半年征求意见。")

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

    Meeting.objects.create(
        unit=units["housing"], held_on=today - timedelta(days=20), subject="老旧小区改造方案", stakeholders=3, media=2
    )
    Meeting.objects.create(unit=units["education"], held_on=today - timedelta(days=200), subject="布局调整", experts=2)
    log(f"重大行政决策：新建 {MajorDecision.objects.count()} 项，意见 {Comment.objects.count()} 条")


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
