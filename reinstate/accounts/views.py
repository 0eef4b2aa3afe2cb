from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import NON_FIELD_ERRORS
from django.forms.utils import ErrorDict
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import translation
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect
from django_ratelimit.decorators import ratelimit

from reinstate.accounts import queries, throttle
from reinstate.accounts.actions import (
    AccountInputError,
    do_add_advocate,
    do_create_organisation,
    do_create_user,
    do_remove_advocate,
    do_replace_invite_code,
    do_reset_calendar_token,
    do_set_identity,
    do_set_member_role,
    do_sign_out_everywhere,
    do_update_profile,
)
from reinstate.accounts.forms import (
    AddAdvocateForm,
    AskResetForm,
    ChangePasswordForm,
    ConfirmPasswordForm,
    IdentityForm,
    MemberRoleForm,
    OrganisationForm,
    ProfileForm,
    ResetPasswordForm,
    SignUpForm,
)
from reinstate.accounts.http import AuthenticatedHttpRequest, safe_next
from reinstate.accounts.identity import platform_names
from reinstate.accounts.models import Membership, Organisation, PlatformAccount


@require_http_methods(["GET", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("cases:list")
    form = SignUpForm(request.POST or None)
    # A driver sent here by a link (an advocate's case to claim) goes back to it after.
    then = safe_next(request, fallback="")
    context = {"form": form, "next": then.url}
    if request.method == "POST":
        by_address = {throttle.SIGNUPS: throttle.client_address(request)}
        wait = throttle.wait_seconds("signup", by_address)
        if wait:  # what was typed stays in the form
            form.add_error(
                None,
                _("Many accounts were just made from here. Wait %(wait)s, then try again.")
                % {"wait": throttle.wait_words(wait)},
            )
            return render(request, "accounts/signup.html", context, status=429)
        throttle.record_failure("signup", by_address)
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
                legal_name=data.get("legal_name") or "",
                # The language the sign-up page was read in: their pages and emails stay in it.
                language=_chosen_language(request),
            )
        except AccountInputError as error:
            form.add_error(None, str(error))
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            if then.given:
                messages.success(request, _("Welcome."))
                return redirect(then.url)
            messages.success(request, _("Welcome. Start with the notice you received."))
            return redirect("cases:new")
    return render(request, "accounts/signup.html", context)


def limited_per(field: str) -> Callable[[type[Any]], type[Any]]:
    """A form view's POSTs limited per value of `field` and per address, as sign-in is."""

    def decorate(view: type[Any]) -> type[Any]:
        for key in (f"post:{field}", "ip"):
            limit = ratelimit(key=key, rate=settings.LOGIN_RATE, method="POST", block=False)
            view = method_decorator(limit, name="post")(view)
        return view

    return decorate


def too_many(view: Any, request: HttpRequest, message: str) -> HttpResponse | None:
    """The form again with `message` when the request was over its limit (429), else None."""
    if not getattr(request, "limited", False):
        return None
    # An unbound form with what was typed (passwords aside): a bound one would be validated,
    # and validating the sign-in form checks the password the limit is holding back.
    kwargs = view.get_form_kwargs()
    data = kwargs.pop("data", None) or {}
    kwargs.pop("files", None)
    typed = {k: v for k, v in data.items() if "password" not in k and k != "csrfmiddlewaretoken"}
    kwargs["initial"] = {**kwargs.get("initial", {}), **typed}
    form = view.get_form_class()(**kwargs)
    form._errors = ErrorDict(
        {NON_FIELD_ERRORS: form.error_class([message], error_class="nonfield")}
    )
    return cast(HttpResponse, view.render_to_response(view.get_context_data(form=form), status=429))


class LoginView(auth_views.LoginView):
    """Wrong passwords slow the next attempt down (accounts/throttle.py); a right one clears
    the name's count."""

    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def post(self, request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        name = throttle.normalise_name(str(request.POST.get("username", "")))
        keys = {throttle.BY_ADDRESS: throttle.client_address(request), throttle.BY_NAME: name}
        wait = throttle.wait_seconds("signin", keys)
        if wait:
            request.limited = True  # type: ignore[attr-defined]
            message = _("Too many sign-in attempts. Wait %(wait)s, then try again.") % {
                "wait": throttle.wait_words(wait)
            }
            return cast(HttpResponse, too_many(self, request, message))
        response = super().post(request, *args, **kwargs)
        if request.user.is_authenticated:
            throttle.forget("signin", throttle.BY_NAME, name)
        else:
            throttle.record_failure("signin", keys)
        return response


@require_http_methods(["GET", "POST"])
@login_required
def profile(request: AuthenticatedHttpRequest) -> HttpResponse:
    user = request.user
    form = ProfileForm(request.POST or None, instance=user)
    if request.method == "POST" and form.is_valid():
        values = {field: form.cleaned_data[field] or "" for field in form.Meta.fields}
        user.refresh_from_db()
        changed = do_update_profile(user=user, **values)
        if "language" in changed:  # the message, and the next page, in the new language
            translation.activate(user.language or translation.get_language_from_request(request))
        messages.success(request, _("Saved.") if changed else _("Nothing to change."))
        return redirect("accounts:profile")
    feed_url = request.build_absolute_uri(
        reverse("cases:calendar_feed", args=[user.calendar_token])
    )
    return render(request, "accounts/profile.html", {"form": form, "feed_url": feed_url})


View = Callable[..., HttpResponse]
# Confirming with a password is a sign-in attempt: limited as sign-in is, per user.
limit_per_user = cast(
    Callable[[View], View],
    ratelimit(key="user", rate=settings.LOGIN_RATE, method="POST", block=False),
)


@require_http_methods(["GET", "POST"])
@login_required
def identity(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The legal name and the email or phone each platform knows the driver by."""
    user = request.user
    platforms = platform_names()
    # Sent from a case: that case's platform first, right under the name.
    first = request.GET.get("platform", "")
    if first in platforms:
        platforms = {first: platforms[first]} | platforms
    held = dict(PlatformAccount.objects.filter(user=user).values_list("platform", "identifier"))
    initial = {"legal_name": user.legal_name} | {f"account_{k}": v for k, v in held.items()}
    form = IdentityForm(
        request.POST if request.method == "POST" else None, initial=initial, platforms=platforms
    )
    # Where to go after: the case that asked for the identity, or the profile.
    after = safe_next(request, fallback=reverse("accounts:profile"))
    if request.method == "POST" and form.is_valid():
        changed = do_set_identity(
            user=user, legal_name=form.cleaned_data["legal_name"], accounts=form.accounts()
        )
        messages.success(request, _("Saved.") if changed else _("Nothing to change."))
        return redirect(after.url)
    status = 400 if form.errors else 200
    context = {
        "form": form,
        "next": after.url if after.given else "",
        "split": form.asked_first(first) if first in platforms else None,
    }
    return render(request, "accounts/identity.html", context, status=status)


def _chosen_language(request: HttpRequest) -> str:
    """The language this request is read in, when it is one of the app's ("" otherwise)."""
    language = translation.get_language() or ""
    return language if language in {code for code, _name in settings.LANGUAGES} else ""


@limited_per("email")
class PasswordResetView(auth_views.PasswordResetView):
    """Ask for a link by email. The page says the same whether or not the address is known."""

    template_name = "accounts/password_reset.html"
    form_class = AskResetForm
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    def post(self, request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        limited = too_many(
            self, request, _("Too many requests. Wait a few minutes, then try again.")
        )
        if limited is not None:
            return limited
        site = settings.SITE_URL or request.build_absolute_uri("/").rstrip("/")
        self.extra_email_context = {"site_url": site}
        return super().post(request, *args, **kwargs)


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    form_class = ResetPasswordForm
    success_url = reverse_lazy("accounts:password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


class PasswordChangeView(auth_views.PasswordChangeView):
    """Django's view keeps this session signed in and ends every other one."""

    template_name = "accounts/password_change.html"
    form_class = ChangePasswordForm
    success_url = reverse_lazy("accounts:profile")

    def form_valid(self, form: ChangePasswordForm) -> HttpResponse:  # type: ignore[override]
        response = super().form_valid(form)
        messages.success(
            self.request, _("Your password is changed. You are signed out everywhere else.")
        )
        return response


@require_http_methods(["GET", "POST"])
@login_required
@limit_per_user
def sign_out_everywhere(request: AuthenticatedHttpRequest) -> HttpResponse:
    """End every session of the user (a lost phone), keeping this one."""
    form = ConfirmPasswordForm(
        request.POST if request.method == "POST" else None, user=request.user
    )
    if request.method == "POST" and getattr(request, "limited", False):
        form.errors.clear()
        form.add_error(None, _("Too many tries. Wait a few minutes, then try again."))
        return render(request, "accounts/sign_out_everywhere.html", {"form": form}, status=429)
    if request.method == "POST" and form.is_valid():
        do_sign_out_everywhere(user=request.user, password=form.cleaned_data["password"])
        update_session_auth_hash(request, request.user)
        messages.success(request, _("You are signed out on every other phone and computer."))
        return redirect("accounts:profile")
    status = 400 if form.errors else 200
    return render(request, "accounts/sign_out_everywhere.html", {"form": form}, status=status)


@require_POST
@login_required
def reset_calendar(request: AuthenticatedHttpRequest) -> HttpResponse:
    do_reset_calendar_token(user=request.user)
    messages.success(request, _("Your calendar link was changed. The old link no longer works."))
    return redirect("accounts:profile")


@require_http_methods(["GET", "POST"])
@login_required
def organisations(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The organisations the user is an advocate of, and setting up a new one."""
    form = OrganisationForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        name = form.cleaned_data["name"]
        if queries.has_organisation_named(request.user, name):
            form.add_error(
                "name", _("You already have an organisation called %(name)s.") % {"name": name}
            )
        else:
            try:
                organisation = do_create_organisation(
                    name=name, advocates=[request.user], actor=request.user
                )
            except AccountInputError as error:
                form.add_error("name", str(error))
            else:
                messages.success(
                    request,
                    _(
                        "%(name)s is set up. Give drivers its code so they can share their "
                        "cases with you."
                    )
                    % {"name": organisation.name},
                )
                return redirect("accounts:organisation", organisation_id=organisation.pk)
    context = {"organisations": queries.organisations_for(request.user), "form": form}
    return render(
        request, "accounts/organisations.html", context, status=400 if form.errors else 200
    )


@require_GET
@login_required
def organisation(request: AuthenticatedHttpRequest, organisation_id: int) -> HttpResponse:
    found = queries.get_organisation_for_advocate(request.user, organisation_id)
    return _organisation_page(request, found)


def _organisation_page(
    request: AuthenticatedHttpRequest,
    organisation: Organisation,
    *,
    add_form: AddAdvocateForm | None = None,
    status: int = 200,
) -> HttpResponse:
    context = {
        "organisation": organisation,
        "add_form": add_form or AddAdvocateForm(),
        "is_admin": queries.is_admin(organisation, request.user),
    }
    return render(request, "accounts/organisation.html", context, status=status)


def _advocates_part(
    request: AuthenticatedHttpRequest,
    organisation_id: int,
    *,
    add_form: AddAdvocateForm | None = None,
    note: str = "",
    problem: str = "",
) -> HttpResponse:
    """The advocates section alone, for htmx. Always 200: htmx does not swap in error pages."""
    found = queries.get_organisation_for_advocate(request.user, organisation_id)
    context = {
        "organisation": found,
        "add_form": add_form or AddAdvocateForm(),
        "is_admin": queries.is_admin(found, request.user),
        "note": note,
        "problem": problem,
    }
    return render(request, "accounts/partials/_advocates.html", context)


@require_POST
@login_required
def add_advocate(request: AuthenticatedHttpRequest, organisation_id: int) -> HttpResponse:
    found = queries.get_organisation_for_admin(request.user, organisation_id)
    form = AddAdvocateForm(request.POST)
    if form.is_valid():
        user = queries.find_user(form.cleaned_data["username"])
        if user is None:
            form.add_error(
                "username",
                _(
                    "No one has the user name %(name)r. Check the spelling, or ask them to "
                    "sign up first."
                )
                % {"name": form.cleaned_data["username"]},
            )
        elif not do_add_advocate(organisation=found, user=user, actor=request.user):
            form.add_error(
                "username", _("%(name)s is already an advocate here.") % {"name": user.username}
            )
        else:
            note = _("%(name)s is now an advocate of %(organisation)s.") % {
                "name": user.username,
                "organisation": found.name,
            }
            if request.htmx:
                return _advocates_part(request, found.pk, note=note)
            messages.success(request, note)
            return redirect("accounts:organisation", organisation_id=found.pk)
    if request.htmx:
        return _advocates_part(request, found.pk, add_form=form)
    return _organisation_page(request, found, add_form=form, status=400)


def _member_changed(
    request: AuthenticatedHttpRequest, organisation: Organisation, note: str, problem: str
) -> HttpResponse:
    """After a change to the members: the section again (htmx) or the page with a message."""
    if request.htmx:
        return _advocates_part(request, organisation.pk, note=note, problem=problem)
    if problem:
        messages.error(request, problem)
    elif note:
        messages.success(request, note)
    return redirect("accounts:organisation", organisation_id=organisation.pk)


@require_POST
@login_required
def remove_advocate(
    request: AuthenticatedHttpRequest, organisation_id: int, user_id: int
) -> HttpResponse:
    """An admin removes a member; any member can leave (remove themselves)."""
    if user_id == request.user.pk:
        found = queries.get_organisation_for_advocate(request.user, organisation_id)
    else:
        found = queries.get_organisation_for_admin(request.user, organisation_id)
    user = queries.advocate_of(found, user_id)
    problem = ""
    if user is None:
        problem = _("That person is no longer an advocate here.")
    else:
        try:
            do_remove_advocate(organisation=found, user=user, actor=request.user)
        except AccountInputError as error:
            problem = str(error)
    if not problem and user == request.user:
        # They can no longer see this page, so send them to the list.
        messages.success(
            request, _("You are no longer an advocate of %(name)s.") % {"name": found.name}
        )
        if request.htmx:
            return HttpResponseClientRedirect(reverse("accounts:organisations"))
        return redirect("accounts:organisations")
    note = (
        ""
        if problem or user is None
        else _("%(name)s is no longer an advocate here.") % {"name": user.username}
    )
    return _member_changed(request, found, note, problem)


@require_POST
@login_required
def set_member_role(
    request: AuthenticatedHttpRequest, organisation_id: int, user_id: int
) -> HttpResponse:
    """An admin makes a member an admin, or an advocate again."""
    found = queries.get_organisation_for_admin(request.user, organisation_id)
    form = MemberRoleForm(request.POST)
    if not form.is_valid():
        return HttpResponse(status=400)
    user = queries.advocate_of(found, user_id)
    role = form.cleaned_data["role"]
    problem = note = ""
    if user is None:
        problem = _("That person is no longer an advocate here.")
    else:
        try:
            changed = do_set_member_role(
                organisation=found, user=user, role=role, actor=request.user
            )
        except AccountInputError as error:
            problem = str(error)
        else:
            values = {"name": user.username, "organisation": found.name}
            if not changed:
                note = _("Nothing to change.")
            elif role == Membership.Role.ADMIN:
                note = _("%(name)s is now an admin of %(organisation)s.") % values
            else:
                note = _("%(name)s is now an advocate of %(organisation)s.") % values
    return _member_changed(request, found, note, problem)


@require_POST
@login_required
def replace_invite_code(request: AuthenticatedHttpRequest, organisation_id: int) -> HttpResponse:
    found = queries.get_organisation_for_admin(request.user, organisation_id)
    code = do_replace_invite_code(organisation=found, actor=request.user)
    note = _(
        "The new code is %(code)s. The old code no longer works for new shares; "
        "cases already shared stay shared."
    ) % {"code": code}
    if request.htmx:
        context = {"organisation": found, "note": note, "is_admin": True}
        return render(request, "accounts/partials/_invite_code.html", context)
    messages.success(request, note)
    return redirect("accounts:organisation", organisation_id=found.pk)
