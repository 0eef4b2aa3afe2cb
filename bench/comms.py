"""Support log speed: import a 10,000-message .mbox (~23 MB of varied support mail), beside
the standard library parsing the same file into SQLite (mailbox.mbox and the email package's
modern policy; the quicker compat32 read alone is shown too).

Run by `make bench` (bench/__main__.py starts it with an empty REINSTATE_HOME on SQLite). Each
measurement runs in its own process, so its peak memory (RSS) is its own: the import of 20,000
messages must peak no higher than that of 10,000, because the file is streamed.
Prints one JSON line.
"""

from __future__ import annotations

import json
import mailbox
import os
import quopri
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from email.header import Header
from email.utils import format_datetime
from html import escape
from pathlib import Path

MESSAGES = 10_000
# The import may take at most this share of the standard library's full parse into SQLite.
IMPORT_TARGET_SHARE = 0.25
# Streaming: twice the messages may cost a little more (the database's own cache), not twice.
RSS_GROWTH_LIMIT = 1.25
SEED = 15


# Realistic support mail: varied replies from several platforms and the driver's own messages,
# ticket and case references in the formats support writes, quoted earlier messages, signatures,
# some HTML (alone, or beside the text), some quoted-printable, Spanish and other non-ASCII text.
GREETINGS = ["Hello Dana,", "Hi Dana,", "Hi there,", "Dear Dana Whitfield,", "Hola Dana,", ""]
SENTENCES = [
    "Thank you for contacting Amazon Flex Support about your account.",
    "We understand how important your account is to you, and we appreciate your patience.",
    "Our team is reviewing the information you provided and will reply within 24-48 hours.",
    "After a careful review, we have decided that you will not be able to continue delivering.",
    "Per our records, 3 packages were marked as delivered but reported as not received.",
    "Please allow up to 5 business days for the review to be completed.",
    "You can check the status of your request in the app under Help > Contact us.",
    "If you would like to appeal, reply to this email within 10 days with any documents.",
    "Your standing was Fantastic for the week of Jan 5, 2026, with 98.7% reliability.",
    "We have escalated your concern to the appropriate team for further investigation.",
    "Gracias por comunicarte con nosotros. Estamos revisando tu cuenta y te responderemos pronto.",
    "Lamentamos las molestias. Tu solicitud está en revisión por nuestro equipo especializado.",
    "I was at the delivery station at 10:25 AM, before my block started at 10:30 AM.",
    "The customer's building had a locked gate; I left the package with the concierge at 4:12 PM.",
    "Attached are my photos and the screenshot of the app showing the on-time arrival.",
    "I have driven 1,284 blocks since 2022 without a single complaint until this week.",
    "Please let me know what else you need from me to review my account again.",
    "Earnings for this block: $72.50 base pay + $12.00 tips, 41.3 miles driven.",
    "Note: this mailbox does not accept attachments larger than 10 MB.",
    "We\u2019re sorry for any inconvenience this may cause \u2014 we\u2019re here to help.",
    "Your feedback matters: rate this conversation from 1 to 5 stars in the survey below.",
    "For your security, we will never ask for your password or 2-step verification code.",
]
REFERENCES = [
    "Case ID: {n}",
    "Your case number is {n}.",
    "Ticket #{n}",
    "ticket number: {a}",
    "Reference: {r}",
    "Please quote reference {r} in any reply.",
    "Número de caso: {n}",
    "Solicitud #{n}",
    "Your request ({n}) has been updated.",
    "Incident {a} was closed.",
    "Caso\n{n}",
]
SUBJECTS = [
    "Re: Your account [Case #{n}]",
    "Your Amazon Flex account",
    "RE: Ticket {a}: deactivation review",
    "Update on your request",
    "Re: Solicitud de revisión \u2013 caso {n}",
    "Fwd: Re: Appeal of my deactivation",
    "[DoorDash Support] Your request #{n} has been received",
    "Action required: documents for reference {r}",
]
SENDERS = [
    "Amazon Flex Support <support@flex.example>",
    "no-reply@flex.example",
    "DoorDash Support <support@doordash.example>",
    '"Uber Support" <support@uber.example>',
    "dana@example.com",
    "Dana Whitfield <dana@example.com>",
]
SIGNATURES = [
    "Regards,\nJordan\nAmazon Flex Support",
    "Best,\nThe DoorDash Support Team\n--\nThis email was sent from a notification-only address.",
    "Thanks,\nDana Whitfield\nDriver ID A2X9QL7\n(206) 555-0143",
    "Saludos,\nMaría José\nEquipo de soporte",
    "Sincerely,\nAccount Review Team\nAmazon.com Services LLC, 410 Terry Ave N, Seattle, WA 98109",
    "Sent from my iPhone",
]


