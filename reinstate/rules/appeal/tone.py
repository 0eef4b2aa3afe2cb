"""Is this text professional? Flags what makes a reviewer stop reading: shouting, insults,
threats, blame and swearing, in English and in Spanish. Pure: used for appeal letters and for
messages to support.

Each finding points at the characters it is about (`start`, `end`), so a page can underline
them, and says in plain words (in the active language) what to do instead.

The text is read with its accents taken off (á -> a, but ñ stays ñ: "cono" is not "coño"), so
"estupidos" and "estúpidos" are the same word; the positions are the original text's.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from reinstate.lib.i18n import _, gettext_noop


@dataclass(frozen=True)
class ToneFinding:
    code: str  # "shouting", "exclamations", "insult", "threat", "blame", "profanity"
    severity: str  # "error" (fix before sending) or "warning" (worth a second look)
    message: str
    fix: str
    start: int
    end: int


def _words(*phrases: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(phrases) + r")\b", re.IGNORECASE)


# Three or more capitalised words in a row, or one long capitalised word: a short acronym
# (GPS, ID, DNR, USA) is not shouting. Ñ is a capital too (AÑO); other accents are taken off
# before matching (QUÉ reads as QUE).
_CAPS_RUN = re.compile(r"\b[A-ZÑ]{2,}(?:[\s,.'-]+[A-ZÑ]{2,}){2,}\b|\b[A-ZÑ]{7,}\b")
_EXCLAIM = re.compile(r"!{2,}|[!?]*\?![!?]*")
# An address is written as it is: DANA@EXAMPLE.COM in a letter is not shouting.
_ADDRESS = re.compile(r"[^\s@]+@[^\s@]+|\b(?:https?://|www\.)\S+", re.IGNORECASE)

# Each list has the English words, then the Spanish ones, written without accents (the text is
# matched with its accents taken off).
_INSULT = _words(
    r"idiots?",
    r"stupid",
    r"incompetent",
    r"morons?",
    r"clowns?",
    r"useless",
    r"pathetic",
    r"ridiculous",
    r"joke",
    r"liars?",
    r"lying",
    r"scam(?:mers?)?",
    r"thie(?:f|ves)",
    r"crooks?",
    r"disgusting",
    r"garbage company",
    r"trash company",
    # Spanish
    r"estupid[oa]s?",
    r"idiotas?",
    r"imbeciles?",
    r"incompetentes?",
    r"inutiles?",
    r"tarad[oa]s?",
    r"pendej[oa]s?",
    r"payas[oa]s?",
    r"patetic[oa]s?",
    r"ridicul[oa]s?",
    r"es una broma",
    r"mentiros[oa]s?",
    r"(?:ustedes )?(?:mienten|estan mintiendo)",
    r"estafa(?:dor(?:es|as?)?|s)?",
    r"ladron(?:es|as?)?",
    r"rater[oa]s?",
    r"ratas",
    r"sinverguenzas?",
    r"asqueros[oa]s?",
    r"(?:empresa|compania) (?:de )?(?:basura|porqueria|mierda)",
    r"(?:basura|porqueria) de (?:empresa|compania)",
)
_THREAT = _words(
    r"(?:i|we)(?:'ll| will| am going to| are going to| shall)\s+(?:sue|take you to court|"
    r"call (?:my|a) lawyer|get (?:my|a) lawyer|go to the (?:media|press|news))",
    r"see you in court",
    r"(?:sue|suing) (?:you|amazon|the company|them)",
    r"my lawyer will",
    r"(?:contact|tell|call|go to) the (?:media|press|news|newspapers?)",
    r"go viral",
    r"post (?:this|it) (?:everywhere|online|on social media)",
    r"you(?:'ll| will) (?:regret|pay for)",
    r"or else",
    r"class action",
    # Spanish
    r"(?:los|las|les|lo|la) (?:voy|vamos) a "
    r"(?:demandar|llevar a (?:juicio|la corte|los tribunales))",
    r"(?:voy|vamos) a (?:demandar(?:los|las|le|la|lo)?|poner(?:les)? una demanda)",
    r"(?:los|las|lo|la) demandare(?:mos)?",
    r"demandar(?:los|las|le|la|lo)",
    r"nos vemos en (?:la corte|el juzgado|los tribunales|el tribunal|juicio)",
    r"mi abogado (?:va a|se va a|les va a|los va a|se encargara)",
    r"(?:voy|vamos) a (?:llamar|contactar|buscar|contratar|hablar con) (?:a )?(?:mi|un) abogado",
    r"(?:voy|vamos) a (?:ir|acudir|contactar|llamar|hablar con) (?:a )?"
    r"(?:los medios|la prensa|las noticias|la television|los periodicos)",
    r"(?:se va a hacer|lo voy a hacer|voy a hacerlo) viral",
    r"(?:(?:lo|esto) voy a publicar|voy a publicar(?:lo)?(?: esto)?) "
    r"(?:en todas partes|en internet|en (?:las )?redes(?: sociales)?)",
    r"me las (?:van|vas) a pagar",
    r"(?:se|te) (?:van|vas) a arrepentir",
    r"(?:se|te) arrepentir(?:an|as)",
    r"demanda colectiva",
)
_BLAME = _words(
    r"(?:it was|this is|that is|it's) (?:all )?"
    r"(?:your|amazon's|the customer's|the company's) fault",
    r"not my fault",
    r"none of this (?:is|was) my fault",
    r"you people",
    r"your (?:stupid|broken|useless) (?:app|system|policy|algorithm)",
    r"the customer (?:lied|is lying|made it up)",
    r"blame (?:you|amazon|the customer|the app)",
    r"you (?:never|always) ",
    # Spanish
    r"(?:es|fue|era) (?:toda )?(?:culpa (?:de ustedes|suya|tuya|de amazon|del cliente|"
    r"de la empresa|de la compania|de la app|de la aplicacion)|su culpa|tu culpa)",
    r"la culpa (?:es|fue|la tiene|la tienen) (?:de )?(?:ustedes|amazon|el cliente|la empresa|"
    r"la compania|la app|la aplicacion)",
    r"no (?:es|fue|era) (?:mi culpa|culpa mia)",
    r"(?:yo )?no (?:tengo|tuve) (?:la )?culpa",
    r"nada de esto (?:es|fue) (?:mi culpa|culpa mia)",
    r"(?:gente como ustedes|ustedes la gente)",
    r"su (?:estupida|maldita|inutil|pinche) (?:app|aplicacion|sistema|politica|algoritmo)",
    r"su (?:app|aplicacion|sistema|politica|algoritmo) "
    r"(?:estupid[oa]|inutil|de porqueria|no sirve)",
    r"el cliente (?:mintio|miente|esta mintiendo|(?:se )?lo invento)",
    r"(?:culpo|les? echo la culpa) a (?:ustedes|amazon|el cliente|la app|la aplicacion)",
    r"ustedes (?:nunca|siempre) ",
)
_PROFANITY = _words(
    r"f+u+c+k\w*",
    r"sh+i+t+\w*",
    r"bull ?shit",
    r"damn(?:ed|it)?",
    r"crap(?:py)?",
    r"hell",
    r"bastards?",
    r"ass(?:hole)?s?",
    r"bitch\w*",
    r"piss(?:ed)?",
    r"wtf",
    # Spanish
    r"mierdas?",
    r"carajos?",
    r"pinches?",
    r"ching[aou]\w*",
    r"jod(?:er|en|ieron|id[oa]s?|ete|anse)",
    r"put[oa]s?",
    r"hijos? de (?:puta|su madre)",
    r"cabron(?:es|as?)?",
    r"culer[oa]s?",
    r"mamadas?",
    r"coño",
    r"cojones",
    r"malditos?",
    r"maldita(?:s| sea)?",
    r"(?:la )?cagaron",
    r"verga",
)

# (pattern, code, severity, message, fix): the message and the fix are translated when found.
_RULES: tuple[tuple[re.Pattern[str], str, str, str, str], ...] = (
    (
        _CAPS_RUN,
        "shouting",
        "warning",
        gettext_noop("Capital letters read as shouting."),
        gettext_noop("Write this part in normal sentence case."),
    ),
    (
        _EXCLAIM,
        "exclamations",
        "warning",
        gettext_noop("Several exclamation marks read as anger."),
        gettext_noop("Use one full stop; let the facts carry the weight."),
    ),
    (
        _INSULT,
        "insult",
        "error",
        gettext_noop("This word insults the reader, who decides your appeal."),
        gettext_noop("Remove it and describe what happened instead, with dates and exhibits."),
    ),
    (
        _THREAT,
        "threat",
        "error",
        gettext_noop(
            "This reads as a threat. Threats make reviewers close the appeal, not reopen the "
            "account."
        ),
        gettext_noop(
            "Leave it out of the appeal. If you want legal advice, ask a clinic separately."
        ),
    ),
    (
        _BLAME,
        "blame",
        "warning",
        gettext_noop(
            "This blames someone else; reviewers look for what you take responsibility for."
        ),
        gettext_noop(
            "State the facts (what happened, when, which exhibit shows it) and what you will do."
        ),
    ),
    (
        _PROFANITY,
        "profanity",
        "error",
        gettext_noop("Swearing makes the appeal look unprofessional."),
        gettext_noop("Remove the word."),
    ),
)


def check_tone(text: str) -> list[ToneFinding]:
    """Every tone problem in `text`, in the order they appear."""
    plain, where = _without_accents(text)
    addresses = [(m.start(), m.end()) for m in _ADDRESS.finditer(text)]
    findings = []
    for pattern, code, severity, message, fix in _RULES:
        for match in pattern.finditer(plain):
            start, end = where[match.start()], where[match.end() - 1] + 1
            if pattern is _CAPS_RUN and _inside(start, end, addresses):
                continue
            findings.append(ToneFinding(code, severity, _(message), _(fix), start, end))
    return sorted(findings, key=lambda f: (f.start, f.end, f.code))


def _without_accents(text: str) -> tuple[str, list[int]]:
    """`text` with its accents taken off (but ñ kept), and for each of its characters the
    position in `text` it comes from."""
    plain: list[str] = []
    where: list[int] = []
    for i, char in enumerate(text):
        parts = char if char in "ñÑ" else unicodedata.normalize("NFD", char)
        for part in parts:
            if not unicodedata.combining(part):
                plain.append(part)
                where.append(i)
    return "".join(plain), where


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)
