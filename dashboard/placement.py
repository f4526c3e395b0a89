"""Where each place's label goes on the map, at each zoom: next to its point, never far.

Pure geometry (Web Mercator pixels, boxes); no folium, no Streamlit. A label is a pill
(symbol, name, count). Preferably its symbol sits on the place's point; where that would
cover another place's point or a label already placed, the pill moves to the nearest free
spot around the point (right, left, above, below, diagonals; then a little farther),
and a leader line joins it to the point. With no free spot within MAX_GAP pixels the pill
drops its name (symbol and count only); failing that it stays on its point. Layouts are
computed once per set of places for each zoom in ZOOMS; the map switches between them as
the reader zooms.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from geodata import Place, PlaceKind

ZOOMS = (4, 5, 6, 7, 8, 9)  # beyond 9 places only spread out: the zoom-9 layout holds
OPENING_ZOOM = 7
PILL_HEIGHT = 26
ON_POINT = (-14, -PILL_HEIGHT // 2)  # the pill's symbol centred on the point
GAPS = (6, 22, 40)  # rings of candidate spots, pixels between point and pill
MAX_GAP = GAPS[-1]
MAX_DISTANCE = math.ceil(MAX_GAP * math.sqrt(2))  # farthest a pill gets from its point
PIN = 5  # half the size of the point drawn under an offset label
CROWDED = 60  # beyond this many places, low zooms skip the search (all pile up anyway)
CELL = 64  # grid cell of the collision index, pixels
Box = tuple[float, float, float, float]  # left, top, right, bottom


@dataclass(frozen=True, slots=True)
class Spot:
    """The pill's offset from the point, whether it shows the name, and its leader line."""

    dx: int
    dy: int
    compact: bool = False
    leader: tuple[int, int] | None = None  # (length px, angle degrees), None when touching


class Mark(NamedTuple):
    """What placement needs of a place; cheap to hash, unlike the whole Place."""

    id: str
    name: str
    kind: PlaceKind
    lat: float
    lon: float


def marks(places: list[Place]) -> tuple[Mark, ...]:
    return tuple(Mark(p.id, p.name, p.kind, p.latlon.lat, p.latlon.lon) for p in places)


def mercator(lat: float, lon: float, zoom: int) -> tuple[float, float]:
    """Web Mercator pixel position of a point at ``zoom``."""
    scale = 256 * 2**zoom
    phi = math.radians(lat)
    x = (lon + 180) / 360 * scale
    y = (1 - math.log(math.tan(phi) + 1 / math.cos(phi)) / math.pi) / 2 * scale
    return x, y


def pixels(place: Place, zoom: int) -> tuple[float, float]:
    """Web Mercator pixel position of a place at ``zoom``."""
    return mercator(place.latlon.lat, place.latlon.lon, zoom)


def pill_width(place: Place | Mark, compact: bool = False) -> float:
    """Estimated width of the pill: symbol, name (about 8.5 px a letter), two-digit count."""
    return 52 if compact else 52 + 8.5 * len(place.name)


def candidates(width: float) -> list[tuple[int, int]]:
    """Offsets of the pill's top-left corner, nearest first."""
    spots = [ON_POINT]
    for gap in GAPS:
        for ux, uy in ((1, 0), (-1, 0), (0, -1), (0, 1), (1, -1), (1, 1), (-1, -1), (-1, 1)):
            left = gap if ux > 0 else -width - gap if ux < 0 else ON_POINT[0]
            top = gap if uy > 0 else -PILL_HEIGHT - gap if uy < 0 else ON_POINT[1]
            spots.append((round(left), round(top)))
    return spots


def leader(dx: int, dy: int, width: float) -> tuple[int, int] | None:
    """From the point to the nearest edge of the pill, or None if the pill covers the point."""
    nx, ny = min(max(0, dx), dx + width), min(max(0, dy), dy + PILL_HEIGHT)
    length = math.hypot(nx, ny)
    if length < PIN:
        return None
    return round(length), round(math.degrees(math.atan2(ny, nx)))


class _Grid:
    """Boxes bucketed by CELL-pixel cells, so a collision test looks at neighbours only."""

    def __init__(self) -> None:
        self.cells: dict[tuple[int, int], list[Box]] = defaultdict(list)

    def _keys(self, box: Box) -> list[tuple[int, int]]:
        return [
            (cx, cy)
            for cx in range(int(box[0] // CELL), int(box[2] // CELL) + 1)
            for cy in range(int(box[1] // CELL), int(box[3] // CELL) + 1)
        ]

    def add(self, box: Box) -> None:
        for key in self._keys(box):
            self.cells[key].append(box)

    def hits(self, box: Box, ignore: Box | None = None) -> bool:
        return any(
            b is not ignore and box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3]
            for key in self._keys(box)
            for b in self.cells.get(key, ())
        )


KIND_ORDER = {
    PlaceKind.NAVAL_BASE: 0,
    PlaceKind.AIR_BASE: 0,
    PlaceKind.CITY: 1,
    PlaceKind.PROVINCE: 2,
    PlaceKind.COUNTRY: 3,
    PlaceKind.REGION: 3,
}


@lru_cache(maxsize=16)
def _layout(places: tuple[Mark, ...], zoom: int) -> tuple[tuple[str, Spot], ...]:
    points = {place.id: mercator(place.lat, place.lon, zoom) for place in places}
    pins, pills = _Grid(), _Grid()
    pin_of: dict[str, Box] = {}
    for place in places:
        x, y = points[place.id]
        pin_of[place.id] = (x - PIN, y - PIN, x + PIN, y + PIN)
        pins.add(pin_of[place.id])
    crowded = len(places) > CROWDED and zoom < OPENING_ZOOM
    spots: dict[str, Spot] = {}
    for place in sorted(places, key=lambda p: (KIND_ORDER[p.kind], -p.lat, p.id)):
        x, y = points[place.id]
        spot = Spot(*ON_POINT, compact=True)
        for compact in () if crowded else (False, True):
            width = pill_width(place, compact)
            free = next(
                (
                    (dx, dy)
                    for dx, dy in candidates(width)
                    if not pills.hits(box := (x + dx, y + dy, x + dx + width, y + dy + PILL_HEIGHT))
                    and not pins.hits(box, ignore=pin_of[place.id])
                ),
                None,
            )
            if free:
                spot = Spot(*free, compact, leader(*free, width))
                break
        width = pill_width(place, spot.compact)
        pills.add((x + spot.dx, y + spot.dy, x + spot.dx + width, y + spot.dy + PILL_HEIGHT))
        spots[place.id] = spot
    return tuple((place.id, spots[place.id]) for place in places)


def layout(places: list[Place], zoom: int = OPENING_ZOOM) -> dict[str, Spot]:
    """Each place's label spot at ``zoom``. Remembered per set of places: places change
    only with the data, and the map asks on every step."""
    return dict(_layout(marks(places), zoom))


def layouts(places: list[Place]) -> dict[str, dict[int, Spot]]:
    """Each place's label spot at every zoom of ZOOMS (read-only: shared between calls)."""
    return _layouts(marks(places))


@lru_cache(maxsize=4)
def _layouts(places: tuple[Mark, ...]) -> dict[str, dict[int, Spot]]:
    by_zoom = {zoom: dict(_layout(places, zoom)) for zoom in ZOOMS}
    return {place.id: {zoom: by_zoom[zoom][place.id] for zoom in ZOOMS} for place in places}
