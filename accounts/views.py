from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user
from django_otp import login as otp_login

from accounts.two_factor import confirmed_totp, pending_totp, qr_svg, recovery_codes_issue, secret_text
from audit.models import Event
from audit.services import audit_record

WRONG_CODE = "验证码不正确或已过期，请重新输入。"


class TokenForm(forms.Form):
    token = forms.CharField(label=_("验证码（6位）或备用恢复码"), max_length=16)


def safe_next(request: HttpRequest) -> str:
    """The ``next`` parameter if it stays on this site; otherwise the admin index."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    allowed = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if allowed else reverse("admin:index")


@login_required(login_url="admin:login")
def two_factor(request: HttpRequest) -> HttpResponse:
    """Enrol an authenticator (QR code) on first use; afterwards verify a code at each login."""
    user = request.user
    device = confirmed_totp(user)
    enrolling = device is None
    if enrolling:
        device = pending_totp(user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        token = form.cleaned_data["token"].strip()
        candidates = [device] if enrolling else list(devices_for_user(user, confirmed=True))
        verified = next((d for d in candidates if d.verify_token(token)), None)
        if verified is None:
            form.add_error("token", WRONG_CODE)
            audit_record(
                event=Event.LOGIN_FAILED, user=user, request=request, result="failure", detail="双因素验证失败"
            )
        else:
            if enrolling:
                verified.confirmed = True
                verified.save(update_fields=["confirmed"])
            otp_login(request, verified)
            audit_record(event=Event.LOGIN, user=user, request=request, detail="双因素验证通过")
            if enrolling:
                codes = recovery_codes_issue(user)
                return render(request, "accounts/recovery_codes.html", {"codes": codes})
            return HttpResponseRedirect(safe_next(request))
    context = {"form": form, "enrolling": enrolling}
    if enrolling:
        context.update(qr=qr_svg(device), secret=secret_text(device))
    return render(request, "accounts/two_factor.html", context)
