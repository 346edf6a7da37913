import pytest
from django.core.cache import caches
from django.test import Client
from django.urls import reverse

from organizations.seed import seed_units

pytestmark = pytest.mark.django_db


def test_home_is_chinese_with_one_h1_landmarks_and_search(client, django_assert_max_num_queries):
    seed_units()
    # units, domains with counts, newest publications, interpretations, consultations, decisions
    with django_assert_max_num_queries(6):
        page = client.get("/")
    html = page.content.decode()
    assert page.status_code == 200
    assert '<html lang="zh-hans">' in html
    assert html.count("<h1") == 1 and "鲁山县政务公开平台</h1>" in html
    for landmark in ["<header", "<nav", "<main", "<footer", 'role="search"']:
        assert landmark in html
    assert '<label for="site-search-q">' in html
    assert "鲁阳街道" in html


def test_search_finds_units_by_chinese_words(client, django_assert_max_num_queries):
    seed_units()
    # one query per section (units, enforcement, publications, items, policies) + the filter choices
    with django_assert_max_num_queries(7):
        page = client.get(reverse("search"), {"q": "民政局"})
    html = page.content.decode()
    assert '<a href="/units/civil-affairs/">鲁山县民政局</a>' in html
    assert '<a href="/units/education/">' not in html


def test_search_splits_the_query_into_words(client):
    seed_units()
    html = client.get(reverse("search"), {"q": "鲁山县 教育体育局"}).content.decode()
    assert "鲁山县教育体育局" in html
    assert "找到 1 条结果" in html


def test_empty_and_overlong_queries_are_handled(client):
    assert "请输入关键词" in client.get(reverse("search")).content.decode()
    assert client.get(reverse("search"), {"q": "税" * 5000}).status_code == 200


def test_healthz_reports_database_and_cache(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}


def test_healthz_is_503_when_the_cache_is_down(client, settings):
    # A Redis cache on a port where nothing listens: a real outage, nothing mocked.
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"}
    }
    try:
        response = client.get("/healthz")
    finally:
        caches["default"].close()
    assert response.status_code == 503
    assert response.json()["cache"] == "down"


def test_api_schema_and_docs_are_served(client):
    schema = client.get("/api/schema/")
    assert schema.status_code == 200 and b"/api/units/" in schema.content
    assert client.get("/api/docs/").status_code == 200


def test_admin_is_chinese_even_for_an_english_browser(client, superuser):
    client.force_login(superuser)
    page = client.get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert "最近动作" in page.content.decode()


@pytest.mark.parametrize("path", ["/", "/api/docs/"])
def test_pages_carry_a_content_security_policy(client, path):
    policy = client.get(path)["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
    assert "frame-ancestors 'none'" in policy


def test_the_navigation_shows_who_is_logged_in_and_a_logout(client, editor_a):
    assert "工作人员登录" in client.get("/").content.decode()
    client.force_login(editor_a)
    html = client.get("/").content.decode()
    assert "工作人员登录" not in html
    assert f"当前用户：{editor_a.get_username()}" in html and ">管理后台</a>" in html
    assert f'<form class="nav-logout" method="post" action="{reverse("admin:logout")}">' in html
    assert client.post(reverse("admin:logout")).status_code == 200
    assert "工作人员登录" in client.get("/").content.decode()


def test_healthz_answers_plain_http_where_other_pages_redirect_to_https(settings):
    # Production's redirect, with the exemption list exactly as settings.py defines it.
    settings.SECURE_SSL_REDIRECT = True
    plain_http = Client()
    assert plain_http.get("/healthz").status_code in {200, 503}
    redirect = plain_http.get("/")
    assert redirect.status_code == 301 and redirect["Location"].startswith("https://")
