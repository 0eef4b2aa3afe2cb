"""The appeal packet's figures, run as its own process on an empty data folder:

    python -m bench.appeals     (REINSTATE_HOME must name an empty folder)

A case with 30 phone photos (12 MP JPEG, about 2.7 MB) and three 10-page PDF exhibits, a
strong appeal and an approved letter. Prints one JSON object: building the PDF packet
(`reinstate packet build` as a fresh process, and the build alone), its size, beside the route
document-assembly tools take: the same content as a .docx (python-docx) converted to PDF by
LibreOffice (`soffice --headless --convert-to pdf`). LibreOffice is installed from Debian
(libreoffice-writer-nogui) when missing; the figure is null when it cannot be.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.evidence import phone_photos

PDF_EXHIBITS = 3
PDF_PAGES = 10
RUNS = 3


def pdf_exhibit(folder: Path, number: int) -> Path:
    """A 10-page text PDF, as a delivery record or a bank statement would be."""
    import typst

    lines = "\n".join(
        f"+ Delivery {number}-{i}: 14:{i % 60:02d}, 12 Elm St, delivered" for i in range(40)
    )
    pages = "\n#pagebreak()\n".join(
        f"= Record {number}, page {p + 1}\n{lines}" for p in range(PDF_PAGES)
    )
    source = folder / f"record{number}.typ"
    source.write_text(pages)
    out = folder / f"record{number}.pdf"
    out.write_bytes(typst.compile(str(source)))
    return out


def make_case(photos: list[Path], pdfs: list[Path]) -> Any:
    from zoneinfo import ZoneInfo

    from django.core.management import call_command

    from reinstate.accounts.models import User
    from reinstate.appeals.actions import do_approve_letter, do_save_letter, do_set_appeal
    from reinstate.appeals.facts import first_draft
    from reinstate.cases.actions import do_open_case
    from reinstate.evidence.actions import do_add_evidence
    from reinstate.lib.notice_file import notice_from_text
    from reinstate.testing.appeal_samples import STRONG

    call_command("migrate", interactive=False, verbosity=0)
    user = User.objects.create_user(username="bench", time_zone="America/Los_Angeles")
    case = do_open_case(
        owner=user,
        notice=notice_from_text(
            "Your Amazon Flex account has been deactivated because you arrived late to the "
            "delivery station for several blocks."
        ),
        received=None,
        tz=ZoneInfo("America/Los_Angeles"),
    )
    for path in [*photos, *pdfs]:
        with path.open("rb") as source:
            do_add_evidence(case=case, actor=user, source=source, filename=path.name)
    do_set_appeal(case=case, data=STRONG, actor=user)
    letter = do_save_letter(case=case, text=first_draft(case), actor=user)
    do_approve_letter(letter=letter, actor=user)
    return case


def reinstate_cli_s(case_id: int, out: Path) -> list[float]:
    command = [
        str(Path(sys.executable).parent / "reinstate"),
        "packet",
        "build",
        str(case_id),
        "-o",
        str(out),
    ]
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return times


def baseline_docx(case: Any, work: Path) -> Path:
    """The same content as a .docx: Reinstate's own .docx packet (the letter, the index, each
    photo at page width and each PDF page as a picture). Written beforehand, not timed: the
    baseline's favour."""
    from django.utils import timezone

    from reinstate.appeals.packet_content import gather
    from reinstate.appeals.packet_docx import write_docx
    from reinstate.evidence.blobstore import default_store

    content = gather(case, store=default_store(), draft=False, now=timezone.now())
    path = work / "baseline.docx"
    write_docx(content, path)
    return path


def soffice() -> str | None:
    found = shutil.which("soffice")
    if found or not shutil.which("apt-get"):
        return found
    sudo = [] if os.geteuid() == 0 else ["sudo", "-n"]
    subprocess.run(
        [*sudo, "apt-get", "install", "-y", "--no-install-recommends", "libreoffice-writer-nogui"],
        capture_output=True,
        check=False,
    )
    return shutil.which("soffice")


def libreoffice_s(binary: str, docx: Path, work: Path) -> list[float]:
    profile = (work / "lo-profile").as_uri()
    command = [
        binary,
        f"-env:UserInstallation={profile}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(work / "lo"),
        str(docx),
    ]
    subprocess.run(
        command, capture_output=True, check=True, timeout=600
    )  # first start makes the profile
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True, timeout=600)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    home = Path(os.environ["REINSTATE_HOME"])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "reinstate.settings")
    import django

    django.setup()
    from django.db import connection

    from reinstate.appeals.packet_build import build_packet

    (home / "photos").mkdir()
    photos = phone_photos(home / "photos")
    pdfs = [pdf_exhibit(home / "photos", n) for n in range(1, PDF_EXHIBITS + 1)]
    case = make_case(photos, pdfs)
    work = Path(tempfile.mkdtemp(dir=home))
    out = work / "packet.pdf"
    # The first build in this process is what a running web server does when a driver builds
    # a packet: the code is loaded (the server imported it), but nothing of this case has been
    # through Typst or pypdf yet. No warm-up run: that would flatter the figure.
    import reinstate.appeals.views  # noqa: F401 - loaded, as in a running server

    start = time.perf_counter()
    packet = build_packet(case=case, fmt="pdf", draft=False, actor=None, out=out)
    first_build = time.perf_counter() - start
    rebuilds = []  # the same packet again, as after an edit to the letter
    for _ in range(RUNS):
        start = time.perf_counter()
        packet = build_packet(case=case, fmt="pdf", draft=False, actor=None, out=out)
        rebuilds.append(time.perf_counter() - start)
    connection.close()  # the command line opens its own
    cli = reinstate_cli_s(case.pk, out)
    docx = baseline_docx(case, work)
    binary = soffice()
    lo = libreoffice_s(binary, docx, work) if binary else None
    cli_s = statistics.median(cli)
    lo_s = statistics.median(lo) if lo else None
    json.dump(
        {
            "photos": len(photos),
            "pdf_exhibits": len(pdfs),
            "pages": packet.pages,
            "packet_mb": round(packet.bytes / 1e6, 2),
            "packet_cli_s_median": round(cli_s, 3),
            "packet_first_build_s": round(first_build, 3),
            "packet_rebuild_s_median": round(statistics.median(rebuilds), 3),
            "baseline_docx_mb": round(docx.stat().st_size / 1e6, 2),
            "baseline_libreoffice_s_median": round(lo_s, 3) if lo_s else None,
            # Both ratios: the web app builds in its running process (the first build there is
            # the figure); the command line also starts Python and Django, as LibreOffice
            # starts its own process for each conversion.
            "speedup_vs_cli": round(lo_s / cli_s, 1) if lo_s else None,
            "speedup_vs_build": round(lo_s / first_build, 1) if lo_s else None,
            "load_average_1m": round(os.getloadavg()[0], 1),  # other work slows both sides
        },
        sys.stdout,
    )


if __name__ == "__main__":
    main()
