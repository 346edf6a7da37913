"""The public page cache (lushan_portal.pagecache): who gets cached pages, what is kept, when it ends.

Each section's "a visitor never sees stale content" test lives with its app (test_page_cache.py);
these are the shared rules: staff bypass, CSRF tokens, messages, cookies, keys, midnight, outages.
"""

import re
from datetime import date

import pytest
import time_machine
from django.apps import apps
from django.core.cache import cache
from django.test import Client, override_settings

from decisions.models import Comment
from decisions.tests.factories import consultation
from enforcement.tests.factories import make_decision
from lushan_portal import pagecache
from lushan_portal.tests.outage import free_port, redis_caches
from organizations.models import Unit
from organizations.seed import seed_units
from workdays import calendar
from workdays.models import CalendarDay, DayKind
from workdays.services import calendar_day_save

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]+)"')
HOLIDAY = date(2025, 10, 9)  # a Thursday among the 7 working days after the decision (2025-09-26)


@pytest.fixture(autouse=True)
def october_2025():
    with time_machine.travel("2025-10-20 10:00 +0800", tick=False):
        yield


def visit(client: Client, url: str, **extra: object):
    return client.get(url, **extra)


def test_a_repeat_visit_is_served_from_the_cache_without_a_query(client, django_assert_max_num_queries):
    seed_units()
    first = visit(client, "/units/")
    with django_assert_max_num_queries(0):
        second = visit(client, "/units/")
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert second.content == first.content and "鲁山县民政局" in second.content.decode()
    assert second["Content-Type"] == "text/html; charset=utf-8"
    assert "Content-Security-Policy" in second and "Cookie" in second["Vary"]
    assert not second.cookies


def test_logged_in_users_never_get_a_cached_page_and_never_fill_the_cache(client, editor_a, django_user_model):
    seed_units()
    citizen = django_user_model.objects.create_user("citizen", password="pw-Test-2026")
    for user in (editor_a, citizen):
        staff = Client()
        staff.force_login(user)
        for _ in range(2):
            page = visit(staff, "/units/")
            assert page["X-Page-Cache"] == "bypass"
            assert f"当前用户：{user.username}" in page.content.decode()
    anonymous = visit(client, "/units/")
    assert anonymous["X-Page-Cache"] == "miss"  # nothing the logged-in users loaded was kept
    assert "当前用户" not in anonymous.content.decode()
    assert visit(staff, "/units/")["X-Page-Cache"] == "bypass"  # nor do they read what it stored


def test_a_cached_form_carries_each_visitors_own_csrf_token_and_accepts_their_comment(unit_a):
    decision = consultation(unit_a)
    url = decision.get_absolute_url()
    tokens = []
    for _ in range(2):
        visitor = Client(enforce_csrf_checks=True)
        page = visit(visitor, url)
        token = TOKEN.search(page.content.decode()).group(1)
        assert visitor.cookies["csrftoken"].value  # their own cookie, set on this answer
        tokens.append((page["X-Page-Cache"], token, visitor))
    assert [state for state, _token, _visitor in tokens] == ["miss", "hit"]
    assert tokens[0][1] != tokens[1][1]
    # The second visitor's token (filled into the cached page) is accepted with their cookie.
    _state, token, visitor = tokens[1]
    answer = visitor.post(url, {"body": "建议增加停车位。", "csrfmiddlewaretoken": token})
    assert answer.status_code == 302
    assert Comment.objects.filter(decision=decision).count() == 1


def test_the_confirmation_after_a_comment_is_the_commenters_alone(unit_a):
    decision = consultation(unit_a)
    url = decision.get_absolute_url()
    commenter, other = Client(), Client()
    visit(other, url)
    commenter.post(url, {"body": "建议增加停车位。"})
    confirmed = visit(commenter, url)
    assert confirmed["X-Page-Cache"] == "bypass"
    assert "您的意见已提交" in confirmed.content.decode()
    again = visit(other, url)
    assert "您的意见已提交" not in again.content.decode()
    assert "已收到意见 1 条" in again.content.decode()  # the submission bumped the count
    assert visit(commenter, url)["X-Page-Cache"] == "hit"  # shown once, then the shared page


def test_only_get_and_head_answers_of_200_are_kept(client):
    seed_units()
    for _ in range(2):
        missing = visit(client, "/units/no-such-unit/")
        assert missing.status_code == 404 and missing.get("X-Page-Cache") != "hit"
    assert client.head("/units/")["X-Page-Cache"] == "miss"
    assert visit(client, "/units/")["X-Page-Cache"] == "hit"
    assert client.head("/units/")["X-Page-Cache"] == "hit"


def test_page_cache_seconds_zero_turns_it_off(client, settings):
    seed_units()
    settings.PAGE_CACHE_SECONDS = 0
    assert [visit(client, "/units/")["X-Page-Cache"] for _ in range(2)] == ["bypass", "bypass"]


def test_query_strings_are_part_of_the_key_in_any_order_and_long_ones_are_not_kept(client):
    make_decision(Unit.objects.create(code="market", name="鲁山县市场监督管理局"), publish=True)
    assert visit(client, "/enforcement/?kind=penalty&page=1")["X-Page-Cache"] == "miss"
    assert visit(client, "/enforcement/?page=1&kind=penalty")["X-Page-Cache"] == "hit"
    assert visit(client, "/enforcement/?page=1&kind=licence")["X-Page-Cache"] == "miss"
    junk = "x" * (pagecache.MAX_QUERY_CHARS + 1)
    assert visit(client, f"/enforcement/?q={junk}")["X-Page-Cache"] == "bypass"
    assert visit(client, f"/enforcement/?q={junk}")["X-Page-Cache"] == "bypass"


