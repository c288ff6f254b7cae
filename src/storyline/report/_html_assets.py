"""The inline stylesheet and script of the HTML report, and the page's Content-Security-Policy.

Both are inlined so the report is one file that makes no request; the policy allows exactly
these two blocks (by hash), so anything that slipped into the page could not run or load.
"""

from __future__ import annotations

import base64
import hashlib

CSS = """
:root { --ink:#1d2327; --muted:#5f6b73; --rule:#d8dde1; --line:#fff3b0; --hit:#ffd54a;
  --agree:#e3f4e6; --agree-ink:#1f6b33; --conflict:#fde2e1; --conflict-ink:#a3231c;
  --changed:#fff0d6; --changed-ink:#8a5300; --single:#eef1f3; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 Georgia, "Times New Roman", serif; color: var(--ink);
  background: #fafafa; }
header, main > section, nav { max-width: 1100px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 24px; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 6px; }
h2 { font: 600 1.25rem/1.3 system-ui, sans-serif; border-bottom: 2px solid var(--ink);
  padding-bottom: 4px; margin-top: 36px; }
h3 { font: 600 1.05rem/1.3 system-ui, sans-serif; margin: 0 0 4px; }
.meta, .note, nav, th, .badge, .chip small, .cite, .reason, figcaption {
  font-family: system-ui, sans-serif; }
.meta, .note { color: var(--muted); font-size: .9rem; margin: 0 0 8px; }
nav { font-size: .9rem; padding-top: 4px; padding-bottom: 4px; position: sticky; top: 0;
  background: #fafafaf0; border-bottom: 1px solid var(--rule); z-index: 2; }
nav a { margin-right: 14px; color: var(--ink); }
.headline { font-size: 1.2rem; font-weight: 600; margin: 12px 0; }
ol.lines, ol.timeline { padding-left: 22px; }
ol.lines li, ol.timeline li { margin-bottom: 8px; }
ol.timeline { list-style: none; padding-left: 0; }
time { display: inline-block; min-width: 7.5em; font: 600 .9rem system-ui, sans-serif; }
.precision { color: var(--muted); font: .75rem system-ui, sans-serif; }
a.cite { font-size: .75rem; vertical-align: super; text-decoration: none; padding: 0 3px;
  border: 1px solid var(--rule); border-radius: 3px; margin-left: 2px; background: #fff;
  color: #0b57a3; }
span.cite { font-size: .75rem; color: var(--conflict-ink); }
table { border-collapse: collapse; width: 100%; font-size: .92rem; background: #fff; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px;
  border-bottom: 1px solid var(--rule); }
th { font-size: .8rem; text-transform: uppercase; letter-spacing: .03em; color: var(--muted); }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.status-conflict { background: var(--conflict); box-shadow: inset 4px 0 var(--conflict-ink); }
tr.status-changed { background: var(--changed); box-shadow: inset 4px 0 var(--changed-ink); }
tr.status-agree { background: var(--agree); box-shadow: inset 4px 0 var(--agree-ink); }
.badge { font-size: .75rem; font-weight: 600; padding: 1px 6px; border-radius: 9px;
  background: var(--single); white-space: nowrap; }
.badge.conflict { background: var(--conflict-ink); color: #fff; }
.badge.changed { background: var(--changed-ink); color: #fff; }
.badge.agree { background: var(--agree-ink); color: #fff; }
.values { display: flex; flex-wrap: wrap; gap: 6px; }
.chip { border: 1px solid var(--rule); border-radius: 6px; padding: 4px 8px; background: #fff;
  min-width: 150px; }
.chip strong { font: 600 1rem system-ui, sans-serif; }
.chip.conservative { border-color: var(--ink); }
.chip small { display: block; color: var(--muted); font-size: .78rem; }
.chip q { font-size: .85rem; }
details { margin: 8px 0; }
summary { cursor: pointer; font: .9rem system-ui, sans-serif; color: var(--muted); }
figure { margin: 12px 0; }
figcaption { font-size: .8rem; color: var(--muted); }
svg.map { width: 100%; max-width: 820px; height: auto; display: block; background: #eef4f8;
  border: 1px solid var(--rule); }
svg.map .grid { stroke: #cdd9e1; stroke-width: .5; }
svg.map .grid-label { font: 9px system-ui, sans-serif; fill: #7d8d98; }
svg.map circle { fill: #c0392b; fill-opacity: .65; stroke: #fff; stroke-width: 1; }
svg.map .place-label { font: 11px system-ui, sans-serif; fill: var(--ink); paint-order: stroke;
  stroke: #eef4f8; stroke-width: 3px; }
article.source { background: #fff; border: 1px solid var(--rule); border-radius: 6px;
  padding: 14px 18px; margin: 16px 0; }
article.source ul.removed { font-size: .85rem; color: var(--muted); }
.reason { font-size: .75rem; font-weight: 600; text-transform: uppercase; margin-right: 6px; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; }
mark { background: none; color: inherit; }
mark.line { background: var(--line); }
mark.fig { border-bottom: 2px solid var(--conflict-ink); }
mark:target, mark.hit { background: var(--hit); outline: 2px solid #e0a000; }
footer { max-width: 1100px; margin: 40px auto; padding: 0 24px; color: var(--muted);
  font: .8rem system-ui, sans-serif; }
"""

# Highlight every part of the cited span (a span cut in parts has one id but many parts) and
# open any collapsed section around it; :target alone only reaches the part with the id.
JS = """
(function () {
  function show() {
    document.querySelectorAll("mark.hit").forEach(function (el) { el.classList.remove("hit"); });
    var key = decodeURIComponent(location.hash.slice(1));
    if (!key) { return; }
    var parts = document.querySelectorAll("mark[data-cite]");
    parts.forEach(function (el) {
      if (el.getAttribute("data-cite") === key) { el.classList.add("hit"); }
    });
    var target = document.getElementById(key);
    for (var el = target; el; el = el.parentElement) {
      if (el.tagName === "DETAILS") { el.open = true; }
    }
    if (target) { target.scrollIntoView({block: "center"}); }
  }
  window.addEventListener("hashchange", show);
  document.addEventListener("DOMContentLoaded", show);
})();
"""


def _source_hash(block: str) -> str:
    """Return the CSP source expression that allows exactly this inline block."""
    digest = hashlib.sha256(block.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


CSP = (
    "default-src 'none'; "
    f"style-src {_source_hash(CSS)}; "
    f"script-src {_source_hash(JS)}; "
    "img-src data:; base-uri 'none'; form-action 'none'"
)
