"""Error codes, in one place. Each says what went wrong and what to do about it."""

from __future__ import annotations

from enum import StrEnum


class Code(StrEnum):
    READ_FAILED = "E100"  # the input could not be opened or read
    EMPTY_INPUT = "E101"  # nothing to extract from
    BINARY_INPUT = "E102"  # the bytes are not text in any encoding we try
    DECODE_FALLBACK = "W103"  # not UTF-8: decoded with a fallback codec (a warning)
    BAD_JSONL = "E104"  # a JSON Lines row that is not an object with text or html
    TOO_LARGE = "W105"  # longer than the configured limit: the tail was not analysed
    SPECIAL_FILE = "E106"  # a FIFO, device or socket: never opened, it could block or never end
    TEXT_REPAIRED = "W107"  # NULs removed or lone surrogates replaced so the text can be stored
    BAD_METADATA = "W108"  # a metadata field (title, url, published, id) was coerced or dropped
    BAD_FILE_NAME = "W109"  # the file name is not valid UTF-8: stored under a repaired name
    WARC_LENGTH = "W111"  # a WARC record claims more bytes than the archive holds
    HTML_NO_TEXT = "E110"  # the HTML page has no main text
    WRITE_FAILED = "E130"  # the store refused this document; only its error record is kept
    STEP_FAILED = "E200"  # a pipeline step raised; the message carries the exception
    TIMEOUT = "E201"  # the document took longer than the per-document time limit


HINTS: dict[Code, str] = {
    Code.READ_FAILED: "check that the path exists and is readable",
    Code.EMPTY_INPUT: "the file is empty or only whitespace; nothing to do",
    Code.BINARY_INPUT: "pass text, HTML, JSON Lines, WARC or a feed; this looks like binary data",
    Code.DECODE_FALLBACK: "save the file as UTF-8 to be sure every character is read right",
    Code.BAD_JSONL: "each line must be a JSON object with a 'text' or 'html' field",
    Code.TOO_LARGE: "split the input: only the part within the size limit was analysed",
    Code.SPECIAL_FILE: "pass regular files; to read a pipe, pass - and feed it on stdin",
    Code.TEXT_REPAIRED: "the input held characters no store can keep; evidence offsets refer to "
    "the repaired text",
    Code.BAD_METADATA: "give title and url as strings and published as a date (YYYY-MM-DD)",
    Code.BAD_FILE_NAME: "rename the file to a UTF-8 name",
    Code.WARC_LENGTH: "the archive is cut or its Content-Length is wrong; records after this "
    "one may be missing: fetch the archive again",
    Code.HTML_NO_TEXT: "the page may be a front page or need JavaScript; pass the article page",
    Code.STEP_FAILED: "this is a bug in sitrep: please report it with the input",
    Code.TIMEOUT: "raise the per-document time limit or split the input",
    Code.WRITE_FAILED: "this is a bug in sitrep: please report it with the input",
}


def message(code: Code, detail: str = "") -> str:
    """A message that says what happened and what to do."""
    text = f"{detail}; {HINTS[code]}" if detail else HINTS[code]
    return text


class SitrepError(Exception):
    """An error with a code, for the CLI and API to report."""

    def __init__(self, code: Code, detail: str = "") -> None:
        super().__init__(message(code, detail))
        self.code = code
