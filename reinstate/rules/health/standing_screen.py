"""Reading the Amazon Flex standing screen: the tier and the measures behind it, from the text
Tesseract read off a screenshot (or that a driver pasted).

Pure, no Django. The screen is a list of labels, each followed by its value on the same line or
the next ("Delivery completion rate  98.5%"). OCR adds noise, so the reader:

- ignores case, accents, stray marks (|, *, », quotes) and where the lines break: the text is
  read as one run of words, so a label or a value that wrapped is still found;
- takes "%" read as "o", "O" or "°", or as a trailing "9" when that makes an impossible
  percentage ("98.59" from "98.5%", "1009" from "100%");
- takes a tier word with one wrong letter ("Fantastlc").

Amazon names four tiers (Fantastic, Great, Fair, At Risk) and two parts of standing
(Reliability, Delivery Quality): catalogue/platforms.toml, amazon_flex. The percentages under
them are what drivers report the Standing Details screen shows; Amazon publishes neither their
formulas nor thresholds, so nothing here judges them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Literal

from reinstate.lib.i18n import gettext_noop

FANTASTIC, GREAT, FAIR, AT_RISK = "fantastic", "great", "fair", "at_risk"
TIERS = (FANTASTIC, GREAT, FAIR, AT_RISK)
# Amazon's own words, kept in English on the screen; translated where shown, with _().
TIER_TITLES = {
    FANTASTIC: gettext_noop("Fantastic"),
    GREAT: gettext_noop("Great"),
    FAIR: gettext_noop("Fair"),
    AT_RISK: gettext_noop("At Risk"),
}
# Best first: a chart or a list can order by it.
TIER_RANK = {tier: rank for rank, tier in enumerate(reversed(TIERS), start=1)}

Shown = Literal["percent", "tier"]


@dataclass(frozen=True)
class ScreenMeasure:
    key: str
    title: str  # gettext_noop: translated where shown
    labels: tuple[str, ...]  # as the app writes them, any case
    shown: Shown  # a tier's parts show a tier word (or, on some screens, a percentage)
    estimate: str | None = None  # the driver's own estimate (rules/health/standing.py) beside it


FLEX_MEASURES: tuple[ScreenMeasure, ...] = (
    ScreenMeasure("reliability", gettext_noop("Reliability"), ("reliability",), "tier"),
    ScreenMeasure(
        "delivery_quality", gettext_noop("Delivery Quality"), ("delivery quality",), "tier"
    ),
    ScreenMeasure(
        "on_time_arrival",
        gettext_noop("On-time arrival"),
        ("on-time arrival", "on-time arrivals", "arrived on time", "on-time check-in"),
        "percent",
        estimate="reliability",
    ),
    ScreenMeasure(
        "delivery_completion",
        gettext_noop("Delivery completion rate"),
        ("delivery completion rate", "delivery completion", "completion rate", "dcr"),
        "percent",
        estimate="delivery_completion",
    ),
    ScreenMeasure(
        "on_time_delivery",
        gettext_noop("Delivered on time"),
        ("delivered on time", "on-time delivery", "on-time deliveries", "on-time rate"),
        "percent",
        estimate="on_time_delivery",
    ),
    ScreenMeasure(
        "photo_on_delivery",
        gettext_noop("Photo on delivery"),
        ("photo on delivery", "photo-on-delivery", "photo quality", "pod"),
        "percent",
    ),
)
# The platforms whose app shows a standing screen this reader knows.
SCREENS: dict[str, tuple[ScreenMeasure, ...]] = {"amazon_flex": FLEX_MEASURES}

# Words after a label that may hold its value: "Delivery completion rate (last 30 days) 98 %".
LOOK_AHEAD_WORDS = 8
_STANDING_LABELS = ("your standing", "standing", "current standing")
_TIER_WORDS = {"fantastic": FANTASTIC, "great": GREAT, "fair": FAIR, "at risk": AT_RISK}


@dataclass(frozen=True)
class StandingScreen:
    """What was found: the tier, each part's tier, and each percentage as a fraction 0..1."""

    tier: str | None = None
    parts: dict[str, str] = field(default_factory=dict)
    percents: dict[str, float] = field(default_factory=dict)

    @property
    def found_anything(self) -> bool:
        return bool(self.tier or self.parts or self.percents)


def measures_for(platform: str) -> tuple[ScreenMeasure, ...]:
    return SCREENS.get(platform, ())


def normalise(text: str) -> str:
    """Lower case, no accents, no stray marks, one space between words (line breaks too)."""
    plain = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    # Marks inside a word are OCR noise ("Deliv|ery"); other punctuation separates words.
    plain = re.sub(r"(?<=[a-z])['\u2019`|*_~^](?=[a-z])", "", plain)
    plain = re.sub(r"[-\u2010\u2011\u2013\u2014/]", " ", plain)
    plain = re.sub(r"[^a-z0-9.,%°º ]+", " ", plain.replace("\n", " "))
    return " ".join(plain.split())


