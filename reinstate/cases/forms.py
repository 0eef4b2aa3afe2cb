from __future__ import annotations

from datetime import datetime
from typing import Any

from django import forms
from django.conf import settings
from django.utils import timezone

from reinstate.lib.notice_file import (
    NoticeInput,
    NoticeInputError,
    notice_from_file,
    notice_from_text,
)
from reinstate.rules.catalogue.files import load_catalogue


def platform_choices(blank: str) -> list[tuple[str, str]]:
    return [("", blank), *((k, p.name) for k, p in load_catalogue().platforms.items())]


def kind_choices() -> list[tuple[str, str]]:
    return [(k, kind.title) for k, kind in load_catalogue().kinds.items()]


def reason_choices() -> list[tuple[str, str]]:
    return [("", "No reason (an outcome or information)")] + [
        (k, reason.title) for k, reason in load_catalogue().reasons.items()
    ]


class LocalDateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class NewCaseForm(forms.Form):
    platform = forms.ChoiceField(
        required=False,
        choices=lambda: platform_choices("Find it from the notice"),
        help_text="Leave this to the app, or choose if the notice does not name the platform.",
    )
    notice_text = forms.CharField(
        required=False,
        label="Paste the notice",
        widget=forms.Textarea(attrs={"rows": 8, "autocomplete": "off", "spellcheck": "false"}),
    )
    notice_file = forms.FileField(
        required=False,
        label="…or upload the email",
        help_text="A saved email (.eml) or a text file (.txt).",
        widget=forms.ClearableFileInput(attrs={"accept": ".eml,.txt,message/rfc822,text/plain"}),
    )
    received_at = forms.DateTimeField(
        required=False,
        label="When did it arrive?",
        help_text="Leave empty for now. Times are in your time zone.",
        widget=LocalDateTimeInput(),
    )

    notice: NoticeInput

    def clean_received_at(self) -> datetime | None:
        value: datetime | None = self.cleaned_data.get("received_at")
        if value is not None and value > timezone.now():
            raise forms.ValidationError(
                "This is in the future. Enter when the notice arrived (today or earlier)."
            )
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        upload = data.get("notice_file")
        text = (data.get("notice_text") or "").strip()
        limit = settings.NOTICE_MAX_BYTES
        try:
            if upload is not None:
                if upload.size > limit * 4:
                    raise NoticeInputError(
                        "The file is too large for a notice. Upload only the email you received."
                    )
                self.notice = notice_from_file(upload.read(), upload.name or "", max_bytes=limit)
            elif text:
                self.notice = notice_from_text(text, max_bytes=limit)
            else:
                raise NoticeInputError("Paste the notice, or upload the email you received.")
        except NoticeInputError as error:
            field = "notice_file" if upload is not None else "notice_text"
            self.add_error(field, str(error))
        return data


class CorrectReadingForm(forms.Form):
    platform = forms.ChoiceField(
        required=False, choices=lambda: platform_choices("Not named in the notice")
    )
    kind = forms.ChoiceField(label="What happened to the account", choices=kind_choices)
    reason = forms.ChoiceField(required=False, choices=reason_choices)
    stated_deadline = forms.DateTimeField(
        required=False,
        label="Deadline the notice states",
        help_text="Leave empty if the notice states none. Your time zone.",
        widget=LocalDateTimeInput(),
    )


class DateInput(forms.DateInput):
    input_type = "date"


class CaseOutcomeForm(forms.Form):
    """How the case ended, said when closing it."""

    outcome = forms.ChoiceField(
        label="How did it end?",
        choices=[
            ("reinstated", "My account was reinstated"),
            ("denied", "The appeal was denied"),
            ("other", "Closed without an answer, or something else"),
        ],
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose how the case ended.",
            "invalid_choice": "Choose one of the endings in the list.",
        },
    )
    reinstated_on = forms.DateField(
        required=False,
        label="Day you were reinstated",
        help_text="Only if your account was reinstated.",
        widget=DateInput(),
        error_messages={"invalid": "Enter the date as day, month and year."},
    )
    note = forms.CharField(
        required=False,
        label="Anything to remember",
        max_length=300,
        help_text="For example: reinstated after a call with support.",
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        reinstated = data.get("outcome") == "reinstated"
        if reinstated and not data.get("reinstated_on") and "reinstated_on" not in self.errors:
            self.add_error("reinstated_on", "Enter the day your account was reinstated.")
        return data
