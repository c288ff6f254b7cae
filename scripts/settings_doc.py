"""Write docs/settings.md from the one declaration of settings (storyline.settings)."""

from __future__ import annotations

from pathlib import Path

from storyline.settings import SETTING_HELP, Settings

HEADER = """# Settings

Every tunable value storyline uses. Values are resolved in this order, later winning:
the defaults below, a TOML file given with `--config FILE` (keys at the top level or under
`[storyline]`), environment variables `STORYLINE_<NAME>` (for example
`STORYLINE_MAX_BYTES=5000000`), then command-line flags. A yes/no setting takes `true` or
`false` (in an environment variable also `yes`/`no`, `on`/`off`, `1`/`0`, any case).

This file is generated: `python scripts/settings_doc.py`.

| setting | default | meaning |
|---|---|---|
"""


def main() -> None:
    defaults = Settings()
    rows = [
        f"| `{name}` | `{getattr(defaults, name)!r}` | {text} |"
        for name, text in SETTING_HELP.items()
    ]
    path = Path(__file__).resolve().parent.parent / "docs" / "settings.md"
    path.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
