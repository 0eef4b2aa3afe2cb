"""A new driver on a phone walks the whole path, only by tapping and typing what is on screen:
sign up, give the legal name, paste the notice, then follow the case page's "Next" button each
time until the packet is ready, and download it. A second pass reaches the "Next" button from
the sign-in page with the keyboard alone."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader
from pytest_django.fixtures import Settings

from reinstate.accounts.models import User
from reinstate.cases.models import Case
from reinstate.testing import files
from reinstate.testing.browser import PHONE, fits_the_screen, phone_page, screenshot
from reinstate.testing.notices import FLEX_LATE
from reinstate.testing.personas import PASSWORD as DRIVER_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct horse battery staple"
LEGAL_NAME = "Dana Marisol Reyes"


class Walk:
    """The pages seen, each checked for sideways scrolling and measured."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.heights: list[tuple[str, str, int, float]] = []

    def look(self, name: str) -> None:
        assert fits_the_screen(self.page), f"{name}: the page scrolls sideways"
        height = int(self.page.evaluate("document.documentElement.scrollHeight"))
        screens = round(height / PHONE["height"], 1)
        self.heights.append((self.page.title(), name, height, screens))
        screenshot(self.page, f"whole-path-{len(self.heights):02}-{name}")

    def next(self, step: str) -> None:
        """Tap the one button of the case page's "Next" card, which must name `step`."""
        card = self.page.locator(".next-step")
        expect(card.locator("#next-h")).to_contain_text(f"Next: {step}")
        card.locator("a.button").click()
        self.page.wait_for_load_state("load")
        self.look(f"next {step}")

    def back(self) -> None:
        """Back to the case page the way a person goes: the link at the top of the page."""
        self.page.get_by_role("link", name="Back to the case").click()
        expect(self.page.locator(".next-step")).to_be_visible()
        self.look("case page")


def sign_up(page: Page, base: str) -> None:
    page.goto(f"{base}/accounts/signup/")
    page.get_by_label("Username").fill("dana")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password confirmation").fill(PASSWORD)


