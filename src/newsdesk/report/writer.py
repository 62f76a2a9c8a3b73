"""Atomic output: every file is written to a temp file in the same folder, then renamed.

An interrupted run never leaves a half-written report: either the old file or the new
one is there. All three outputs are rendered in memory first, so a rendering error
writes nothing at all.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from newsdesk.errors import NewsdeskError
from newsdesk.model import Report


def _file_mode(path: Path) -> int:
    """The permissions ``path`` is written with: the old file's where it exists, else
    what ``open`` would give a new file (0o666 less the umask), not the temp file's 0o600:
    a report other users or a web server read stays readable."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        mask = os.umask(0o022)  # read it: the only way is to set it, at once put back
        os.umask(mask)
        return 0o666 & ~mask


def write_atomic(path: Path, content: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = _file_mode(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(content)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_outputs(report: Report, out_dir: str | Path) -> list[Path]:
    """Write report.json, brief.md and report.html into ``out_dir``; returns their paths."""
    from newsdesk.report.html import render_html
    from newsdesk.report.json import render_json
    from newsdesk.report.markdown import render_markdown
    from newsdesk.report.view import story_views

    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise NewsdeskError(f"{out}: output path exists and is not a folder")
    views = story_views(report)  # both renderers show the same views: built once
    rendered = {
        "report.json": render_json(report),
        "brief.md": render_markdown(report, views),
        "report.html": render_html(report, views),
    }
    paths = []
    for name, content in rendered.items():
        write_atomic(out / name, content)
        paths.append(out / name)
    return paths
