"""The notice reader: which platform sent a notice, what it does, why, and by when.

Pure Python, no Django. ``read_notice`` weighs phrase evidence from the catalogue
(``reinstate/catalogue/reading.toml``): every label lists phrases in tiers, and a kind phrase
is re-read in context, so that "may be deactivated" is evidence of a warning and "unable to
reinstate your account" evidence of a denied appeal. Every decision keeps the phrases that
made it, with offsets into the original text, so the reading can explain itself.

A warning told only as a rule for everyone ("Dashers whose rating drops below 4.2 may be
deactivated") or as what would happen reads as news in a message that praises, reassures or
goes to everyone, unless something did happen to this driver (_told_of_everyone).

The phrase lists read the notice with its misspelt key words and texting short forms corrected
(spelling.py), its lines broken inside a sentence mended (patterns.fold), and an
adverse notice whose phrases name no reason is given the reason its story clearly tells, or
"unknown" when it tells none clearly (vocabulary.py); the words it went by are its phrases.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime
from functools import lru_cache
from typing import Any, Literal
from zoneinfo import ZoneInfo

from reinstate.rules.notice.deadline_grammar import find_stated_deadline
from reinstate.rules.notice.model import NO_REASON, opinion
from reinstate.rules.notice.patterns import (
    SCAN_LIMIT,
    LazyPattern,
    clause_bounds,
    fold,
    fold_characters,
    lazy_alternation,
    literals_of,
    load_reading_catalogue,
    phrase_choices,
)
from reinstate.rules.notice.reading import (
    KINDS,
    PLATFORMS,
    REASONS,
    NoticeReading,
    Phrase,
)
from reinstate.rules.notice.references import references
from reinstate.rules.notice.spelling import Respelt, respell
from reinstate.rules.notice.vocabulary import reason_from_words

__all__ = ["read_notice"]


@dataclass(frozen=True)
class _Hit:
    label: str
    weight: int
    start: int
    end: int
    tier: str = ""


class _Labels:
    """The tiered phrases of a family of labels (platforms, kinds or reasons): one regex a label.

    Each regex is compiled lazily, for the phrases a notice can match (see LazyPattern).
    """

    def __init__(self, table: dict[str, dict[str, Any]], weights: dict[str, int]) -> None:
        self.weights = weights
        self.order = list(table)
        self.patterns: list[tuple[str, LazyPattern]] = []
        for label, spec in table.items():
            tiers = [(tier, spec[tier]) for tier in weights if spec.get(tier)]
            if tiers:
                # (?=\w\w): no phrase starts on a one-letter word ("a", "I", "y"), so those
                # positions are skipped before any of the hundreds of alternatives is tried
                template = r"(?<!\w)(?=\w\w)(?:{})(?!\w)"
                self.patterns.append((label, lazy_alternation(tiers, template)))

    def hits(self, scan: str) -> list[_Hit]:
        found: list[_Hit] = []
        literals = literals_of(scan)
        for label, lazy in self.patterns:
            pattern = lazy.pattern(literals)
            if pattern is None:
                continue
            for match in pattern.finditer(scan):
                if match.end() > match.start() and match.lastgroup:
                    weight = self.weights[match.lastgroup]
                    found.append(_Hit(label, weight, *match.span(), tier=match.lastgroup))
        return found


_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")  # a decimal point ends no sentence


# Right after a phrase: it may be asked for one day, it is not asked for now.
_MAY_BE_ASKED = re.compile(
    r"\s+(?:may|might|could|can|podr\w+|puede\w*)\s+(?:be|ser)\s+"
    r"(?:requested|required|asked|needed|solicitad\w*|requerid\w*|pedid\w*)(?!\w)",
    re.IGNORECASE,
)
# Words that speak to the driver: a sentence with one is about this driver's own record.
_ADDRESSED = re.compile(r"(?<!\w)(?:you|your|you're|you've|tu|tus|usted|te)(?!\w)", re.I)


def _sentence(scan: str, at: int) -> tuple[int, int]:
    """The bounds of the sentence (or line) around ``at``, looking at most 160 characters back."""
    ends = [m.end() for m in _SENTENCE_END.finditer(scan, max(0, at - 160), at)]
    end = _SENTENCE_END.search(scan, at)
    return ends[-1] if ends else max(0, at - 160), end.start() if end else len(scan)


class _Hedges:
    """The words around a kind phrase that make it hypothetical, a purpose, denied or a belief."""

    def __init__(self, table: dict[str, list[str]]) -> None:
        words = r"(?:[\w']+\s+)"

        def pattern(key: str, template: str) -> re.Pattern[str]:
            return re.compile(template.replace("{}", phrase_choices(table.get(key, []))), re.I)

        def whole(key: str) -> re.Pattern[str]:  # anywhere, on whole words
            return pattern(key, r"(?<!\w)(?:{})(?!\w)")

        def last(key: str, after: str = "") -> re.Pattern[str]:  # ending the text searched
            return pattern(key, r"(?<!\w)(?:{})\s+" + after + "$")

        self.modal = last("modal", f"{words}{{0,3}}")
        self.purpose = last("purpose", f"{words}{{0,3}}")
        # "decided to uphold": the purpose word belongs to the verb before it
        self.not_purpose_after = last("not_purpose_after")
        # "on hold until you upload it": a hold the driver lifts alone
        self.driver_fix = pattern("driver_fix", r"\s*(?:{})(?!\w)")
        # "n't" hangs on its verb ("won't"), so it takes no word boundary before it
        glued = [w for w in table["negation"] if w.startswith("n'")]
        free = [w for w in table["negation"] if not w.startswith("n'")]
        negation = rf"(?<!\w)(?:{phrase_choices(free)})" + (
            f"|{phrase_choices(glued)}" if glued else ""
        )
        self.negation = re.compile(rf"(?:{negation})\s+{words}{{0,3}}$", re.I)
        self.condition = whole("condition")
        # "After that, you won't be able to go online": a clause that makes the rest a consequence
        self.consequence = whole("consequence")
        self.belief = whole("belief")
        self.general = whole("general")
        self.general_near = last("general_near")
        self.possessive = re.compile(
            r"(?<!\w)(?:your|you(?:'ve|'re)?|tu|tus)\s+(?:[\w-]+[:,]?\s+){0,3}$", re.I
        )
        self.tier_name = whole("tier_names")
        self.subordinate = pattern("subordinate", r"(?:{})(?!\w)")

    def effect(self, scan: str, start: int) -> str | None:
        """Which hedge governs a phrase starting at ``start``, if any."""
        window_start = max(0, start - 120)
        lo = max(scan.rfind(stop, window_start, start) for stop in ",;:.!?\n") + 1
        clause = scan[max(lo, window_start) : start]
        if self.belief.search(clause):
            return "belief"
        if self._general(scan, clause, start):
            return "general"
        # a leading clause of the same sentence: "If you don't upload it by Friday, you won't ..."
        sentence = max(scan.rfind(stop, window_start, start) for stop in ".!?\n") + 1
        lead = scan[max(sentence, window_start) : max(lo, window_start)]
        if lead and (self.condition.match(lead.lstrip()) or self.consequence.search(lead)):
            return "condition"
        if scan[start : _sentence(scan, start)[1] + 1].rstrip().endswith("?"):
            return "modal"  # a question ("Can my account be deactivated ...?") states nothing
        if self.subordinate.match(scan, start):
            # "while we investigate", "until the results are in": a clause of its own
            return "condition" if self.condition.search(clause) else None
        near = clause[-60:]
        if self.negation.search(near):
            return "negation"
        if self.modal.search(near):
            return "modal"
        if self.condition.search(clause):
            return "condition"
        purpose = self.purpose.search(near)
        if purpose and not self.not_purpose_after.search(near, 0, purpose.start()):
            return "purpose"
        return None

    def _general(self, scan: str, clause: str, start: int) -> bool:
        """A rule for everyone ("Dashers whose rating drops ... may be deactivated") or a phrase
        about any case ("any deactivation decision")."""
        # the whole sentence so far: "Dashers whose rating drops below 4.2 may be deactivated"
        sentence = scan[_sentence(scan, start)[0] : start]
        return bool(self.general.search(sentence) or self.general_near.search(clause[-30:]))

    def tier_in_a_list(self, scan: str, hit: _Hit, effect: str | None) -> bool:
        """A level named in a notice that lists the levels ("Fantastic, Great, Fair, At Risk"):
        one more name in the list, unless the driver's own level is said to be it ("Your
        standing: At Risk"); "if your standing reaches At Risk" still only explains the list."""
        if not self.tier_name.fullmatch(scan, hit.start, hit.end):
            return False
        if len({m.group().lower() for m in self.tier_name.finditer(scan)}) < 3:
            return False
        return effect == "condition" or not self.possessive.search(
            scan, max(0, hit.start - 40), hit.start
        )

    def fixed_by_driver(self, scan: str, end: int) -> bool:
        """Whether the words right after a phrase ending at ``end`` say the driver lifts it."""
        return bool(self.driver_fix.match(scan, end, min(len(scan), end + 80)))


