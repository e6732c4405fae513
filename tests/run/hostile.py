"""A folder of 60 good articles and one of each hostile input, written fresh for each test.

`HOSTILE` says, for each hostile input, the stored name and error code its record must carry
and a piece of text its message must contain (the input's path, its line or record number).
"""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path

FORCES = ["A Russian armoured column", "Ukrainian infantry units", "A convoy of fuel trucks",
          "Two artillery batteries", "A naval task group", "Belarusian reservists"]
VERBS = ["was seen moving towards", "withdrew from", "arrived near", "massed outside",
         "crossed the river north of", "was redeployed to"]
PLACES = ["Kupiansk", "Izium", "Kherson", "Zaporizhzhia", "Sumy", "Pokrovsk", "Odesa",
          "Mykolaiv", "Chernihiv", "Kramatorsk"]
SOURCES = ["the regional governor", "a military spokesman", "local officials",
           "a volunteer group", "the general staff"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def good_article(i: int) -> str:
    """A short news-like article, different for every i."""
    force, verb = FORCES[i % len(FORCES)], VERBS[(i // 2) % len(VERBS)]
    place, source = PLACES[i % len(PLACES)], SOURCES[i % len(SOURCES)]
    day = DAYS[i % len(DAYS)]
    return (
        f"{force} {verb} {place} on {day}, {source} said in report number {i}.\n\n"
        f"Residents described hearing engines through the night. Roads into {place} were "
        f"closed for {2 + i % 9} hours while the vehicles passed, and shops stayed shut.\n\n"
        f"Officials declined to say how many soldiers were involved in movement {i}."
    )


def write_good(folder: Path, n: int = 60) -> list[str]:
    """n good articles as .txt and .html files (some in a subfolder); their document names."""
    names = []
    (folder / "more").mkdir()
    for i in range(n):
        name = f"good-{i:02d}"
        text = good_article(i)
        if i % 3 == 0:
            paras = "".join(f"<p>{p}</p>" for p in text.split("\n\n"))
            body = f"<!doctype html><html><body><article>{paras}</article></body></html>"
            (folder / "more" / f"{name}.html").write_text(body, encoding="utf-8")
        else:
            (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        names.append(name)
    return names


# (stored name, code, text the message must contain) for each hostile input
HOSTILE = {
    "lone surrogate in a JSON line": ("surrogate", "W107", "rows.jsonl, line 1"),
    "title as a number": ("title-number", "W108", "rows.jsonl, line 2: title"),
    "title as a list": ("title-list", "W108", "rows.jsonl, line 3: title"),
    "url as an object": ("url-object", "W108", "rows.jsonl, line 4: url"),
    "published as a list": ("published-list", "W108", "rows.jsonl, line 5: published"),
    "published as a number": ("published-number", "W108", "rows.jsonl, line 6: published"),
    "published as words": ("published-words", "W108", "rows.jsonl, line 7: published"),
    "100,000-deep JSON line": ("rows-8", "E104", "rows.jsonl, line 8"),
    "NUL inside a JSON string": ("nul-in-json", "W107", "rows.jsonl, line 9"),
    "a line that is not JSON": ("rows-10", "E104", "rows.jsonl, line 10"),
    "NUL past the first 8 KB": ("late-nul", "W107", "late-nul.txt"),
    "WARC with an absurd Content-Length": ("absurd-2", "E100", "absurd.warc, record 2"),
    "WARC record longer than the archive": ("short-2", "W111", "short.warc, record 2"),
    "file name that is not UTF-8": ("caf\ufffd-report", "W109", "caf\ufffd-report.txt"),
    "a FIFO": ("pipe", "E106", "FIFO"),
    "a socket": ("sock", "E106", "socket"),
    "/dev/zero": ("zero", "E106", "character device"),
    "all-NUL input": ("zeros", "E102", ""),
    "a folder that cannot be listed": ("locked", "E100", "cannot be listed"),
}


def _warc_record(body: bytes, declared: int | None = None) -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
    length = len(http) if declared is None else declared
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://example.test/a\r\n"
        "WARC-Date: 2024-03-01T10:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {length}\r\n\r\n"
    ).encode()
    return head + http + b"\r\n\r\n"


def _rows() -> list[str]:
    text = "Border guards reported {} near Sumy on Friday, the regional office said."
    rows = [
        '{"id": "surrogate", "text": "Lone \\ud800 half of a pair, then ' + text.format("drones")
        + '"}',
        json.dumps({"id": "title-number", "text": text.format("tanks"), "title": 1234}),
        json.dumps({"id": "title-list", "text": text.format("trucks"), "title": ["a", "b"]}),
        json.dumps({"id": "url-object", "text": text.format("a column"), "url": {"x": 1}}),
        json.dumps({"id": "published-list", "text": text.format("jets"), "published": [2024]}),
        json.dumps({"id": "published-number", "text": text.format("buses"), "published": 7}),
        json.dumps({"id": "published-words", "text": text.format("boats"),
                    "published": "the day after tomorrow"}),
        '{"text": "deep", "a": ' + "[" * 100_000 + "]" * 100_000 + "}",
        '{"id": "nul-in-json", "text": "A NUL \\u0000 in the middle. ' + text.format("vans")
        + '"}',
        "{this line is not json",
    ]
    return rows


def _unlistable_folder(parent: Path) -> Path:
    """A folder whose listing fails. Root reads every folder whatever its mode, so as root the
    folder is made unlistable by a path longer than PATH_MAX (ENAMETOOLONG) instead."""
    top = parent / "locked"
    top.mkdir()
    if os.geteuid() != 0:
        (top / "inside.txt").write_text("Hidden text that cannot be reached.")
        top.chmod(0)
        return top
    fd = os.open(top, os.O_RDONLY)
    try:
        for _ in range(20):  # 20 x 250 characters: past the 4,096 of PATH_MAX
            name = "locked" + "x" * 244
            os.mkdir(name, dir_fd=fd)
            inner = os.open(name, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = inner
    finally:
        os.close(fd)
    return top


def write_hostile(folder: Path) -> None:
    """One of each hostile input of issue 17 in `folder`."""
    (folder / "rows.jsonl").write_text("\n".join(_rows()) + "\n", encoding="utf-8")
    late = "Supply lorries queued at the crossing for most of the morning. " * 140
    (folder / "late-nul.txt").write_bytes(late.encode() + b"\x00" + b" The queue cleared at noon.")
    page = b"<html><body><p>Sappers cleared the road near Lyman on Sunday.</p></body></html>"
    (folder / "absurd.warc").write_bytes(_warc_record(page) + _warc_record(page, 10**30))
    (folder / "short.warc").write_bytes(_warc_record(page) + _warc_record(page, 10**11))
    name = b"caf\xe9-report.txt"  # Latin-1, not UTF-8
    with open(os.path.join(os.fsencode(folder), name), "wb") as fh:
        fh.write(b"Engineers repaired the bridge at Kupiansk overnight, the mayor said.")
    os.mkfifo(folder / "pipe")
    with socket.socket(socket.AF_UNIX) as s:
        s.bind(str(folder / "sock"))
    (folder / "zero").symlink_to("/dev/zero")
    (folder / "zeros.txt").write_bytes(b"\x00" * 20_000)
    _unlistable_folder(folder)
    entries = "".join(
        f"<entry><title>Report {i}</title><link href='http://example.test/{i}'/>"
        f"<updated>2024-04-0{i}T08:00:00Z</updated><id>urn:r{i}</id>"
        f"<content type='text'>Patrol boats left the port of Odesa at dawn, report {i}.</content>"
        "</entry>"
        for i in (1, 2)
    )
    comment = "<!-- " + "a long internal comment " * 120 + "-->"  # a DOCTYPE over 2 KB
    (folder / "atom.xml").write_text(
        f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE feed [\n{comment}\n]>\n'
        f'<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>{entries}</feed>',
        encoding="utf-8",
    )
