"""`reinstate backup` and `reinstate restore` on the command line: the manifest, refusing to
overwrite, keeping N copies, and bad input (one line on stderr, exit 2, nothing changed).
The drill under writes is test_backup_drill.py."""

from __future__ import annotations

import io
import json
import tarfile
from pathlib import Path

import pytest
from django.db import connection

from reinstate.accounts.models import User
from reinstate.compose.backup.archive import FORMAT
from reinstate.evidence.blobstore import default_store
from reinstate.testing import files
from reinstate.testing.cli import reinstate
from reinstate.testing.evidence import add_file
from reinstate.testing.notices import FLEX_LATE

# The backup reads the database as another connection would: only what is committed.
pytestmark = pytest.mark.django_db(transaction=True)


def one_line_error(*args: str) -> str:
    result = reinstate(*args)
    assert result.returncode == 2, result
    assert len(result.stderr.strip().splitlines()) == 1 and result.stdout == ""
    return result.stderr


def test_the_manifest_lists_every_file_with_its_hash(
    driver: User, open_case, tmp_path: Path
) -> None:
    add_file(open_case(driver, FLEX_LATE), files.jpeg(), "door.jpg")
    out = tmp_path / "out"
    out.mkdir()
    made = reinstate("backup", "-o", str(out / "b.tar")).json()
    assert made["originals"] == 1 and made["bytes"] == (out / "b.tar").stat().st_size
    with tarfile.open(out / "b.tar") as tar:
        manifest = json.loads(tar.extractfile("manifest.json").read())  # type: ignore[union-attr]
        names = tar.getnames()
    assert manifest["format"] == FORMAT and manifest["version"] == 1
    assert manifest["database"]["engine"] in ("sqlite", "postgresql")
    assert {f["path"] for f in manifest["files"]} | {"manifest.json"} == set(names)
    assert all(len(f["sha256"]) == 64 and f["bytes"] >= 0 for f in manifest["files"])
    assert list(out.iterdir()) == [out / "b.tar"]  # no temporary file left


def test_an_existing_file_is_kept_unless_forced(transactional_db: None, tmp_path: Path) -> None:
    out = tmp_path / "b.tar"
    out.write_bytes(b"yesterday's backup")
    assert "--force" in one_line_error("backup", "-o", str(out))
    assert out.read_bytes() == b"yesterday's backup"
    assert reinstate("backup", "-o", str(out), "--force").json()["file"] == str(out)
    assert tarfile.is_tarfile(out)


def test_a_folder_keeps_the_newest_n(transactional_db: None, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not a backup: never removed")
    made = [reinstate("backup", "--dir", str(tmp_path), "--keep", "2").json() for _ in range(3)]
    assert made[2]["removed"] == [made[0]["file"]]
    kept = sorted(p.name for p in tmp_path.iterdir())
    assert kept == sorted([Path(made[1]["file"]).name, Path(made[2]["file"]).name, "notes.txt"])
    assert "--keep" in one_line_error("backup", "-o", str(tmp_path / "x.tar"), "--keep", "1")


def test_without_pg_dump_a_postgresql_backup_says_so(
    transactional_db: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only (DATABASE_URL)")
    monkeypatch.setenv("PATH", str(tmp_path))  # no pg_dump on it
    assert "pg_dump is not on PATH" in one_line_error("backup", "-o", str(tmp_path / "b.tar"))
    assert list(tmp_path.iterdir()) == []


def tar_with(path: Path, manifest: dict[str, object] | None) -> Path:
    with tarfile.open(path, "w") as tar:
        data = json.dumps(manifest).encode() if manifest is not None else b"hello"
        info = tarfile.TarInfo("manifest.json" if manifest is not None else "hello.txt")
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    return path


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p / "missing.tar", "No backup file"),
        (lambda p: (p / "notes.txt", p.joinpath("notes.txt").write_text("hi"))[0], "not a tar"),
        (lambda p: tar_with(p / "other.tar", None), "not a Reinstate backup"),
        (
            lambda p: tar_with(p / "new.tar", {"format": FORMAT, "version": 99, "files": []}),
            "format 99",
        ),
        (
            lambda p: tar_with(
                p / "evil.tar",
                {
                    "format": FORMAT,
                    "version": 1,
                    "files": [{"path": "../../etc/x", "bytes": 1, "sha256": "0" * 64}],
                },
            ),
            "malformed",
        ),
    ],
)
def test_bad_input_is_one_line_and_changes_nothing(
    db: None, tmp_path: Path, home: Path, make, message: str
) -> None:
    before = sorted(home.rglob("*")) if home.exists() else []
    assert message in one_line_error("restore", str(make(tmp_path)))
    assert (sorted(home.rglob("*")) if home.exists() else []) == before


def test_an_original_held_aside_by_a_deletion_in_progress_is_still_copied(
    driver: User, open_case, tmp_path: Path
) -> None:
    # A deletion moves the original to the trash before its row goes: a snapshot taken in
    # between still names it, so the backup takes it from there.
    added = add_file(open_case(driver, FLEX_LATE), files.jpeg(), "door.jpg")
    sha = added.item.blob.sha256
    default_store().trash(sha)
    reinstate("backup", "-o", str(tmp_path / "b.tar")).json()
    with tarfile.open(tmp_path / "b.tar") as tar:
        assert tar.extractfile(f"blobs/{sha[:2]}/{sha[2:4]}/{sha}").read() == files.jpeg()  # type: ignore[union-attr]
    # Gone for good between the snapshot and the copy (each try): a clear failure, no file.
    next(default_store().trash_dir.iterdir()).unlink()
    result = reinstate("backup", "-o", str(tmp_path / "c.tar"))
    assert result.returncode == 1 and f"original {sha} was deleted" in result.stderr
    assert not (tmp_path / "c.tar").exists()
