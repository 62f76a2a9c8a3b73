"""newsdesk: cross-checked stories from piles of news articles.

``import newsdesk`` is cheap: it loads no model. The library entry point is
:func:`newsdesk.pipeline.analyze`.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
