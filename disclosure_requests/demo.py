"""Demo applications in every state: online and at the service centre's counter (one settled on the
spot), a letter whose receipt date is not yet confirmed, a 补正, a third-party consultation, an
extension, and replies of three kinds with a reconsideration pending. Dates count back from today."""

from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from disclosure_requests import reviews, services
from disclosure_requests.intake import application_register, application_submit_online
from disclosure_requests.models import (
    ApplicantType,
    Application,
    Channel,
    Delivery,
    FormWanted,
    IdType,
    OrganizationKind,
    PauseKind,
    ReplyKind,
    ReplyReason,
    Review,
    ReviewKind,
    SentRoute,
    SentStatus,
)
from organizations.demo import DEMO_PASSWORD
from organizations.models import Role, Unit
from organizations.services import membership_grant
from organizations.validators import credit_code_check_char, id_check_char

COUNTER_LOGIN = "counter"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def _person(n: int, name: str, **extra: object) -> dict:
    first17 = f"4104231985{n:02d}0{n % 3 + 1}12{n}"[:17].ljust(17, "1")
    return {
        "applicant_type": ApplicantType.NATURAL_PERSON,
        "name": name,
        "id_type": IdType.RESIDENT_ID,
        "id_number": first17 + id_check_char(first17),
        "phone": f"1390375{n:04d}",
        "address": f"鲁山县鲁阳街道向阳路{n}号",
        "form_wanted": FormWanted.PAPER,
        "delivery": Delivery.POST,
        **extra,
    }


def _organization(name: str, kind: str, **extra: object) -> dict:
    first17 = "91410423MA9" + "K3L7P2"
    return {
        "applicant_type": ApplicantType.ORGANIZATION,
        "organization_kind": kind,
        "name": name,
        "credit_code": first17 + credit_code_check_char(first17),
        "agent_name": "赵律师",
        "phone": "0375-5051234",
        "email": "office@example.com",
        "form_wanted": FormWanted.EMAIL,
        "delivery": Delivery.EMAIL,
        **extra,
    }


def _counter_clerk(counter: Unit) -> object:
    user, is_new = get_user_model().objects.get_or_create(username=COUNTER_LOGIN, defaults={"is_staff": True})
    if is_new:
        user.set_password(DEMO_PASSWORD)
        user.save()
    membership_grant(user=user, unit=counter, role=Role.EDITOR)
    return user


def _online(unit: Unit, received_on: date, fields: dict) -> Application:
    from django.core.files.base import ContentFile

    application = Application(unit=unit, **fields)
    received = application_submit_online(application=application, id_image=ContentFile(PNG, "id.png"), client=None)
    application = received.application
    created = timezone.make_aware(datetime.combine(received_on, time(10)))
    Application.objects.filter(pk=application.pk).update(
        arrived_on=received_on, received_on=received_on, created_at=created
    )
    application.refresh_from_db()
    return services.due_date_recompute(application)


def _registered(unit: Unit, by: object, channel: str, arrived_on: date, fields: dict, **extra: object) -> Application:
    application = Application(unit=unit, channel=channel, arrived_on=arrived_on, **fields, **extra)
    return application_register(application=application, by=by).application


