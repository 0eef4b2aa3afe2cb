"""A readable copy of a PDF that pypdf refuses but poppler opens (a lost cross-reference
table, a trailer cut short): poppler rebuilds what it can and writes it again (pdftocairo).

Pure: no Django. The original stays the evidence (its SHA-256 is the record); the repaired
copy is derived data, made where it is needed (when a file is added, to count its pages and
read its text; when a packet is built, to merge its pages) in a folder that goes away after,
so nothing more is stored, verified or purged. It is rare enough that making it twice costs
nothing worth keeping a file for.

poppler runs in its own process with a time limit, and a limit on the size of what it writes
(RLIMIT_FSIZE: the process is stopped as it passes it), so a hostile file can neither hang a
build nor fill the disk.
"""

from __future__ import annotations

import resource
import shutil
import subprocess
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import DependencyError, PyPdfError

# What opening a damaged or strange PDF can raise. DependencyError is not a PyPdfError: it is
# what pypdf raises for an encryption it has no library for (cryptography is installed, so this
# is a last guard, not the way AES is read).
PDF_ERRORS = (PyPdfError, DependencyError, OSError, ValueError, KeyError, TypeError)
REPAIR_SECONDS = 60
REPAIR_MAX_BYTES = 200 * 1024 * 1024


def repair_pdf(
    source: Path,
    target: Path,
    *,
    seconds: float = REPAIR_SECONDS,
    max_bytes: int = REPAIR_MAX_BYTES,
) -> bool:
    """Write poppler's reading of `source` to `target`; whether it wrote a whole file. On any
    failure (no poppler, a file it cannot read either, too slow, too large) `target` is gone."""
    pdftocairo = shutil.which("pdftocairo")
    if pdftocairo is None:
        return False

    def bounded() -> None:  # in the child, before poppler starts
        resource.setrlimit(resource.RLIMIT_FSIZE, (max_bytes, max_bytes))

    try:
        # The arguments are our own: the tool's path and two paths we were given.
        done = subprocess.run(  # noqa: S603
            [pdftocairo, "-pdf", str(source), str(target)],
            capture_output=True,
            timeout=seconds,
            preexec_fn=bounded,  # it only sets a limit: safe beside other threads
            check=False,
        )
    except (subprocess.SubprocessError, OSError):
        target.unlink(missing_ok=True)
        return False
    if done.returncode != 0 or not target.is_file() or target.stat().st_size == 0:
        target.unlink(missing_ok=True)
        return False
    return True


def open_repaired(source: Path, work: Path) -> PdfReader | None:
    """pypdf's reading of poppler's repaired copy of `source` (written in `work`), with its
    pages counted; None when there is no such copy or pypdf refuses it too. The whole copy is
    read into memory, so `work` may be removed after."""
    target = work / f"repaired-{source.name}.pdf"
    if not repair_pdf(source, target):
        return None
    try:
        reader = PdfReader(target, strict=False)
        if reader.is_encrypted or len(reader.pages) == 0:
            return None
        return reader
    except PDF_ERRORS:
        return None
    finally:
        target.unlink(missing_ok=True)