class _Reader:
    """Everything compiled from the catalogue, once per process."""

    def __init__(self, catalogue: dict[str, Any]) -> None:
        _check_keys(catalogue)
        weights = {name: int(value) for name, value in catalogue["weights"].items()}
        self.platforms = _Labels(catalogue["platforms"], weights)
        self.kinds = _Labels(catalogue["kinds"], weights)
        self.kind_specs: dict[str, dict[str, Any]] = catalogue["kinds"]
        self.appeal_context = _Labels({"appeal_context": catalogue["appeal_context"]}, weights)
        self.reasons = _Labels(catalogue["reasons"], weights)
        self.hedges = _Hedges(catalogue["hedges"])
        self.kind_rules: dict[str, Any] = catalogue["kind_rules"]
        self.reason_rules: dict[str, Any] = catalogue["reason_rules"]
        self.model: dict[str, Any] = catalogue["model"]


def _check_keys(catalogue: dict[str, Any]) -> None:
    """A label the rest of the product does not know is a typo in reading.toml: say so."""
    known = {"platforms": set(PLATFORMS), "kinds": set(KINDS), "reasons": set(REASONS)}
    for table, keys in known.items():
        unknown = set(catalogue[table]) - keys
        if unknown:
            raise ValueError(f"reading.toml: [{table}] has unknown keys {sorted(unknown)}")
    for group in catalogue["kind_rules"]["precedence"]:
        if not set(group) <= known["kinds"]:
            raise ValueError(f"reading.toml: [kind_rules] precedence names unknown kinds {group}")


