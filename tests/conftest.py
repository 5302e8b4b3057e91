"""Shared fixtures: a small raw dump in the scraped style, written for these tests."""
from __future__ import annotations

from pathlib import Path

import pytest

DUMP = """Kenya and Ethiopia Sign Border Security Pact in Nairobi

Kenyan and Ethiopian officials shake hands after the signing ceremony in Nairobi. (AFP)
Kenyan and Ethiopian officials shake hands after the signing ceremony in Nairobi. (AFP)
AA

Kenya and Ethiopia Sign Border Security Pact in Nairobi

Kenyan and Ethiopian officials shake hands after the signing ceremony in Nairobi. (AFP)
Kenyan and Ethiopian officials shake hands after the signing ceremony in Nairobi. (AFP)

Kenya and Ethiopia signed a border security agreement on Tuesday, officials said.

Kenyan Interior Minister Kipchumba Murkomen met his Ethiopian counterpart in Nairobi to discuss cattle raids along the shared frontier.

The two ministers agreed to set up joint patrols, a statement from the Kenyan ministry said.



Police Detain Dozens After Protest in Dhaka

Riot police stand guard outside the parliament building in Dhaka. (Reuters)
Riot police stand guard outside the parliament building in Dhaka. (Reuters)
TT

Police Detain Dozens After Protest in Dhaka

Riot police stand guard outside the parliament building in Dhaka. (Reuters)
Riot police stand guard outside the parliament building in Dhaka. (Reuters)

Bangladeshi police detained dozens of students on Sunday after a protest against a new quota law turned violent in Dhaka.

Officers fired tear gas to disperse the crowd near the university campus, witnesses said.

Officers fired tear gas to disperse the crowd near the university campus, witnesses said.
"""


@pytest.fixture
def dump_file(tmp_path: Path) -> Path:
    path = tmp_path / "dump.txt"
    path.write_text(DUMP, encoding="utf-8")
    return path


@pytest.fixture
def db_path(tmp_path: Path) -> str:
    return str(tmp_path / "test.duckdb")