def seed(log: callable) -> None:
    units = {
        unit.code: unit
        for unit in Unit.objects.filter(
            code__in=["civil-affairs", "education", "natural-resources", "approval-service"]
        )
    }
    users = {
        user.username: user
        for user in get_user_model().objects.filter(username__in=["editor-a", "editor-b", "reviewer"])
    }
    if len(units) < 4 or len(users) < 3:
        log("依申请公开：缺少演示单位或账号，未加载")
        return
    clerk = _counter_clerk(units["approval-service"])
    log(f"  演示账号 {COUNTER_LOGIN} / {DEMO_PASSWORD}  县政务服务中心政务公开专区（为各单位登记申请）")
    if Application.objects.exists():
        log(f"依申请公开：已有 {Application.objects.count()} 件申请，未改动")
        return
    today = timezone.localdate()
    civil, education, resources = units["civil-affairs"], units["education"], units["natural-resources"]
    editor, reviewer = users["editor-a"], users["reviewer"]

    _online(civil, today - timedelta(days=3), _person(1, "王秀兰", description="本村2025年城乡低保对象名单及保障金额"))
    spot = _registered(
        civil,
        clerk,
        Channel.COUNTER,
        today - timedelta(days=8),
        _person(2, "李建军", description="县民政局2025年度临时救助资金使用情况"),
    )
    services.application_close(
        application=spot,
        kind=ReplyKind.DISCLOSED,
        replied_on=spot.received_on,
        by=editor,
        letter_text="经查，您申请的信息已在本平台“社会救助”栏目主动公开，窗口已当场提供打印件。",
        disclosed_url="https://gongkai.example.gov.cn/units/civil-affairs/social-assistance/",
        sent_route=SentRoute.IN_PERSON,
        sent_status=SentStatus.SENT,
        sent_at=timezone.now(),
    )
    _registered(
        civil,
        editor,
        Channel.ORDINARY_LETTER,
        today - timedelta(days=2),
        _person(3, "张桂芳", description="我家房屋征收补偿标准的文件"),
    )
    correction = _online(education, today - timedelta(days=6), _person(4, "刘德全", description="学校的那个文件"))
    services.correction_notice(
        application=correction,
        sent_on=today - timedelta(days=4),
        deadline=today + timedelta(days=10),
        notice_text="请写明所需文件的名称、学校名称和年份。",
        by=_editor_of(education),
    )
    consulting = _registered(
        resources,
        clerk,
        Channel.REGISTERED_MAIL,
        today - timedelta(days=12),
        _organization(
            "河南某某律师事务所", OrganizationKind.LEGAL_SERVICE, description="某地块2024年国有建设用地使用权出让合同"
        ),
    )
    services.pause_start(
        application=consulting,
        kind=PauseKind.THIRD_PARTY,
        start=today - timedelta(days=5),
        addressee="鲁山县某置业有限公司",
        notice_text="征求第三方意见书",
        by=_editor_of(resources),
    )
    extended = _registered(
        civil,
        editor,
        Channel.COUNTER,
        today - timedelta(days=24),
        _person(5, "陈玉梅", description="2020年至2025年本乡镇特困供养人员名单"),
    )
    services.extension_grant(
        application=extended,
        by=reviewer,
        approved_on=today - timedelta(days=1),
        reason="涉及多个年度档案，需调阅整理",
        notified_on=today - timedelta(days=1),
    )
    not_held = _registered(
        civil,
        editor,
        Channel.EMAIL,
        today - timedelta(days=40),
        _person(6, "杨国庆", email="yang@example.com", description="本县2024年道路建设项目清单"),
        confirmed_on=today - timedelta(days=39),
        confirmation_record="电子邮件回复确认，经办人李某",
    )
    services.application_close(
        application=not_held,
        kind=ReplyKind.UNAVAILABLE,
        reason=ReplyReason.NOT_HELD,
        replied_on=today - timedelta(days=30),
        by=editor,
        right_agency="鲁山县交通运输局（电话 0375-5050000）",
        legal_ground="《政府信息公开条例》第三十六条第（五）项",
        reconsideration_body="鲁山县人民政府",
        litigation_court="鲁山县人民法院",
        sent_route=SentRoute.EMAIL,
        sent_status=SentStatus.SENT,
        letter_text="经查，本机关不掌握您申请的信息，建议向鲁山县交通运输局申请。",
    )
    refused = _registered(
        civil,
        editor,
        Channel.COUNTER,
        today - timedelta(days=60),
        _person(7, "赵凤英", description="邻居家低保申请材料及家庭收入核查记录"),
    )
    services.application_close(
        application=refused,
        kind=ReplyKind.REFUSED,
        reason=ReplyReason.THIRD_PARTY_RIGHTS,
        replied_on=today - timedelta(days=45),
        by=editor,
        legal_ground="《政府信息公开条例》第十五条",
        reconsideration_body="鲁山县人民政府",
        litigation_court="鲁山县人民法院",
        sent_route=SentRoute.POST,
        sent_status=SentStatus.SENT,
        letter_text="您申请的信息涉及第三方个人隐私，第三方不同意公开，决定不予公开。",
    )
    review = Review(
        application=refused,
        kind=ReviewKind.RECONSIDERATION,
        body="鲁山县人民政府",
        filed_on=today - timedelta(days=20),
        copy_received_on=today - timedelta(days=18),
        answered_on=today - timedelta(days=10),
    )
    reviews.answer_due_fill(review)
    review.save()
    _last_year_at_the_counter(civil, clerk, editor, today)
    _carried_into_this_year(civil, editor, today)
    log(f"依申请公开：新建 {Application.objects.count()} 件申请（各办理状态）")


def _last_year_at_the_counter(unit: Unit, clerk: object, editor: object, today: date) -> None:
    """Two counter applications about a year ago, one settled on the spot: the 当场答复 share has a
    previous period to be compared with."""
    for n, (days_ago, answered_after) in enumerate([(380, 0), (400, 9)]):
        application = _registered(
            unit,
            clerk,
            Channel.COUNTER,
            today - timedelta(days=days_ago),
            _person(
                8 + n, ["孙红霞", "周建设"][n], description=["本村2024年危房改造补助名单", "县民政局2024年部门预算"][n]
            ),
        )
        services.application_close(
            application=application,
            kind=ReplyKind.DISCLOSED,
            replied_on=application.received_on + timedelta(days=answered_after),
            by=editor,
            letter_text="您申请的信息已主动公开，现提供打印件。",
            sent_route=SentRoute.IN_PERSON,
            sent_status=SentStatus.SENT,
            sent_at=timezone.now(),
        )


def _carried_into_this_year(unit: Unit, editor: object, today: date) -> None:
    """Received before New Year and answered in January: 上年结转 in this year's figures."""
    received = date(today.year - 1, 12, 22)
    application = _registered(
        unit,
        editor,
        Channel.REGISTERED_MAIL,
        received,
        _person(10, "吴立新", description="本镇2025年农村低保资金发放明细"),
    )
    services.application_close(
        application=application,
        kind=ReplyKind.PARTIAL,
        reason="",
        replied_on=min(date(today.year, 1, 12), today),
        by=editor,
        legal_ground="《政府信息公开条例》第三十七条：涉及个人隐私的部分已作区分处理。",
        reconsideration_body="鲁山县人民政府",
        litigation_court="鲁山县人民法院",
        letter_text="您申请的信息部分公开，涉及个人隐私的内容已作区分处理。",
        sent_route=SentRoute.POST,
        sent_status=SentStatus.SENT,
    )


def _editor_of(unit: Unit) -> object:
    """Any editor of the unit, or the superuser: the demo's own logins cover two units only."""
    user = get_user_model().objects.filter(memberships__unit=unit, memberships__role=Role.EDITOR).first()
    return user or get_user_model().objects.filter(is_superuser=True).first()
