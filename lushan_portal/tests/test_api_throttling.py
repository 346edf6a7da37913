"""API rate limits: a citizen per address, staff per account, counted in the shared cache;
above the limit a Chinese 429 that says how long to wait. Redis down: no limit, the API answers."""

import pytest
import time_machine
from django.core.cache import cache
from django.test import override_settings
from rest_framework.throttling import SimpleRateThrottle

from lushan_portal.tests.outage import free_port, redis_caches
from lushan_portal.tests.test_settings import run

pytestmark = pytest.mark.django_db

URL = "/api/units/"
NOON = "2026-11-12 12:00 +0800"
LOW_RATES = {"anon": "3/minute", "user": "5/minute"}
CITIZEN_REFUSAL = "访问过于频繁：数据接口对未登录的访问每个网络地址每分钟最多 3 次。请 60 秒后再试。"
STAFF_REFUSAL = "访问过于频繁：数据接口对每个登录账号每分钟最多 5 次。请 60 秒后再试。"


@pytest.fixture
def low_rates(settings, unit_a):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": LOW_RATES}


def statuses(client, count: int, **headers: str) -> list[int]:
    return [client.get(URL, **headers).status_code for _ in range(count)]


@time_machine.travel(NOON, tick=False)
def test_a_citizen_over_the_limit_is_told_in_chinese_when_to_come_back(client, low_rates):
    assert statuses(client, 3) == [200, 200, 200]
    refused = client.get(URL)
    assert refused.status_code == 429
    assert refused.json() == {"detail": CITIZEN_REFUSAL}
    assert refused["Retry-After"] == "60"
    # Pages and the guide are not the API: they still answer.
    assert client.get("/api/").status_code == 200
    assert client.get("/units/").status_code == 200


def test_the_limit_is_per_minute(client, low_rates):
    with time_machine.travel(NOON, tick=False) as clock:
        assert statuses(client, 4) == [200, 200, 200, 429]
        clock.shift(61)
        assert client.get(URL).status_code == 200


@time_machine.travel(NOON, tick=False)
def test_each_address_has_its_own_count_and_a_forged_header_does_not_reset_it(client, low_rates):
    assert statuses(client, 4, REMOTE_ADDR="10.0.0.1") == [200, 200, 200, 429]
    assert client.get(URL, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="10.9.9.9").status_code == 429
    assert client.get(URL, REMOTE_ADDR="10.0.0.2").status_code == 200


@time_machine.travel(NOON, tick=False)
def test_behind_the_proxy_the_address_it_appends_is_counted(client, low_rates, settings):
    settings.BEHIND_PROXY = True
    proxy = {"REMOTE_ADDR": "127.0.0.1"}
    assert statuses(client, 4, HTTP_X_FORWARDED_FOR="10.0.0.1", **proxy) == [200, 200, 200, 429]
    # The client's own (forged) entry comes first; the proxy appends the address it saw.
    assert client.get(URL, HTTP_X_FORWARDED_FOR="10.9.9.9, 10.0.0.1", **proxy).status_code == 429
    assert client.get(URL, HTTP_X_FORWARDED_FOR="10.0.0.2", **proxy).status_code == 200


@time_machine.travel(NOON, tick=False)
def test_staff_are_counted_per_account_at_their_own_rate(client, low_rates, editor_a):
    client.force_login(editor_a)
    assert statuses(client, 5) == [200] * 5
    refused = client.get(URL)
    assert refused.status_code == 429
    assert refused.json() == {"detail": STAFF_REFUSAL}
    # The account's count is not the address's: a citizen at the same address still gets in.
    client.logout()
    assert client.get(URL).status_code == 200


@time_machine.travel(NOON, tick=False)
def test_the_counts_are_in_the_shared_redis_so_every_worker_sees_them(client, low_rates, redis_url, monkeypatch):
    monkeypatch.setattr(SimpleRateThrottle, "cache", cache)
    keys = ["throttle_anon_10.7.7.7", "throttle_user_10.7.7.7"]
    with override_settings(CACHES=redis_caches(redis_url)):
        cache.delete_many(keys)
        assert statuses(client, 3, REMOTE_ADDR="10.7.7.7") == [200, 200, 200]
        # What another worker or host reads from Redis: the same three requests of this address.
        assert len(cache.get(keys[0])) == 3
        assert client.get(URL, REMOTE_ADDR="10.7.7.7").status_code == 429
        cache.delete_many(keys)


def test_with_redis_down_the_api_answers_without_a_limit(client, low_rates, monkeypatch):
    monkeypatch.setattr(SimpleRateThrottle, "cache", cache)
    with override_settings(CACHES=redis_caches(f"redis://127.0.0.1:{free_port()}/0")):
        assert statuses(client, 6) == [200] * 6


def test_rates_come_from_the_environment_and_a_malformed_one_stops_the_start():
    probe = (
        "import django; from django.conf import settings; django.setup(); "
        "print(settings.REST_FRAMEWORK['DEFAULT_THROTTLE_RATES'])"
    )
    assert run(probe).stdout.strip() == "{'anon': '120/minute', 'user': '600/minute'}"
    assert run(probe, API_THROTTLE_ANON="30/hour").stdout.strip() == "{'anon': '30/hour', 'user': '600/minute'}"
    refused = run(probe, API_THROTTLE_USER="600 per minute")
    assert refused.returncode != 0
    assert "API_THROTTLE_USER must be a rate such as 120/minute" in refused.stderr


@time_machine.travel(NOON, tick=False)
def test_a_citizen_is_held_to_the_citizens_rate_only_not_also_to_the_accounts(client, settings, unit_a):
    # The account rate lower than the citizens': an anonymous caller must not meet it.
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "5/minute", "user": "2/minute"},
    }
    assert statuses(client, 6) == [200, 200, 200, 200, 200, 429]
