"""Benchmark the story map against a naive streamlit-folium baseline, in headless Chromium.

For each size (the real articles, then synthetic stories) it starts each app on a free
loopback port and measures: seconds from navigation until every place marker shows its
count; slider step latency (key press on the slider until the markers show the new date's
counts), median and p90; the server's memory (resident and peak). Prints a table and the
ratios naive / ours. A script that prints figures, not a test.

    .venv/bin/python tools/benchmark.py [--sizes real,50x10,1000x50,5000x100,10000x200]
        [--filter "kind=military&kind=statement"] [--skip-filtered] [--skip-naive]

"filtered" is our app opened on a URL with that filter: its step must stay within 20 % of
the unfiltered one (FILTER_SLOWDOWN).
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dashboard.filtering import narrow  # noqa: E402
from dashboard.view import default_position, slider_stops  # noqa: E402
from geodata import DEFAULT_FOLDER, Event, Timeline, read_story  # noqa: E402
from geodata.filters import EventIndex, Filter  # noqa: E402
from geodata.synthetic import Size, write_story  # noqa: E402
from geodata.timeline import story_timeline  # noqa: E402
from tools.launch import streamlit_server  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# Sums data-count per data-place: one marker per place (ours) or one per event (naive);
# places with nothing yet are left out (ours shows them greyed, the naive app not at all).
READ_COUNTS = """() => {
  const out = {};
  for (const el of document.querySelectorAll('[data-place]')) {
    const count = Number(el.dataset.count);
    if (count) out[el.dataset.place] = (out[el.dataset.place] || 0) + count;
  }
  return out;
}"""
TARGETS = {  # size: (first markers s, median step ms, server MB)
    "real": (1.5, 150, None),
    "10000x200": (3.0, 300, 400),
}
SPEEDUP_AT = "5000x100"
FILTER = "kind=military&kind=statement"
FILTER_SLOWDOWN = 1.2  # a filtered step may take at most 20 % longer than an unfiltered one


@dataclass
class Result:
    app: str
    size: str
    cold: float = float("nan")  # first visit after the server started (includes reading)
    first: float = float("nan")  # median of later visits: what every new viewer waits
    steps: list[float] = field(default_factory=list)
    rss_mb: float = float("nan")
    peak_mb: float = float("nan")

    @property
    def median(self) -> float:
        return statistics.median(self.steps) * 1000 if self.steps else float("nan")

    @property
    def p90(self) -> float:
        if not self.steps:
            return float("nan")
        ordered = sorted(self.steps)
        return ordered[min(len(ordered) - 1, round(0.9 * len(ordered) + 0.5) - 1)] * 1000


def _memory_mb(pid: int) -> tuple[float, float]:
    fields = dict(
        line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines()
    )
    return tuple(int(fields[k].split()[0]) / 1024 for k in ("VmRSS", "VmHWM"))  # type: ignore[return-value]


def _wait_counts(page, expected: dict[str, int], timeout: float) -> float:  # type: ignore[no-untyped-def]
    """Poll every frame until some frame's markers show ``expected``; the time it happened."""
    from playwright.sync_api import Error

    deadline = time.perf_counter() + timeout
    seen: object = None
    while time.perf_counter() < deadline:
        for frame in page.frames:
            try:
                seen = frame.evaluate(READ_COUNTS)
            except Error:
                continue
            if seen == expected:
                return time.perf_counter()
        page.wait_for_timeout(10)
    raise AssertionError(f"markers never showed {expected} (last seen {seen})")


def _wait_idle(page) -> None:  # type: ignore[no-untyped-def]
    """Let the rerun finish (panel and all) before the next key press."""
    running = page.locator('[data-test-script-state="running"]')
    for _ in range(600):
        if running.count() == 0:
            return
        page.wait_for_timeout(20)


