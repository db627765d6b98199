"""Summary of a set of redacted notes, as a self-contained HTML page with inline SVG charts.

Used by the review page (`/summary`) and written by `redactor batch` next to its output. Values
are shown for special categories only (e.g. which health terms were removed); for identifiers
the page gives counts only, never a name, date or number.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from html import escape
from typing import Iterable

from redactor.findings import ALL_CATEGORIES, is_special
from redactor.operators import fold_value

TOP = 8


@dataclass
class Summary:
    notes: int = 0
    per_category: Counter = field(default_factory=Counter)
    notes_per_finding_count: Counter = field(default_factory=Counter)
    values: dict[str, Counter] = field(default_factory=dict)
    surfaces: dict[str, str] = field(default_factory=dict)  # folded special value -> first spelling seen

    def add(self, text: str, spans: Iterable[tuple[int, int, str]]) -> None:
        """One note and its redacted spans (start, end, category in code points of `text`)."""
        spans = list(spans)
        self.notes += 1
        self.notes_per_finding_count[len(spans)] += 1
        for start, end, category in spans:
            self.per_category[category] += 1
            value = fold_value(text[start:end]) or text[start:end]
            if is_special(category):
                self.surfaces.setdefault(value, " ".join(text[start:end].split()))
            else:  # identifiers are only counted: keep a digest, not the value
                value = hashlib.blake2b(value.encode(), digest_size=8).hexdigest()
            self.values.setdefault(category, Counter())[value] += 1

    def merge(self, other: Summary) -> None:
        self.notes += other.notes
        self.per_category.update(other.per_category)
        self.notes_per_finding_count.update(other.notes_per_finding_count)
        for category, counter in other.values.items():
            self.values.setdefault(category, Counter()).update(counter)
        for value, surface in other.surfaces.items():
            self.surfaces.setdefault(value, surface)


def colour(category: str) -> str:
    """The category's colour, the same in every page (the review page's legend uses it too)."""
    index = ALL_CATEGORIES.index(category) if category in ALL_CATEGORIES else len(ALL_CATEGORIES)
    hue = (index * 137) % 360  # golden-angle steps keep neighbours apart
    return f"hsl({hue}, 70%, {45 if index % 2 else 38}%)"


def _bars(rows: list[tuple[str, int, str]], unit: str) -> str:
    """Horizontal bar chart: (label, value, colour) rows."""
    if not rows:
        return '<p class="empty">Nothing to show.</p>'
    width, label_width, row_height = 720, 190, 24
    largest = max(value for _, value, _ in rows) or 1
    height = row_height * len(rows) + 8
    parts = [f'<svg class="chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img">']
    for i, (label, value, fill) in enumerate(rows):
        y = 4 + i * row_height
        bar = max(2, round((width - label_width - 80) * value / largest))
        parts.append(
            f'<text x="{label_width - 8}" y="{y + 16}" text-anchor="end">{escape(label)}</text>'
            f'<rect x="{label_width}" y="{y + 3}" width="{bar}" height="{row_height - 8}" fill="{fill}">'
            f"<title>{escape(label)}: {value} {unit}</title></rect>"
            f'<text x="{label_width + bar + 6}" y="{y + 16}">{value}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _histogram(counts: Counter) -> str:
    """Notes per number of findings, as vertical bars (the last bar gathers the long tail)."""
    if not counts:
        return '<p class="empty">Nothing to show.</p>'
    cap = 20
    buckets = Counter({min(k, cap): 0 for k in range(min(max(counts), cap) + 1)})
    for findings, notes in counts.items():
        buckets[min(findings, cap)] += notes
    width, height, bottom = 720, 220, 30
    step = (width - 40) / len(buckets)
    largest = max(buckets.values()) or 1
    parts = [f'<svg class="chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img">']
    for i, (findings, notes) in enumerate(sorted(buckets.items())):
        bar = round((height - bottom - 20) * notes / largest)
        x = 30 + i * step
        label = f"{findings}+" if findings == cap else str(findings)
        parts.append(
            f'<rect x="{x:.1f}" y="{height - bottom - bar}" width="{step * 0.8:.1f}" height="{bar}" fill="#4a6fa5">'
            f"<title>{notes} notes with {label} findings</title></rect>"
            f'<text x="{x + step * 0.4:.1f}" y="{height - bottom + 16}" text-anchor="middle">{label}</text>'
        )
        if notes:
            parts.append(f'<text x="{x + step * 0.4:.1f}" y="{height - bottom - bar - 4}" text-anchor="middle">{notes}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _values_table(summary: Summary) -> str:
    rows = []
    for category in sorted(summary.values, key=lambda c: (-summary.per_category[c], c)):
        counter = summary.values[category]
        frequent = counter.most_common(TOP)
        rare = sorted(counter.items(), key=lambda item: (item[1], item[0]))[:TOP]
        once = sum(1 for n in counter.values() if n == 1)
        if is_special(category):
            most = ", ".join(f"{escape(surface_of(summary, v))} ({n})" for v, n in frequent)
            least = ", ".join(f"{escape(surface_of(summary, v))} ({n})" for v, n in rare)
            if len(counter) == once:  # the two lists would be the same
                least = '<span class="meta">every value seen once</span>'
            cells = f"<td>{most}</td><td>{least}</td>"
        else:  # identifiers: how many values occur how often, never the values
            levels = sorted(Counter(counter.values()).items(), reverse=True)
            spread = " · ".join(f"{times}×: {values} value{'s' if values > 1 else ''}" for times, values in levels)
            cells = f'<td colspan="2" class="counts">{spread} <span class="meta">(values not shown)</span></td>'
        rows.append(
            f'<tr><td><span class="swatch" style="background:{colour(category)}"></span>{escape(category)}</td>'
            f"<td>{summary.per_category[category]}</td><td>{len(counter)}</td><td>{once}</td>{cells}</tr>"
        )
    if not rows:
        return '<p class="empty">Nothing to show.</p>'
    return (
        '<table class="values"><thead><tr><th>category</th><th>findings</th><th>distinct values</th>'
        "<th>seen once</th><th>most frequent</th><th>rarest</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
    )


def surface_of(summary: Summary, value: str) -> str:
    """How a special value was first written (the count gathers its case and accent variants)."""
    return summary.surfaces.get(value, value)


STYLE = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:24px auto;max-width:980px;color:#1d2430;padding:0 16px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #dde3ea;padding-bottom:4px}
.meta{color:#5b6675}.chart text{font-size:12px;fill:#1d2430}.empty{color:#5b6675;font-style:italic}
table.values{border-collapse:collapse;width:100%;font-size:13px}table.values td,table.values th{border-bottom:1px solid #e5e9ef;padding:5px 8px;text-align:left;vertical-align:top}
table.values td:last-child{min-width:170px}
.swatch{display:inline-block;width:11px;height:11px;border-radius:2px;margin-right:6px;vertical-align:-1px}
.kpis{display:flex;gap:12px;margin:14px 0}.kpi{background:#f3f6f9;border-radius:6px;padding:10px 14px}.kpi b{display:block;font-size:20px}
a{color:#2a5db0}
"""


