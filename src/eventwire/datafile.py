"""YAML for the data files, read the way their authors mean it.

PyYAML follows YAML 1.1, where a bare `on`, `off`, `yes`, `no`, `y` or `n` is a boolean: a list
of prepositions `[into, off]` silently held `False`, and a mapping key `on:` became `True`. The data
files here mean a boolean only by `true` or `false`, so this loader resolves booleans the YAML 1.2
way and every other bare word stays a string.
"""
from __future__ import annotations

import re
from typing import Any

import yaml

_BOOL = "tag:yaml.org,2002:bool"


class DataLoader(yaml.SafeLoader):
    """`yaml.SafeLoader` with YAML 1.2 booleans (only true/false in their three casings)."""


DataLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != _BOOL]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
DataLoader.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def load(text: str) -> Any:
    """Parse one YAML document as data (raises yaml.YAMLError with its mark on bad syntax)."""
    return yaml.load(text, Loader=DataLoader)


def compose(text: str) -> yaml.Node | None:
    """The node tree of `text`, for line numbers of keys and items."""
    return yaml.compose(text, Loader=DataLoader)