def measure(  # type: ignore[no-untyped-def]
    browser, url: str, pid: int, plan: Plan, steps: int, result: Result, visits: int = 5
) -> None:
    """A cold visit to ``url``, ``visits`` new visits (median), then ``steps`` slider steps
    checked against ``plan``."""
    timeout = 180.0
    firsts: list[float] = []
    for attempt in ["cold"] + ["first"] * visits:
        context = browser.new_context(viewport={"width": 1280, "height": 720})
        page = context.new_page()
        start = time.perf_counter()
        page.goto(url, wait_until="commit")
        seconds = _wait_counts(page, plan.counts[plan.opening], timeout) - start
        if attempt == "cold":
            result.cold = seconds
        else:
            firsts.append(seconds)
        if len(firsts) < visits:  # let its reruns finish, so the next visit has the server alone
            _wait_idle(page)
            page.wait_for_timeout(500)
            _wait_idle(page)
            context.close()
    result.first = statistics.median(firsts)
    _wait_idle(page)
    position = plan.opening
    for _ in range(steps):
        forward = position + 1 < len(plan.counts) or position == 0
        slider = page.get_by_role("slider")
        slider.focus()
        position += 1 if forward else -1
        start = time.perf_counter()
        slider.press("ArrowRight" if forward else "ArrowLeft")
        result.steps.append(_wait_counts(page, plan.counts[position], timeout) - start)
        _wait_idle(page)
    result.rss_mb, result.peak_mb = _memory_mb(pid)
    context.close()


@dataclass
class Plan:
    """What each slider position must show: per place, the events revealed so far."""

    counts: list[dict[str, int]]
    opening: int


def plans(folder: Path) -> tuple[Plan, Plan, int]:
    story = read_story(folder).story
    timeline = Timeline.of(e for e in story.events if not e.draft)
    places = {p for e in timeline_events(timeline) for p in e.places}

    def at(index: int) -> dict[str, int]:
        found = {p: timeline.count_at(index, p) for p in places}
        return {p: n for p, n in found.items() if n}

    stops = slider_stops(timeline)
    ours = Plan([at(stop.index) for stop in stops], default_position(stops))
    naive = Plan([at(index) for index in range(len(timeline))], 0)
    return ours, naive, sum(1 for _ in timeline_events(timeline))


def filtered_plan(folder: Path, query: str) -> tuple[Plan, int]:
    """What the app must show with the filter ``query`` (URL form) at each slider position."""
    story = read_story(folder).story
    timeline, places = story_timeline(story)
    index = EventIndex(story, list(timeline_events(timeline)))
    view = narrow(index, places, Filter.from_query(parse_qs(query)))
    stops = slider_stops(view.timeline)

    def at(index: int) -> dict[str, int]:
        found = {p.id: view.timeline.count_at(index, p.id) for p in view.places}
        return {p: n for p, n in found.items() if n}

    return Plan([at(stop.index) for stop in stops], default_position(stops)), view.shown


def timeline_events(timeline: Timeline) -> Iterator[Event]:
    return (event for events in timeline.by_stop for event in events)


def run(
    sizes: list[str], steps: int, naive_steps: int, skip_naive: bool, query: str | None
) -> list[Result]:
    from playwright.sync_api import sync_playwright

    results: list[Result] = []
    work = Path(tempfile.mkdtemp(prefix="story-bench-"))
    naive_dir = work / "naive"
    naive_dir.mkdir()
    shutil.copy(ROOT / "tools" / "naive_app.py", naive_dir / "naive_app.py")
    (naive_dir / "static").symlink_to(ROOT / "dashboard" / "static")
    args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=args)
            for size in sizes:
                folder = DEFAULT_FOLDER if size == "real" else work / size
                if size != "real":
                    write_story(folder, Size.parse(size))
                ours_plan, naive_plan, count = plans(folder)
                print(f"# {size}: {count} events, {len(ours_plan.counts)} stops", flush=True)
                ours = Result("ours", size)
                with streamlit_server(folder=folder) as app:
                    measure(browser, app.url, app.pid, ours_plan, steps, ours)
                results.append(ours)
                print(row(ours), flush=True)
                if query:
                    plan, shown = filtered_plan(folder, query)
                    print(f"# {size} filtered ({query}): {shown} events, {len(plan.counts)} stops")
                    filtered = Result("filter", size)
                    with streamlit_server(folder=folder) as app:
                        measure(browser, f"{app.url}/?{query}", app.pid, plan, steps, filtered)
                    results.append(filtered)
                    print(row(filtered), flush=True)
                if skip_naive:
                    continue
                naive = Result("naive", size)
                n = steps if count < 5000 else min(steps, naive_steps)
                with streamlit_server(naive_dir / "naive_app.py", naive_dir, folder) as app:
                    measure(browser, app.url, app.pid, naive_plan, n, naive)
                results.append(naive)
                print(row(naive), flush=True)
            browser.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return results


