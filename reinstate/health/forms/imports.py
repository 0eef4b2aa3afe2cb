"""The CSV import: the upload, then which column holds each field."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from reinstate.health.platforms import platform_choices
from reinstate.lib.tz import zone_choices
from reinstate.rules.health.blocks_csv import COLUMNS, ColumnMap

MAX_CSV_BYTES = 30 * 1000 * 1000  # 100,000 blocks take about 10 MB


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Spreadsheet of blocks (CSV)"),
        help_text=gettext_lazy("One row per block. Save from Excel or Google Sheets as CSV."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.txt,text/csv,text/plain"}),
    )
    platform = forms.ChoiceField(label=gettext_lazy("Platform"), choices=platform_choices)
    time_zone = forms.ChoiceField(
        label=gettext_lazy("Time zone of the times in the file"),
        choices=zone_choices,
        help_text=gettext_lazy("Times with their own offset (like -08:00) keep it."),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_CSV_BYTES:
            raise forms.ValidationError(
                _(
                    "The file is larger than %(size)s MB. Split it into smaller files (a year "
                    "of blocks is well under 1 MB)."
                )
                % {"size": MAX_CSV_BYTES // 1_000_000}
            )
        return upload


NOT_IN_FILE = ""


class MappingForm(forms.Form):
    """Which column of the file holds each field; pre-set from the names the app recognised."""

    def __init__(self, *args: Any, column_map: ColumnMap, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [(NOT_IN_FILE, _("Not in the file"))] + [
            (str(i), name or _("Column %(number)s") % {"number": i + 1})
            for i, name in enumerate(column_map.header)
        ]
        for name in COLUMNS:
            position = column_map.columns.get(name)
            self.fields[name] = forms.ChoiceField(
                label=name,  # i18n: the field's name in the file, as the spreadsheet has it
                required=False,
                choices=choices,
                initial=NOT_IN_FILE if position is None else str(position),
            )

    def mapping(self) -> dict[str, int | None]:
        return {
            name: None if self.cleaned_data[name] == NOT_IN_FILE else int(self.cleaned_data[name])
            for name in COLUMNS
        }
