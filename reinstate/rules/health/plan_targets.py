"""From a corrective action plan's own words to targets the app can measure.

Pure, no Django. The plan is free text the driver wrote ("on-time arrival rate", "100% of
blocks"); a health target needs a measure's key and a number. This guesses the measure only
where the words clearly name one (two measures named, or none: the driver picks), and reads a
level the way a driver types it: "95 %" is 0.95 for a rate, "3 per 1000" is 3, "$20 an hour" 20.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from reinstate.lib.i18n import _
from reinstate.rules.catalogue.types import Metric
from reinstate.rules.health.standing import MetricInfo

# How a level is typed and kept: a rate is typed in percent and kept as a fraction 0..1.
TargetUnit = Literal["fraction", "per_1000", "money_per_hour", "stars"]
Better = Literal["higher", "lower"]

# Words that name each standing measure in a plan; matched on whole words, after lower-casing
# and turning punctuation into spaces ("on-time" reads as "on time").
STANDING_WORDS: dict[str, tuple[str, ...]] = {
    "reliability": (
        r"reliab\w*",
        r"arriv\w*",
        r"check(?:ed|ing|s)? in",
        r"no shows?",
        r"forfeit\w*",
        r"punctual\w*",
        r"late to (?:the )?station",
    ),
    "delivery_completion": (
        r"completion",
        r"return(?:ed|s)?(?: packages?)?",
        r"packages? returned",
        r"undelivered",
    ),
    "on_time_delivery": (
        r"on time deliver\w*",
        r"late deliver\w*",
        r"deliver\w* (?:on time|late)",
        r"delivery windows?",
    ),
    "dnr_per_1000": (
        r"dnrs?",
        r"delivered not received",
        r"not received",
    ),
    "pay_per_hour": (
        r"(?:pay|earnings?) (?:per|an|a) hour",
        r"hourly (?:pay|earnings?)",
        r"pay per hour",
    ),
}
# A catalogue measure is also named by these, beside its own title.
MEASURE_WORDS = {"stars": (r"ratings?", r"stars?")}


@dataclass(frozen=True)
class MetricChoice:
    """A measure a target can follow on one platform, with the words that name it."""

    key: str
    title: str
    unit: TargetUnit
    better: Better
    from_blocks: bool  # worked out from recorded blocks; else the number the app shows
    words: tuple[str, ...]

    @property
    def label(self) -> str:
        if self.from_blocks:
            return _("%(measure)s (from the blocks you record)") % {"measure": _(self.title)}
        return _("%(measure)s (the number in the app)") % {"measure": _(self.title)}


def metric_choices(
    standing: Iterable[MetricInfo], catalogue: Iterable[Metric]
) -> list[MetricChoice]:
    """The standing measures, then the platform's own rates and ratings a driver records.

    Event counts (violations) are left out: the platform's own limit already applies to them.
    """
    found = [
        MetricChoice(
            key=info.key,
            title=info.title,
            unit=info.unit,
            better=info.better,
            from_blocks=True,
            words=(*STANDING_WORDS.get(info.key, ()), _phrase(info.title)),
        )
        for info in standing
    ]
    for metric in catalogue:
        if metric.measured_as not in ("percent", "stars"):
            continue
        found.append(
            MetricChoice(
                key=metric.key,
                title=metric.title,
                unit="fraction" if metric.measured_as == "percent" else "stars",
                better="higher",
                from_blocks=False,
                words=(
                    _phrase(metric.title),
                    _phrase(metric.key.replace("_", " ")),
                    *MEASURE_WORDS.get(metric.measured_as, ()),
                ),
            )
        )
    return found


def normalise(text: str) -> str:
    """Lower case, punctuation as spaces, one space apart: "On-time!" -> "on time"."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split())


def _phrase(title: str) -> str:
    return re.escape(normalise(title)).replace(r"\ ", " ")


def metric_for(text: str, choices: Sequence[MetricChoice]) -> str | None:
    """The one measure the words name, or None when they name none or several.

    A name found inside a longer name of another measure does not count: "completion rate"
    names the platform's completion rate, not delivery completion as well.
    """
    words = normalise(text)
    if not words:
        return None
    spans: dict[str, list[tuple[int, int]]] = {}
    for choice in choices:
        for pattern in choice.words:
            for found in re.finditer(rf"\b(?:{pattern})\b", words):
                spans.setdefault(choice.key, []).append(found.span())
    named = [key for key, own in spans.items() if any(not _held(s, spans, key) for s in own)]
    return named[0] if len(named) == 1 else None


def _held(span: tuple[int, int], spans: dict[str, list[tuple[int, int]]], key: str) -> bool:
    """Whether a longer name of another measure holds this span."""
    return any(
        _inside(span, other) and other != span
        for other_key, others in spans.items()
        if other_key != key
        for other in others
    )


def _inside(span: tuple[int, int], other: tuple[int, int]) -> bool:
    return other[0] <= span[0] and span[1] <= other[1]


class ThresholdError(ValueError):
    """A level that cannot be read; the message says how to type it."""