def read_standing_screen(text: str, platform: str = "amazon_flex") -> StandingScreen:
    """The tier and measures the text shows; what it does not show is left out."""
    measures = measures_for(platform)
    if not measures:
        return StandingScreen()
    words = normalise(text).split(" ")
    hits = _labels(words, measures)
    tier: str | None = None
    parts: dict[str, str] = {}
    percents: dict[str, float] = {}
    for index, (_start, end, key) in enumerate(hits):
        stop = hits[index + 1][0] if index + 1 < len(hits) else len(words)
        after = words[end : min(stop, end + LOOK_AHEAD_WORDS)]
        if key == "standing":
            tier = tier or _first_tier(after)
            continue
        measure = next(m for m in measures if m.key == key)
        if measure.shown == "tier":
            part = _first_tier(after)
            if part is not None:
                parts.setdefault(key, part)
        else:
            value = _percent(after)
            if value is not None:
                percents.setdefault(key, value)
    if tier is None:
        # A screen titled "Standing" may show the tier before any label: the first tier word
        # not under a part's label.
        first_label = hits[0][0] if hits and hits[0][2] != "standing" else len(words)
        tier = _first_tier(words[:first_label])
    return StandingScreen(tier=tier, parts=parts, percents=percents)


def _labels(words: list[str], measures: tuple[ScreenMeasure, ...]) -> list[tuple[int, int, str]]:
    """(start, end, key) of each label in the words, in order, longest label first."""
    phrases = [(normalise(label).split(" "), m.key) for m in measures for label in m.labels]
    phrases += [(label.split(" "), "standing") for label in _STANDING_LABELS]
    phrases.sort(key=lambda p: -len(p[0]))
    taken: set[int] = set()
    hits = []
    for phrase, key in phrases:
        size = len(phrase)
        for start in range(len(words) - size + 1):
            span = range(start, start + size)
            if taken.isdisjoint(span) and all(
                _same_word(words[i], w) for i, w in zip(span, phrase, strict=True)
            ):
                hits.append((start, start + size, key))
                taken.update(span)
    return sorted(hits)


def _same_word(seen: str, wanted: str) -> bool:
    """One OCR slip allowed in a long word ("dellvery"); short words must match."""
    if seen == wanted:
        return True
    if len(wanted) < 6 or abs(len(seen) - len(wanted)) > 1:
        return False
    return SequenceMatcher(None, seen, wanted).ratio() >= 0.85


def _first_tier(words: list[str]) -> str | None:
    for i, word in enumerate(words):
        if word == "at" and i + 1 < len(words) and _same_word(words[i + 1], "risk"):
            return AT_RISK
        if word in ("atrisk", "at risk"):
            return AT_RISK
        for spelled, tier in _TIER_WORDS.items():
            if " " not in spelled and (
                word == spelled or (len(spelled) >= 5 and _same_word(word, spelled))
            ):
                return tier
    return None


_MARKED = re.compile(r"^(\d{1,3}(?:[.,]\d{1,2})?)([%°º]|o)$")
_BARE = re.compile(r"^(\d{1,3}(?:[.,]\d{1,2})?)$")
_NINE = re.compile(r"^(\d{1,3}(?:[.,]\d)?)9$")
# A number followed by one of these counts something: "last 30 days", "100 blocks".
_UNITS = {"day", "days", "block", "blocks", "delivery", "deliveries", "package", "packages",
          "week", "weeks", "hour", "hours", "events", "event", "dias", "bloques"}  # fmt: skip


def _percent(words: list[str]) -> float | None:
    """'98.5%', '98,5 %', '98.5o' (a '%' read as 'o'), '98.59' or '989' (read as '9'): 0.985.

    A number marked as a percentage wins; else the first bare number that counts nothing.
    """
    cleaned = [_digits(word) for word in words]
    for i, word in enumerate(cleaned):
        following = cleaned[i + 1] if i + 1 < len(cleaned) else ""
        marked = _MARKED.match(word)
        if marked:
            return _fraction(marked.group(1))
        bare = _BARE.match(word)
        if bare and following.startswith(("%", "°", "º")):
            return _fraction(bare.group(1))
        nine = _NINE.match(word)
        if nine and (float(word.replace(",", ".")) > 100 or _decimals(word) == 2):
            # A "%" read as "9" makes an impossible number: over 100, or more decimals than
            # the app shows (one).
            return _fraction(nine.group(1))
    for i, word in enumerate(cleaned):
        following = cleaned[i + 1] if i + 1 < len(cleaned) else ""
        bare = _BARE.match(word)
        if bare and following not in _UNITS and float(word.replace(",", ".")) <= 100:
            return _fraction(word)
    return None


def _digits(word: str) -> str:
    """An O read for a zero inside a number ("1o0%"); a sentence's full stop dropped."""
    word = word.rstrip(".,")
    if re.fullmatch(r"\d[\do]*(?:[.,][\do]+)?(?:[%°º]|o)?", word):
        return word[:-1].replace("o", "0") + word[-1] if len(word) > 1 else word
    return word


def _decimals(number: str) -> int:
    parts = re.split(r"[.,]", number)
    return len(parts[1]) if len(parts) > 1 else 0


def _fraction(number: str) -> float | None:
    value = float(number.replace(",", "."))
    return round(value / 100, 4) if 0 <= value <= 100 else None