@lru_cache(maxsize=1)
def _reader() -> _Reader:
    return _Reader(load_reading_catalogue())


def read_notice(
    text: str, *, received: datetime, tz: ZoneInfo, platform_hint: str | None = None
) -> NoticeReading:
    """Read a notice. ``received`` is when it arrived (aware); ``tz`` the driver's time zone.

    ``platform_hint``, a platform key the driver chose, wins over what the text says.
    Only the first ``SCAN_LIMIT`` characters are read, so any input is answered quickly.
    """
    if received.tzinfo is None or received.utcoffset() is None:
        received = received.replace(tzinfo=tz)
    reader = _reader()
    scan = fold(text[:SCAN_LIMIT])
    language = _language(scan)
    # the phrase lists read the text with its misspelt key words corrected ("deactiavted");
    # every phrase shown is mapped back to the notice's own words
    respelt = respell(scan)
    fixed = respelt.text
    platform, platform_hits = _platform(reader, fixed, _hint(reader, platform_hint))
    reason_hits = _distinct(reader.reasons.hits(fixed), fixed)
    kind, kind_hits = _second_opinion(reader, "kind", fixed, *_kind(reader, fixed, reason_hits))
    reason, reason_hits = _reason(reader, reason_hits, kind, kind_hits, fixed)
    if kind not in reader.reason_rules["no_reason"]:
        reason, reason_hits = _second_reason(reader, kind, fixed, reason, reason_hits)
    deadline = find_stated_deadline(text, received=received, tz=tz, language=language)
    return NoticeReading(
        platform=platform,
        kind=kind,
        reason=reason,
        stated_deadline=deadline,
        platform_phrases=_phrases(text, platform_hits, platform or "", respelt),
        kind_phrases=_phrases(text, kind_hits, kind, respelt),
        reason_phrases=_phrases(text, reason_hits, reason or "", respelt),
        references=references(fold_characters(text[:SCAN_LIMIT]), text),
        language=language,
    )


