from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views.decorators.http import require_http_methods, require_POST
from django_ratelimit.decorators import ratelimit

from reinstate.accounts.actions import (
    AccountInputError,
    do_create_user,
    do_reset_calendar_token,
    do_update_profile,
)
from reinstate.accounts.forms import ProfileForm, SignUpForm
from reinstate.lib.http import AuthenticatedHttpRequest


@require_http_methods(["GET", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("cases:list")
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = do_create_user(
                username=data["username"],
                password=data["password1"],
                email=data.get("email") or "",
                time_zone=data["time_zone"],
                state=data.get("state") or "",
                city=data.get("city") or "",
            )
        except AccountInputError as error:
            form.add_error(None, str(error))
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, "Welcome. Start with the notice you received.")
            return redirect("cases:new")
    return render(request, "accounts/signup.html", {"form": form})


@method_decorator(
    ratelimit(key="post:username", rate=settings.LOGIN_RATE, method="POST", block=False),
    name="post",
)
@method_decorator(
    ratelimit(key="ip", rate=settings.LOGIN_RATE, method="POST", block=False), name="post"
)
class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def post(self, request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if getattr(request, "limited", False):
            form = self.get_form()
            form.errors.clear()
            form.add_error(None, "Too many sign-in attempts. Wait a few minutes, then try again.")
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().post(request, *args, **kwargs)


@require_http_methods(["GET", "POST"])
@login_required
def profile(request: AuthenticatedHttpRequest) -> HttpResponse:
    user = request.user
    form = ProfileForm(request.POST or None, instance=user)
    if request.method == "POST" and form.is_valid():
        values = {field: form.cleaned_data[field] or "" for field in form.Meta.fields}
        user.refresh_from_db()
        changed = do_update_profile(user=user, **values)
        messages.success(request, "Saved." if changed else "Nothing to change.")
        return redirect("accounts:profile")
    feed_url = request.build_absolute_uri(
        reverse("cases:calendar_feed", args=[user.calendar_token])
    )
    return render(request, "accounts/profile.html", {"form": form, "feed_url": feed_url})


@require_POST
@login_required
def reset_calendar(request: AuthenticatedHttpRequest) -> HttpResponse:
    do_reset_calendar_token(user=request.user)
    messages.success(request, "Your calendar link was changed. The old link no longer works.")
    return redirect("accounts:profile")
