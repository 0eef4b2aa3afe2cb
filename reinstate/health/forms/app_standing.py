"""The standing the platform's app shows: a screenshot to read it from, and the tier and numbers
to check (or type) before they are kept."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.core import signing
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from reinstate.health.actions import ScreenshotRead
from reinstate.health.forms.fields import DateInput
from reinstate.rules.health.standing_screen import (
    TIER_TITLES,
    ScreenMeasure,
    StandingScreen,
    measures_for,
)

_SALT = "reinstate.health.standing_screenshot"
# The text read off a screenshot is kept with the standing; a day of checking is plenty.
TOKEN_MAX_AGE_S = 24 * 3600


def screenshot_token(user_pk: int, read: ScreenshotRead) -> str:
    """The screenshot's hash and text, signed: the page carries them to the save unchanged."""
    return signing.dumps([user_pk, read.sha256, read.text], salt=_SALT, compress=True)


def screenshot_from_token(user_pk: int, token: str) -> ScreenshotRead | None:
    try:
        owner, sha256, text = signing.loads(token, salt=_SALT, max_age=TOKEN_MAX_AGE_S)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    return ScreenshotRead(sha256=str(sha256), text=str(text)) if owner == user_pk else None


def _tier_choices(blank: Any) -> list[tuple[str, Any]]:
    return [("", blank), *[(key, gettext_lazy(title)) for key, title in TIER_TITLES.items()]]


class StandingForm(forms.Form):
    screenshot = forms.FileField(
        label=gettext_lazy("Screenshot of your standing"),
        required=False,
        help_text=gettext_lazy(
            "We read the tier and the numbers from it; you check them before anything is saved."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": "image/*"}),
    )
    observed_on = forms.DateField(label=gettext_lazy("Date the app showed it"), widget=DateInput())
    tier = forms.ChoiceField(
        label=gettext_lazy("Your standing"),
        required=False,
        choices=_tier_choices(gettext_lazy("Not shown")),
        widget=forms.RadioSelect,
    )
    note = forms.CharField(label=gettext_lazy("Note"), required=False, max_length=300)
    token = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, platform: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.measures = measures_for(platform)
        for measure in self.measures:
            self.fields[self.field_name(measure)] = _measure_field(measure)
        self.order_fields(
            ["screenshot", "observed_on", "tier", *self.measure_fields(), "note", "token"]
        )

    @staticmethod
    def field_name(measure: ScreenMeasure) -> str:
        return f"m_{measure.key}"

    def measure_fields(self) -> list[str]:
        return [self.field_name(m) for m in self.measures]

    def measure_boundfields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.measure_fields()]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        typed = [data.get(name) for name in ["tier", *self.measure_fields()]]
        if not self.files.get("screenshot") and not any(v not in (None, "") for v in typed):
            raise forms.ValidationError(
                _("Choose your standing or type at least one number the app shows.")
            )
        return data

    def parts(self) -> dict[str, str]:
        return {
            m.key: self.cleaned_data[self.field_name(m)]
            for m in self.measures
            if m.shown == "tier" and self.cleaned_data.get(self.field_name(m))
        }

    def percents(self) -> dict[str, float]:
        return {
            m.key: float(self.cleaned_data[self.field_name(m)]) / 100
            for m in self.measures
            if m.shown == "percent" and self.cleaned_data.get(self.field_name(m)) is not None
        }

    def read_values(self, screen: StandingScreen) -> dict[str, Any]:
        """The form's data with what was read from the screenshot in place of the blanks."""
        found: dict[str, Any] = {"tier": screen.tier or ""}
        for key, tier in screen.parts.items():
            found[f"m_{key}"] = tier
        for key, value in screen.percents.items():
            found[f"m_{key}"] = f"{round(value * 100, 2):g}"
        return found


def _measure_field(measure: ScreenMeasure) -> forms.Field:
    label = _(measure.title)
    if measure.shown == "tier":
        return forms.ChoiceField(
            label=label, required=False, choices=_tier_choices(gettext_lazy("Not shown"))
        )
    return forms.DecimalField(
        label=_("%(measure)s (%%)") % {"measure": label},
        required=False,
        min_value=Decimal(0),
        max_value=Decimal(100),
        decimal_places=2,
        widget=forms.NumberInput(attrs={"inputmode": "decimal", "step": "0.1", "min": "0"}),
    )
