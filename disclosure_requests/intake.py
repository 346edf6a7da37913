"""Receiving applications: the public form and staff registration on every channel (Art 29, 31),
the number and query code given to the applicant, and the look-up on the status page.

Bad input raises ValidationError naming each field; nothing is saved half (one transaction).
"""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from disclosure_requests import rules
from disclosure_requests.models import (
    ApplicantType,
    Application,
    Channel,
    Delivery,
    FormWanted,
    IdType,
    Status,
)
from disclosure_requests.repeats import normalise_identity
from disclosure_requests.services import due_date_recompute
from lushan_portal.crypto import keyed_hash
from lushan_portal.query_codes import lookup_by_code, new_query_code, query_code_hash
from lushan_portal.ratelimit import rate_allows
from organizations.models import Unit
from organizations.scoping import can_write_unit, user_unit_ids
from organizations.validators import is_valid_credit_code, is_valid_id_number

APPLY_RATE = "disclosure-apply"
STATUS_RATE = "disclosure-status"

ERROR_ORG_KIND = "请选择法人或其他组织的类别。"
ERROR_ORG_KIND_FOR_PERSON = "自然人申请无需选择组织类别。"
ERROR_ID_TYPE = "请选择证件类型。"
ERROR_ID_NUMBER = "请填写证件号码。"
ERROR_ID_NUMBER_INVALID = "居民身份证号码应为18位，且校验位正确，请核对。"
ERROR_ID_IMAGE = "请上传身份证件的照片或扫描件。"
ERROR_CREDIT_CODE = "请填写统一社会信用代码。"
ERROR_CREDIT_CODE_INVALID = "统一社会信用代码应为18位，且校验位正确，请核对。"
ERROR_AGENT = "请填写联系人或代理人姓名。"
ERROR_CONTACT = "请至少填写一种联系方式（电话、通信地址或电子邮箱）。"
ERROR_ADDRESS_FOR_POST = "选择邮寄的，请填写通信地址。"
ERROR_EMAIL_FOR_EMAIL = "选择以电子邮件获取的，请填写电子邮箱。"
ERROR_NUL = "内容含有空字符（NUL），请删除后重新提交。"
ERROR_RATE = "提交过于频繁，请%(minutes)d分钟后再试。"
ERROR_STATUS_RATE = "查询过于频繁，请%(minutes)d分钟后再试。"
ERROR_NOT_YOUR_UNIT = "您只能为本单位登记申请；政务服务中心窗口可以为任何单位登记。"
ERROR_ARRIVED_REQUIRED = "请填写申请提交或送达的日期。"
ERROR_CONFIRMED_FOR_CHANNEL = "当面提交和邮寄签收的申请以提交或签收之日为收到日期，无需填写确认日期。"
ERROR_CONFIRMATION_RECORD = "请填写与申请人确认的记录（方式、时间、经办人）。"
ERROR_FUTURE = "日期不能晚于今天。"
ERROR_CONFIRMED_BEFORE_ARRIVED = "确认日期不能早于送达日期。"
ERROR_ON_THE_SPOT = "当场答复只适用于在窗口当面提交的申请。"
ERROR_ALREADY_CONFIRMED = "该申请的收到日期已经确定。"


@dataclass(frozen=True)
class Received:
    application: Application
    query_code: str  # shown once to the applicant; only its keyed hash is stored


def counter_unit_ids() -> set[int]:
    """The units whose counters register applications for every unit (相对集中受理)."""
    codes = settings.DISCLOSURE_COUNTER_UNIT_CODES
    return set(Unit.objects.filter(code__in=codes).values_list("pk", flat=True)) if codes else set()


def applicant_identity_hash(application: Application) -> str:
    """The keyed hash that finds an applicant's other applications: the ID number, else the credit
    code, else name and first contact."""
    if application.id_number:
        return keyed_hash("ID:" + normalise_identity(application.id_number))
    if application.credit_code:
        return keyed_hash("ORG:" + normalise_identity(application.credit_code))
    contact = application.phone or application.email or application.address
    return keyed_hash(normalise_identity(f"NAME:{application.name}|{contact}"))


