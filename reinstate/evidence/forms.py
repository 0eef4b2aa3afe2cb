from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile

from reinstate.cases.models import ChecklistItem
from reinstate.evidence.models import EvidenceItem

# What the phone offers to pick from (camera, gallery, files). The server sniffs the content
# whatever this says.
ACCEPT = (
    "image/*,application/pdf,text/plain,message/rfc822,audio/*,video/*,"
    ".heic,.heif,.pdf,.txt,.eml,.gpx,.kml"
)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile[Any]]:
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if not files and self.required:
            raise forms.ValidationError("Choose at least one photo or file.", code="required")
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


class ChecklistChoice(forms.ModelMultipleChoiceField[ChecklistItem]):
    def label_from_instance(self, obj: ChecklistItem) -> str:
        return f"{obj.title}{'' if obj.required else ' (recommended)'}"


class _ItemFields(forms.Form):
    description = forms.CharField(
        required=False,
        max_length=300,
        help_text="For example: “Parcel at 12 Elm St door”.",
    )
    proves = forms.CharField(
        required=False,
        label="What it proves",
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="“The parcel was delivered at 2:14 PM, at the right address.”",
    )
    satisfies = ChecklistChoice(
        required=False,
        label="Which documents on your checklist this is",
        queryset=ChecklistItem.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, checklist: Sequence[ChecklistItem], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["satisfies"]
        assert isinstance(field, ChecklistChoice)
        field.queryset = ChecklistItem.objects.filter(pk__in=[c.pk for c in checklist])


class AddEvidenceForm(_ItemFields):
    evidence_files = MultipleFileField(
        label="Photos and files",
        help_text="Take a photo, or choose several files.",
        widget=MultipleFileInput(attrs={"accept": ACCEPT}),
    )
    kind = forms.ChoiceField(
        required=False,
        label="What kind of evidence",
        choices=[("", "Work it out from each file"), *EvidenceItem.Kind.choices],
    )
    field_order = ["evidence_files", "kind", "description", "proves", "satisfies"]


class DescribeEvidenceForm(_ItemFields):
    kind = forms.ChoiceField(label="What kind of evidence", choices=EvidenceItem.Kind.choices)
    note = forms.CharField(
        required=False,
        label="Notes",
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Anything else: who sent it, where the original is.",
    )
    field_order = ["kind", "description", "proves", "satisfies", "note"]


class IncidentDayForm(forms.Form):
    day = forms.DateField(
        required=False,
        label="The day in question",
        help_text="The day of the delivery or event the platform questions. "
        "Photos taken on another day are flagged.",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
