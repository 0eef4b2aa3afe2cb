"""Forms of the support log: log a contact, paste a chat, import emails, filter the timeline."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from reinstate.comms.actions import clean_tickets
from reinstate.comms.mail import MailFilter
from reinstate.comms.models import Channel, Direction
from reinstate.evidence.forms import MultipleFileField

TIME_INPUT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class TicketsField(forms.CharField):
    def clean(self, value: Any) -> list[str]:
        text = super().clean(value) or ""
        return clean_tickets(text.replace(";", ",").split(","))


class ContactForm(forms.Form):
    channel = forms.ChoiceField(choices=Channel.choices, label=gettext_lazy("How"))
    direction = forms.ChoiceField(
        choices=Direction.choices, label=gettext_lazy("Who got in touch"), widget=forms.RadioSelect
    )
    at = forms.DateTimeField(label=gettext_lazy("When"), widget=TIME_INPUT)
    agent = forms.CharField(
        required=False,
        max_length=200,
        label=gettext_lazy("Agent's name"),
        help_text=gettext_lazy("If they gave one."),
    )
    summary = forms.CharField(
        max_length=500,
        label=gettext_lazy("What was said"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "“Asked why I was deactivated. Agent said a specialist will email in 48 hours.”"
        ),
    )
    tickets = TicketsField(
        required=False,
        max_length=300,
        label=gettext_lazy("Ticket or case numbers"),
        help_text=gettext_lazy(
            "Separate several with commas. Numbers in what you wrote are found too."
        ),
    )
    screenshots = MultipleFileField(
        required=False,
        label=gettext_lazy("Screenshots or files"),
        help_text=gettext_lazy("Kept in your evidence locker, linked to this entry."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["screenshots"].widget.attrs["accept"] = "image/*,application/pdf,.eml,.txt"
        self.fields["direction"].initial = Direction.TO_PLATFORM


class ChatForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("The chat, as you copied it"),
        max_length=2_000_000,
        widget=forms.Textarea(attrs={"rows": 12, "autocapitalize": "off"}),
        help_text=gettext_lazy("Lines like “Agent: …” and “You: …”, with or without times."),
    )
    at = forms.DateTimeField(label=gettext_lazy("When the chat started"), widget=TIME_INPUT)
    tickets = TicketsField(
        required=False, max_length=300, label=gettext_lazy("Ticket or case numbers")
    )


class ChatPicturesForm(forms.Form):
    """Screenshots of a chat; then the text read from them, to check, and the signed list of
    the pictures held until it is saved."""

    screenshots = MultipleFileField(
        required=False,
        label=gettext_lazy("Screenshots of the chat"),
        help_text=gettext_lazy(
            "A long chat: choose its screenshots in order, from the top of the conversation."
        ),
    )
    text = forms.CharField(
        required=False,
        label=gettext_lazy("The chat, as we read it"),
        max_length=2_000_000,
        widget=forms.Textarea(attrs={"rows": 14, "autocapitalize": "off"}),
        help_text=gettext_lazy("Fix any word we misread: this text is what is kept."),
    )
    at = forms.DateTimeField(label=gettext_lazy("When the chat started"), widget=TIME_INPUT)
    tickets = TicketsField(
        required=False, max_length=300, label=gettext_lazy("Ticket or case numbers")
    )
    pictures = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, checking: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["screenshots"].widget.attrs["accept"] = "image/*"
        # First the pictures are needed; once read, the text is.
        self.fields["screenshots"].required = not checking
        self.fields["text"].required = checking


class ImportForm(forms.Form):
    mail_files = MultipleFileField(
        label=gettext_lazy("Email files (.eml or .mbox)"),
        help_text=gettext_lazy(
            "Save emails from your mail app, or download your account's data export."
        ),
    )
    sender = forms.CharField(
        required=False,
        max_length=200,
        label=gettext_lazy("Only from"),
        help_text=gettext_lazy(
            "Part of the sender's address, like “amazon” or “support@uber.com”."
        ),
    )
    subject = forms.CharField(
        required=False, max_length=200, label=gettext_lazy("Subject contains")
    )
    since = forms.DateField(
        required=False, label=gettext_lazy("From"), widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        required=False, label=gettext_lazy("To"), widget=forms.DateInput(attrs={"type": "date"})
    )
    ticket = forms.CharField(
        required=False, max_length=64, label=gettext_lazy("Ticket or case number")
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["mail_files"].widget.attrs["accept"] = ".eml,.mbox,message/rfc822"

    def clean_mail_files(self) -> Any:
        """Each file's size is known before a byte of it is read: one too large is refused."""
        files = self.cleaned_data["mail_files"]
        limit = settings.MAIL_MAX_BYTES
        for upload in files:
            if upload.size > limit:
                raise forms.ValidationError(
                    _(
                        "%(name)s is larger than %(size)s MB. Export only the emails about your "
                        "account (a label or a search in your mail app), or split the file, and "
                        "try again."
                    )
                    % {"name": upload.name, "size": f"{limit / 1_000_000:g}"}
                )
        return files

    def mail_filter(self) -> MailFilter:
        data = self.cleaned_data
        return MailFilter(
            sender=data["sender"].strip(),
            subject=data["subject"].strip(),
            since=data["since"],
            until=data["until"],
            ticket=data["ticket"].strip(),
        )


TIMELINE_KINDS = [
    ("notice", gettext_lazy("The notice")),
    ("contact", gettext_lazy("Contacts with support")),
    ("evidence", gettext_lazy("Evidence")),
    ("deadline", gettext_lazy("Deadlines and plan")),
    ("follow_up", gettext_lazy("Follow-ups")),
]


class TimelineFilter(forms.Form):
    show = forms.MultipleChoiceField(
        required=False,
        choices=TIMELINE_KINDS,
        widget=forms.CheckboxSelectMultiple,
        label=gettext_lazy("Show"),
    )

    def kinds(self) -> set[str]:
        if not self.is_valid() or not self.cleaned_data["show"]:
            return {key for key, _ in TIMELINE_KINDS}
        return set(self.cleaned_data["show"])