def check_applicant(application: Application, *, image_required: bool) -> None:
    """Art 29: who applies, proof of identity and contact; every bad field named at once."""
    errors: dict[str, str] = {}
    texts = ("name", "id_number", "credit_code", "agent_name", "phone", "address", "email", "description")
    for field in texts:
        if "\x00" in (getattr(application, field) or ""):
            errors[field] = _(ERROR_NUL)
    if application.applicant_type == ApplicantType.ORGANIZATION:
        if not application.organization_kind:
            errors["organization_kind"] = _(ERROR_ORG_KIND)
        if not application.credit_code:
            errors["credit_code"] = _(ERROR_CREDIT_CODE)
        elif not is_valid_credit_code(application.credit_code):
            errors["credit_code"] = _(ERROR_CREDIT_CODE_INVALID)
        if not application.agent_name.strip():
            errors["agent_name"] = _(ERROR_AGENT)
    else:
        if application.organization_kind:
            errors["organization_kind"] = _(ERROR_ORG_KIND_FOR_PERSON)
        if not application.id_type:
            errors["id_type"] = _(ERROR_ID_TYPE)
        if not application.id_number.strip():
            errors["id_number"] = _(ERROR_ID_NUMBER)
        elif application.id_type == IdType.RESIDENT_ID and not is_valid_id_number(application.id_number):
            errors["id_number"] = _(ERROR_ID_NUMBER_INVALID)
        if image_required and not application.id_image:
            errors["id_image"] = _(ERROR_ID_IMAGE)
    if not (application.phone.strip() or application.address.strip() or application.email.strip()):
        errors["phone"] = _(ERROR_CONTACT)
    if application.delivery == Delivery.POST and not application.address.strip():
        errors["address"] = _(ERROR_ADDRESS_FOR_POST)
    if Delivery.EMAIL in (application.delivery, application.form_wanted) and not application.email.strip():
        errors["email"] = _(ERROR_EMAIL_FOR_EMAIL)
    if errors:
        raise ValidationError(errors)


def _normalise(application: Application) -> None:
    for field in ("name", "id_number", "credit_code", "agent_name", "agent_id_number", "phone", "address", "email"):
        setattr(application, field, (getattr(application, field) or "").strip())
    # Full-width digits and letters, case and spaces: one spelling, so checks and hashes agree.
    application.credit_code = normalise_identity(application.credit_code)
    application.id_number = normalise_identity(application.id_number)
    if application.form_wanted == FormWanted.EMAIL and not application.delivery:
        application.delivery = Delivery.EMAIL


def _store(application: Application, *, image_required: bool) -> Received:
    """Check, save with its hashes, then number it: in the caller's transaction."""
    _normalise(application)
    check_applicant(application, image_required=image_required)
    application.id_number_hash = keyed_hash(application.id_number) if application.id_number else ""
    application.applicant_hash = applicant_identity_hash(application)
    code = new_query_code()
    application.query_code_hash = query_code_hash(code)
    application.full_clean(exclude=["reference"])
    application.save()
    stamp = application.received_on or timezone.localdate(application.created_at)
    application.reference = f"SQ{stamp:%Y%m%d}{application.pk:06d}"
    due_date_recompute(application)  # saves reference, due date and explanation together
    return Received(application, code)


