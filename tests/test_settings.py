from __future__ import annotations

from pathlib import Path

import pytest

from storyline.errors import ConfigError
from storyline.settings import SETTING_HELP, Settings, load_settings
from tests.conftest import REPO


def test_settings_every_setting_is_documented() -> None:
    documented = (REPO / "docs" / "settings.md").read_text(encoding="utf-8")
    missing = [name for name in SETTING_HELP if f"`{name}`" not in documented]
    assert not missing, f"add these settings to docs/settings.md: {missing}"


def test_settings_layers_file_then_environment_then_flags(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "storyline.toml"
    config.write_text("[storyline]\nmax_bytes = 1000\nshingle_words = 4\n", encoding="utf-8")
    monkeypatch.setenv("STORYLINE_SHINGLE_WORDS", "3")
    settings = load_settings(config_file=config, overrides={"duplicate_threshold": 0.7})
    assert (settings.max_bytes, settings.shingle_words, settings.duplicate_threshold) == (
        1000,
        3,
        0.7,
    )
    assert settings.nlp_batch_size == Settings().nlp_batch_size


def test_settings_unknown_key_names_the_file_and_the_known_keys(tmp_path: Path) -> None:
    config = tmp_path / "bad.toml"
    config.write_text("max_byte = 3\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"bad\.toml.*unknown setting 'max_byte'.*max_bytes"):
        load_settings(config_file=config)


def test_settings_wrong_type_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="must be int"):
        load_settings(overrides={"max_bytes": "lots"})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        *[("false", False), ("False", False), ("0", False), ("no", False), ("off", False)],
        *[("true", True), ("TRUE", True), ("1", True), ("yes", True), (" on ", True)],
    ],
)
def test_settings_bool_from_the_environment_reads_the_word(
    text: str, expected: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STORYLINE_FETCH_ALLOW_PRIVATE", text)
    assert load_settings().fetch_allow_private is expected


def test_settings_bool_from_toml_and_a_bad_word_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "storyline.toml"
    config.write_text("[storyline]\nfetch_allow_private = false\n", encoding="utf-8")
    assert load_settings(config_file=config).fetch_allow_private is False
    config.write_text('fetch_allow_private = "true"\n', encoding="utf-8")
    assert load_settings(config_file=config).fetch_allow_private is True
    monkeypatch.setenv("STORYLINE_FETCH_ALLOW_PRIVATE", "maybe")
    with pytest.raises(ConfigError, match=r"environment.*must be true or false.*'maybe'"):
        load_settings(config_file=config)


def test_settings_a_toml_bool_is_no_number(tmp_path: Path) -> None:
    config = tmp_path / "storyline.toml"
    config.write_text("max_bytes = true\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"storyline\.toml.*'max_bytes' must be int, got True"):
        load_settings(config_file=config)
