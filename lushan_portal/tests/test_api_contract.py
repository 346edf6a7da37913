"""The API keeps its contract: schemathesis, every check, over /api/schema/ on demo data.

Anonymous and as an editor (a session cookie and a CSRF token, as a browser sends them),
through the whole WSGI stack, middleware included. Requests run in schemathesis's worker
thread, so the demo data is committed (a transactional test). Deterministic (the same
cases every run) and bounded per operation. Any server error, schema violation,
undocumented status or content type fails the test, and the failures are listed.
"""

from io import StringIO

import pytest
import schemathesis
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.wsgi import get_wsgi_application
from django.test import Client
from schemathesis.config import SchemathesisConfig
from schemathesis.engine import events, from_schema

pytestmark = pytest.mark.django_db(transaction=True)

# Bounded per operation to keep the run near a minute; the coverage phase adds its boundary cases.
EXAMPLES_PER_OPERATION = 10
CSRF_TOKEN = "apicontract0test0csrf0token00032"  # a 32-character cookie secret, sent back as a header


@pytest.fixture
def demo(transactional_db, settings) -> None:
    """The demo data: every kind of record, a classified major decision, an open consultation.

    The rate limits are raised: schemathesis sends hundreds of requests a minute, and each
    should reach the endpoint (the 429 itself is in the schema and in test_api_throttling)."""
    settings.DEBUG = True  # seed_demo refuses to run otherwise
    call_command("seed_demo", stdout=StringIO())
    settings.DEBUG = False
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "100000/minute", "user": "100000/minute"},
    }


def editor_headers() -> dict[str, str]:
    client = Client()
    client.force_login(get_user_model().objects.get(username="editor-a"))  # editors need no TOTP
    cookie = f"sessionid={client.cookies['sessionid'].value}; csrftoken={CSRF_TOKEN}"
    return {"Cookie": cookie, "X-CSRFToken": CSRF_TOKEN}


def closing_application():
    """The WSGI app, closing each response: request_finished then closes the worker thread's
    database connection, so none is left open when the test database is dropped."""
    application = get_wsgi_application()

    def app(environ: dict, start_response) -> list[bytes]:
        response = application(environ, start_response)
        try:
            return [b"".join(response)]
        finally:
            response.close()

    return app


def run_schemathesis(headers: dict[str, str]) -> list[str]:
    """Every failure schemathesis finds, one line of code, title and a curl command each."""
    config = SchemathesisConfig.from_dict(
        {
            "workers": 1,
            # No crash cache in the work tree: each run is the same run, on every machine.
            "cache": {"enabled": False},
            "headers": headers,
            "checks": {"enabled": True},
            "generation": {
                "max-examples": EXAMPLES_PER_OPERATION,
                "deterministic": True,
                "mode": "all",
                "database": "none",
            },
        }
    )
    schema = schemathesis.openapi.from_wsgi("/api/schema/", closing_application(), config=config)
    found: dict[tuple, str] = {}
    for event in from_schema(schema).execute():
        if isinstance(event, events.ScenarioFinished):
            for nodes in event.recorder.checks.values():
                for info in (node.failure_info for node in nodes if node.failure_info):
                    failure = info.failure
                    key = (failure.code, failure.operation, failure.title)
                    found.setdefault(key, f"{' '.join(key)}\n{failure.message[:600]}\n{info.code_sample}")
        elif isinstance(event, events.NonFatalError | events.FatalError):
            error = getattr(event, "value", None) or getattr(event, "exception", None)
            found.setdefault(("error", repr(error)), f"schemathesis error: {error!r}")
        elif isinstance(event, events.EngineFinished):
            for failure in event.failures:
                found.setdefault((failure.code, failure.operation), f"{failure.title}\n{failure.message[:600]}")
    return list(found.values())


def test_schemathesis_finds_nothing_for_a_citizen(demo):
    failures = run_schemathesis({})
    assert not failures, "\n\n".join(failures)


def test_schemathesis_finds_nothing_for_an_editor(demo):
    headers = editor_headers()
    # The session is real: the editor reads the unit's alerts and may correct its contact details.
    assert Client().get("/api/alerts/", headers=headers).status_code == 200
    assert Client().get("/api/alerts/").status_code in (401, 403)
    failures = run_schemathesis(headers)
    assert not failures, "\n\n".join(failures)
