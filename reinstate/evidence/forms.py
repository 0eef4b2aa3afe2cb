from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

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
            raise forms.ValidationError(_("Choose at least one photo or file."), code="required")
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


class ChecklistChoice(forms.ModelMultipleChoiceField[ChecklistItem]):
    def label_from_instance(self, obj: ChecklistItem) -> str:
        # The title is a catalogue text: its Spanish comes from the catalogue.
        if obj.required:
            return _(obj.title)
        return _("%(title)s (recommended)") % {"title": _(obj.title)}


class _ItemFields(forms.Form):
    description = forms.CharField(
        label=gettext_lazy("Description"),
        required=False,
        max_length=300,
        help_text=gettext_lazy("For example: “Parcel at 12 Elm St door”."),
    )
    proves = forms.CharField(
        required=False,
        label=gettext_lazy("What it proves"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=gettext_lazy("“The parcel was delivered at 2:14 PM, at the right address.”"),
    )
    satisfies = ChecklistChoice(
        required=False,
        label=gettext_lazy("Which documents on your checklist this is"),
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
        label=gettext_lazy("Photos and files"),
        help_text=gettext_lazy("Take a photo, or choose several files."),
        widget=MultipleFileInput(attrs={"accept": ACCEPT}),
    )
    kind = forms.ChoiceField(
        required=False,
        label=gettext_lazy("What kind of evidence"),
        choices=[("", gettext_lazy("Work it out from each file")), *EvidenceItem.Kind.choices],
    )
    field_order = ["evidence_files", "kind", "description", "proves", "satisfies"]


class DescribeEvidenceForm(_ItemFields):
    kind = forms.ChoiceField(
        label=gettext_lazy("What kind of evidence"), choices=EvidenceItem.Kind.choices
    )
    note = forms.CharField(
        required=False,
        label=gettext_lazy("Notes"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=gettext_lazy("Anything else: who sent it, where the original is."),
    )
    field_order = ["kind", "description", "proves", "satisfies", "note"]


class IncidentDayForm(forms.Form):
    day = forms.DateField(
        required=False,
        label=gettext_lazy("The day in question"),
        help_text=gettext_lazy(
            "The day of the delivery or event the platform questions. "
            "Photos taken on another day are flagged."
        ),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