def message_text(index: int) -> str:
    """One message body: a greeting, some sentences with references, a signature, and often
    the earlier messages quoted below (deterministic: the same index gives the same text)."""
    rnd = random.Random(SEED * 1_000_003 + index)  # noqa: S311 - made-up mail, not secrets
    refs = _refs(rnd)
    lines = [rnd.choice(GREETINGS), ""]
    for _ in range(rnd.randint(1, 4)):
        paragraph = rnd.sample(SENTENCES, rnd.randint(1, 4))
        if rnd.random() < 0.6:
            paragraph.insert(rnd.randint(0, len(paragraph)), rnd.choice(REFERENCES).format(**refs))
        lines += [" ".join(paragraph), ""]
    lines.append(rnd.choice(SIGNATURES))
    for depth in range(rnd.choice([0, 0, 1, 1, 2, 3, 5])):
        at = datetime(2026, 1, 1, tzinfo=UTC) + timedelta(minutes=37 * index - 600 * (depth + 1))
        quote = "> " * (depth + 1)
        lines += ["", f"On {format_datetime(at)}, {rnd.choice(SENDERS)} wrote:"]
        for sentence in rnd.sample(SENTENCES, rnd.randint(2, 6)):
            lines.append(quote + sentence)
        lines.append(quote + rnd.choice(REFERENCES).format(**_refs(rnd)).replace("\n", " "))
        lines.append(quote + rnd.choice(SIGNATURES).replace("\n", "\n" + quote))
    return "\n".join(lines).replace("\nFrom ", "\n>From ")


def _refs(rnd: random.Random) -> dict[str, str]:
    return {
        "n": str(rnd.randint(10_000, 99_999_999_999)),
        "a": f"{rnd.choice('ABCDEFGH')}{rnd.choice('KLMNPQRS')}-{rnd.randint(1000, 99999)}",
        "r": f"REF-2026-{rnd.randint(0, 999_999):06d}",
    }


def _html(text: str) -> str:
    paragraphs = "".join(
        f"<p>{escape(p).replace(chr(10), '<br>')}</p>\n" for p in text.split("\n\n")
    )
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><style>p{margin:0 0 1em}</style>'
        f'</head><body><div style="font-family:Arial">\n{paragraphs}</div></body></html>'
    )


def message(index: int) -> bytes:
    rnd = random.Random(SEED + index * 7919)  # noqa: S311
    at = datetime(2026, 1, 1, tzinfo=UTC) + timedelta(minutes=37 * index)
    sender = rnd.choice(SENDERS)
    refs = _refs(rnd)
    subject = rnd.choice(SUBJECTS).format(**refs)
    text = message_text(index)
    head = (
        f"From support@flex.example {at:%a %b %d %H:%M:%S %Y}\n"
        f"From: {sender}\nTo: dana@example.com\n"
        f"Subject: {Header(subject, 'utf-8').encode() if not subject.isascii() else subject}\n"
        f"Date: {format_datetime(at)}\nMessage-ID: <m{index}@flex.example>\nMIME-Version: 1.0\n"
    )
    shape = rnd.random()
    if shape < 0.55:  # plain text, 8-bit
        body = f"Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n{text}"
    elif shape < 0.7:  # plain text, quoted-printable
        encoded = quopri.encodestring(text.encode()).decode("ascii")
        body = (
            "Content-Type: text/plain; charset=utf-8\n"
            f"Content-Transfer-Encoding: quoted-printable\n\n{encoded}"
        )
    elif shape < 0.8:  # HTML alone
        body = f"Content-Type: text/html; charset=utf-8\n\n{_html(text)}"
    else:  # text beside HTML, as most mail programs send
        boundary = f"=_b{index}"
        body = (
            f'Content-Type: multipart/alternative; boundary="{boundary}"\n\n'
            f"--{boundary}\nContent-Type: text/plain; charset=utf-8\n\n{text}\n"
            f"--{boundary}\nContent-Type: text/html; charset=utf-8\n\n{_html(text)}\n"
            f"--{boundary}--"
        )
    return f"{head}{body}\n\n".encode()


def write_mbox(path: Path, count: int) -> int:
    with path.open("wb") as out:
        for index in range(count):
            out.write(message(index))
    return path.stat().st_size


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux gives KB


