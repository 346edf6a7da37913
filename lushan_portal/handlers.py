"""Error pages in Chinese, in the site's layout, with a way back and the site search.

Under /api/ an unknown address answers JSON like the rest of the API. The 500 page is
rendered without the request, so no context processor runs and no query is made: the
database may be the very thing that failed.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import loader

API_PREFIX = "/api/"
API_NOT_FOUND = "未找到。"

BAD_REQUEST_TITLE = "请求有误"
BAD_REQUEST = "无法处理您的请求：请求的格式或内容有误。请检查网址或重新填写后再试。"
FORBIDDEN_TITLE = "无权访问"
FORBIDDEN = "您没有访问本页的权限。工作人员请先登录；公众可访问的信息均可从首页找到。"
NOT_FOUND_TITLE = "页面不存在"
NOT_FOUND = "您访问的页面不存在，可能已被删除、更名或网址有误。请从首页进入，或用站内搜索查找。"
SERVER_ERROR_TITLE = "服务暂时不可用"
SERVER_ERROR = "网站出现内部错误，工作人员已收到记录。请稍后再试；急需的信息可从首页或站内搜索查找。"
CSRF_TITLE = "表单已失效"
CSRF_FAILURE = (
    "您提交的表单未通过安全校验，内容未被保存。可能是页面打开时间过长，或浏览器禁用了 Cookie。"
    "请返回上一页，刷新后重新填写提交。"
)


def _render(
    request: HttpRequest | None, template: str, title: str, message: str, status: int, page: str = ""
) -> HttpResponse:
    # ``feedback_page``: the page to prefill in the 我为政府网站找错 link when there is no request.
    context = {
        "error_title": title,
        "error_message": message,
        "portal_name": settings.PORTAL_NAME,
        "feedback_page": page,
    }
    return HttpResponse(loader.get_template(template).render(context, request), status=status)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _render(request, "400.html", BAD_REQUEST_TITLE, BAD_REQUEST, 400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _render(request, "403.html", FORBIDDEN_TITLE, FORBIDDEN, 403)


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if request.path.startswith(API_PREFIX):
        return JsonResponse({"detail": API_NOT_FOUND}, status=404)
    return _render(request, "404.html", NOT_FOUND_TITLE, NOT_FOUND, 404)


def server_error(request: HttpRequest) -> HttpResponse:
    # No request in the context: context processors (the session user) would query the database.
    return _render(None, "500.html", SERVER_ERROR_TITLE, SERVER_ERROR, 500, page=request.get_full_path())


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return _render(request, "403_csrf.html", CSRF_TITLE, CSRF_FAILURE, 403)