def application_submit_online(
    *, application: Application, id_image: UploadedFile | None, client: str | None
) -> Received:
    """The public form: received (Art 31) the day it is submitted, county time."""
    if client is not None and not rate_allows(
        name=APPLY_RATE, client=client, limit=rules.APPLICATIONS_PER_WINDOW, window_seconds=rules.APPLY_WINDOW_SECONDS
    ):
        raise ValidationError(_(ERROR_RATE) % {"minutes": rules.APPLY_WINDOW_SECONDS // 60})
    today = timezone.localdate()
    application.channel = Channel.ONLINE
    application.arrived_on = application.received_on = today
    application.registered_at_unit = None
    application.status = Status.PROCESSING
    if id_image is not None:
        application.id_image = id_image
    with transaction.atomic():
        return _store(application, image_required=True)


def check_dates(channel: str, arrived_on: date | None, confirmed_on: date | None, record: str) -> None:
    errors: dict[str, str] = {}
    today = timezone.localdate()
    if arrived_on is None:
        errors["arrived_on"] = _(ERROR_ARRIVED_REQUIRED)
    elif arrived_on > today:
        errors["arrived_on"] = _(ERROR_FUTURE)
    if confirmed_on is not None:
        if channel not in rules.CONFIRMED_CHANNELS:
            errors["confirmed_on"] = _(ERROR_CONFIRMED_FOR_CHANNEL)
        elif confirmed_on > today:
            errors["confirmed_on"] = _(ERROR_FUTURE)
        elif arrived_on and confirmed_on < arrived_on:
            errors["confirmed_on"] = _(ERROR_CONFIRMED_BEFORE_ARRIVED)
        elif not record.strip():
            errors["confirmation_record"] = _(ERROR_CONFIRMATION_RECORD)
    if errors:
        raise ValidationError(errors)


def registering_unit(by: AbstractBaseUser, unit: Unit) -> Unit:
    """The unit whose counter registers for ``unit``: ``unit`` itself for its own staff, else a
    service-centre counter the user staffs (which may register for every unit)."""
    if can_write_unit(by, unit.pk):
        return unit
    counters = counter_unit_ids() & user_unit_ids(by)
    if not counters:
        raise PermissionDenied(_(ERROR_NOT_YOUR_UNIT))
    return Unit.objects.get(pk=min(counters))


def application_register(*, application: Application, by: AbstractBaseUser) -> Received:
    """Staff register an application received by letter, in person, by fax, e-mail or online.

    ``application`` carries the channel, the unit applied to, ``arrived_on`` and, for channels
    received on confirmation, ``confirmed_on`` with its record (left empty until confirmed:
    the receipt date is then unknown, never invented).
    """
    application.registered_at_unit = registering_unit(by, application.unit)
    application.registered_by = by
    check_dates(application.channel, application.arrived_on, application.confirmed_on, application.confirmation_record)
    if application.on_the_spot and application.channel != Channel.COUNTER:
        raise ValidationError({"on_the_spot": _(ERROR_ON_THE_SPOT)})
    application.received_on = rules.receipt_date(application.channel, application.arrived_on, application.confirmed_on)
    application.status = Status.PROCESSING if application.received_on else Status.AWAITING_RECEIPT
    with transaction.atomic():
        return _store(application, image_required=False)


@transaction.atomic
def application_confirm_receipt(
    *, application: Application, confirmed_on: date, record: str, by: AbstractBaseUser
) -> Application:
    """An ordinary letter (fax, e-mail) confirmed with the applicant: its receipt date is now known."""
    if not can_write_unit(by, application.unit_id):
        raise PermissionDenied(_(ERROR_NOT_YOUR_UNIT))
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.received_on is not None:
        raise ValidationError(_(ERROR_ALREADY_CONFIRMED))
    check_dates(application.channel, application.arrived_on, confirmed_on, record)
    application.confirmed_on, application.confirmation_record = confirmed_on, record.strip()
    application.received_on = rules.receipt_date(application.channel, application.arrived_on, confirmed_on)
    application.status = Status.PROCESSING
    due_date_recompute(application)
    return application


def application_lookup(*, reference: str, code: str, client: str | None) -> Application | None:
    """The application with this number when the code matches; None for any mismatch, alike.

    The code is compared in constant time, and an unknown number costs the same hash.
    """
    if client is not None and not rate_allows(
        name=STATUS_RATE,
        client=client,
        limit=rules.STATUS_LOOKUPS_PER_WINDOW,
        window_seconds=rules.STATUS_WINDOW_SECONDS,
    ):
        raise ValidationError(_(ERROR_STATUS_RATE) % {"minutes": rules.STATUS_WINDOW_SECONDS // 60})
    return lookup_by_code(Application.objects.all(), reference=reference, code=code)
