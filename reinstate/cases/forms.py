from __future__ import annotations

import re
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from reinstate.lib.notice_file import (
    NoticeInput,
    NoticeInputError,
    notice_from_file,
    notice_from_screenshots,
    notice_from_text,
)
from reinstate.lib.ocr import MAX_SCREENSHOT_BYTES, picture_type
from reinstate.rules.catalogue.files import load_catalogue
from reinstate.rules.notice.intake import CLOCK_SKEW


def platform_choices(blank: str) -> list[tuple[str, str]]:
    return [("", blank), *((k, p.name) for k, p in load_catalogue().platforms.items())]


def kind_choices() -> list[tuple[str, str]]:
    return [(k, _(kind.title)) for k, kind in load_catalogue().kinds.items()]


def reason_choices() -> list[tuple[str, str]]:
    return [("", _("No reason (an outcome or information)"))] + [
        (k, _(reason.title)) for k, reason in load_catalogue().reasons.items()
    ]


class LocalDateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%H:%M", **kwargs)


def received_initial(at: datetime, tz: ZoneInfo) -> dict[str, Any]:
    """The day and time fields filled with ``at``, to the minute, in ``tz``."""
    local = at.astimezone(tz).replace(second=0, microsecond=0)
    return {"received_date": local.date(), "received_time": local.time()}


def _shown(day: date, at: time) -> str:
    return f"{day:%Y-%m-%d}T{at:%H:%M}"


class ReceivedMixin(forms.Form):
    """When the notice arrived: a day and a time, in the zone of the person filling it in."""

    received_date = forms.DateField(
        required=False,
        label=gettext_lazy("Day"),
        widget=DateInput(),
        error_messages={"invalid": gettext_lazy("Enter the day as day, month and year.")},
    )
    received_time = forms.TimeField(
        required=False,
        label=gettext_lazy("Time"),
        widget=TimeInput(),
        error_messages={"invalid": gettext_lazy("Enter the time, for example 9:30 AM.")},
    )

    tz: ZoneInfo
    now: datetime

    def received_from(self, data: dict[str, Any], *, required: bool) -> datetime | None:
        """The day and time as one aware datetime; None when refused, or not given."""
        if "received_date" in self.errors or "received_time" in self.errors:
            return None
        day, at = data.get("received_date"), data.get("received_time")
        if day is None and at is None and not required:
            return None
        if day is None:
            self.add_error("received_date", _("Enter the day the notice arrived."))
            return None
        if at is None:
            self.add_error("received_time", _("Enter the time it arrived (a guess is fine)."))
            return None
        received = datetime.combine(day, at).replace(tzinfo=self.tz)
        if received > self.now + CLOCK_SKEW:
            self.add_error(
                "received_date",
                _("This is in the future. Enter when the notice arrived (today or earlier)."),
            )
            return None
        return received


# An email pasted with its headers: it is read as the email it is, Date header and all.
_EMAIL_HEADER = re.compile(r"^(From|To|Subject|Date|Received|Message-ID|MIME-Version):", re.I)


def _pasted_email(text: str) -> bool:
    head = text[:4096].splitlines()[:20]
    return sum(1 for line in head if _EMAIL_HEADER.match(line)) >= 2


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class NoticeFilesField(forms.FileField):
    """One email or text file, or up to two screenshots of one long notice."""

    widget = MultipleFileInput

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        files = data if isinstance(data, list | tuple) else [data]
        return [f for f in (super(NoticeFilesField, self).clean(d, initial) for d in files) if f]


MAX_SCREENSHOTS = 2