def _hint(reader: _Reader, platform_hint: str | None) -> str | None:
    """The platform the driver chose: a key ("doordash") or a name ("Uber Eats")."""
    if not platform_hint:
        return None
    key = platform_hint.strip().lower().replace(" ", "_").replace("-", "_")
    if key in PLATFORMS:
        return key
    hint = fold(platform_hint[:200])
    return _best(_scores(reader.platforms.hits(hint)), reader.platforms.order)[0]


def _distinct(hits: list[_Hit], scan: str) -> list[_Hit]:
    """A phrase counts once per label, however often the notice repeats it."""
    seen: set[tuple[str, str]] = set()
    kept: list[_Hit] = []
    # the time a phrase says something of this driver counts before a time it states a rule
    for hit in sorted(hits, key=lambda h: (h.tier == "general", h.start, -h.end)):
        key = (hit.label, " ".join(scan[hit.start : hit.end].lower().split()))
        if key not in seen:
            seen.add(key)
            kept.append(hit)
    return kept


def _scores(hits: list[_Hit]) -> dict[str, int]:
    scores: dict[str, int] = {}
    for hit in hits:
        scores[hit.label] = scores.get(hit.label, 0) + hit.weight
    return scores


def _best(scores: dict[str, int], order: list[str]) -> tuple[str | None, int]:
    """The label with the most evidence; ties go to the label listed first in the catalogue."""
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], order.index(kv[0])))
    return ranked[0] if ranked else (None, 0)


def _platform(reader: _Reader, scan: str, hint: str | None) -> tuple[str | None, list[_Hit]]:
    hits = _distinct(reader.platforms.hits(scan), scan)
    platform = hint or _best(_scores(hits), reader.platforms.order)[0]
    return platform, hits


def _kind(reader: _Reader, scan: str, reason_hits: list[_Hit]) -> tuple[str, list[_Hit]]:
    hits: list[_Hit] = []
    for hit in reader.kinds.hits(scan):
        label, effect = _reread(reader, scan, hit)
        if label:
            hits.append(replace(hit, label=label, tier=_tier(reader, hit, label, effect)))
    # words that show an appeal is being answered back both outcomes; the rest decides
    for hit in reader.appeal_context.hits(scan):
        hits += [
            _Hit(kind, hit.weight, hit.start, hit.end)
            for kind in ("appeal_granted", "appeal_denied")
        ]
    soft = [h for h in hits if h.tier in ("general", "hypothetical")]
    hits = _distinct(hits, scan)
    scores = _scores(hits)
    rules = reader.kind_rules
    kind: str | None = None
    for group in rules["precedence"]:
        qualifying = {k: scores[k] for k in group if scores.get(k, 0) >= _min_score(reader, k)}
        if qualifying:
            kind = _best(qualifying, list(group))[0]
            break
    kind = _told_of_everyone(reader, kind, hits, soft, reason_hits, scan)
    if kind is None:
        # Weak evidence only ("subject to deactivation", a stated reason): nothing is removed
        # yet, so at most a warning; with nothing adverse, the best positive kind.
        positive = set(rules["not_adverse"])
        adverse = any(k not in positive for k in scores) or any(
            h.weight >= reader.reason_rules["min_score"] for h in reason_hits
        )
        good = {k: v for k, v in scores.items() if k in positive}
        if adverse:
            kind = rules["adverse_without_kind"]
        else:
            kind = _best(good, list(rules["not_adverse"]))[0] or rules["default"]
    return str(kind), [h for h in hits if h.label == kind]