def test_keys_have_a_fixed_length_whatever_the_url(rf):
    short = pagecache.page_key(rf.get("/"), [1, 2])
    long = pagecache.page_key(rf.get("/enforcement/", {"q": "鲁" * 400}), [1, 2])
    assert len(short) == len(long) < 120


def test_a_page_is_not_kept_past_the_countys_midnight(client, unit_a):
    # Opens tomorrow: not public today; the list must show it from 00:00 county time.
    consultation(unit_a, title="鲁山县城区停车场规划", opens_on=date(2025, 10, 21), closes_on=date(2025, 11, 20))
    with time_machine.travel("2025-10-20 23:59:00 +0800", tick=False):
        assert pagecache.seconds_to_midnight() == 60
        assert "鲁山县城区停车场规划" not in visit(client, "/consultations/").content.decode()
    with time_machine.travel("2025-10-20 23:59:59 +0800", tick=False):
        assert visit(client, "/consultations/")["X-Page-Cache"] == "hit"
    with time_machine.travel("2025-10-21 00:00:01 +0800", tick=False):
        page = visit(client, "/consultations/")
    assert page["X-Page-Cache"] == "miss"
    assert "鲁山县城区停车场规划" in page.content.decode()


def test_a_calendar_edit_changes_every_page_showing_a_due_date(client, unit_a, django_capture_on_commit_callbacks):
    decision = make_decision(unit_a, publish=True)
    url = f"/enforcement/{decision.pk}/"
    before = visit(client, url).content.decode()
    assert visit(client, url)["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):  # the calendar reloads after the commit
        calendar_day_save(day=CalendarDay(date=HOLIDAY, kind=DayKind.HOLIDAY, name="测试假日"))
    after = visit(client, url)
    assert after["X-Page-Cache"] == "miss"
    assert "测试假日" in after.content.decode() and "测试假日" not in before


def test_a_process_still_on_the_old_calendar_stores_nothing_the_others_read(client, unit_a, monkeypatch):
    decision = make_decision(unit_a, publish=True)
    url = f"/enforcement/{decision.pk}/"
    monkeypatch.setattr(calendar, "VERSION_CHECK_SECONDS", 3600.0)
    visit(client, url)  # this process loads the calendar
    # Another process adds a holiday and moves the shared calendar version; this one has not looked.
    CalendarDay.objects.create(date=HOLIDAY, kind=DayKind.HOLIDAY, name="测试假日")
    cache.set(calendar.VERSION_KEY, (cache.get(calendar.VERSION_KEY) or 0) + 1, timeout=None)
    stale = visit(client, url)
    assert stale["X-Page-Cache"] == "miss" and "测试假日" not in stale.content.decode()
    monkeypatch.setattr(calendar, "VERSION_CHECK_SECONDS", 0.0)  # it looks, and reloads
    fresh = visit(client, url)
    assert fresh["X-Page-Cache"] == "miss" and "测试假日" in fresh.content.decode()


def test_a_renamed_unit_shows_on_every_section_at_once(client, unit_a):
    decision = make_decision(unit_a, publish=True)
    urls = ["/", "/units/", "/enforcement/", f"/enforcement/{decision.pk}/"]
    for url in urls:
        visit(client, url)
    unit_a.name = "鲁山县民政局（新）"
    unit_a.save()
    for url in urls:
        assert "鲁山县民政局（新）" in visit(client, url).content.decode(), url


def test_clear_page_cache_makes_every_page_miss(client):
    from django.core.management import call_command

    seed_units()
    visit(client, "/units/")
    call_command("clear_page_cache")
    assert visit(client, "/units/")["X-Page-Cache"] == "miss"


def test_pages_render_when_the_cache_is_down(client):
    seed_units()
    with override_settings(CACHES=redis_caches(f"redis://127.0.0.1:{free_port()}/0")):
        for _ in range(2):
            page = visit(client, "/units/")
            assert page.status_code == 200 and page["X-Page-Cache"] == "bypass"
        pagecache.bump_all()  # a bump that cannot reach Redis is not an error either


def test_the_page_cache_on_the_real_redis(client, redis_url, django_assert_max_num_queries):
    seed_units()
    with override_settings(CACHES=redis_caches(redis_url)):
        assert visit(client, "/units/")["X-Page-Cache"] == "miss"
        with django_assert_max_num_queries(0):
            assert visit(client, "/units/")["X-Page-Cache"] == "hit"
        unit = Unit.objects.get(code="civil-affairs")
        unit.name = "鲁山县民政局（改）"
        unit.save()
        page = visit(client, "/units/")
    assert page["X-Page-Cache"] == "miss" and "鲁山县民政局（改）" in page.content.decode()


def test_a_bump_inside_a_transaction_is_repeated_once_at_commit(unit_a, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        for number in range(3):
            make_decision(unit_a, decision_number=f"鲁测罚〔2025〕{900 + number}号")
    bumps = [callback for callback in callbacks if isinstance(callback, pagecache._BumpOnCommit)]
    assert sorted(callback.section for callback in bumps) == ["enforcement"]


# Shown to nobody outside the back office: saving them changes no public page.
PRIVATE_MODELS = {
    "catalog.CatalogReview",
    "interpretation.SecrecyReview",
    "organizations.Membership",
}


def test_every_model_of_a_public_app_belongs_to_a_section():
    public_apps = ["catalog", "interpretation", "decisions", "enforcement", "organizations", "workdays"]
    for label in public_apps:
        for model in apps.get_app_config(label).get_models():
            if model.__name__.startswith("Historical") or model._meta.label in PRIVATE_MODELS:
                continue
            assert pagecache.section_of(model) is not None, model._meta.label
