"""The gazetteer index falls back to the temp folder when its cache folder cannot be written."""

from __future__ import annotations

from pathlib import Path

import pytest


def test_unwritable_cache_folder_falls_back_to_temp(monkeypatch: pytest.MonkeyPatch,
                                                     tmp_path: Path) -> None:
    from sitrep.geo import gazetteer

    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("SITREP_CACHE", str(blocker / "cache"))
    monkeypatch.setattr(gazetteer.tempfile, "gettempdir", lambda: str(tmp_path / "tmp"))
    monkeypatch.setattr(gazetteer, "build_index", _fake_build)
    g = gazetteer.Gazetteer.__new__(gazetteer.Gazetteer)
    with pytest.raises(_Built) as built:
        gazetteer.Gazetteer.__init__(g)
    assert Path(str(built.value)).parent == tmp_path / "tmp" / "sitrep-cache"


class _Built(Exception):
    pass


def _fake_build(path: Path) -> Path:
    path.parent.mkdir(parents=True)  # raises NotADirectoryError under a file, like a real build
    raise _Built(str(path))