def test_a_new_driver_walks_the_whole_path_on_a_phone(
    chromium: Browser, live_server: object, settings: Settings, tmp_path: Path
) -> None:
    settings.REINSTATE_BUILD_INLINE = False  # the real path: a background build, polled
    photo = tmp_path / "gate.jpg"
    photo.write_bytes(files.jpeg((1200, 900)))
    standing = tmp_path / "standing.jpg"
    standing.write_bytes(files.jpeg((390, 844), color=(40, 120, 60)))
    base = str(live_server)
    with phone_page(chromium) as page:
        walk = Walk(page)
        sign_up(page, base)
        walk.look("signup")
        legal = page.get_by_label(re.compile("legal name", re.I))
        asks_name = legal.count() > 0
        if asks_name:
            legal.fill(LEGAL_NAME)
        page.get_by_role("button", name="Create account").click()

        expect(page.get_by_role("heading", name="What did the platform send you?")).to_be_visible()
        walk.look("new case")
        if not asks_name:
            # Sign-up does not ask: the name goes in Profile → Your name and accounts.
            page.get_by_role("navigation", name="Main").get_by_role("link", name="Profile").click()
            walk.look("profile")
            page.get_by_role("link", name="Your name and accounts").click()
            page.get_by_label("Your legal name").fill(LEGAL_NAME)
            page.get_by_label("Amazon Flex: email or phone on your account").fill(
                "dana.reyes@example.com"
            )
            walk.look("identity")
            page.get_by_role("button", name="Save").click()
            expect(page.get_by_text(f"Your appeal is signed {LEGAL_NAME}.")).to_be_visible()
            walk.look("identity saved")
            page.get_by_role("navigation", name="Main").get_by_role("link", name="New case").click()
            expect(
                page.get_by_role("heading", name="What did the platform send you?")
            ).to_be_visible()

        page.get_by_label("Paste the notice").fill(FLEX_LATE)
        yesterday = page.evaluate(
            "(() => { const d = new Date(Date.now() - 86400000);"
            " return d.toLocaleDateString('en-CA'); })()"
        )
        page.get_by_label("Day").fill(yesterday)
        page.get_by_role("button", name="Read my notice").click()
        expect(page.get_by_role("heading", name="Amazon Flex: ")).to_be_visible()
        walk.look("case page")

        walk.next("Gather the evidence")
        expect(page.get_by_role("heading", name="Evidence locker")).to_be_visible()
        # The photo of the gate, then the screenshot of the standing page the locker says is
        # still missing, ticked as that document.
        for path, description, document in (
            (photo, "The locked gate on 120th Street at 10:02", None),
            (standing, "My standing page: Fantastic", "Screenshot of your standing"),
        ):
            page.get_by_label("Photos and files").set_input_files(str(path))
            page.get_by_label("Description").fill(description)
            if document:
                page.get_by_role("group", name="Which documents on your checklist").get_by_label(
                    re.compile(document)
                ).check()
            # Each file uploads with its progress bar, then the locker reloads with it.
            with page.expect_navigation(timeout=15_000):
                page.get_by_role("button", name="Add to the locker").click()
            expect(page.get_by_role("heading", name="Exhibits")).to_be_visible()
        expect(page.get_by_text("2 items kept for this case")).to_be_visible()
        expect(page.get_by_role("heading", name="Still missing")).to_have_count(0)
        walk.look("evidence added")

        walk.back()
        walk.next("Say what happened")
        expect(page.get_by_role("heading", name="Is it ready?")).to_be_visible()
        page.get_by_label("Amazon Flex Terms of Service").first.check()
        page.get_by_label("What happened, in your own words").fill(
            "On 3 November 2026 I arrived at the Hawthorne station at 10:17 for a block that "
            "started at 10:00, because the gate on 120th Street was locked and I had to drive "
            "round to the south entrance."
        )
        page.get_by_label("What you accept").fill("I accept that I checked in 17 minutes late.")
        page.get_by_role("button", name="Save the explanation").click()
        expect(page.get_by_text("Your explanation is saved.")).to_be_visible()
        page.get_by_label("A fact you rely on").fill("The gate was locked at 10:02.")
        page.get_by_label("A: The locked gate").check()
        page.get_by_role("button", name="Add this fact").click()
        expect(page.locator(".statements li")).to_contain_text("(Exhibit A)")

        walk.back()
        walk.next("Say what you are changing")
        plan = page.locator("section[aria-labelledby=plan-h]")
        plan.get_by_role("group", name="What caused it?").get_by_role("checkbox").first.check()
        page.get_by_label("Which measure will you watch?").fill("on-time arrival")
        page.get_by_label("At what level will you keep it?").fill("100% of blocks")
        page.get_by_label("How often will you check it?").fill("every Sunday evening")
        page.get_by_label("Your commitment").fill("I will leave for every block 30 minutes early.")
        plan.get_by_role("group", name="Policies you commit to keep").get_by_role(
            "checkbox"
        ).first.check()
        page.get_by_role("button", name="Save the plan").click()
        page.wait_for_load_state("load")
        page.get_by_label("What you will do").fill("Check in 15 minutes before every block")
        page.get_by_label("Target you can measure").fill("no late arrival in 20 blocks")
        page.get_by_label("Start date").fill("2026-12-01")
        page.get_by_role("button", name="Add this action").click()
        expect(page.get_by_text("The action is saved.")).to_be_visible()

        walk.back()
        walk.next("Write your record of good standing")
        page.get_by_label("On the platform since").fill("March 2023")
        page.get_by_label("Work completed").fill("1,240 blocks")
        page.get_by_label("Your metrics").fill("Standing Fantastic for 18 months")
        page.get_by_role("button", name="Save the record").click()
        page.wait_for_load_state("load")

        walk.back()
        walk.next("Write the letter")
        page.get_by_role("button", name="Draft my letter").click()
        expect(page.get_by_role("textbox", name="Your letter")).to_have_value(
            re.compile("I am writing to appeal")
        )
        expect(page.get_by_role("textbox", name="Your letter")).to_have_value(
            re.compile(LEGAL_NAME)
        )
        walk.look("letter drafted")

        walk.back()
        walk.next("Check and approve the letter")
        page.get_by_role("button", name="Approve version 1").click()
        expect(page.get_by_text("Version 1 approved")).to_be_visible()
        walk.look("letter approved")
        # The steps before marked "done" with less than the check asks (see the report): the
        # fact with its exhibit, the cause, the check and the policies were given at 6 and 7.
        expect(page.locator("section[aria-labelledby=readiness-h]")).not_to_contain_text("To fix:")

        walk.back()
        walk.next("Send your appeal")
        page.get_by_role("button", name="Build the packet").click()
        expect(page.get_by_role("link", name="PDF packet")).to_be_visible(timeout=30_000)
        walk.look("packet ready")

        walk.back()
        expect(page.locator(".next-step")).to_contain_text("Get your packet")
        walk.next("Send your appeal")
        with page.expect_download() as download:
            page.get_by_role("link", name="PDF packet").first.click()
        pdf = tmp_path / download.value.suggested_filename
        download.value.save_as(pdf)
        assert pdf.suffix == ".pdf"
    text = "".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf.read_bytes())).pages)
    assert LEGAL_NAME in text

    print("\npage title | reached by | height px | screens")  # noqa: T201 (read with -s)
    for title, name, height, screens in walk.heights:
        print(f"{title} | {name} | {height} | {screens}")  # noqa: T201


