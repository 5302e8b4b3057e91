"""The data files' YAML reader keeps bare words such as `off` and `on` as words."""
from __future__ import annotations

import pytest
import yaml

from eventwire import datafile
from eventwire.coding.engine import load_modality
from eventwire.geo.resolve import load_place_words


def test_yaml_1_1_booleans_stay_words() -> None:
    data = datafile.load("preps: [into, off, on, yes, no, y, n]\non: 2\nflag: true\nother: False\n")
    assert data["preps"] == ["into", "off", "on", "yes", "no", "y", "n"]
    assert data["on"] == 2
    assert data["flag"] is True and data["other"] is False


def test_plain_pyyaml_would_have_read_them_as_booleans() -> None:
    # the reason the reader exists: if this ever stops holding, the module can go
    assert yaml.safe_load("[off, on]") == [False, True]


def test_syntax_errors_still_carry_their_line() -> None:
    with pytest.raises(yaml.YAMLError) as err:
        datafile.load("a: [1, 2\nb: 3\n")
    assert err.value.problem_mark is not None


def test_bundled_files_keep_their_prepositions() -> None:
    words = load_place_words()
    assert words.prepositions["on"] == 2 and words.prepositions["off"] == 2
    assert "off" in load_modality()["test_launches"]["preps"]
