from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from html import escape
from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.forms import (
    PasswordChangeForm,
    PasswordResetForm,
    SetPasswordForm,
    UserCreationForm,
)
from django.forms import BoundField
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from reinstate.accounts.actions import do_change_password
from reinstate.accounts.identity import IdentityInputError, clean_identifier, clean_legal_name
from reinstate.accounts.models import US_STATES, Membership, User
from reinstate.lib.tz import UnknownTimeZone, parse_time_zone, zone_choices


class PlaceNames(forms.Select):
    """A list of places (zones, states): their names are names, marked translate="no" so
    translators, translation tools and the Spanish page check leave them as they are."""

    def create_option(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        option = super().create_option(*args, **kwargs)
        if option["value"]:
            option["attrs"]["translate"] = "no"
        return option

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        """The markup of Django's select template, written here: the zone list has some 600
        options, and a template included once per option took 24 ms a page (now 4)."""
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [f"<select name={_quoted(widget['name'])}{_attributes(widget['attrs'])}>"]
        for group, options, _index in widget["optgroups"]:
            if group:
                parts.append(f"<optgroup label={_quoted(group)}>")
            parts += [
                f"<option value={_quoted(o['value'])}{_attributes(o['attrs'])}>"
                f"{escape(str(o['label']))}</option>"
                for o in options
            ]
            if group:
                parts.append("</optgroup>")
        parts.append("</select>")
        return mark_safe("".join(parts))  # noqa: S308 - every value and label is escaped


def _quoted(value: object) -> str:
    return f'"{escape(str(value))}"'


def _attributes(attrs: dict[str, Any]) -> str:
    """As Django's attrs.html: True is a bare attribute, False and None are left out."""
    return "".join(
        f" {key}" if value is True else f" {key}={_quoted(value)}"
        for key, value in attrs.items()
        if value is not False and value is not None
    )


class WhereYouWorkFields(forms.ModelForm):  # type: ignore[type-arg]
    """Time zone, state and city: which deadlines and which rules of law apply."""

    time_zone = forms.ChoiceField(
        choices=zone_choices,
        widget=PlaceNames,
        label=gettext_lazy("Time zone"),
        help_text=gettext_lazy("Deadlines are shown in this time zone."),
    )
    state = forms.ChoiceField(
        widget=PlaceNames,
        label=gettext_lazy("State"),
        choices=[("", gettext_lazy("Outside the US / prefer not to say")), *US_STATES],
        required=False,
        help_text=gettext_lazy("Some states give drivers rights when an account is deactivated."),
    )
    city = forms.CharField(
        max_length=100,
        required=False,
        label=gettext_lazy("City"),
        help_text=gettext_lazy("Some cities (Seattle, for one) have their own rules."),
    )

    def clean_time_zone(self) -> str:
        value = str(self.cleaned_data["time_zone"])
        try:
            parse_time_zone(value)
        except UnknownTimeZone as error:
            raise forms.ValidationError(str(error)) from None
        return value

    def clean_city(self) -> str:
        return " ".join(str(self.cleaned_data.get("city", "")).split())


def legal_name_field() -> forms.CharField:
    return forms.CharField(
        max_length=200,
        required=False,
        label=gettext_lazy("Your legal name"),
        help_text=gettext_lazy(
            "As on your driver's licence. Your appeal letter is signed with it."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )


def _clean_legal_name(form: forms.BaseForm) -> str:
    try:
        return clean_legal_name(str(form.cleaned_data.get("legal_name", "")))
    except IdentityInputError as error:
        raise forms.ValidationError(str(error)) from None


class SignUpForm(UserCreationForm[User]):
    # Asked at the start: the appeal must say who is appealing, and a driver in a hurry later
    # should not be stopped for it. Optional: the appeal asks again when it is missing.
    legal_name = legal_name_field()
    time_zone = WhereYouWorkFields.base_fields["time_zone"]
    state = WhereYouWorkFields.base_fields["state"]
    city = WhereYouWorkFields.base_fields["city"]
    clean_legal_name = _clean_legal_name
    clean_time_zone = WhereYouWorkFields.clean_time_zone
    clean_city = WhereYouWorkFields.clean_city

    class Meta(UserCreationForm.Meta):
        model = User
        fields = ("username", "legal_name", "email", "time_zone", "state", "city")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email"].required = False
        self.fields["email"].help_text = _("Optional: for deadline reminders.")

    def clean_username(self) -> str:
        username = str(self.cleaned_data["username"])
        if len(scripts_in(username)) > 1:
            # "dana" with its "a" taken from Cyrillic looks the same and is another account.
            raise forms.ValidationError(
                _(
                    "Use the letters of one alphabet in your user name (not Latin mixed with "
                    "Cyrillic or Greek, for example)."
                )
            )
        return username


class ProfileForm(WhereYouWorkFields):
    # Blank: the pages follow the browser's language, and emails are in English.
    language = forms.ChoiceField(
        label=gettext_lazy("Language"),
        choices=[("", gettext_lazy("Same as my browser")), *settings.LANGUAGES],
        required=False,
        help_text=gettext_lazy(
            "The pages and the emails Reinstate sends you are in this language."
        ),
    )

    class Meta:
        model = User
        fields = ("email", "time_zone", "state", "city", "language")


class OrganisationForm(forms.Form):
    name = forms.CharField(
        max_length=200,
        label=gettext_lazy("Name of the organisation"),
        help_text=gettext_lazy("Drivers see this name when they share a case with you."),
        error_messages={"required": gettext_lazy("Type the name of the organisation.")},
    )

    def clean_name(self) -> str:
        return " ".join(str(self.cleaned_data["name"]).split())


class AddAdvocateForm(forms.Form):
    username = forms.CharField(
        max_length=150,
        label=gettext_lazy("User name of the advocate to add"),
        help_text=gettext_lazy(
            "They need a Reinstate account. They will see every case shared with this organisation."
        ),
        error_messages={"required": gettext_lazy("Type their user name.")},
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "none"}),
    )


