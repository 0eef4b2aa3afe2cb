"""Every radio button, checkbox, link and button a driver taps on a phone is at least 24 by 24
CSS pixels (WCAG 2.2, 2.5.8 Target Size), on the pages they use most. A link inside running text
is exempt, as WCAG allows: its size is set by the line of text around it."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import datetime, timedelta

import pytest
from playwright.sync_api import Browser, Page

from reinstate.accounts.models import User
from reinstate.appeals.actions import do_set_appeal
from reinstate.appeals.guided import PAGES
from reinstate.cases.models import Case
from reinstate.comms.actions import Upload, do_add_contact
from reinstate.health.actions import do_record_block, do_set_watch_level
from reinstate.testing import files
from reinstate.testing.appeal_samples import STRONG
from reinstate.testing.blocks import LA, flex_block
from reinstate.testing.browser import phone_page, screenshot, sign_in
from reinstate.testing.evidence import add_file
from reinstate.testing.mails import png_bytes
from reinstate.testing.notices import FLEX_LATE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MINIMUM = 24

# For each visible control: its box, and whether it is a link inside running text (the words
# of its block, less its links' words, hold letters).
MEASURE = """() => {
  const controls = document.querySelectorAll(
    'a[href], button, input[type=radio], input[type=checkbox], input[type=submit], summary');
  const found = [];
  for (const el of controls) {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    if (box.width === 0 || box.height === 0 || style.visibility === 'hidden') continue;
    if (el.closest('.visually-hidden, .skip')) continue;
    // A radio or checkbox is tapped through its label too: measure the two together.
    let target = box;
    const byFor = el.id && document.querySelector(`label[for="${el.id}"]`);
    const label = el.matches('input') ? (el.closest('label') || byFor) : null;
    if (label) {
      const l = label.getBoundingClientRect();
      target = {width: Math.max(box.width, l.width), height: Math.max(box.height, l.height)};
    }
    let inText = false;
    if (el.matches('a')) {
      const block = el.parentElement.closest('p, li, dd, td, div, span') || el.parentElement;
      let words = block.textContent;
      for (const link of block.querySelectorAll('a, button')) {
        words = words.replace(link.textContent, '');
      }
      inText = /[A-Za-z]{2,}/.test(words);
    }
    found.push({
      what: el.tagName.toLowerCase() + (el.type ? `[${el.type}]` : '') + ' "'
        + (el.textContent || el.name || el.value || '').trim().slice(0, 40) + '"',
      width: Math.round(target.width * 10) / 10,
      height: Math.round(target.height * 10) / 10,
      own: {width: box.width, height: box.height},
      inText,
      input: el.matches('input'),
    });
  }
  return found;
}"""


def too_small(page: Page) -> list[str]:
    small = []
    for c in page.evaluate(MEASURE):
        if c["inText"]:
            continue
        if c["width"] < MINIMUM or c["height"] < MINIMUM:
            small.append(f"{c['what']}: {c['width']}x{c['height']}")
        if c["input"] and (c["own"]["width"] < MINIMUM or c["own"]["height"] < MINIMUM):
            small.append(f"{c['what']} (the box itself): {c['own']['width']}x{c['own']['height']}")
    return small


@pytest.fixture
def full_case(driver: User, open_case: Callable[..., Case]) -> Case:
    """A case with evidence, a support contact, an appeal; and health blocks and a warning."""
    case = open_case(driver, FLEX_LATE)
    add_file(case, files.jpeg((1200, 900)), "gate.jpg", description="The locked gate")
    add_file(case, files.pdf("Invoice 4411", pages=1), "invoice.pdf")
    do_add_contact(
        case=case,
        actor=driver,
        channel="in_app_chat",
        direction="to_platform",
        at=datetime.fromisoformat("2026-11-03T10:05:00-08:00"),
        summary="Reported the locked gate at DLA7",
        tickets=["SR-20931"],
        files=[Upload("chat.png", io.BytesIO(png_bytes()))],
    )
    do_set_appeal(case=case, data=STRONG, actor=driver)
    start = datetime.now(LA).replace(hour=8, minute=0, second=0, microsecond=0)
    for day in range(1, 6):
        late = 12 if day == 1 else -10
        record = flex_block(start - timedelta(days=day), late_by=late)
        do_record_block(owner=driver, platform="amazon_flex", record=record)
    do_set_watch_level(owner=driver, platform="amazon_flex", metric="reliability", level=0.95)
    return case


def test_every_control_on_the_key_pages_is_big_enough_to_tap(
    chromium: Browser, live_server: object, full_case: Case
) -> None:
    base = str(live_server)
    pages = {
        "case": f"/cases/{full_case.pk}/",
        "meaning": f"/cases/{full_case.pk}/meaning/",
        "deadline": f"/cases/{full_case.pk}/deadline/",
        "appeal": f"/cases/{full_case.pk}/appeal/",
        **{
            f"appeal-{key}": f"/cases/{full_case.pk}/appeal/step/{key}"
            for key in PAGES
            if key != "check"
        },
        "appeal-check": f"/cases/{full_case.pk}/appeal/check",
        "evidence": f"/cases/{full_case.pk}/evidence/",
        "support-log": f"/cases/{full_case.pk}/support/",
        "support-add": f"/cases/{full_case.pk}/support/add/",
        "timeline": f"/cases/{full_case.pk}/support/timeline/",
        "health": "/health/?platform=amazon_flex",
        "health-levels": "/health/levels/?platform=amazon_flex",
    }
    small: dict[str, list[str]] = {}
    with phone_page(chromium) as page:
        sign_in(page, base, "dana")
        page.wait_for_url(lambda url: "/login/" not in url)
        for name, path in pages.items():
            response = page.goto(f"{base}{path}")
            assert response is not None and response.ok, name
            found = too_small(page)
            if found:
                small[name] = found
            screenshot(page, f"tap-targets-{name}")
    assert not small, "\n".join(f"{name}: {found}" for name, found in small.items())