def _second_opinion(
    reader: _Reader, field: str, scan: str, label: str, hits: list[_Hit], leaving_out: str = ""
) -> tuple[str, list[_Hit]]:
    """The model's kind or reason where it finds its own answer [model] odds times likelier
    than the phrases' answer; its evidence is then the words that weighed most (see model.py).
    A text of a few words is not what the model learnt from, and its few features make it sure
    of itself too easily: there the phrases decide."""
    said = opinion(field, scan)
    if said.words_read < reader.model["min_words"]:
        return label, hits
    best = said.likeliest(leaving_out)
    if best == label or said.odds(best, label) < reader.model["odds"]:
        return label, hits
    return best, [_Hit(best, 0, start, end, "model") for start, end in said.words(best)]


def _second_reason(
    reader: _Reader, kind: str, scan: str, reason: str | None, hits: list[_Hit]
) -> tuple[str | None, list[_Hit]]:
    """The reason, with the model's second opinion. An appeal outcome may state no reason
    (None), which the model knows as NO_REASON and can tell from an outcome that says why; an
    adverse notice always has one, "unknown" at least."""
    if kind in reader.reason_rules["outcome_kinds"]:
        said, hits = _second_opinion(reader, "reason", scan, reason or NO_REASON, hits)
        return (None, []) if said == NO_REASON else (said, hits)
    stated = reason or str(reader.reason_rules["unknown"])
    return _second_opinion(reader, "reason", scan, stated, hits, leaving_out=NO_REASON)


def _tier(reader: _Reader, hit: _Hit, label: str, effect: str | None) -> str:
    """The tier a phrase counts in once reread: a removal under "may" or "if" that now counts
    as a warning is "hypothetical", an adverse phrase said of everyone is "general" (praise of
    this driver stays praise in a sentence that also states a rule)."""
    positive = reader.kind_rules["not_adverse"]
    if effect == "general" and label not in positive:
        return "general"
    if effect in ("modal", "condition") and label not in positive:
        return "hypothetical"
    return hit.tier


def _told_of_everyone(
    reader: _Reader,
    kind: str | None,
    hits: list[_Hit],
    soft: list[_Hit],
    reason_hits: list[_Hit],
    scan: str,
) -> str | None:
    """A warning told only as rules for everyone ("Dashers whose rating drops below 4.2 may
    be deactivated") or as what would happen ("can result in a hold") is news ([kind_rules]
    general) in a message that praises or reassures the driver or goes to everyone (what did
    happen, "an order you delivered was reported as not received", is a phrase of its own and
    keeps the warning); and one told only as rules is news too unless the notice tells of the
    driver's own record outside them ("your completion rate is now 71%", "Late arrival for your
    block on June 7": a sentence addressed to the driver). ``soft`` are the rules and
    what-would-happens, each time they occur."""
    news = reader.kind_rules.get("general", {}).get(kind)
    own = [h for h in hits if h.label == kind]
    if news is None or not own or any(h.tier not in ("general", "hypothetical") for h in own):
        return kind
    if any(h.tier in ("praise", "reassurance", "bulk") for h in hits):
        return str(news)
    if any(h.tier != "general" for h in own):
        return kind  # what would happen, said to this driver alone: a warning
    ruled = {_sentence(scan, h.start) for h in soft}
    told = (_sentence(scan, h.start) for h in reason_hits)
    personal = any(s not in ruled and _ADDRESSED.search(scan, *s) for s in told)
    return kind if personal else str(news)


