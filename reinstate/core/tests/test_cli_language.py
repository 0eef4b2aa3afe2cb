"""The command line speaks the language asked for (`--lang`) or the locale's; JSON stays as is."""

from __future__ import annotations

from pathlib import Path

import pytest

from reinstate.cli import chosen_language
from reinstate.testing import files
from reinstate.testing.cli import Result, ok, process_env, reinstate, run_process
from reinstate.testing.notices import FLEX_LATE

RECEIVED = "2026-11-02T16:00:00-08:00"


@pytest.mark.parametrize(
    ("args", "environ", "expected"),
    [
        (["case", "list"], {}, ("en", ["case", "list"])),
        (["--lang", "es", "case", "list"], {}, ("es", ["case", "list"])),
        (["case", "list", "--lang=es"], {"LANG": "en_US.UTF-8"}, ("es", ["case", "list"])),
        (["case", "list"], {"LANG": "es_US.UTF-8"}, ("es", ["case", "list"])),
        (["case", "list"], {"LANGUAGE": "es:en", "LANG": "en_US.UTF-8"}, ("es", ["case", "list"])),
        (["case", "list"], {"LC_ALL": "C.UTF-8", "LANG": "es_MX.UTF-8"}, ("en", ["case", "list"])),
        (["case", "list"], {"LANG": "fr_FR.UTF-8"}, ("en", ["case", "list"])),
        (["--lang", "ES-us", "notice", "read"], {}, ("es", ["notice", "read"])),
    ],
)
def test_it_takes_the_language_from_the_flag_then_the_locale(
    args: list[str], environ: dict[str, str], expected: tuple[str, list[str]]
) -> None:
    assert chosen_language(args, environ) == expected


# The messages follow --lang; the JSON does not ------------------------------------------------


@pytest.fixture
def case(home: Path, tmp_path: Path) -> str:
    """A user and a case (a late check-in on Flex, weeks ago), made on the command line;
    returns the case id."""
    ok(reinstate("user", "add", "dana", "--tz", "America/Los_Angeles"))
    notice = tmp_path / "notice.txt"
    notice.write_text(FLEX_LATE)
    new = ["case", "new", "--user", "dana", "--notice", str(notice), "--received", RECEIVED]
    return str(ok(reinstate(*new))["id"])


def one_error_line(result: Result) -> str:
    assert result.returncode == 2, result
    assert result.stdout == "" or result.stdout.lstrip().startswith(("[", "{")), result
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result
    return lines[0]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("args", "english", "spanish"),
    [
        (
            ["case", "list", "--user", "nobody"],
            "Error: No user named 'nobody'. Create one with: reinstate user add nobody",
            "Error: No hay ningún usuario llamado 'nobody'. Créalo con: reinstate user add nobody",
        ),
        (
            ["case", "show", "999"],
            "Error: No case 999. See your cases with: reinstate case list --user NAME",
            "Error: No existe el caso 999. Mira tus casos con: reinstate case list --user NAME",
        ),
        (
            ["case", "close", "CASE", "--outcome", "reinstated", "--on", "soon"],
            "Error: --on 'soon' is not a date: use YYYY-MM-DD, e.g. 2026-11-20.",
            "Error: --on 'soon' no es una fecha: usa YYYY-MM-DD, por ejemplo, 2026-11-20.",
        ),
        (
            ["case", "received", "CASE", "yesterday"],
            "Error: The time 'yesterday' is not a date and time: use ISO 8601, "
            "e.g. 2026-11-20T09:30:00-05:00.",
            "Error: La hora 'yesterday' no es una fecha y hora: usa ISO 8601, "
            "por ejemplo, 2026-11-20T09:30:00-05:00.",
        ),
        (
            ["comms", "add", "CASE", "--channel", "email", "--at", "soon", "--summary", "x"],
            "Error: --at 'soon' is not a date and time: use ISO 8601, "
            "e.g. 2026-11-03T10:30:00-08:00.",
            "Error: --at 'soon' no es una fecha y hora: usa ISO 8601, "
            "por ejemplo, 2026-11-03T10:30:00-08:00.",
        ),
        (
            ["evidence", "add", "CASE", "missing.jpg"],
            "Error: No such file: missing.jpg",
            "Error: No existe el archivo: missing.jpg",
        ),
        (
            ["appeal", "set", "CASE", "missing.toml"],
            "Error: No file missing.toml.",
            "Error: No existe el archivo missing.toml.",
        ),
        (
            ["user", "set", "dana", "--account", "flex"],
            "Error: Write --account as PLATFORM=EMAIL_OR_PHONE, not 'flex'.",
            "Error: Escribe --account como PLATFORM=EMAIL_OR_PHONE, no 'flex'.",
        ),
        (
            ["user", "delete", "dana"],
            "Error: This deletes dana and all their data for good. Add --yes to do it.",
            "Error: Esto elimina a dana y todos sus datos para siempre. Agrega --yes para hacerlo.",
        ),
    ],
)
def test_it_writes_the_error_line_in_the_language_asked_for(
    case: str, args: list[str], english: str, spanish: str
) -> None:
    args = [case if word == "CASE" else word for word in args]
    assert one_error_line(reinstate(*args)) == english
    assert one_error_line(reinstate("--lang", "es", *args)) == spanish
    assert one_error_line(reinstate(*args, "--lang=en")) == english


