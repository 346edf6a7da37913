"""Error pages: Chinese, in the site's layout, a way home and the site search; 500 without the database."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client, RequestFactory, override_settings
from django.urls import reverse

from decisions.tests.factories import consultation
from lushan_portal import handlers

pytestmark = pytest.mark.django_db


def assert_site_page(html: str, title: str, message: str) -> None:
    assert '<html lang="zh-hans">' in html
    assert f"<h1>{title}</h1>" in html and message in html
    assert f'<a href="{reverse("home")}">返回首页</a>' in html
    assert f'action="{reverse("search")}"' in html and 'role="search"' in html
    assert "Not Found" not in html and "DEBUG" not in html


@override_settings(DEBUG=False)
def test_an_unknown_page_is_a_chinese_404_in_the_site_layout(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert_site_page(response.content.decode(), handlers.NOT_FOUND_TITLE, handlers.NOT_FOUND)


@override_settings(DEBUG=False)
def test_an_unknown_api_address_still_answers_json(client):
    response = client.get("/api/no-such-thing/")
    assert response.status_code == 404 and response.json() == {"detail": handlers.API_NOT_FOUND}


@override_settings(DEBUG=False)
def test_a_comment_without_csrf_token_gets_the_chinese_csrf_page(unit_a):
    decision = consultation(unit_a)
    strict = Client(enforce_csrf_checks=True, REMOTE_ADDR="203.0.113.7")
    response = strict.post(reverse("decisions:consultation", args=[decision.pk]), {"body": "意见"})
    assert response.status_code == 403
    assert_site_page(response.content.decode(), handlers.CSRF_TITLE, handlers.CSRF_FAILURE)


@pytest.mark.parametrize(
    ("handler", "status", "title", "message"),
    [
        (handlers.bad_request, 400, handlers.BAD_REQUEST_TITLE, handlers.BAD_REQUEST),
        (handlers.permission_denied, 403, handlers.FORBIDDEN_TITLE, handlers.FORBIDDEN),
    ],
)
def test_400_and_403_are_chinese_site_pages(handler, status, title, message):
    request = RequestFactory().get("/somewhere/")
    request.user = AnonymousUser()
    response = handler(request, Exception())
    assert response.status_code == status
    assert_site_page(response.content.decode(), title, message)


def test_the_500_page_renders_without_touching_the_database(django_assert_num_queries):
    request = RequestFactory().get("/broken/")
    with django_assert_num_queries(0):
        response = handlers.server_error(request)
    assert response.status_code == 500
    assert_site_page(response.content.decode(), handlers.SERVER_ERROR_TITLE, handlers.SERVER_ERROR)


def test_the_urlconf_uses_these_handlers():
    from lushan_portal import urls

    assert (urls.handler400, urls.handler403, urls.handler404, urls.handler500) == (
        "lushan_portal.handlers.bad_request",
        "lushan_portal.handlers.permission_denied",
        "lushan_portal.handlers.not_found",
        "lushan_portal.handlers.server_error",
    )
