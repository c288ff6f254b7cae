from __future__ import annotations

import storyline


def test_public_api_all_is_sorted_and_complete() -> None:
    assert storyline.__all__ == sorted(storyline.__all__)
    for name in storyline.__all__:
        assert getattr(storyline, name) is not None
    public = {
        name
        for name, value in vars(storyline).items()
        if not name.startswith("_") and getattr(value, "__module__", "").startswith("storyline.")
    }
    assert public <= set(storyline.__all__), public - set(storyline.__all__)
