"""Demo letters: answered and published (one after a referral), waiting, late, reopened after a
dissatisfied rating, and one past the 3-month red line (the county's red alert). Letters go through
the services; their dates are then set back to when they would have happened."""

from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from interaction import rules
from interaction.mailbox_intake import message_submit
from interaction.mailbox_services import (
    message_accept,
    message_publish,
    message_refer,
    reply_draft,
    reply_rate,
    reply_send,
)
from interaction.mailbox_setup import CONSULTATION_CODE, COUNTY_HEAD_CODE, mailboxes_seed
from interaction.models import Category, Mailbox, Message, Rating, Referral, Reply
from organizations.models import Unit
from publication_review.demo import demo_review
from workdays import add_working_days, is_working_day

# (mailbox, category, subject, body, name, contact, consent, working days ago received, steps)
# steps: "refer:<unit>", "accept", "reply:<text>", "publish", "rate:<rating>"
LETTERS = [
    (
        COUNTY_HEAD_CODE, Category.SUGGEST, "建议在老城区增设夜间临时停车位",
        "老城区人民路、向阳路一带晚上停车很难，车辆只能停在人行道上。建议利用机关单位院内停车场夜间向居民开放，"
        "或在支路划设夜间临时停车位。我的电话13803751234，欢迎回访。",
        "王建军", "13803751234", True, 18,
        ["accept", "reply:感谢您的建议。县城市管理局已会同交警大队对人民路、向阳路周边进行了调查，拟于下月起在"
         "向阳路北段、文化路划设夜间临时停车泊位120个（19:00至次日7:00），并协调县直机关院内停车场夜间对外开放。",
         "publish", "rate:satisfied"],
    ),
    (
        COUNTY_HEAD_CODE, Category.CONSULT, "父母年满80岁，高龄津贴怎么申领",
        "我父亲今年满80周岁，户口在琴台街道，请问高龄津贴需要到哪里申请，带什么材料？",
        "李春花", "lichunhua@example.com", True, 12,
        ["refer:civil-affairs", "accept", "reply:您好！80周岁以上老年人高龄津贴由户籍所在地乡镇（街道）民政所受理。"
         "请携带老人身份证、户口簿和本人银行卡（社保卡）到琴台街道便民服务中心民政窗口申请，审核通过后次月起按月发放。",
         "publish"],
    ),
    (
        "civil-affairs", Category.HELP, "临时救助申请后多久能批下来",
        "家里老人住院花了不少钱，上周在乡里申请了临时救助，想问一下一般多久能审批下来。",
        "张玉梅", "13937512345", False, 0, [],
    ),
    (
        "education", Category.COMPLAIN, "学校课后服务收费是否合规",
        "孩子所在小学要求每学期交课后服务费600元，说是自愿但实际上全班都要交，请问收费标准有没有文件依据？",
        "刘德全", "13603758888", True, 12, ["accept"],
    ),
    (
        "civil-affairs", Category.CONSULT, "低保年审需要重新提交材料吗",
        "我家是城市低保户，今年年审通知让重新提交收入证明，单位不给开，怎么办？",
        "陈素珍", "13700375000", True, 20,
        ["accept", "reply:低保年审按规定需核实家庭收入情况。无法提供单位收入证明的，可由本人书面承诺，社区入户核查。",
         "rate:dissatisfied"],
    ),
    (
        CONSULTATION_CODE, Category.CONSULT, "农村宅基地上翻建房屋要办什么手续",
        "我家在下汤镇，老房子想拆了翻建，需要到哪个部门办理审批手续？",
        "赵国庆", "13838012345", True, 70, [],
    ),
]  # fmt: skip


def _at(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _working_days_before(today: date, days: int) -> date:
    day, counted = today, 0
    while counted < days:
        day -= timedelta(days=1)
        counted += is_working_day(day)
    return day


def _users() -> dict[str, object]:
    return {user.username: user for user in get_user_model().objects.filter(username__in=["admin", "editor-a"])}


def _handler(unit: Unit, users: dict[str, object]) -> object:
    return users["editor-a"] if unit.code == "civil-affairs" and "editor-a" in users else users["admin"]


def _play(message: Message, steps: list[str], received_on: date, users: dict[str, object]) -> None:
    """Each step through its service, then dated: a step a working day after the one before."""
    day = sent_on = received_on
    for step in steps:
        kind, _, argument = step.partition(":")
        message.refresh_from_db()
        by = _handler(message.unit, users)
        if kind == "refer":
            referral = message_refer(
                message=message, to_unit=Unit.objects.get(code=argument), reason="属于县民政局职责范围", by=by
            )
            day = add_working_days(day, 1)
            Referral.objects.filter(pk=referral.pk).update(referred_on=day, referred_at=_at(day, 10))
            Message.objects.filter(pk=message.pk).update(assigned_on=day, accept_due=rules.accept_due(day))
        elif kind == "accept":
            message_accept(message=message, by=by)
            day = add_working_days(day, 1)
            Message.objects.filter(pk=message.pk).update(
                accepted_on=day, reply_started_on=day, reply_due=rules.reply_due(day)
            )
        elif kind == "reply":
            reply = reply_draft(message=message, body=argument, by=by)
            demo_review(reply)
            reply_send(reply=reply, by=by)
            day = sent_on = add_working_days(day, 3)
            Reply.objects.filter(pk=reply.pk).update(sent_on=day, sent_at=_at(day, 16))
            Message.objects.filter(pk=message.pk).update(
                first_answered_on=day,
                answered_on=day,
                answer_working_days=rules.working_days_to_answer(received_on, day),
                first_answer_on_time=True,
            )
        elif kind == "publish":
            message_publish(message=message, by=by)
            day = add_working_days(day, 1)
            Message.objects.filter(pk=message.pk).update(published_at=_at(day, 9), public_answered_on=sent_on)
        elif kind == "rate":
            reply_rate(message=message, rating=Rating(argument))


def seed(log: callable) -> None:
    created = mailboxes_seed()
    log(f"信箱：新建 {created} 个（县长信箱、咨询留言、各单位信箱）")
    if Message.objects.exists():
        log(f"留言：已有 {Message.objects.count()} 条，未改动")
        return
    users = _users()
    if "admin" not in users:
        log("留言：没有演示账号 admin，未加载")
        return
    today = timezone.localdate()
    for code, category, subject, body, name, contact, consent, days_ago, steps in LETTERS:
        mailbox = Mailbox.objects.get(code=code)
        received_on = _working_days_before(today, days_ago)
        received = message_submit(
            mailbox=mailbox, category=category, subject=subject, body=body, name=name, contact=contact,
            consent_publication=consent, client=None,
        )  # fmt: skip
        message = received.message
        Message.objects.filter(pk=message.pk).update(
            received_on=received_on,
            received_at=_at(received_on, 9),
            assigned_on=received_on,
            accept_due=rules.accept_due(received_on),
            red_line_on=rules.red_line_on(received_on),
            reference=f"LY{received_on:%Y%m%d}{message.pk:06d}",
        )
        _play(message, steps, received_on, users)
    log(
        f"留言：新建 {len(LETTERS)} 条（已答复并公开 2 条，其中 1 条经转交；"
        "待受理、逾期未答复、不满意重办、超三个月未答复各 1 条）"
    )
