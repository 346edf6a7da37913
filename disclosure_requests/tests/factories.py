"""Small builders: an application as the public form or a counter would store it."""

import uuid
from datetime import date

import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from disclosure_requests.intake import Received, application_register, application_submit_online
from disclosure_requests.models import ApplicantType, Application, Channel, Delivery, FormWanted, IdType

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def valid_id_number(first17: str = "41042319900101123") -> str:
    from organizations.validators import id_check_char

    return first17 + id_check_char(first17)


def person_fields(**extra: object) -> dict:
    return {
        "applicant_type": ApplicantType.NATURAL_PERSON,
        "name": "王秀兰",
        "id_type": IdType.RESIDENT_ID,
        "id_number": valid_id_number(),
        "phone": "13912345678",
        "address": "鲁山县鲁阳街道人民路18号",
        "email": "",
        "description": "2025年本乡镇城乡低保资金发放明细（本村部分）",
        "form_wanted": FormWanted.PAPER,
        "delivery": Delivery.POST,
        **extra,
    }


def id_image(name: str = "id.png", content: bytes = PNG) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="image/png")


def submit_online(unit, *, on: date | None = None, **extra: object) -> Received:
    application = Application(unit=unit, **person_fields(**extra))
    if on is None:
        return application_submit_online(application=application, id_image=id_image(), client=None)
    with time_machine.travel(f"{on.isoformat()} 10:00 +0800", tick=False):
        return application_submit_online(application=application, id_image=id_image(), client=None)


def register(unit, by, *, channel: str = Channel.COUNTER, arrived_on: date, **extra: object) -> Received:
    application = Application(unit=unit, channel=channel, arrived_on=arrived_on, **person_fields(**extra))
    with time_machine.travel(f"{max(arrived_on, extra.get('confirmed_on') or arrived_on).isoformat()} 16:00 +0800"):
        return application_register(application=application, by=by)


def client_address() -> str:
    return f"2001:db8::{uuid.uuid4().hex[:4]}:{uuid.uuid4().hex[:4]}"
