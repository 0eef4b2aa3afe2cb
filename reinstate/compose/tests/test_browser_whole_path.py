"""A new driver on a phone walks the whole guided path, only by tapping and typing what is on
screen: sign up with the legal name, paste the notice, give the account, then from the case
page's "Next" button on, each page's one button to go on, until the packet is downloaded; no
page taller than two and a half screens. A second pass reaches the "Next" button from
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

# The packet is built by the queue's worker in a thread beside the live server.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

PASSWORD = "correct horse battery staple"
LEGAL_NAME = "Dana Marisol Reyes"


class Walk:
    """The pages seen, each checked for sideways scrolling and for its height."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.heights: list[tuple[str, str, int, float]] = []

    def look(self, name: str) -> None:
        assert fits_the_screen(self.page), f"{name}: the page scrolls sideways"
        height = int(self.page.evaluate("document.documentElement.scrollHeight"))
        screens = round(height / PHONE["height"], 1)
        self.heights.append((self.page.title(), name, height, screens))
        screenshot(self.page, f"whole-path-{len(self.heights):02}-{name}")

    def tap(self, name: str, *, role: str = "button") -> None:
        """Tap the button (or link) named, then look at the page it leads to."""
        self.page.get_by_role(role, name=name).click()  # type: ignore[arg-type]
        self.page.wait_for_load_state("load")

    def on(self, heading: str, step: int | None = None) -> None:
        """The page now shown is the one with this heading (at this step of the path)."""
        expect(self.page.get_by_role("heading", name=heading, level=1)).to_be_visible()
        if step is not None:
            expect(self.page.locator(".step-of")).to_contain_text(f"Step {step} of 11")
        self.look(heading)

    def too_tall(self) -> list[tuple[str, str, int, float]]:
        return [row for row in self.heights if row[3] > MAX_SCREENS]


MAX_SCREENS = 2.5


