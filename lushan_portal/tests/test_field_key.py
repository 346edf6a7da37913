"""A wrong FIELD_ENCRYPTION_KEY stops the portal at start; a value it cannot decrypt is never lost."""

import os
import subprocess
import sys

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.db import connection
from django.urls import reverse

from accounts.keycheck import ERROR_WRONG_KEY, WrongFieldKey, field_key_check
from accounts.models import FieldKeyCheck
from conftest import BASE_DIR, worker_database_url
from enforcement.models import Decision
from enforcement.services import decision_save
from enforcement.tests.factories import PLANTED_ID, make_natural_person_decision
from enforcement.tests.test_admin import form_data
from lushan_portal.crypto import ERROR_UNDECRYPTABLE, PREFIX, UNDECRYPTABLE_TEXT, DecryptionError, decrypt, encrypt
from lushan_portal.tests.outage import free_port

pytestmark = pytest.mark.django_db

OTHER_KEY = Fernet.generate_key().decode()


def raw_id_number(decision: Decision) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT id_number FROM enforcement_decision WHERE id = %s", [decision.pk])
        return cursor.fetchone()[0]


def test_decrypt_raises_on_a_token_of_another_key(settings):
    token = encrypt("410423198703152017")
    settings.FIELD_ENCRYPTION_KEY = OTHER_KEY
    with pytest.raises(DecryptionError, match="FIELD_ENCRYPTION_KEY"):
        decrypt(token)


@pytest.fixture
def damaged(unit_a) -> Decision:
    """A decision whose ID number was encrypted with another key."""
    decision = make_natural_person_decision(unit_a)
    token = PREFIX + Fernet(OTHER_KEY.encode()).encrypt(PLANTED_ID.encode()).decode()
    with connection.cursor() as cursor:
        cursor.execute("UPDATE enforcement_decision SET id_number = %s WHERE id = %s", [token, decision.pk])
    return Decision.objects.get(pk=decision.pk)


def test_an_undecryptable_value_shows_as_such_and_a_save_keeps_it(damaged):
    token = raw_id_number(damaged)
    assert damaged.id_number == UNDECRYPTABLE_TEXT
    damaged.penalty_content = "罚款人民币300元。"
    damaged.save()
    assert raw_id_number(damaged) == token
    with pytest.raises(ValidationError) as refused:
        damaged.full_clean()
    assert refused.value.message_dict["id_number"] == [ERROR_UNDECRYPTABLE]
    with pytest.raises(ValidationError, match=ERROR_UNDECRYPTABLE):
        decision_save(decision=damaged)  # its keyed hash would be wrong
    assert raw_id_number(damaged) == token


def test_the_admin_opens_the_row_and_refuses_to_save_the_placeholder(client, editor_a, unit_a, damaged):
    token = raw_id_number(damaged)
    client.force_login(editor_a)
    url = reverse("admin:enforcement_decision_change", args=[damaged.pk])
    page = client.get(url)
    assert page.status_code == 200 and UNDECRYPTABLE_TEXT in page.content.decode()
    data = form_data(
        unit_a, party_category="natural_person", id_type="身份证", id_number=UNDECRYPTABLE_TEXT, credit_code=""
    )
    refused = client.post(url, data)
    assert refused.status_code == 200 and ERROR_UNDECRYPTABLE in refused.content.decode()
    assert raw_id_number(damaged) == token


def test_the_key_check_refuses_another_key_and_names_it(settings):
    field_key_check()  # the key the test database was set up with
    assert FieldKeyCheck.objects.count() == 1
    settings.FIELD_ENCRYPTION_KEY = OTHER_KEY
    with pytest.raises(WrongFieldKey, match="FIELD_ENCRYPTION_KEY"):
        field_key_check()
    with pytest.raises(SystemCheckError, match="FIELD_ENCRYPTION_KEY"):
        call_command("check", databases=["default"])


def start(args: list[str], key: str, timeout: int = 60) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "DATABASE_URL": worker_database_url(),
        "FIELD_ENCRYPTION_KEY": key,
        "REDIS_URL": "",
        "DB_CONN_MAX_AGE": "0",
    }
    return subprocess.run(args, cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=timeout)


def test_gunicorn_and_the_celery_worker_refuse_to_start_with_another_key(settings):
    gunicorn = [sys.executable, "-m", "gunicorn", "--bind", f"127.0.0.1:{free_port()}", "lushan_portal.wsgi"]
    worker = [sys.executable, "-m", "celery", "-A", "lushan_portal", "worker", "--pool=solo"]
    for args in (gunicorn, worker):
        refused = start(args, OTHER_KEY)
        assert refused.returncode != 0
        assert ERROR_WRONG_KEY in refused.stdout + refused.stderr
    loads = start([sys.executable, "-c", "import lushan_portal.wsgi"], settings.FIELD_ENCRYPTION_KEY)
    assert loads.returncode == 0, loads.stderr


def test_the_first_check_on_existing_data_refuses_a_key_that_does_not_decrypt_it(damaged):
    FieldKeyCheck.objects.all().delete()  # as on the upgrade that adds the check
    with pytest.raises(WrongFieldKey):
        field_key_check()
    assert not FieldKeyCheck.objects.exists()