class NewCaseForm(ReceivedMixin):
    platform = forms.ChoiceField(
        required=False,
        label=gettext_lazy("Platform"),
        choices=lambda: platform_choices(_("Find it from the notice")),
        help_text=gettext_lazy(
            "Leave this to the app, or choose if the notice does not name the platform."
        ),
    )
    notice_text = forms.CharField(
        required=False,
        label=gettext_lazy("Paste the notice"),
        widget=forms.Textarea(attrs={"rows": 8, "autocomplete": "off", "spellcheck": "false"}),
    )
    notice_file = NoticeFilesField(
        required=False,
        label=gettext_lazy("…or upload a screenshot or the email"),
        help_text=gettext_lazy(
            "A screenshot (two for a long notice), a saved email (.eml) or a text file (.txt). "
            "You check the words read from a screenshot before anything is saved."
        ),
        widget=MultipleFileInput(
            attrs={
                "accept": ".eml,.txt,message/rfc822,text/plain,"
                "image/png,image/jpeg,image/heic,image/heif,image/webp,.heic,.heif"
            }
        ),
    )
    # Set once the paste box holds text read from a screenshot: the page says to check it.
    read_from_screenshot = forms.BooleanField(required=False, widget=forms.HiddenInput)
    # The signed names of the screenshots held until then (cases/notice_pictures.py).
    screenshots = forms.CharField(required=False, widget=forms.HiddenInput)
    # The day and time the page showed: left as shown, an email's own date is used instead.
    received_shown = forms.CharField(required=False, widget=forms.HiddenInput)

    notice: NoticeInput
    pictures: list[tuple[bytes, str]]  # the screenshots read, to keep once the case opens
    received: datetime | None  # what the driver said; None: the email's date, or none given

    def __init__(self, *args: Any, tz: ZoneInfo, now: datetime, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.tz, self.now, self.received, self.pictures = tz, now, None, []
        shown = received_initial(now, tz)
        self.initial.update(shown)
        self.initial["received_shown"] = _shown(shown["received_date"], shown["received_time"])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        uploads = data.get("notice_file") or []
        upload = uploads[0] if uploads else None
        text = (data.get("notice_text") or "").strip()
        limit = settings.NOTICE_MAX_BYTES
        try:
            if uploads and any(_is_picture(f) for f in uploads):
                self.pictures = _pictures(uploads)
                self.notice = notice_from_screenshots(self.pictures, max_bytes=limit)
            elif len(uploads) > 1:
                raise NoticeInputError(
                    _(
                        "Upload one email or text file (two files only for two screenshots of "
                        "one notice)."
                    )
                )
            elif upload is not None:
                if upload.size > limit * 4:
                    raise NoticeInputError(
                        _("The file is too large for a notice. Upload only the email you received.")
                    )
                self.notice = notice_from_file(upload.read(), upload.name or "", max_bytes=limit)
            elif text and _pasted_email(text):
                self.notice = notice_from_file(text.encode("utf-8"), "", max_bytes=limit)
            elif text:
                self.notice = notice_from_text(text, max_bytes=limit)
            else:
                raise NoticeInputError(_("Paste the notice, or upload the email you received."))
        except NoticeInputError as error:
            field = "notice_file" if upload is not None else "notice_text"
            self.add_error(field, str(error))
        emailed = getattr(self, "notice", None) is not None and self.notice.received is not None
        day, at = data.get("received_date"), data.get("received_time")
        untouched = (
            day is not None and at is not None and data.get("received_shown") == _shown(day, at)
        )
        if emailed and (untouched or (day is None and at is None)):
            self.received = None  # the email's Date header says when it arrived
        else:
            self.received = self.received_from(data, required=True)
        return data


def _is_picture(upload: Any) -> bool:
    upload.seek(0)
    head = upload.read(64)
    upload.seek(0)
    return picture_type(head) is not None


def _pictures(uploads: list[Any]) -> list[tuple[bytes, str]]:
    if len(uploads) > MAX_SCREENSHOTS:
        raise NoticeInputError(
            _("Choose one or two screenshots of the notice. For a longer one, paste its text.")
        )
    if not all(_is_picture(f) for f in uploads):
        raise NoticeInputError(
            _("Upload the screenshots alone, or the email alone: not both at once.")
        )
    if any(f.size > MAX_SCREENSHOT_BYTES for f in uploads):
        raise NoticeInputError(
            _(
                "A screenshot is too large to read (over %(size)s MB). Take a plain screenshot "
                "of the notice, or paste its text."
            )
            % {"size": MAX_SCREENSHOT_BYTES // 1_000_000}
        )
    return [(f.read(), f.name or "") for f in uploads]


class ReceivedForm(ReceivedMixin):
    """Change when the notice arrived."""

    received: datetime | None

    def __init__(self, *args: Any, tz: ZoneInfo, now: datetime, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.tz, self.now = tz, now
        for name in ("received_date", "received_time"):
            self.fields[name].required = True
            self.fields[name].error_messages["required"] = (
                _("Enter the day the notice arrived.")
                if name == "received_date"
                else _("Enter the time it arrived (a guess is fine).")
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        self.received = self.received_from(data, required=True)
        return data


class CorrectReadingForm(forms.Form):
    platform = forms.ChoiceField(
        required=False,
        label=gettext_lazy("Platform"),
        choices=lambda: platform_choices(_("Not named in the notice")),
    )
    kind = forms.ChoiceField(
        label=gettext_lazy("What happened to the account"), choices=kind_choices
    )
    reason = forms.ChoiceField(required=False, label=gettext_lazy("Reason"), choices=reason_choices)
    stated_deadline = forms.DateTimeField(
        required=False,
        label=gettext_lazy("Deadline the notice states"),
        help_text=gettext_lazy("Leave empty if the notice states none. Your time zone."),
        widget=LocalDateTimeInput(),
    )


class CaseOutcomeForm(forms.Form):
    """How the case ended, said when closing it."""

    outcome = forms.ChoiceField(
        label=gettext_lazy("How did it end?"),
        choices=[
            ("reinstated", gettext_lazy("My account was reinstated")),
            ("denied", gettext_lazy("The appeal was denied")),
            ("other", gettext_lazy("Closed without an answer, or something else")),
        ],
        widget=forms.RadioSelect,
        error_messages={
            "required": gettext_lazy("Choose how the case ended."),
            "invalid_choice": gettext_lazy("Choose one of the endings in the list."),
        },
    )
    reinstated_on = forms.DateField(
        required=False,
        label=gettext_lazy("Day you were reinstated"),
        help_text=gettext_lazy("Only if your account was reinstated."),
        widget=DateInput(),
        error_messages={"invalid": gettext_lazy("Enter the date as day, month and year.")},
    )
    note = forms.CharField(
        required=False,
        label=gettext_lazy("Anything to remember"),
        max_length=300,
        help_text=gettext_lazy("For example: reinstated after a call with support."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        reinstated = data.get("outcome") == "reinstated"
        if reinstated and not data.get("reinstated_on") and "reinstated_on" not in self.errors:
            self.add_error("reinstated_on", _("Enter the day your account was reinstated."))
        return data


class DriverIntakeForm(NewCaseForm):
    """An advocate opens a case for a driver: who the driver is, then the same notice reading
    as the driver's own "new case"."""

    driver_name = forms.CharField(
        max_length=200,
        label=gettext_lazy("Driver's name"),
        help_text=gettext_lazy("As on their ID: the appeal is signed with it."),
        error_messages={"required": gettext_lazy("Enter the driver's name.")},
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    driver_email = forms.EmailField(
        required=False,
        label=gettext_lazy("Driver's email"),
        help_text=gettext_lazy("We email them the link to take the case into their account."),
        error_messages={"invalid": gettext_lazy("Enter an email address like name@example.com.")},
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    driver_phone = forms.CharField(
        required=False,
        max_length=40,
        label=gettext_lazy("Driver's phone"),
        help_text=gettext_lazy("To text them the link yourself."),
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "off"}),
    )
    driver_platform_account = forms.CharField(
        required=False,
        max_length=200,
        label=gettext_lazy("Email or phone on their platform account"),
        help_text=gettext_lazy("The appeal names it, so the platform can find the account."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    driver_language = forms.ChoiceField(
        label=gettext_lazy("Driver's language"),
        choices=settings.LANGUAGES,
        help_text=gettext_lazy("The email is written in it."),
    )

    def __init__(self, *args: Any, language: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.initial.setdefault("driver_language", language)

    def clean_driver_name(self) -> str:
        name = " ".join(str(self.cleaned_data["driver_name"]).split())
        if not any(ch.isalpha() for ch in name):
            raise forms.ValidationError(_("Enter the driver's name, in letters."))
        return name

    def clean_driver_phone(self) -> str:
        phone = str(self.cleaned_data.get("driver_phone") or "").strip()
        if phone and not 7 <= sum(ch.isdigit() for ch in phone) <= 15:
            raise forms.ValidationError(_("Enter a phone number of 7 to 15 digits, or leave it."))
        return phone
