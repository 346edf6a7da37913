"""The main navigation (主导航) of every page, drawn in Python.

Drawn by the template, its sixteen links cost every page about 0.4 ms (a ``{% url %}``, an
``{% if %}`` and a ``{% translate %}`` each), a tenth of a list page's time on a page-cache miss
(issue 14). Here each link is reversed once per process (``links.record_url``) and only joined;
the markup is the one the template gave. ``{% main_nav %}`` (templatetags/portal_layout.py)
puts it in base.html.
"""

from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from lushan_portal.links import record_url

# (URL name, label), in the order the bar shows them.
MAIN_NAV = (
    ("home", _("首页")),
    ("organizations:unit_list", _("公开单位")),
    ("xxgk:county", _("政府信息公开")),
    ("catalog:domains", _("标准目录")),
    ("interpretation:documents", _("政策解读")),
    ("decisions:consultations", _("征求意见")),
    ("enforcement:list", _("执法公示")),
    ("administration:guides", _("办事指南")),
    ("interaction:responses", _("回应关切")),
    ("interaction:proposals", _("建议提案")),
    ("disclosure_requests:apply", _("依申请公开")),
    ("interaction:mailboxes", _("政民互动")),
    ("search", _("搜索")),
    ("api-root", _("数据接口")),
)


def _link(url: str, label: object, *, current: bool = False) -> str:
    marker = ' aria-current="page"' if current else ""
    return f'<li><a href="{escape(url)}"{marker}>{escape(label)}</a></li>'


def _account_items(request: HttpRequest | None, user: object) -> list[str]:
    """Staff see the dashboard; a signed-in user their name, the admin and a logout button."""
    if user is None or not user.is_authenticated:
        return [_link(record_url("admin:index"), _("工作人员登录"))]
    items = [_link(record_url("compliance:dashboard"), _("合规督查"))] if user.is_staff else []
    name = gettext("当前用户：%(name)s") % {"name": escape(user.get_username())}
    token = f'<input type="hidden" name="csrfmiddlewaretoken" value="{escape(get_token(request))}">' if request else ""
    logout = (
        f'<form class="nav-logout" method="post" action="{escape(record_url("admin:logout"))}">{token}'
        f'<button type="submit">{escape(_("退出登录"))}</button></form>'
    )
    admin = _link(record_url("admin:index"), _("管理后台"))
    return [*items, f'<li><span class="nav-user">{name}</span></li>', admin, f"<li>{logout}</li>"]


def main_nav(request: HttpRequest | None, user: object = None) -> SafeString:
    """The <nav> landmark: the sections, the current page marked (aria-current), then the account links."""
    path = request.path if request is not None else None
    links = []
    for name, label in MAIN_NAV:
        url = record_url(name)
        links.append(_link(url, label, current=url == path))
    items = "\n".join([*links, *_account_items(request, user)])
    label = escape(_("主导航"))
    return mark_safe(f'<nav class="site-nav" aria-label="{label}">\n<ul class="wrap">\n{items}\n</ul>\n</nav>')
