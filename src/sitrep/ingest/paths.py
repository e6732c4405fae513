"""What the command line names: files, folders (walked in sorted order), globs and stdin.

Only regular files are opened. FIFOs, devices and sockets are refused from `os.stat` before
any `open` (reading one could block forever or never end), and a folder that cannot be listed
becomes an error record instead of a silent gap.
"""

from __future__ import annotations

import glob
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from sitrep.errors import Code
from sitrep.ingest.failures import error_doc
from sitrep.records import Document

Input = Path | None | Document  # a file, stdin (None), or the error record of what cannot be read

_SPECIAL = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a link to a folder (links to folders are not followed)"),
)


def expand(paths: Iterable[str]) -> Iterator[Input]:
    """Files named by paths, folders (recursive, sorted) and globs; None stands for stdin."""
    for p in paths:
        if p == "-":
            yield None
            continue
        path = Path(p)
        if path.is_dir():
            yield from walk(path)
        elif any(ch in p for ch in "*?[") and not path.exists():
            matches = sorted(glob.glob(p, recursive=True))
            yield from (Path(m) for m in matches if not os.path.isdir(m))
        else:
            yield path


def walk(folder: Path) -> Iterator[Path | Document]:
    """Every non-hidden file under `folder`, depth first in name order; unlistable folders
    become error records. Symbolic links to folders are not followed (no loops)."""
    stack: list[Iterator[os.DirEntry[str]]] = []
    listed = _list(folder)
    if isinstance(listed, Document):
        yield listed
        return
    stack.append(iter(listed))
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        if not _entry_is_dir(entry):
            if not entry.name.startswith("."):
                yield Path(entry.path)
            continue
        listed = _list(Path(entry.path))
        if isinstance(listed, Document):
            yield listed
        else:
            stack.append(iter(listed))


def refuse_special(path: Path, name: str) -> Document | None:
    """The error record for a path that is not a regular file (checked without opening it)."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        return error_doc(name, str(path), Code.READ_FAILED, f"{path}: {exc.strerror or exc}")
    return special_file_error(path, name, mode)


def special_file_error(path: Path, name: str, mode: int) -> Document | None:
    if stat.S_ISREG(mode):
        return None
    what = next((label for test, label in _SPECIAL if test(mode)), "not a regular file")
    return error_doc(name, str(path), Code.SPECIAL_FILE, f"{path} is {what}: not read")


def _list(folder: Path) -> list[os.DirEntry[str]] | Document:
    try:
        with os.scandir(folder) as it:
            return sorted(it, key=lambda e: e.name)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return error_doc(
            folder.name or str(folder),
            str(folder),
            Code.READ_FAILED,
            f"the folder {folder} cannot be listed ({reason}): its files were not read",
        )


def _entry_is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False
