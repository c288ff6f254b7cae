"""Build core types directly, so tests of one stage need not run the others."""

from __future__ import annotations

from storyline.model import Article, Brief, CleanArticle, PartialDate
from storyline.report.check import check_brief


def make_article(text: str, *, id: str = "a1", is_html: bool = False, **meta: object) -> Article:
    return Article(id=id, raw=text, source=f"{id}.txt", is_html=is_html, **meta)  # type: ignore[arg-type]


def make_clean(text: str, *, id: str = "a1", published: str | None = None) -> CleanArticle:
    return CleanArticle(
        id=id,
        text=text,
        published=PartialDate.from_iso(published) if published else None,
        published_from="metadata" if published else "unknown",
    )


def assert_brief_checks(brief: Brief) -> None:
    """Fail unless the brief passes the schema and the citation checker."""
    problems = check_brief(brief.to_dict())
    assert not problems, problems