def _min_score(reader: _Reader, kind: str) -> int:
    return int(reader.kind_specs.get(kind, {}).get("min_score", 1))


def _reread(reader: _Reader, scan: str, hit: _Hit) -> tuple[str, str | None]:
    """The kind a phrase is evidence of once its hedges are read ("" drops it), and the hedge."""
    effect = reader.hedges.effect(scan, hit.start)
    if effect is None and _MAY_BE_ASKED.match(scan, hit.end):
        effect = "modal"  # "identity verification may be requested at any time"
    if reader.hedges.tier_in_a_list(scan, hit, effect):
        effect = "general"
    fix = reader.kind_specs[hit.label].get("on_driver_fix")
    if fix and effect is None and reader.hedges.fixed_by_driver(scan, hit.end):
        return str(fix), effect
    if effect is None:
        return hit.label, effect
    if effect == "belief":
        return "", effect  # "if you believe your account was deactivated in error"
    if effect == "general":
        # a rule for everyone removes nothing here: at most a warning (see _told_of_everyone)
        return str(reader.kind_specs[hit.label].get("on_general", "warning")), effect
    target = str(reader.kind_specs[hit.label].get(f"on_{effect}", "keep"))
    return (hit.label if target == "keep" else target), effect


def _reason(
    reader: _Reader, hits: list[_Hit], kind: str, kind_hits: list[_Hit], scan: str
) -> tuple[str | None, list[_Hit]]:
    rules = reader.reason_rules
    if kind in rules["no_reason"]:
        return None, []
    if kind in rules.get("same_sentence_kinds", []):
        # "your account, which was deactivated because your license had expired, is active
        # again": the reason the outcome itself recalls, not one in a quoted earlier message
        hits = _in_sentences(scan, hits, kind_hits)
    best, score = _best(_scores(hits), reader.reasons.order)
    if kind in rules["outcome_kinds"]:
        stated = best if score >= rules["outcome_min_score"] else None
    elif score >= rules["min_score"]:
        stated = best
    elif kind in rules["default_for_kind"]:
        return str(rules["default_for_kind"][kind]), []
    else:
        # no phrase names a reason: the story the words tell, when it clearly points one way
        told, words = reason_from_words(scan)
        if told is None:
            return str(rules["unknown"]), []
        return told, [_Hit(told, 0, w.start, w.end) for w in words]
    return stated, [h for h in hits if h.label == stated]


def _in_sentences(scan: str, hits: list[_Hit], anchors: list[_Hit]) -> list[_Hit]:
    """The hits that lie in a sentence of one of the anchors."""
    spans = [clause_bounds(scan, a.start, a.end) for a in anchors]
    return [h for h in hits if any(lo <= h.start and h.end <= hi for lo, hi in spans)]


def _phrases(text: str, hits: list[_Hit], label: str, respelt: Respelt) -> list[Phrase]:
    phrases = []
    for hit in sorted(hits, key=lambda h: h.start):
        if hit.label == label:
            start, end = respelt.original(hit.start), respelt.original(hit.end, end=True)
            phrases.append(Phrase(text=text[start:end], start=start, end=end, label=label))
    return phrases


# Frequent short words of each language: enough to tell a Spanish notice from an English one.
_SPANISH = re.compile(
    r"(?<!\w)(?=\w)(?:tu|tus|su|de|del|la|el|los|las|que|por|para|con|una|cuenta|ha|sido|es|se|y|"
    r"puedes|fue|esta|nuestra|nuestro|hemos|te|si|no)(?!\w)",
    re.I,
)
_ENGLISH = re.compile(
    r"(?<!\w)(?=\w)(?:the|your|you|to|has|been|and|of|is|we|for|this|with|account|our|was|be|have|"
    r"please|if|it|on|not|that)(?!\w)",
    re.I,
)


def _language(scan: str) -> Literal["en", "es"]:
    head = scan[:5000]
    return "es" if len(_SPANISH.findall(head)) > len(_ENGLISH.findall(head)) else "en"
