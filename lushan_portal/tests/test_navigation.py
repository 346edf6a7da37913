"""The main navigation drawn in Python (lushan_portal/navigation.py): every section linked, the
current page marked, and the account links by who is signed in."""

import re

import pytest
from django.urls import reverse

from lushan_portal.navigation import MAIN_NAV

pytestmark = pytest.mark.django_db


def _nav(html: str) -> str:
    return re.search(r'<nav class="site-nav" aria-label="主导航">.*?</nav>', html, re.S).group(0)


def test_anonymous_visitors_see_every_section_and_the_staff_login(client):
    nav = _nav(client.get(reverse("enforcement:list")).content.decode())
    for name, label in MAIN_NAV:
        assert f'<a href="{reverse(name)}"' in nav and f">{label}</a>" in nav
    assert nav.count('aria-current="page"') == 1
    assert f'<a href="{reverse("enforcement:list")}" aria-current="page">执法公示</a>' in nav
    assert f'<a href="{reverse("admin:index")}">工作人员登录</a>' in nav
    assert "合规督查" not in nav and "退出登录" not in nav


def test_a_page_outside_the_bar_marks_no_link(client):
    nav = _nav(client.get(reverse("site_map")).content.decode())
    assert 'aria-current="page"' not in nav


def test_staff_see_the_dashboard_their_name_escaped_and_a_logout_form_with_its_token(client, django_user_model):
    user = django_user_model.objects.create_user("<b>张三</b>", password="x", is_staff=True)
    client.force_login(user)
    html = client.get(reverse("home")).content.decode()
    nav = _nav(html)
    assert f'<a href="{reverse("compliance:dashboard")}">合规督查</a>' in nav
    assert "当前用户：&lt;b&gt;张三&lt;/b&gt;" in nav and "<b>张三</b>" not in nav
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', nav).group(1)
    assert client.cookies["csrftoken"].value and len(token) == 64
    assert f'<a href="{reverse("admin:index")}">管理后台</a>' in nav
    assert "工作人员登录" not in nav


def test_a_signed_in_user_who_is_not_staff_has_no_dashboard_link(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("citizen", password="x"))
    nav = _nav(client.get(reverse("home")).content.decode())
    assert "合规督查" not in nav and "当前用户：citizen" in nav and "退出登录" in nav
