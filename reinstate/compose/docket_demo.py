"""`reinstate org demo`: fills a demonstration organisation with synthetic drivers and cases,
for trying the docket and for the benchmark (bench/docket.py).

Each distinct notice is read once, through the real intake (do_open_case), for its first
driver; the other cases with that notice are copies of it moved in time (received, deadline,
plan), written in bulk: reading 5,000 notices one by one would take minutes. A copy keeps its
template's reading as it was (its dates inside `reading` are the template's); the case's own
columns, which the docket and the case page act on, are moved. No evidence, no audit events:
this is made-up data, and only an organisation named "demo…" takes it.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils.translation import gettext as _

from reinstate.accounts.models import Organisation, User
from reinstate.cases.actions import do_open_case
from reinstate.cases.models import Case, ChecklistItem
from reinstate.core.cli import Error
from reinstate.lib.notice_file import notice_from_text
from reinstate.testing import notices

# The notice reader's development set: one notice per line, many platforms and reasons.
DEV_NOTICES = (
    Path(__file__).resolve().parents[1] / "rules" / "notice" / "tests" / "notices" / "dev.jsonl"
)
FIRST = (
    "Maria", "James", "Aisha", "Luis", "Mei", "Darnell", "Priya", "Oleksandr", "Fatima", "Kwame",
    "Sofia", "Tyrone", "Nguyen", "Ana", "Jamal", "Rosa", "Ibrahim", "Keisha", "Carlos", "Hana",
    "Dmitri", "Grace", "Mohammed", "Yolanda", "Andre", "Leticia", "Samir", "Brianna", "Jorge",
    "Amara",
)  # fmt: skip
LAST = (
    "Garcia", "Johnson", "Okafor", "Hernandez", "Chen", "Williams", "Patel", "Kovalenko",
    "Hassan", "Mensah", "Rossi", "Brown", "Tran", "Lopez", "Carter", "Diaz", "Abdi", "Jackson",
    "Morales", "Kim", "Ivanov", "Thompson", "Ali", "Reyes", "Baptiste", "Silva", "Haddad",
    "Davis", "Ramirez", "Nwosu",
)  # fmt: skip
ZONES = ("America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles")
ENDINGS = (Case.Outcome.REINSTATED, Case.Outcome.DENIED, Case.Outcome.OTHER)
MOVED = ("received_at", "stated_deadline", "deadline", "plan_anchor")
COPIED = (
    "notice_text", "notice_filename", "notice_subject", "notice_sender", "received_source",
    "time_zone", "reading", "platform", "kind", "reason", "stated_deadline_words",
    "deadline_source", "deadline_rule", "deadline_confidence", "deadline_source_url",
    "deadline_is_default", "ask_support_to_confirm", "law_notes",
)  # fmt: skip


@dataclass(frozen=True)
class DemoFilled:
    organisation: int
    drivers: int
    cases: int
    notices: int


def demo_notices() -> list[str]:
    texts = [notices.FLEX_LATE, notices.DISPUTE]
    if DEV_NOTICES.exists():
        texts += [json.loads(line)["text"] for line in DEV_NOTICES.read_text().splitlines() if line]
    return list(dict.fromkeys(texts))


def fill_demo(organisation: Organisation, *, count: int, seed: int, now: datetime) -> DemoFilled:
    if not organisation.name.strip().lower().startswith("demo"):
        raise Error(
            _(
                "Refused: %(name)s is not a demonstration organisation. Only an organisation "
                'whose name starts with "demo" can be filled with made-up cases.'
            )
            % {"name": repr(organisation.name)}
        )
    if count < 1:
        raise Error(_("--cases must be at least 1."))
    rng = random.Random(seed)  # noqa: S311  # made-up data, to be repeatable, not secret
    texts = demo_notices()
    with transaction.atomic():
        drivers = _drivers(organisation, count, rng)
        templates: dict[int, Case] = {}
        cases: list[Case] = []
        for index, driver in enumerate(drivers):
            which = index % len(texts)
            received = now - timedelta(minutes=rng.randrange(20, 365 * 24 * 60))
            template = templates.get(which)
            if template is None:
                template = do_open_case(
                    owner=driver,
                    notice=notice_from_text(texts[which]),
                    received=received,
                    tz=ZoneInfo(driver.time_zone),
                    now=now,
                )
                templates[which] = template
                case = template
            else:
                case = _copy(template, driver, received - template.received_at)
            _vary(case, rng, now)
            case.organisation = organisation
            cases.append(case)
        _write(cases, templates)
    return DemoFilled(organisation.pk, len(drivers), len(cases), len(templates))


def _drivers(organisation: Organisation, count: int, rng: random.Random) -> list[User]:
    taken = User.objects.filter(username__startswith=f"demo{organisation.pk}-").count()
    unusable = make_password(None)  # they never sign in
    users = [
        User(
            username=f"demo{organisation.pk}-{taken + i + 1:05d}",
            legal_name=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
            time_zone=rng.choice(ZONES),
            password=unusable,
        )
        for i in range(count)
    ]
    User.objects.bulk_create(users, batch_size=1000)
    # Primary keys back from SQLite and PostgreSQL alike.
    return list(User.objects.filter(username__in=[u.username for u in users]).order_by("username"))


def _copy(template: Case, driver: User, shift: timedelta) -> Case:
    case = Case(owner=driver, **{name: getattr(template, name) for name in COPIED})
    for name in MOVED:
        value = getattr(template, name)
        setattr(case, name, value + shift if value else None)
    case.template = template  # type: ignore[attr-defined]  # whose checklist it copies
    return case


def _vary(case: Case, rng: random.Random, now: datetime) -> None:
    """Cases at different points: some read, some closed, touched at different times."""
    roll = rng.random()
    case.steps_seen = (
        ["meaning", "deadline"] if roll > 0.35 else (["meaning"] if roll > 0.2 else [])
    )
    if rng.random() < 0.12:
        case.status = Case.Status.CLOSED
        case.outcome = rng.choice(ENDINGS)
        if case.outcome == Case.Outcome.REINSTATED:
            case.reinstated_on = min(
                now, case.received_at + timedelta(days=rng.randrange(3, 40))
            ).date()
    # Kept aside: saving sets updated_at to now (auto_now); _write puts this back after.
    case.activity = min(now, case.received_at + timedelta(hours=rng.randrange(1, 24 * 60)))  # type: ignore[attr-defined]


def _write(cases: list[Case], templates: dict[int, Case]) -> None:
    fresh = [c for c in cases if c.pk is None]
    Case.objects.bulk_create(fresh, batch_size=500)
    if fresh and fresh[0].pk is None:  # a backend that does not return keys
        raise RuntimeError("bulk_create returned no primary keys")
    # auto_now set every updated_at to now on insert; bulk_update does not, so this one stays.
    for case in cases:
        case.updated_at = case.activity  # type: ignore[attr-defined]
    Case.objects.bulk_update(
        cases,
        ["updated_at", "steps_seen", "status", "outcome", "reinstated_on", "organisation"],
        batch_size=500,
    )
    checklists = {
        t.pk: list(t.checklist.all()) for t in {id(t): t for t in templates.values()}.values()
    }
    items = [
        ChecklistItem(
            case=case,
            key=item.key,
            title=item.title,
            why=item.why,
            required=item.required,
            done=item.done,
            position=item.position,
        )
        for case in fresh
        for item in checklists[case.template.pk]  # type: ignore[attr-defined]
    ]
    ChecklistItem.objects.bulk_create(items, batch_size=1000)