NUMBER = r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?|\.\d+)"
# A number with the unit that says what it is: the plan's level, not "in the next 20 blocks".
WITH_UNIT: dict[TargetUnit, str] = {
    "fraction": NUMBER + r"\s*(?:%|percent\b|per cent\b)",
    "per_1000": NUMBER
    + r"\s*(?:dnrs?\s*)?(?:reports?\s*)?(?:per|/|in|every|for each)\s*(?:1,?000|thousand)\b",
    "money_per_hour": r"(?:\$\s*"
    + NUMBER
    + r"|"
    + NUMBER
    + r"\s*(?:dollars?\b|usd\b|/\s*h(?:ou)?r?\b|(?:an|a|per) hour\b))",
    "stars": NUMBER + r"\s*(?:stars?\b|★)",
}
EXAMPLES: dict[TargetUnit, str] = {
    "fraction": "95 %",
    "per_1000": "3 per 1000",
    "money_per_hour": "$20 an hour",
    "stars": "4.8 stars",
}


def _number(text: str) -> float:
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", text):
        text = text.replace(",", "")
    return float(text.replace(",", "."))


def _with_unit(text: str, unit: TargetUnit) -> str | None:
    found = re.search(WITH_UNIT[unit], text.lower())
    if found is None:
        return None
    return next(group for group in found.groups() if group is not None)


def parse_threshold(text: str, unit: TargetUnit) -> float:
    """A level as the driver typed it, kept as the app measures it; ThresholdError if unreadable.

    A number with its unit wins ("100% of blocks"); otherwise the text must hold one number.
    """
    typed = text.strip()
    example = EXAMPLES[unit]
    if not typed:
        raise ThresholdError(_("Type the level, like %(example)s.") % {"example": example})
    number = _with_unit(typed, unit)
    if number is None:
        numbers = re.findall(NUMBER, typed)
        if len(numbers) != 1:
            raise ThresholdError(
                _("Type the level as one number, like %(example)s.") % {"example": example}
            )
        number = numbers[0]
    if re.search(r"-\s*" + re.escape(number), typed):
        raise ThresholdError(_("The level cannot be below 0."))
    value = _number(number)
    if unit == "fraction":
        if 0 < value < 1 and "%" not in typed and "percent" not in typed.lower():
            raise ThresholdError(
                _("Type the level as a percentage: %(percent)s %% for %(value)s.")
                % {"percent": f"{value * 100:g}", "value": f"{value:g}"}
            )
        if value > 100:
            raise ThresholdError(_("A percentage is at most 100."))
        return value / 100
    if unit == "stars" and value > 5:
        raise ThresholdError(_("A rating is at most 5 stars."))
    return value


def threshold_from_plan(text: str, unit: TargetUnit) -> float | None:
    """The level a plan's words state clearly for this unit, or None (the driver types it)."""
    typed = text.strip()
    if _with_unit(typed, unit) is None and not re.fullmatch(NUMBER, typed):
        return None
    try:
        return parse_threshold(typed, unit)
    except ThresholdError:
        return None


def typed_threshold(value: float, unit: TargetUnit) -> str:
    """A kept level as a driver would type it again: 0.95 -> "95 %"."""
    if unit == "fraction":
        return f"{round(value * 100, 2):g} %"
    if unit == "per_1000":
        return f"{value:g} per 1000"
    if unit == "money_per_hour":
        return f"${value:g} an hour"
    return f"{value:g} stars"


@dataclass(frozen=True)
class PlanRow:
    """One line of the plan a target could follow, with what the app made of it."""

    source: str  # "Your monitoring rule", "Action: check in 15 minutes early"
    text: str  # the plan's words the guess was made from
    metric: str | None
    threshold: str  # as the driver would type it; empty when the plan states none clearly

    @property
    def ready(self) -> bool:
        return self.metric is not None and bool(self.threshold)


def plan_rows(
    *,
    monitoring_metric: str,
    monitoring_threshold: str,
    monitoring_frequency: str,
    actions: Iterable[tuple[str, str]],
    choices: Sequence[MetricChoice],
) -> list[PlanRow]:
    """A row for the plan's monitoring rule, then one for each action with a target."""
    rows = []
    if monitoring_metric.strip() or monitoring_threshold.strip():
        words = " at ".join(w for w in (monitoring_metric, monitoring_threshold) if w.strip())
        if monitoring_frequency.strip():
            words += f", checked {monitoring_frequency.strip()}"
        rows.append(
            _row(
                _("Your monitoring rule"),
                words,
                metric_for(monitoring_metric, choices) or metric_for(monitoring_threshold, choices),
                monitoring_threshold,
                choices,
            )
        )
    for action, target in actions:
        if not target.strip():
            continue
        metric = metric_for(target, choices) or metric_for(action, choices)
        source = _("Action: %(action)s") % {"action": action.strip()}
        rows.append(_row(source, target.strip(), metric, target, choices))
    return rows


def _row(
    source: str, text: str, metric: str | None, words: str, choices: Sequence[MetricChoice]
) -> PlanRow:
    unit = next((c.unit for c in choices if c.key == metric), None)
    level = threshold_from_plan(words, unit) if unit is not None else None
    return PlanRow(
        source=source[:200],
        text=text[:300],
        metric=metric,
        threshold="" if level is None or unit is None else typed_threshold(level, unit),
    )
