import uuid

import pytest

from conftest import make_unit
from interaction.mailbox_intake import Received, message_submit
from interaction.models import Category, Mailbox, MailboxKind, Message
from organizations.models import Unit


@pytest.fixture
def client(client):
    """Each test posts from its own address: the rate limits live in the shared cache (Redis in
    CI), which outlives the test database."""
    client.defaults["REMOTE_ADDR"] = f"10.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}"
    return client


@pytest.fixture
def unit_c(db) -> Unit:
    return make_unit("human-resources", "鲁山县人力资源和社会保障局")


@pytest.fixture
def mailbox_a(unit_a) -> Mailbox:
    return Mailbox.objects.create(code="civil-affairs", name="县民政局信箱", kind=MailboxKind.UNIT, unit=unit_a)


@pytest.fixture
def mailbox_b(unit_b) -> Mailbox:
    return Mailbox.objects.create(code="education", name="县教体局信箱", kind=MailboxKind.UNIT, unit=unit_b)


def write(mailbox: Mailbox, **extra: object) -> Received:
    fields = {
        "category": Category.CONSULT,
        "subject": "高龄津贴怎么申领",
        "body": "我是王秀兰，我父亲今年满80周岁，请问高龄津贴到哪里申请？我的电话13803751234。",
        "name": "王秀兰",
        "contact": "13803751234",
        "consent_publication": True,
        "client": None,
        **extra,
    }
    return message_submit(mailbox=mailbox, **fields)


def letter(mailbox: Mailbox, **extra: object) -> Message:
    return write(mailbox, **extra).message