def sign_up(page: Page, base: str) -> None:
    page.goto(f"{base}/accounts/signup/")
    page.get_by_label("Username").fill("dana")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password confirmation").fill(PASSWORD)
    page.get_by_label(re.compile("legal name", re.I)).fill(LEGAL_NAME)


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
        walk.tap("Create account")

        walk.on("What did the platform send you?")
        page.get_by_label("Paste the notice").fill(FLEX_LATE)
        yesterday = page.evaluate(
            "(() => { const d = new Date(Date.now() - 86400000);"
            " return d.toLocaleDateString('en-CA'); })()"
        )
        page.get_by_label("Day").fill(yesterday)
        walk.tap("Read my notice")

        # The appeal must say who is appealing: the name came at sign-up, the account now.
        walk.on("Your name and accounts")
        page.get_by_label("Amazon Flex: email or phone on your account").fill(
            "dana.reyes@example.com"
        )
        walk.tap("Save")

        expect(page.get_by_role("heading", name="Amazon Flex: ")).to_be_visible()
        walk.look("case page")
        card = page.locator(".next-step")
        expect(card.locator("#next-h")).to_contain_text("Next: Read what the notice means")
        card.locator("a.button").click()

        walk.on("What the notice means", 3)
        walk.tap("Continue")
        walk.on("Your deadline and plan", 4)
        walk.tap("Continue")

        walk.on("Evidence locker", 5)
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
        walk.look("evidence added")
        walk.tap("Continue: say what happened", role="link")

        walk.on("What happened", 6)
        happened = page.get_by_label("What happened, in your own words")
        happened.fill(
            "On 3 November 2026 I arrived at the Hawthorne station at 10:17 for a block that "
            "started at 10:00, because the gate on 120th Street was locked and I had to drive "
            "round to the south entrance."
        )
        # Saved as typed: a reload loses nothing.
        expect(page.get_by_role("status").filter(has_text="Saved at")).to_be_visible()
        page.reload()
        expect(happened).to_have_value(re.compile("^On 3 November 2026"))
        walk.tap("Save and continue")

        walk.on("The facts, and what shows them", 6)
        page.get_by_label("A fact you rely on").fill("The gate was locked at 10:02.")
        page.get_by_label("A: The locked gate").check()
        walk.tap("Add this fact")
        expect(page.locator(".statements li")).to_contain_text("(Exhibit A)")
        walk.look("fact added")
        walk.tap("Continue", role="link")

        walk.on("What went wrong", 7)
        page.get_by_label("What you accept").fill("I accept that I checked in 17 minutes late.")
        page.get_by_label("Amazon Flex Terms of Service").first.check()
        page.get_by_role("group", name="What caused it?").get_by_role("checkbox").first.check()
        walk.tap("Save and continue")

        walk.on("What you will do differently", 7)
        page.get_by_label("What you will do").fill("Check in 15 minutes before every block")
        page.get_by_label("Target you can measure").fill("no late arrival in 20 blocks")
        page.get_by_label("Start date").fill("2026-12-01")
        walk.tap("Add this action")
        expect(page.locator(".messages")).to_contain_text("The action is saved.")
        walk.tap("Continue", role="link")

        walk.on("How you will keep to it", 7)
        page.get_by_label("Which measure will you watch?").fill("on-time arrival")
        page.get_by_label("At what level will you keep it?").fill("100% of blocks")
        page.get_by_label("How often will you check it?").fill("every Sunday evening")
        page.get_by_label("Your commitment").fill("I will leave for every block 30 minutes early.")
        page.get_by_role("group", name="Policies you commit to keep").get_by_role(
            "checkbox"
        ).first.check()
        walk.tap("Save and continue")

        walk.on("Your record as a driver", 8)
        page.get_by_label("On the platform since").fill("March 2023")
        page.get_by_label("Work completed").fill("1,240 blocks")
        page.get_by_label("Your metrics").fill("Standing Fantastic for 18 months")
        walk.tap("Save and continue")

        walk.on("Your letter", 9)
        walk.tap("Draft my letter")
        letter = page.get_by_role("textbox", name="Your letter")
        expect(letter).to_have_value(re.compile("I am writing to appeal"))
        expect(letter).to_have_value(re.compile(LEGAL_NAME))
        walk.look("letter drafted")
        walk.tap("Continue: check it", role="link")

        walk.on("Check your appeal", 10)
        # Every step before was done in full: the check finds nothing to fix but the letter.
        fixes = page.locator(".finding-error")
        expect(fixes).to_have_count(1)
        expect(fixes).to_contain_text("letter")
        walk.tap("Approve version 1")
        expect(page.locator(".messages")).to_contain_text("Version 1 approved")
        expect(page.locator(".finding-error")).to_have_count(0)
        walk.look("letter approved")
        walk.tap("Continue: send it", role="link")

        walk.on("Send your appeal", 11)
        walk.tap("Build the packet")
        expect(page.get_by_role("link", name="PDF packet")).to_be_visible(timeout=30_000)
        walk.look("packet ready")
        with page.expect_download() as download:
            page.get_by_role("link", name="PDF packet").first.click()
        pdf = tmp_path / download.value.suggested_filename
        download.value.save_as(pdf)
        assert pdf.suffix == ".pdf"

        page.get_by_role("link", name="Your case").click()
        expect(page.locator(".next-step")).to_contain_text("Get your packet")
        expect(page.locator(".next-step")).to_contain_text("10 of 11 steps done")
        walk.look("case page at the end")
    text = "".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf.read_bytes())).pages)
    assert LEGAL_NAME in text

    print("\npage title | reached by | height px | screens")  # noqa: T201 (read with -s)
    for title, name, height, screens in walk.heights:
        print(f"{title} | {name} | {height} | {screens}")  # noqa: T201
    assert walk.too_tall() == [], f"pages taller than {MAX_SCREENS} screens at 390 px"


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