class MemberRoleForm(forms.Form):
    """An admin makes a member an admin, or an advocate again (the buttons send the role)."""

    role = forms.ChoiceField(choices=Membership.Role.choices)


@dataclass(frozen=True)
class AskedFirst:
    shown: list[BoundField]
    others: list[BoundField]
    others_open: bool


class IdentityForm(forms.Form):
    """The legal name, and one field per catalogue platform for the email or phone it uses."""

    legal_name = legal_name_field()
    clean_legal_name = _clean_legal_name

    def __init__(self, *args: Any, platforms: dict[str, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.platforms = platforms
        for key, name in platforms.items():
            self.fields[f"account_{key}"] = forms.CharField(
                max_length=200,
                required=False,
                label=_("%(platform)s: email or phone on your account") % {"platform": name},
                widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "none"}),
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for key in self.platforms:
            field = f"account_{key}"
            if field in data:
                try:
                    data[field] = clean_identifier(key, str(data[field] or ""))
                except IdentityInputError as error:
                    self.add_error(field, str(error))
        return data

    def asked_first(self, platform: str) -> AskedFirst:
        """The name and the one platform a case asks about; the others, to fold away (opened
        when one of them has an error to fix)."""
        asked = {"legal_name", f"account_{platform}"}
        fields = list(self)
        others = [f for f in fields if f.name not in asked]
        return AskedFirst(
            shown=[f for f in fields if f.name in asked],
            others=others,
            others_open=any(f.errors for f in others),
        )

    def accounts(self) -> dict[str, str]:
        return {key: self.cleaned_data.get(f"account_{key}", "") for key in self.platforms}


class AuditedPasswordMixin:
    """Django's password forms, saving through the audited action."""

    how = "changed"
    user: User
    cleaned_data: dict[str, Any]

    def save(self, commit: bool = True) -> User:
        do_change_password(
            user=self.user, password=self.cleaned_data["new_password1"], how=self.how
        )
        return self.user


class AskResetForm(PasswordResetForm):
    """The emailed link, written in the language of the person it goes to (English when they
    chose none), not in the language of whoever typed the address."""

    def send_mail(
        self,
        subject_template_name: str,
        email_template_name: str,
        context: dict[str, Any],
        from_email: str | None,
        to_email: str,
        html_email_template_name: str | None = None,
    ) -> None:
        language = getattr(context.get("user"), "language", "") or "en"
        with translation.override(language):
            super().send_mail(
                subject_template_name,
                email_template_name,
                context,
                from_email,
                to_email,
                html_email_template_name,
            )


class ResetPasswordForm(AuditedPasswordMixin, SetPasswordForm):  # type: ignore[type-arg]
    how = "reset"


class ChangePasswordForm(AuditedPasswordMixin, PasswordChangeForm):
    how = "changed"


class ConfirmPasswordForm(forms.Form):
    """Type your password again before something that cannot be undone."""

    password = forms.CharField(
        label=gettext_lazy("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": gettext_lazy("Type your password.")},
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = str(self.cleaned_data["password"])
        if not self.user.check_password(password):
            raise forms.ValidationError(_("That is not your password."))
        return password


def scripts_in(text: str) -> set[str]:
    """The alphabets the letters of `text` come from ("LATIN", "CYRILLIC"...), by the first word
    of each letter's Unicode name; digits and signs belong to none."""
    return {
        unicodedata.name(char, "UNKNOWN").split(" ", 1)[0]
        for char in unicodedata.normalize("NFKC", text)
        if char.isalpha()
    }