HEADER = (
    f"{'size':<10} {'app':<6} {'cold s':>7} {'first s':>8} {'step med ms':>12} "
    f"{'p90 ms':>8} {'steps':>5} {'RSS MB':>7} {'peak MB':>8}"
)


def row(r: Result) -> str:
    return (
        f"{r.size:<10} {r.app:<6} {r.cold:>7.2f} {r.first:>8.2f} {r.median:>12.0f} "
        f"{r.p90:>8.0f} {len(r.steps):>5} {r.rss_mb:>7.0f} {r.peak_mb:>8.0f}"
    )


def report(results: list[Result]) -> None:
    print("\n" + HEADER)
    for r in results:
        print(row(r))
    by = {(r.size, r.app): r for r in results}
    print("\nnaive / ours (higher is better for ours):")
    for size in dict.fromkeys(r.size for r in results):
        ours, naive = by.get((size, "ours")), by.get((size, "naive"))
        if ours and naive:
            print(
                f"  {size:<10} first markers {naive.first / ours.first:6.1f}x   "
                f"step median {naive.median / ours.median:6.1f}x"
            )
    print("\ntargets:")
    for size, (first, step, memory) in TARGETS.items():
        r = by.get((size, "ours"))
        if r:
            checks = [f"first {r.first:.2f} s <= {first}", f"step {r.median:.0f} ms <= {step}"]
            oks = [r.first <= first, r.median <= step]
            if memory:
                checks.append(f"peak {r.peak_mb:.0f} MB <= {memory}")
                oks.append(r.peak_mb <= memory)
            print(f"  {size:<10} {'MET ' if all(oks) else 'MISS'} " + "; ".join(checks))
    for size in dict.fromkeys(r.size for r in results):
        ours, filtered = by.get((size, "ours")), by.get((size, "filter"))
        if ours and filtered:
            ratio = filtered.median / ours.median
            print(
                f"  {size:<10} {'MET ' if ratio <= FILTER_SLOWDOWN else 'MISS'} filtered step "
                f"{filtered.median:.0f} ms = {ratio:.2f}x unfiltered <= {FILTER_SLOWDOWN}x"
            )
    ours, naive = by.get((SPEEDUP_AT, "ours")), by.get((SPEEDUP_AT, "naive"))
    if ours and naive:
        ratio = naive.median / ours.median
        print(f"  {SPEEDUP_AT:<10} {'MET ' if ratio >= 5 else 'MISS'} step {ratio:.1f}x >= 5x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="real,50x10,1000x50,5000x100,10000x200")
    parser.add_argument("--steps", type=int, default=20, help="slider steps per app and size")
    parser.add_argument(
        "--naive-steps", type=int, default=5, help="steps for the naive app at 5,000+ events"
    )
    parser.add_argument("--skip-naive", action="store_true")
    parser.add_argument("--filter", default=FILTER, help="the filtered case's URL query")
    parser.add_argument("--skip-filtered", action="store_true")
    args = parser.parse_args()
    sizes = [s.strip() for s in args.sizes.split(",") if s.strip()]
    for size in sizes:
        if size != "real":
            Size.parse(size)
    began = time.monotonic()
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, load average {os.getloadavg()[0]:.2f} at start"
    )
    print(
        "cold = first visit after the server started; first = median of 5 new visits afterwards. "
        "Step = key press on the slider until every marker shows the new date's counts; "
        "the next press waits until the rerun ends. The naive app has one marker per event "
        "and place (data-count=1), counted per place; it caches nothing, so every visit is cold."
    )
    query = None if args.skip_filtered else args.filter
    results = run(sizes, args.steps, args.naive_steps, args.skip_naive, query)
    report(results)
    print(f"\ntook {time.monotonic() - began:.0f} s; load average {os.getloadavg()[0]:.2f} at end")


if __name__ == "__main__":
    main()
