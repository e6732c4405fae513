"""Ray inputs: listed on the driver, read on the workers.

The driver only turns the paths it is given into a list of input files (local paths made
absolute, or object-store URIs listed through pyarrow filesystems). Each read task opens its
files on a worker and splits them into documents with the local runner's readers (WARC
records, JSON Lines rows, feed entries), in blocks of a bounded number of documents.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

from sitrep.config import Config
from sitrep.errors import Code
from sitrep.ingest.detect import sniff
from sitrep.ingest.failures import error_doc
from sitrep.ingest.paths import expand
from sitrep.ingest.readers import HEAD_BYTES, read_bytes, read_paths
from sitrep.ingest.warc import read_warc
from sitrep.records import Document
from sitrep.serialize import document_to_json

URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def is_uri(ref: str) -> bool:
    return bool(URI.match(ref))


def list_inputs(paths: Iterable[str]) -> list[str]:
    """Every input file named by `paths` (files, folders, globs, URIs), in a stable order."""
    out: list[str] = []
    for p in paths:
        if p == "-":
            raise ValueError("Ray workers cannot read stdin: pass files, folders, globs or URIs")
        if is_uri(p):
            out.extend(_list_uri(p))
        else:
            out.extend(_local_ref(item) for item in expand([p]))
    return out


def _local_ref(item: Path | Document | None) -> str:
    """An absolute path for a worker to read; a path the listing already found unreadable is
    passed on too, so that the worker's reader records the same error."""
    if isinstance(item, Document):
        return str(Path(item.source.uri or item.name).absolute())
    assert item is not None  # stdin was refused above
    return str(item.absolute())


def _list_uri(uri: str) -> list[str]:
    """Files under an object-store URI (s3://, gs://, file://, ...); a missing one is kept so
    that its read task reports it."""
    from pyarrow import fs

    scheme = uri.split("://", 1)[0]
    filesystem, path = fs.FileSystem.from_uri(uri)
    if filesystem.get_file_info(path).type != fs.FileType.Directory:
        return [uri]
    found = filesystem.get_file_info(fs.FileSelector(path, recursive=True))
    files = sorted(
        i.path for i in found if i.type == fs.FileType.File and not i.base_name.startswith(".")
    )
    return [f"{scheme}://{f}" for f in files]


def read_input(ref: str, config: Config) -> Iterator[Document]:
    """The documents of one input file or URI (an error record when it cannot be opened)."""
    if not is_uri(ref):
        yield from read_paths([ref], config)
        return
    from pyarrow import fs

    name = Path(ref.split("://", 1)[1]).stem or ref
    try:
        filesystem, path = fs.FileSystem.from_uri(ref)
        with filesystem.open_input_file(path) as fh:
            head = fh.read(HEAD_BYTES)
            if sniff(head) == "warc":  # streamed record by record
                fh.seek(0)
                yield from read_warc(fh, name=name, uri=ref)
                return
            data = head + fh.read(max(config.max_input_bytes + 1 - len(head), 0))
    except (OSError, ValueError) as exc:  # pyarrow: FileNotFoundError, ArrowInvalid
        yield error_doc(name, ref, Code.READ_FAILED, str(exc))
        return
    yield from read_bytes(data, name=name, uri=ref, config=config)


def read_blocks(refs: list[str], config: Config, rows_per_block: int) -> Iterator[Any]:
    """Arrow blocks of serialized documents ({id, doc}) read from `refs`, on a worker."""
    import pyarrow as pa

    ids: list[str] = []
    docs: list[str] = []
    for ref in refs:
        for doc in read_input(ref, config):
            ids.append(doc.id)
            docs.append(document_to_json(doc))
            if len(ids) >= rows_per_block:
                yield pa.table({"id": ids, "doc": docs})
                ids, docs = [], []
    if ids:
        yield pa.table({"id": ids, "doc": docs})


def split_evenly(items: list[str], parts: int) -> list[list[str]]:
    """`items` in at most `parts` contiguous, non-empty groups of near-equal size."""
    parts = max(1, min(parts, len(items)))
    size, extra = divmod(len(items), parts)
    groups, start = [], 0
    for i in range(parts):
        end = start + size + (1 if i < extra else 0)
        groups.append(items[start:end])
        start = end
    return groups


def document_datasource(inputs: list[str], config: Config, rows_per_block: int = 64) -> Any:
    """A Ray Data datasource whose read tasks each read a share of `inputs` on a worker."""
    from ray.data.block import BlockMetadata
    from ray.data.datasource import Datasource, ReadTask

    class DocumentDatasource(Datasource):  # type: ignore[misc]
        def estimate_inmemory_data_size(self) -> int | None:
            return None

        def get_read_tasks(
            self, parallelism: int, per_task_row_limit: int | None = None, data_context: Any = None
        ) -> list[ReadTask]:
            return [
                ReadTask(
                    partial(read_blocks, group, config, rows_per_block),
                    BlockMetadata(
                        num_rows=None, size_bytes=None, exec_stats=None, input_files=tuple(group)
                    ),
                    per_task_row_limit=per_task_row_limit,
                )
                for group in split_evenly(inputs, parallelism)
            ]

    return DocumentDatasource()
