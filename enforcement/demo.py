"""Demo decisions: legal persons, 个体工商户 and natural persons; on time, late, overdue, withdrawn, corrected.

Besides the special cases, seven units decide licences and penalties every month of the last
half year (``demo_series``): most published within the 7 working days, some late, two overdue.
"""

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from compliance.demo import past_alert
from enforcement.deadlines import PUBLICATION_OVERDUE
from enforcement.models import (
    CoercionCategory,
    Decision,
    DecisionKind,
    DecisionStatus,
    LicenceCategory,
    PartyCategory,
)
from enforcement.rules import NO_END_DATE
from enforcement.services import (
    decision_correct,
    decision_record_revocation,
    decision_save,
    decision_withdraw,
)
from enforcement.validators import credit_code_check_char, id_check_char
from organizations.models import Unit
from publication_review.demo import demo_review


def credit_code(base17: str) -> str:
    return base17 + credit_code_check_char(base17)


def id_number(base17: str) -> str:
    return base17 + id_check_char(base17)


def published_days_after(decision: Decision, days: int) -> None:
    """Demo history: pretend the decision went public ``days`` days after it was made."""
    moment = timezone.make_aware(datetime.combine(decision.decision_date + timedelta(days=days), time(10)))
    demo_review(decision, at=moment - timedelta(hours=1))
    Decision.objects.filter(pk=decision.pk).update(
        status=DecisionStatus.PUBLISHED,
        first_published_at=moment,
        published_on_time=moment.date() <= decision.publication_due,
    )


def penalty(unit: Unit, number: str, days_ago: int, **fields: object) -> tuple[Decision, bool]:
    return make(unit, DecisionKind.PENALTY, number, days_ago, **fields)


def make(unit: Unit, kind: str, number: str, days_ago: int, **fields: object) -> tuple[Decision, bool]:
    existing = Decision.objects.filter(kind=kind, decision_number=number).first()
    if existing:
        return existing, False
    decided = timezone.localdate() - timedelta(days=days_ago)
    decision = Decision(unit=unit, kind=kind, decision_number=number, decision_date=decided, **fields)
    return decision_save(decision=decision), True