def run_reinstate(path: Path) -> dict[str, float]:
    """In this process: import the file into a new case, as `reinstate comms import` does."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "reinstate.settings")
    django.setup()
    from zoneinfo import ZoneInfo

    from django.core.management import call_command
    from django.utils import timezone

    from reinstate.accounts.models import User
    from reinstate.cases.actions import do_open_case
    from reinstate.comms.imports import file_source, import_files
    from reinstate.lib.notice_file import notice_from_text

    call_command("migrate", verbosity=0)
    user = User.objects.create_user(username="dana", email="dana@example.com")
    case = do_open_case(
        owner=user,
        notice=notice_from_text("Your Amazon Flex account has been deactivated."),
        received=timezone.now(),
        tz=ZoneInfo("America/Los_Angeles"),
    )
    rss_before = peak_rss_mb()
    started, cpu = time.perf_counter(), time.process_time()
    result = import_files(
        case=case,
        actor=None,
        sources=[file_source(path)],
        now=timezone.now(),
    )
    seconds = time.perf_counter() - started
    return {
        "seconds": seconds,
        "cpu_seconds": time.process_time() - cpu,
        "added": result.added,
        "peak_rss_mb": peak_rss_mb(),
        "rss_before_mb": rss_before,
    }


def run_stdlib(path: Path) -> dict[str, float]:
    """The baseline: the standard library's full parse of the same file into SQLite (each
    message by the modern email policy: its sender, subject, date and text body), beside the
    quicker compat32 read alone (no body chosen, no database, no tickets)."""
    import sqlite3
    from email import message_from_bytes
    from email.message import EmailMessage
    from email.policy import default

    started = time.perf_counter()
    count = 0
    for msg in mailbox.mbox(path):
        msg.get_payload(decode=True)
        count += bool(msg["Subject"])
    read_s = time.perf_counter() - started

    started, cpu = time.perf_counter(), time.process_time()
    with tempfile.TemporaryDirectory() as folder:
        database = sqlite3.connect(Path(folder, "mail.sqlite3"))
        database.execute(
            "CREATE TABLE mail (key TEXT, sender TEXT, subject TEXT, at TEXT, body TEXT)"
        )
        rows: list[tuple[str, str, str, str, str]] = []
        box = mailbox.mbox(path)
        for key in box.iterkeys():
            mail = message_from_bytes(box.get_bytes(key), policy=default)
            assert isinstance(mail, EmailMessage)
            part = mail.get_body(preferencelist=("plain", "html"))
            body = part.get_content() if part is not None else ""
            stamp = getattr(mail["Date"], "datetime", None)  # the parsed Date header
            at = stamp.isoformat() if stamp else ""
            key_, sender, subject = (str(mail[name]) for name in ("Message-ID", "From", "Subject"))
            rows.append((key_, sender, subject, at, body))
            if len(rows) >= 500:
                database.executemany("INSERT INTO mail VALUES (?, ?, ?, ?, ?)", rows)
                rows = []
        database.executemany("INSERT INTO mail VALUES (?, ?, ?, ?, ?)", rows)
        database.commit()
        added = database.execute("SELECT count(*) FROM mail").fetchone()[0]
        database.close()
    return {
        "seconds": time.perf_counter() - started,
        "cpu_seconds": time.process_time() - cpu,
        "read_seconds": read_s,
        "added": added,
        "read": count,
        "peak_rss_mb": peak_rss_mb(),
    }


def measure(kind: str, path: Path) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "REINSTATE_HOME": home}
        env.pop("DATABASE_URL", None)
        done = subprocess.run(
            [sys.executable, "-m", "bench.comms", kind, str(path)],
            capture_output=True,
            env=env,
            check=True,
        )
    figures: dict[str, float] = json.loads(done.stdout)
    return figures


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        small, large = Path(folder, "10k.mbox"), Path(folder, "20k.mbox")
        size = write_mbox(small, MESSAGES)
        write_mbox(large, 2 * MESSAGES)
        ours = measure("reinstate", small)
        ours_large = measure("reinstate", large)
        stdlib = measure("stdlib", small)
        stdlib_large = measure("stdlib", large)
    growth = ours_large["peak_rss_mb"] / ours["peak_rss_mb"]
    print(
        json.dumps(
            {
                "bench": "support log: import a 10,000-message .mbox into a case",
                "messages": MESSAGES,
                "file_mb": round(size / 1e6, 1),
                "import_s": round(ours["seconds"], 2),
                # Other work on the machine slows the wall clock; CPU time is the code's own.
                "import_cpu_s": round(ours["cpu_seconds"], 2),
                "rss_before_import_mb": round(ours["rss_before_mb"], 1),
                "imported": ours["added"],
                "peak_rss_mb_10k": round(ours["peak_rss_mb"], 1),
                "peak_rss_mb_20k": round(ours_large["peak_rss_mb"], 1),
                "baseline_stdlib_parse_into_sqlite_s": round(stdlib["seconds"], 2),
                "baseline_stdlib_parse_into_sqlite_cpu_s": round(stdlib["cpu_seconds"], 2),
                "baseline_stdlib_compat32_read_only_s": round(stdlib["read_seconds"], 2),
                "import_to_stdlib": round(ours["seconds"] / stdlib["seconds"], 3),
                "import_to_stdlib_cpu": round(ours["cpu_seconds"] / stdlib["cpu_seconds"], 3),
                "baseline_stdlib_peak_rss_mb_10k": round(stdlib["peak_rss_mb"], 1),
                "baseline_stdlib_peak_rss_mb_20k": round(stdlib_large["peak_rss_mb"], 1),
                "target_import_to_stdlib": IMPORT_TARGET_SHARE,
                "target_rss_growth_10k_to_20k": RSS_GROWTH_LIMIT,
                "rss_growth_10k_to_20k": round(growth, 2),
                "meets_target": ours["seconds"] <= IMPORT_TARGET_SHARE * stdlib["seconds"]
                and ours["added"] == MESSAGES
                and growth <= RSS_GROWTH_LIMIT,
            }
        )
    )


if __name__ == "__main__":
    if len(sys.argv) == 3:
        runner = run_reinstate if sys.argv[1] == "reinstate" else run_stdlib
        print(json.dumps(runner(Path(sys.argv[2]))))
    else:
        main()