@pytest.mark.django_db
def test_it_translates_the_reason_a_service_refused_a_file(case: str, tmp_path: Path) -> None:
    page = tmp_path / "page.png"
    page.write_bytes(files.HTML_AS_PNG)
    english = one_error_line(reinstate("evidence", "add", case, str(page)))
    spanish = one_error_line(reinstate("--lang", "es", "evidence", "add", case, str(page)))
    assert english.startswith("Error: page.png: This file is a web page")
    assert spanish.startswith("Error: page.png: Este archivo es una página web")


@pytest.mark.django_db
def test_notice_read_answers_in_spanish_through_django(home: Path) -> None:
    args = ["notice", "read", "-", "--tz", "Mars/Base"]
    english = one_error_line(reinstate(*args, stdin=FLEX_LATE))
    spanish = one_error_line(reinstate("--lang", "es", *args, stdin=FLEX_LATE))
    assert english.startswith("Error: Unknown time zone 'Mars/Base'")
    assert spanish.startswith("Error: Zona horaria desconocida: 'Mars/Base'")
    missing = one_error_line(reinstate("--lang", "es", "notice", "read", "nowhere.txt"))
    assert missing == "Error: No existe el archivo: nowhere.txt"


@pytest.mark.django_db
def test_it_leaves_argparse_words_alone_and_translates_the_hint(home: Path) -> None:
    english = one_error_line(reinstate("case", "new", "--user", "dana"))
    spanish = one_error_line(reinstate("--lang", "es", "case", "new", "--user", "dana"))
    assert english.endswith("--notice (see --help)")
    assert spanish == english.replace("(see --help)", "(mira --help)")


@pytest.mark.django_db
def test_the_json_is_the_same_in_every_language(case: str, tmp_path: Path) -> None:
    photo = tmp_path / "p.jpg"
    photo.write_bytes(files.jpeg())
    ok(reinstate("evidence", "add", case, str(photo)))
    received = ["--received", RECEIVED, "--tz", "America/Los_Angeles"]
    options = [option["key"] for option in ok(reinstate("next", case))["options"]]
    # Some options are done elsewhere (a form on the platform's site) and have no draft.
    drafts = [
        ["draft", case, key] for key in options if reinstate("draft", case, key).returncode == 0
    ]
    assert drafts
    for args, stdin in [
        (["case", "show", case], ""),
        (["case", "list", "--user", "dana"], ""),
        (["evidence", "list", case], ""),
        (["next", case], ""),
        *((args, "") for args in drafts),
        (["appeal", "check", case], ""),
        (["notice", "read", "-", *received], FLEX_LATE),
    ]:
        english = ok(reinstate(*args, stdin=stdin))
        assert ok(reinstate("--lang", "es", *args, stdin=stdin)) == english, args


@pytest.mark.django_db
def test_sending_and_deciding_print_the_same_json_in_every_language(
    case: str, tmp_path: Path
) -> None:
    granted = tmp_path / "granted.txt"
    granted.write_text(
        "Good news! After reviewing your appeal, we've reactivated your Amazon Flex account."
    )
    sent = ["appeal", "sent", case, "--at", "2026-11-04T10:00:00", "--channel", "email"]
    decided = ["case", "decision", case, "--outcome", "denied", "--notice", str(granted)]
    for args, ids in [(sent, ("sending", "id")), (decided, ("decision", "id"))]:
        english = ok(reinstate(*args))
        spanish = ok(reinstate("--lang", "es", *args))
        english[ids[0]].pop(ids[1])
        spanish[ids[0]].pop(ids[1])
        assert spanish == english, args
    assert english["warning"].startswith("Their message reads as if your appeal was granted.")


@pytest.mark.parametrize(
    ("args", "stdin", "spanish"),
    [
        (
            ["case", "show", "42"],
            None,
            "Error: No existe el caso 42. Mira tus casos con: reinstate case list --user NAME",
        ),
        (
            ["notice", "read", "-", "--tz", "Mars/Base"],
            FLEX_LATE,
            "Error: Zona horaria desconocida",
        ),
    ],
)
def test_a_real_process_speaks_the_language_of_its_locale(
    tmp_path: Path, args: list[str], stdin: str | None, spanish: str
) -> None:
    env = process_env(tmp_path / "home", migrated=True) | {"LANG": "es_US.UTF-8"}
    result = run_process(env, *args, stdin=stdin)
    assert result.returncode == 2
    assert result.stderr.decode().strip().startswith(spanish)
    assert len(result.stderr.splitlines()) == 1 and result.stdout == b""
