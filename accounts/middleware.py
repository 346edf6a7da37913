from urllib.parse import urlencode

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.urls import reverse
from django.utils import timezone

from accounts.passwords import password_expired
from accounts.two_factor import requires_two_factor

EXPIRED = "您的密码已超过规定期限未修改，请先修改密码。"
CHECKED_KEY = "password_fresh_until"
REQUIRED_KEY = "two_factor_required"
ALLOWED_PREFIXES = ("/admin/password_change/", "/admin/logout/", "/static/")
API_PREFIX = "/api/"
API_TWO_FACTOR_REQUIRED = "您的角色须先在网页上完成双因素验证，才能使用接口。"


class PasswordExpiryMiddleware:
    """Staff whose password is older than the limit can only change it (or log out)."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and user.is_staff
            and not request.path.startswith(ALLOWED_PREFIXES)
            and self.expired(request, user)
        ):
            messages.warning(request, EXPIRED)
            return HttpResponseRedirect(reverse("admin:password_change"))
        return self.get_response(request)

    @staticmethod
    def expired(request: HttpRequest, user: object) -> bool:
        """Checked once a day per session, not on every request."""
        today = timezone.localdate().isoformat()
        if request.session.get(CHECKED_KEY) == today:
            return False
        if password_expired(user):
            return True
        request.session[CHECKED_KEY] = today
        return False


class TwoFactorMiddleware:
    """Staff who need a second factor reach nothing but the 2FA page (and logout) until verified.

    The API (session authentication only) follows the same rule and answers 403 instead of redirecting.
    """

    ALLOWED = ("/accounts/2fa/", "/admin/logout/", "/static/", "/admin/login/")

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not request.path.startswith(self.ALLOWED)
            and not user.is_verified()
            and self.required(request, user)
        ):
            if request.path.startswith(API_PREFIX):
                return JsonResponse({"detail": API_TWO_FACTOR_REQUIRED}, status=403)
            query = urlencode({"next": request.get_full_path()})
            return HttpResponseRedirect(f"{reverse('accounts:two_factor')}?{query}")
        return self.get_response(request)

    @staticmethod
    def required(request: HttpRequest, user: object) -> bool:
        """Worked out once per session (roles change rarely; a new login starts a new session)."""
        if REQUIRED_KEY not in request.session:
            request.session[REQUIRED_KEY] = requires_two_factor(user)
        return request.session[REQUIRED_KEY]
