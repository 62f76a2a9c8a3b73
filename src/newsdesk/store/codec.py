"""Model records <-> JSON text, driven by the dataclass type hints of ``newsdesk.model``.

The store keeps each ``Article``, ``ArticleAnnotations`` and cross-checked ``Story`` as
one JSON document, so a new model field needs no migration (missing keys fall back to
the dataclass default; unknown keys from a newer writer are ignored).
"""

from __future__ import annotations

import dataclasses
import json
import types
from functools import lru_cache
from typing import Any, TypeVar, Union, get_args, get_origin, get_type_hints

T = TypeVar("T")


def to_jsonable(obj: Any) -> Any:
    """A dataclass tree as plain dicts/lists (tuples become lists)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_jsonable(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, tuple | list):
        return [to_jsonable(x) for x in obj]
    return obj


@lru_cache(maxsize=64)
def _hints(cls: type) -> dict[str, Any]:
    return get_type_hints(cls)


def from_jsonable(tp: Any, data: Any) -> Any:
    """Rebuild a value of type ``tp`` (dataclass, tuple, optional, scalar) from JSON data."""
    if data is None:
        return None
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        hints = _hints(tp)
        names = {f.name for f in dataclasses.fields(tp) if f.init}
        return tp(**{k: from_jsonable(hints[k], v) for k, v in data.items() if k in names})
    origin = get_origin(tp)
    if origin is tuple:
        args = get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(from_jsonable(args[0], x) for x in data)
        return tuple(from_jsonable(a, x) for a, x in zip(args, data, strict=True))
    if origin in (Union, types.UnionType):
        options = [a for a in get_args(tp) if a is not type(None)]
        return from_jsonable(options[0], data) if len(options) == 1 else data
    return data


def dumps(obj: Any) -> str:
    """Compact, deterministic JSON for one record."""
    return json.dumps(to_jsonable(obj), ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def loads(tp: type[T], text: str | bytes) -> T:
    """The record of type ``tp`` that ``dumps`` wrote."""
    result: T = from_jsonable(tp, json.loads(text))
    return result
