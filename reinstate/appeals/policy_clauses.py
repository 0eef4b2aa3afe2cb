"""The clauses of the policy library (catalogue/policies.toml) a driver can choose on the
explanation page, instead of naming a bare "Terms of Service".

The chosen clause is written into the appeal's `policy_quote`, with its document, version, the
day it was seen and its source, in the letter's language: the letter then quotes it as the
policy in question, and the document's catalogue policy (where it has one) is ticked too. Which
clause is chosen is not stored apart: it is the one whose citation the stored quote is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from reinstate.appeals.facts import letter_language
from reinstate.cases.models import Case
from reinstate.lib.dates import when
from reinstate.rules.catalogue.files import load_catalogue
from reinstate.rules.catalogue.policies import Clause, load_policies


@dataclass(frozen=True)
class ClauseOption:
    """One clause as the page shows it: quoted (or a summary, said so) with where it is from."""

    ref: str
    document: str  # the document's title, translated
    publisher: str
    quote: str | None  # the document's own words, never translated
    summary: str | None  # ours, translated
    version: str
    seen: str  # the day it was seen at its source, in words
    source: str
    note: str | None


def clauses_for_case(case: Case) -> list[Clause]:
    return load_policies().clauses_for(case.platform, case.reason)


def clause_options(case: Case) -> list[ClauseOption]:
    library = load_policies()
    return [
        ClauseOption(
            ref=clause.ref,
            document=_(library.document(f"{clause.platform}.{clause.document}").title),
            publisher=library.document(f"{clause.platform}.{clause.document}").publisher,
            quote=clause.quote,
            summary=_(clause.summary) if clause.summary else None,
            version=_(clause.version),
            seen=when(clause.checked, "date_long"),
            source=clause.source,
            note=_(clause.note) if clause.note else None,
        )
        for clause in clauses_for_case(case)
    ]


def citation(clause: Clause, language: str) -> str:
    """The clause as the appeal's `policy_quote`, in the letter's `language`: its words (or our
    summary, marked as one), then the document, the version, the day seen and the source."""
    document = load_policies().document(f"{clause.platform}.{clause.document}")
    with translation.override(language):
        where = _("%(document)s, %(version)s; seen on %(day)s at %(source)s") % {
            "document": _(document.title),
            "version": _(clause.version),
            "day": when(clause.checked, "date_long"),
            "source": clause.source,
        }
        if clause.quote is not None:
            return f"{clause.quote} ({where})"
        return _("In summary, not its own words: %(summary)s (%(where)s)") % {
            "summary": _(clause.summary or ""),
            "where": where,
        }


def chosen_clause(case: Case, quote: str) -> str:
    """The ref of the clause whose citation `quote` is (in any language), or ""."""
    quote = quote.strip()
    if not quote:
        return ""
    for clause in clauses_for_case(case):
        if any(quote == citation(clause, code) for code, _name in settings.LANGUAGES):
            return clause.ref
    return ""


def policy_of(clause: Clause) -> str | None:
    """The catalogue policy (platforms.toml) the clause's document is, if it is one."""
    ref = f"{clause.platform}.{clause.document}"
    try:
        load_catalogue().policy(ref)
    except KeyError:
        return None
    return ref


@dataclass(frozen=True)
class ClauseChoice:
    """What the page's clause field needs: the case's clauses and the letter's language."""

    options: list[Clause]
    language: str


def clause_choice(case: Case) -> ClauseChoice:
    return ClauseChoice(options=clauses_for_case(case), language=letter_language(case))


def clause_field(options: list[Clause]) -> forms.ChoiceField:
    """The choice of a clause; the template shows each with its words and source
    (appeals/partials/_clauses.html), so the labels here are only the refs' fallbacks."""
    return forms.ChoiceField(
        required=False,
        label=gettext_lazy("Which rule do they say you broke?"),
        help_text=gettext_lazy(
            "The platform's own words where we have them, with where and when we saw them. "
            "The one you choose goes into your letter."
        ),
        choices=[("", gettext_lazy("None of these: I will write the rule myself"))]
        + [(clause.ref, clause.ref) for clause in options],
        widget=forms.RadioSelect,
    )


def use_clause(form: forms.Form, cleaned: dict[str, Any], choice: ClauseChoice) -> None:
    """The chosen clause into `policy_quote` (and its policy ticked). A quote the driver wrote
    themselves is never replaced: they are asked to choose one or the other."""
    ref = cleaned.pop("clause", "")
    clause = next((c for c in choice.options if c.ref == ref), None)
    if clause is None:
        return
    typed = (cleaned.get("policy_quote") or "").strip()
    known = {citation(c, code) for c in choice.options for code, _name in settings.LANGUAGES}
    if typed and typed not in known:
        form.add_error(
            "clause",
            _(
                "You chose a rule and also wrote one in the box below. Keep one: choose "
                "“None of these” to keep your words, or empty the box to use the rule you chose."
            ),
        )
        return
    cleaned["policy_quote"] = citation(clause, choice.language)
    policy = policy_of(clause)
    if (
        policy is not None
        and "policies" in form.fields
        and policy not in cleaned.get("policies", [])
    ):
        cleaned["policies"] = [*cleaned.get("policies", []), policy]
