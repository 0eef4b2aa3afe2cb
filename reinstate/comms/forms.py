"""Forms of the support log: log a contact, paste a chat, import emails, filter the timeline."""

from __future__ import annotations

from typing import Any

from django import forms

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
    channel = forms.ChoiceField(choices=Channel.choices, label="How")
    direction = forms.ChoiceField(
        choices=Direction.choices, label="Who got in touch", widget=forms.RadioSelect
    )
    at = forms.DateTimeField(label="When", widget=TIME_INPUT)
    agent = forms.CharField(
        required=False, max_length=200, label="Agent's name", help_text="If they gave one."
    )
    summary = forms.CharField(
        max_length=500,
        label="What was said",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="“Asked why I was deactivated. Agent said a specialist will email in 48 hours.”",
    )
    tickets = TicketsField(
        required=False,
        max_length=300,
        label="Ticket or case numbers",
        help_text="Separate several with commas. Numbers in what you wrote are found too.",
    )
    screenshots = MultipleFileField(
        required=False,
        label="Screenshots or files",
        help_text="Kept in your evidence locker, linked to this entry.",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["screenshots"].widget.attrs["accept"] = "image/*,application/pdf,.eml,.txt"
        self.fields["direction"].initial = Direction.TO_PLATFORM


class ChatForm(forms.Form):
    text = forms.CharField(
        label="The chat, as you copied it",
        max_length=2_000_000,
        widget=forms.Textarea(attrs={"rows": 12, "autocapitalize": "off"}),
        help_text="Lines like “Agent: …” and “You: …”, with or without times.",
    )
    at = forms.DateTimeField(label="When the chat started", widget=TIME_INPUT)
    tickets = TicketsField(required=False, max_length=300, label="Ticket or case numbers")


class ImportForm(forms.Form):
    mail_files = MultipleFileField(
        label="Email files (.eml or .mbox)",
        help_text="Save emails from your mail app, or download your account's data export.",
    )
    sender = forms.CharField(
        required=False,
        max_length=200,
        label="Only from",
        help_text="Part of the sender's address, like “amazon” or “support@uber.com”.",
    )
    subject = forms.CharField(required=False, max_length=200, label="Subject contains")
    since = forms.DateField(
        required=False, label="From", widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        required=False, label="To", widget=forms.DateInput(attrs={"type": "date"})
    )
    ticket = forms.CharField(required=False, max_length=64, label="Ticket or case number")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["mail_files"].widget.attrs["accept"] = ".eml,.mbox,message/rfc822"

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
    ("notice", "The notice"),
    ("contact", "Contacts with support"),
    ("evidence", "Evidence"),
    ("deadline", "Deadlines and plan"),
    ("follow_up", "Follow-ups"),
]


class TimelineFilter(forms.Form):
    show = forms.MultipleChoiceField(
        required=False,
        choices=TIMELINE_KINDS,
        widget=forms.CheckboxSelectMultiple,
        label="Show",
    )

    def kinds(self) -> set[str]:
        if not self.is_valid() or not self.cleaned_data["show"]:
            return {key for key, _ in TIMELINE_KINDS}
        return set(self.cleaned_data["show"])
