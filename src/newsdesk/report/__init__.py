"""Rendering of a ``Report``: JSON contract, Markdown brief, self-contained HTML.

Nothing in a stage imports this package (report sits at the end of the data flow).
"""

from __future__ import annotations

from newsdesk.report.html import render_html
from newsdesk.report.json import render_json, report_to_dict
from newsdesk.report.markdown import render_markdown
from newsdesk.report.writer import write_outputs

__all__ = ["render_html", "render_json", "render_markdown", "report_to_dict", "write_outputs"]


def schema_path() -> str:
    """Path of the JSON Schema file for ``newsdesk.report/1``."""
    from importlib.resources import files

    return str(files("newsdesk") / "schema" / "report.schema.json")
