"""Error pages: under /api/ an unknown address answers JSON like the rest of the API."""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views import defaults

API_PREFIX = "/api/"
API_NOT_FOUND = "未找到。"


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if request.path.startswith(API_PREFIX):
        return JsonResponse({"detail": API_NOT_FOUND}, status=404)
    return defaults.page_not_found(request, exception)
