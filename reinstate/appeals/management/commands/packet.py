"""reinstate packet build CASE -o OUT [--format pdf|txt|docx] [--draft]"""

from __future__ import annotations

from argparse import ArgumentParser
from dataclasses import asdict
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _

from reinstate.appeals.packet_build import FORMATS, build_packet
from reinstate.appeals.packet_content import PacketRefused
from reinstate.appeals.packet_text import character_count
from reinstate.cases.queries import case_numbered
from reinstate.core.cli import Error, JsonCommand


class Command(JsonCommand):
    help = "Build a case's appeal packet."

    def add_arguments(self, parser: ArgumentParser) -> None:
        actions = self.add_subcommands(parser)
        build = actions.add_parser("build", help="write the packet to a file")
        build.add_argument("case", type=int)
        build.add_argument("-o", "--output", required=True, type=Path)
        build.add_argument(
            "--format", choices=FORMATS, help="default: from OUT's extension, else pdf"
        )
        build.add_argument(
            "--draft",
            action="store_true",
            help="build without an approved letter; every page says DRAFT",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        case = case_numbered(options["case"])
        out: Path = options["output"]
        fmt = options["format"] or (
            out.suffix[1:].lower() if out.suffix[1:].lower() in FORMATS else "pdf"
        )
        if out.is_dir():
            raise Error(
                _("%(path)s is a folder: give a file name, e.g. %(example)s.")
                % {"path": out, "example": out / f"appeal.{fmt}"}
            )
        if not out.parent.is_dir():
            raise Error(
                _("No folder %(folder)s to write %(file)s into.")
                % {"folder": out.parent, "file": out.name}
            )
        try:
            packet = build_packet(case=case, fmt=fmt, draft=options["draft"], actor=None, out=out)
        except PacketRefused as error:
            raise Error(str(error)) from None
        payload: dict[str, Any] = {
            "path": str(out),
            "format": fmt,
            "pages": packet.pages,
            "bytes": packet.bytes,
            "exhibits": packet.exhibits,
            "sha256": packet.sha256,
            "draft": packet.draft,
        }
        if fmt == "txt":
            count = character_count(out.read_text(encoding="utf-8"), limit=settings.WEB_FORM_LIMIT)
            payload |= asdict(count)
        self.emit(payload)
