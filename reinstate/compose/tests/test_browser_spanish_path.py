"""A Spanish-speaking driver on a phone reads every page of the guided path in Spanish: no
English words on any page, except names, the platform's own words quoted from the notice
(marked lang="en") and what the driver typed. Each page is screenshotted at 390 px."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

import pytest
from django.urls import reverse
from playwright.sync_api import Browser, Page

from reinstate.accounts.models import User
from reinstate.appeals import guided
from reinstate.appeals.actions import do_set_appeal
from reinstate.appeals.inputs import AppealInput
from reinstate.cases.models import Case
from reinstate.rules.appeal.shape import Explanation, Plan, PlanAction, Record, Statement
from reinstate.testing import files
from reinstate.testing.appeal_samples import FLEX_LATE_WITH_REFERENCE, POLICY, identify
from reinstate.testing.browser import fits_the_screen, phone_page, screenshot, sign_in
from reinstate.testing.evidence import add_file

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Words of English a Spanish page never needs: if one shows, a string was not translated.
# (Not "no", "a", "plan", "total", "app", "error", "email": Spanish uses them too.)
ENGLISH = {
    "the", "your", "you", "and", "of", "to", "with", "what", "this", "that", "for", "is",
    "are", "will", "not", "save", "continue", "next", "step", "appeal", "deadline", "evidence",
    "notice", "case", "letter", "add", "back", "days", "send", "check", "support", "upload",
    "sign", "out", "my", "cases", "health", "account", "done", "open", "from", "when", "how",
    "who", "why", "it", "we", "our", "have", "has", "here", "there", "after", "before",
    "about", "read", "write", "show", "shows", "keep", "change", "fix", "see", "more",
}  # fmt: skip

# The page's words a driver reads, leaving out quotes in another language (lang="en"), names
# marked translate="no" (places) and what the driver typed into the fields.
VISIBLE_WORDS = """() => {
  const body = document.body.cloneNode(true);
  body.querySelectorAll(
    '[lang]:not([lang^="es"]), [translate="no"], script, style, textarea, input, noscript')
    .forEach((el) => el.remove());
  body.querySelectorAll('details:not([open]) > :not(summary)').forEach((el) => el.remove());
  return body.innerText;
}"""

ANSWERS = AppealInput(
    explanation=Explanation(
        policies=(POLICY,),
        what_happened=(
            "El 3 de noviembre de 2026 llegué a la estación Hawthorne a las 10:17 para un bloque "
            "que empezaba a las 10:00, porque la reja de la calle 120 estaba cerrada."
        ),
        acknowledgement="Acepto que llegué 17 minutos tarde.",
        context="Avisé a soporte de la reja cerrada a las 10:05.",
        statements=(Statement("La reja estaba cerrada a las 10:02.", ("A",)),),
    ),
    plan=Plan(
        root_causes=("Problems at the pickup site",),
        actions=(
            PlanAction(
                "Llegar 15 minutos antes de cada bloque",
                "ninguna llegada tarde en 20 bloques",
                date(2026, 12, 1),
            ),
        ),
        monitoring_metric="llegadas a tiempo",
        monitoring_threshold="100% de los bloques",
        monitoring_frequency="cada domingo",
        commitment="Voy a llegar temprano a cada bloque.",
        commitment_policies=(POLICY,),
    ),
    record=Record(driving_since="marzo de 2023", work_completed="1240 bloques"),
)


def english_in(page: Page) -> list[str]:
    """The lines of the page that hold an English word."""
    lines = page.evaluate(VISIBLE_WORDS).splitlines()
    return [
        line.strip()
        for line in lines
        if {w.lower() for w in re.findall(r"[A-Za-z]+", line)} & ENGLISH
    ]


def test_a_spanish_speaking_driver_reads_the_guided_path_in_spanish(
    chromium: Browser, live_server: object, driver: User, open_case: Callable[..., Case]
) -> None:
    driver.language = "es"
    driver.save(update_fields=["language"])
    identify(driver)
    case = open_case(driver, FLEX_LATE_WITH_REFERENCE)
    add_file(case, files.jpeg((1200, 900)), "reja.jpg", description="La reja cerrada")
    do_set_appeal(case=case, data=ANSWERS, actor=driver)
    pages = [
        ("casos", reverse("cases:list")),
        ("caso", reverse("cases:detail", args=[case.pk])),
        ("significado", reverse("cases:meaning", args=[case.pk])),
        ("plazo", reverse("cases:deadline", args=[case.pk])),
        ("pruebas", reverse("evidence:locker", args=[case.pk])),
        *(
            (f"paso-{key}", reverse(f"appeals:step_{key}", args=[case.pk]))
            for key in guided.PAGES
            if key != "check"
        ),
        ("revisar", reverse("appeals:check", args=[case.pk])),
        ("apelacion-entera", reverse("appeals:detail", args=[case.pk])),
        ("soporte", reverse("comms:log", args=[case.pk])),
        ("cronologia", reverse("comms:timeline", args=[case.pk])),
        ("mensajes", reverse("comms:drafts", args=[case.pk])),
        ("salud", reverse("health:overview")),
        ("perfil", reverse("accounts:profile")),
    ]
    found: dict[str, list[str]] = {}
    base = str(live_server)
    with phone_page(chromium) as page:
        sign_in(page, base, driver.username)
        # the longer Spanish words still make two lines: the name with "Cerrar sesión", the links
        tops = page.evaluate("[...document.querySelectorAll('.top nav a')].map(a => a.offsetTop)")
        assert len(tops) == 4 and len(set(tops)) == 1, tops
        brand, sign_out = (
            page.locator(".top .brand").bounding_box(),
            page.get_by_role("button", name="Cerrar sesión").bounding_box(),
        )
        assert brand and sign_out and abs(brand["y"] - sign_out["y"]) < brand["height"]
        for name, path in pages:
            page.goto(base + path)
            assert page.locator("html").get_attribute("lang") == "es", name
            assert fits_the_screen(page), f"{name}: the page scrolls sideways"
            screenshot(page, f"spanish-{name}")
            if words := english_in(page):
                found[name] = words
    assert found == {}, f"English words on Spanish pages: {found}"