def seed(log: callable) -> None:
    units = {
        unit.code: unit
        for unit in Unit.objects.filter(
            code__in=["market-regulation", "urban-management", "public-security", "ecology-environment"]
        )
    }
    market, city, police, ecology = (
        units[c] for c in ["market-regulation", "urban-management", "public-security", "ecology-environment"]
    )
    year = timezone.localdate().year
    created = 0

    shop, new = penalty(
        market,
        f"鲁市监罚〔{year}〕101号",
        40,
        party_name="鲁山县鑫源商贸有限公司",
        party_category=PartyCategory.LEGAL_PERSON,
        credit_code=credit_code("91410423MA44X1234"),
        legal_representative="李建国",
        violation_type="销售过期食品",
        violation_facts="当事人在经营场所销售超过保质期的预包装食品12件。",
        legal_basis="《中华人民共和国食品安全法》第一百二十四条",
        penalty_categories="警告、罚款、没收违法所得",
        penalty_content="警告；罚款人民币5000元；没收违法所得320元。",
        fine_amount=Decimal("0.5"),
        confiscated_amount=Decimal("0.032"),
        authority_credit_code=credit_code("11410423MB1953040"),
    )
    if new:
        published_days_after(shop, 3)
    created += new

    stall, new = penalty(
        market,
        f"鲁市监罚〔{year}〕102号",
        35,
        party_name="鲁山县小明烧烤店",
        party_category=PartyCategory.INDIVIDUAL_BUSINESS,
        credit_code=credit_code("92410423MA9GH5678"),
        legal_representative="王小明",
        id_type="身份证",
        id_number=id_number("41042319850612301"),
        party_phone="13803751234",
        violation_type="未取得健康证明从事接触直接入口食品工作",
        violation_facts="王小明经营的烧烤店2名从业人员未取得健康证明。",
        legal_basis="《中华人民共和国食品安全法》第一百二十六条",
        penalty_categories="警告、罚款",
        penalty_content="警告；罚款人民币2000元。",
        fine_amount=Decimal("0.2"),
    )
    if new:
        published_days_after(stall, 16)  # late
    created += new

    person, new = penalty(
        police,
        f"鲁公（治）行罚决字〔{year}〕88号",
        30,
        party_name="张三丰",
        party_category=PartyCategory.NATURAL_PERSON,
        id_type="身份证",
        id_number=id_number("41042319900101123"),
        party_address="鲁山县鲁阳街道人民路8号",
        violation_type="扰乱公共秩序",
        violation_facts="张三丰在县汽车站候车厅内大声喧哗、拒不听劝，扰乱公共秩序。",
        legal_basis="《中华人民共和国治安管理处罚法》第二十三条",
        penalty_categories="罚款",
        penalty_content="罚款人民币200元。",
        fine_amount=Decimal("0.02"),
    )
    if new:
        published_days_after(person, 4)
    created += new

    licence, new = make(
        market,
        DecisionKind.LICENCE,
        f"JY1410423{year}0057",
        25,
        party_name="鲁山县尧山人家餐饮有限公司",
        party_category=PartyCategory.LEGAL_PERSON,
        credit_code=credit_code("91410423MA46Q8765"),
        legal_representative="赵红",
        licence_document_name="食品经营许可决定书",
        licence_category=LicenceCategory.ORDINARY,
        licence_certificate_name="食品经营许可证",
        licence_number=f"JY1410423{year}0057",
        licence_content="预包装食品销售，热食类食品制售",
        valid_from=timezone.localdate() - timedelta(days=25),
        valid_to=NO_END_DATE,
    )
    if new:
        published_days_after(licence, 2)
    created += new

    _, new = penalty(
        city,
        f"鲁城管罚〔{year}〕21号",
        15,
        party_name="鲁山县宏达建筑工程有限公司",
        party_category=PartyCategory.LEGAL_PERSON,
        credit_code=credit_code("91410423MA40B2468"),
        legal_representative="孙志强",
        violation_type="未按规定处置建筑垃圾",
        violation_facts="运输建筑垃圾车辆未密闭，沿途撒漏。",
        legal_basis="《城市建筑垃圾管理规定》第二十三条",
        penalty_categories="罚款",
        penalty_content="罚款人民币10000元。",
        fine_amount=Decimal("1"),
    )
    created += new  # left unpublished: overdue now

    _, new = penalty(
        city,
        f"鲁城管罚〔{year}〕22号",
        1,
        party_name="鲁山县顺通物流有限公司",
        party_category=PartyCategory.LEGAL_PERSON,
        credit_code=credit_code("91410423MA47C1357"),
        violation_type="占道经营",
        penalty_categories="警告",
        penalty_content="警告。",
    )
    created += new  # decided yesterday: not yet due

    withdrawn, new = penalty(
        ecology,
        f"鲁环罚〔{year}〕9号",
        50,
        party_name="鲁山县金鑫石材厂",
        party_category=PartyCategory.LEGAL_PERSON,
        credit_code=credit_code("91410423MA41D9753"),
        violation_type="超标排放大气污染物",
        penalty_categories="罚款",
        penalty_content="罚款人民币100000元。",
        fine_amount=Decimal("10"),
    )
    if new:
        published_days_after(withdrawn, 5)
        decision_record_revocation(decision=withdrawn, revoked_on=timezone.localdate() - timedelta(days=3))
        decision_withdraw(decision=withdrawn, reason="该处罚决定已被县人民政府行政复议决定撤销。")
    created += new

    corrected, new = penalty(
        ecology,
        f"鲁环罚〔{year}〕10号",
        45,
        party_name="鲁山县清源污水处理有限公司",
        party_category=PartyCategory.LEGAL_PERSON,
        credit_code=credit_code("91410423MA43E8642"),
        violation_type="未按规定公开排污信息",
        penalty_categories="罚款",
        penalty_content="罚款人民币30000元。",
        fine_amount=Decimal("30"),
    )
    if new:
        published_days_after(corrected, 6)
        corrected.refresh_from_db()
        corrected.fine_amount = Decimal("3")
        decision_correct(decision=corrected, note="罚款金额录入有误，由30万元更正为3万元。")
    created += new

    _, new = penalty(
        police,
        f"鲁公（治）行罚决字〔{year}〕90号",
        20,
        party_name="李小华",
        party_category=PartyCategory.NATURAL_PERSON,
        party_is_minor=True,
        violation_type="殴打他人",
        penalty_categories="警告",
        penalty_content="警告。",
    )
    created += new  # a minor: never public

    created += seed_coercion(market, city, year)

    from enforcement.demo_series import seed_series  # it builds on this module's helpers

    created += seed_series()
    if created:
        for late in Decision.objects.filter(published_on_time=False, first_published_at__isnull=False):
            past_alert(
                rule_code=PUBLICATION_OVERDUE,
                record=late,
                unit_id=late.unit_id,
                due=late.publication_due,
                resolved=timezone.localdate(late.first_published_at),
            )
    log(f"执法决定：新建 {created} 条（共 {Decision.objects.count()} 条）")


def seed_coercion(market: Unit, city: Unit, year: int) -> int:
    """行政强制: one of last year (for last year's annual report) and one of this year, each
    published within its 20 working days."""
    created = 0
    last_year = (timezone.localdate() - date(year - 1, 6, 10)).days
    for unit, number, days_ago, fields in (
        (
            market,
            f"鲁市监强〔{year - 1}〕3号",
            last_year,
            {
                "party_name": "鲁山县顺达食品加工厂",
                "credit_code": credit_code("91410423MA45C2468"),
                "violation_type": "涉嫌生产不符合食品安全标准的食品",
                "coercion_categories": CoercionCategory.SEIZE.label,
                "coercion_content": "扣押涉嫌不符合食品安全标准的熟肉制品120千克，期限30日。",
                "legal_basis": "《中华人民共和国食品安全法》第一百一十条",
            },
        ),
        (
            city,
            f"鲁城管强〔{year}〕7号",
            35,
            {
                "party_name": "鲁山县宏图广告有限公司",
                "credit_code": credit_code("91410423MA46D1357"),
                "violation_type": "擅自设置大型户外广告",
                "coercion_categories": CoercionCategory.SUBSTITUTE.label,
                "coercion_content": "当事人逾期未拆除，依法代履行拆除，费用由当事人承担。",
                "legal_basis": "《中华人民共和国行政强制法》第五十条",
            },
        ),
    ):
        decision, new = make(
            unit, DecisionKind.COERCION, number, days_ago, party_category=PartyCategory.LEGAL_PERSON, **fields
        )
        if new:
            published_days_after(decision, 14)
        created += new
    return created
