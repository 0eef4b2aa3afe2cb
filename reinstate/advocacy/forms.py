"""Forms of the organisation's work on a case. The member choices come from the caller (the
organisation's members), so a form never offers someone outside it."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy

from reinstate.accounts.models import User
from reinstate.advocacy.actions import MAX_NOTE, MAX_TITLE


def _member_choices(members: list[User], nobody: str) -> list[tuple[str, str]]:
    return [("", nobody), *((str(m.pk), m.display_name()) for m in members)]


class _WithMembers(forms.Form):
    def __init__(self, *args: Any, members: list[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.members = {str(m.pk): m for m in members}

    def member(self, field: str) -> User | None:
        return self.members.get(self.cleaned_data.get(field) or "")


class AssignForm(_WithMembers):
    assignee = forms.ChoiceField(required=False, label=gettext_lazy("Who carries this case"))

    def __init__(self, *args: Any, members: list[User], **kwargs: Any) -> None:
        super().__init__(*args, members=members, **kwargs)
        field = self.fields["assignee"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = _member_choices(members, str(gettext_lazy("Nobody yet")))


class NoteForm(forms.Form):
    text = forms.CharField(
        max_length=MAX_NOTE,
        label=gettext_lazy("Private note"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class TaskForm(_WithMembers):
    title = forms.CharField(max_length=MAX_TITLE, label=gettext_lazy("Task"))
    due_on = forms.DateField(
        label=gettext_lazy("Due"), widget=forms.DateInput(attrs={"type": "date"})
    )
    assignee = forms.ChoiceField(required=False, label=gettext_lazy("For"))

    def __init__(self, *args: Any, members: list[User], **kwargs: Any) -> None:
        super().__init__(*args, members=members, **kwargs)
        self.auto_id = "task_%s"
        field = self.fields["assignee"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = _member_choices(members, str(gettext_lazy("Anyone")))
