"""Playwright driving Debian's chromium (never a downloaded browser), phone-sized."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, ViewportSize, sync_playwright

PHONE: ViewportSize = {"width": 390, "height": 844}
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str:
    path = shutil.which("chromium")
    if path is None:
        pytest.fail("Debian's chromium is not installed: run `make system-deps`.")
    return path


@contextmanager
def launched() -> Iterator[Browser]:
    """Debian's Chromium, started once for a whole test run (the `chromium` fixture)."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def phone_page(browser: Browser) -> Iterator[Page]:
    """A phone-sized page in a fresh context: its own cookies, as a new visitor has. At one
    device pixel to the CSS pixel: layouts, tap targets and screenshots are all measured in CSS
    pixels, and a double density only had Chromium paint four times the pixels."""
    context = browser.new_context(viewport=PHONE, is_mobile=True)
    try:
        yield context.new_page()
    finally:
        context.close()


def fits_the_screen(page: Page) -> bool:
    """No sideways scrolling at 390 px (measured once the page a click led to has loaded: in the
    middle of a navigation there is no document to measure)."""
    page.wait_for_load_state("load")
    width = page.evaluate("document.documentElement.scrollWidth")
    return bool(width <= PHONE["width"])


def small_targets(page: Page) -> list[str]:
    """Links, buttons and fields in the page's main part smaller than 24 px high or wide."""
    found: list[str] = page.evaluate(
        """() => [...document.querySelectorAll('main a, main button, main input, main select')]
        .filter(e => e.offsetParent !== null && e.type !== 'hidden')
        .filter(e => { const r = e.getBoundingClientRect(); return r.height < 24 || r.width < 24; })
        .map(e => e.outerHTML.slice(0, 80))"""
    )
    return found


def screenshot(page: Page, name: str) -> None:
    """The whole page as a phone shows it, 390 px wide, in test-artifacts/<name>.jpg, to look
    at: `make screenshots` takes them (REINSTATE_SCREENSHOTS=1). No test reads them, and the
    120 of them cost the suite 8 s, so a plain run skips them. A JPEG at the page's own scale:
    a PNG at the phone's double density cost a quarter of every browser test's time."""
    if not os.environ.get("REINSTATE_SCREENSHOTS"):
        return
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.jpg"), full_page=True, scale="css", quality=85)


def sign_in(page: Page, base: str, username: str, *, then: str = "") -> None:
    """Sign in on the sign-in page as a person does; `then` is the page to land on after."""
    from reinstate.testing.personas import PASSWORD

    page.goto(f"{base}/accounts/login/" + (f"?next={then}" if then else ""))
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