def summary_html(summary: Summary, title: str, subtitle: str = "", back_link: str | None = None) -> str:
    """The whole page: key figures, findings per category, notes per number of findings, values."""
    total = sum(summary.per_category.values())
    without = summary.notes_per_finding_count.get(0, 0)
    categories = sorted(summary.per_category.items(), key=lambda item: (-item[1], item[0]))
    back = f'<p><a href="{escape(back_link)}">← back to the notes</a></p>' if back_link else ""
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f"<style>{STYLE}</style></head><body>{back}<h1>{escape(title)}</h1>"
        f'<p class="meta">{escape(subtitle)}</p>'
        f'<div class="kpis"><div class="kpi"><b>{summary.notes}</b>notes</div>'
        f'<div class="kpi"><b>{total}</b>findings</div>'
        f'<div class="kpi"><b>{total / summary.notes if summary.notes else 0:.1f}</b>findings per note</div>'
        f'<div class="kpi"><b>{without}</b>notes without finding</div></div>'
        "<h2>Findings per category</h2>"
        + _bars([(c, n, colour(c)) for c, n in categories], "findings")
        + "<h2>Notes per number of findings</h2>"
        + _histogram(summary.notes_per_finding_count)
        + "<h2>Most frequent and rarest redacted values</h2>"
        '<p class="meta">Occurrences per distinct value (spellings that differ only in case or accents count '
        "as one). Special categories show the values; identifiers show only how many values occur how often.</p>" + _values_table(summary) + "</body></html>"
    )