# What has the keyboard focus: what it is, whether it can be seen, and whether it is marked.
FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const box = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  return {
    tag: el.tagName.toLowerCase(),
    text: (el.innerText || el.value || el.getAttribute('aria-label') || el.name || '').trim()
      .slice(0, 60),
    href: el.getAttribute('href') || '',
    id: el.id,
    next: Boolean(el.closest('.next-step')),
    visible: box.width > 0 && box.height > 0 && style.visibility !== 'hidden'
      && box.bottom > 0 && box.top < window.innerHeight
      && box.right > 0 && box.left < window.innerWidth,
    outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
    shadow: style.boxShadow !== 'none',
  };
}"""


def tab_to(page: Page, wanted: Callable[[dict[str, Any]], bool], seen: list[str]) -> None:
    """Press Tab until `wanted` has the focus, checking that each stop is seen and marked (no
    press when it has the focus already, as the sign-in page gives it to the username)."""
    for press in range(61):
        if press or not _focused(page, wanted):
            page.keyboard.press("Tab")
        focus = page.evaluate(FOCUSED)
        if focus is None:
            continue
        where = f"{page.title()}: <{focus['tag']}> {focus['text']!r}"
        seen.append(where)
        assert focus["visible"], f"the focus cannot be seen on {where}"
        assert focus["outline"] or focus["shadow"], f"the focus is not marked on {where}"
        if wanted(focus):
            return
    raise AssertionError(f"60 presses of Tab never reached it; stops: {seen[-10:]}")


def _focused(page: Page, wanted: Callable[[dict[str, Any]], bool]) -> bool:
    focus = page.evaluate(FOCUSED)
    return focus is not None and wanted(focus)


def test_the_keyboard_alone_reaches_the_next_step(
    chromium: Browser, live_server: object, driver: User, open_case: Callable[..., Case]
) -> None:
    case = open_case(driver, FLEX_LATE, received="2026-12-01T09:00:00-08:00")
    seen: list[str] = []
    with phone_page(chromium) as page:
        page.goto(f"{live_server!s}/accounts/login/")
        tab_to(page, lambda f: f["id"] == "id_username", seen)
        page.keyboard.type(driver.username)
        tab_to(page, lambda f: f["id"] == "id_password", seen)
        page.keyboard.type(DRIVER_PASSWORD)
        tab_to(page, lambda f: f["tag"] == "button" and f["text"] == "Sign in", seen)
        page.keyboard.press("Enter")
        page.wait_for_load_state("load")
        expect(page.get_by_role("heading", name="Sign in")).to_have_count(0)

        tab_to(page, lambda f: f["href"] == f"/cases/{case.pk}/", seen)
        page.keyboard.press("Enter")
        expect(page.locator(".next-step")).to_be_visible()
        tab_to(page, lambda f: f["next"] and f["tag"] == "a", seen)
        page.keyboard.press("Enter")
        page.wait_for_load_state("load")
        expect(page).not_to_have_url(re.compile(rf"/cases/{case.pk}/$"))
    print("\nkeyboard stops:\n" + "\n".join(seen))  # noqa: T201 (read with -s)
