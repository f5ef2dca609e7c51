"""Web benchmark: the real ``pitboard serve`` process, driven over loopback from this process.

    python bench/web.py [--db PATH] [--requests N] [--clients 1,20] [--memory-requests M] [--check]

The server is started as a subprocess (``pitboard serve --host 127.0.0.1 --port <free> --db``) over
the full bundled database (built into a temporary folder with ``pitboard.ingest`` unless ``--db``
names one). This script is the client: ``http.client`` on keep-alive connections, one per client
thread. Measured in one run, in this order:

(a) start-up: from spawning the server to its first answer.
(b) cold: one request per URL on the fresh server, in the order listed (the first request to a
    page computes and renders it; later URLs may profit from what earlier ones loaded, e.g. a page's
    API twin after the page).
(c) warm-up: every URL twice (not timed). Responses are cached per database build (an LRU of
    rendered bodies in the server, and ``ETag``s), so (d) measures what a repeat visitor costs.
(d) latency at each ``--clients`` level: N requests per URL (``--requests``), all URLs shuffled
    together, pulled by C concurrent clients; p50 and p95 per URL, and against the baseline, a
    static file served by the same server in the same mix (``/static/style.css``).
(e) memory: the server's RSS (``VmRSS`` of ``/proc/<pid>/status``) before and after M mixed
    requests (``--memory-requests``, default 5,000) by the largest client count.

Targets: p95 under 100 ms for every page and API call at 20 clients (the largest level; the static
baseline is not held to it), no error (any answer that is not 2xx/3xx, or a failed connection),
RSS growth under 10 % or 20 MB. Benchmarks report,
tests assert: exit 1 only with ``--check`` and a missed target.
"""

from __future__ import annotations

import argparse
import http.client
import math
import os
import random
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

from _targets import print_checks, verdict  # bench/ is sys.path[0] when a script runs

from pitboard.web.process import ServerProcess

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data" / "imsa"
HOST = "127.0.0.1"
P95_TARGET_MS = 100.0
RSS_GROWTH_PCT = 10.0
RSS_GROWTH_MB = 20.0
STATIC = ("static", "/static/style.css")

#: The pages measured (each also as its JSON twin under /api), then extra URLs.
PAGES = [
    ("home", "/"),
    ("season", "/2023"),
    ("event", "/2023/petit-le-mans"),
    ("session", "/2023/petit-le-mans/race"),
    ("view", "/2023/petit-le-mans/race/positions?cls=gtp"),
    ("driver", "/drivers/tom-blomqvist"),
    ("team", "/teams/wayne-taylor-racing"),
    ("standings", "/2023/standings/gtp"),
    ("leaders", "/leaders?metric=wins&by=driver"),
    ("search", "/search?q=taylor"),
    ("source", "/sources/2023/21-road-atlanta/202310141140-race-results.csv?line=2"),
]
EXTRA = [
    ("chart data", "/api/2023/petit-le-mans/race/charts/lap-chart?cls=gtp"),
    ("chart svg", "/2023/petit-le-mans/race/charts/pace.svg?cls=gtp"),
]


def urls() -> list[tuple[str, str]]:
    api = [(f"api {name}", "/api" + (path if path != "/" else "")) for name, path in PAGES]
    return [*PAGES, *api, *EXTRA, STATIC]


# -- the server ----------------------------------------------------------------------------------------


# -- the clients ---------------------------------------------------------------------------------------


class Results:
    """Latencies (seconds) and errors per URL, shared by the client threads."""

    def __init__(self) -> None:
        self.times: dict[str, list[float]] = defaultdict(list)
        self.errors: dict[str, list[str]] = defaultdict(list)
        self.lock = threading.Lock()

    def add(self, path: str, seconds: float, error: str | None) -> None:
        with self.lock:
            if error is None:
                self.times[path].append(seconds)
            else:
                self.errors[path].append(error)


def fetch(conn: http.client.HTTPConnection, path: str) -> tuple[float, str | None]:
    """One GET on a kept-alive connection: (seconds, error or None); the whole body is read."""
    started = time.perf_counter()
    conn.request("GET", path, headers={"Accept-Encoding": "identity"})
    answer = conn.getresponse()
    answer.read()
    elapsed = time.perf_counter() - started
    return elapsed, None if 200 <= answer.status < 400 else f"HTTP {answer.status}"


def drive(port: int, work: list[str], clients: int, results: Results) -> float:
    """``work`` (paths) pulled by ``clients`` threads, each on its own connection; wall seconds."""
    lock = threading.Lock()
    position = 0

    def client() -> None:
        nonlocal position
        conn = http.client.HTTPConnection(HOST, port, timeout=60)
        while True:
            with lock:
                if position >= len(work):
                    break
                path = work[position]
                position += 1
            try:
                seconds, error = fetch(conn, path)
            except (OSError, http.client.HTTPException) as exc:
                conn.close()
                conn = http.client.HTTPConnection(HOST, port, timeout=60)
                seconds, error = 0.0, f"{type(exc).__name__}: {exc}"
            results.add(path, seconds, error)
        conn.close()

    threads = [threading.Thread(target=client) for _ in range(clients)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - started


def pct(values: list[float], p: float) -> float:
    """The p-th percentile (nearest rank) in milliseconds."""
    ordered = sorted(values)
    return 1000 * ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


# -- the run -------------------------------------------------------------------------------------------


def build_db(folder: Path) -> Path:
    import pitboard

    path = folder / "pitboard.duckdb"
    started = time.perf_counter()
    pitboard.ingest(DATA, path)
    print(f"  built the database from {DATA.relative_to(REPO)} in {time.perf_counter() - started:.1f} s (not timed)")
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="an existing full database (default: build one into a temp dir)")
    parser.add_argument("--requests", type=int, default=200, help="requests per URL at each client level")
    parser.add_argument("--clients", default="1,20", help="concurrent client counts, comma-separated")
    parser.add_argument("--memory-requests", type=int, default=5000, help="mixed requests of the memory run")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    options = parser.parse_args()
    levels = [int(c) for c in options.clients.split(",") if c.strip()]
    random.seed(options.seed)
    print(f"\npitboard web benchmark  ({os.cpu_count()} CPUs, server and clients on the same machine)\n")
    with tempfile.TemporaryDirectory(prefix="pitboard-web-") as tmp:
        db = options.db or build_db(Path(tmp))
        return run(db, levels, options)


def run(db: Path, levels: list[int], options: argparse.Namespace) -> int:
    targets = urls()
    server = ServerProcess(db, HOST, cwd=REPO)
    try:
        print(f"  server: pid {server.proc.pid}, port {server.port}, first answer {server.startup_s:.2f} s after spawn")
        print(f"  database: {db}")

        cold = Results()  # (b) one request per URL on the fresh server
        for _, path in targets:
            drive(server.port, [path], 1, cold)
        warm = Results()  # (c) every URL twice, not timed
        drive(server.port, [p for _, p in targets] * 2, 1, warm)

        runs: dict[int, Results] = {}
        load: dict[int, tuple[float, float, float]] = {}  # requests/s, server and client CPU per wall second
        for clients in levels:  # (d)
            work = [p for _, p in targets] * options.requests
            random.shuffle(work)
            runs[clients] = Results()
            server_cpu, client_cpu = server.cpu_s(), time.process_time()
            wall = drive(server.port, work, clients, runs[clients])
            load[clients] = (
                len(work) / wall,
                (server.cpu_s() - server_cpu) / wall,
                (time.process_time() - client_cpu) / wall,
            )

        rss_before = server.rss_mb()  # (e)
        mixed = [p for _, p in targets] * math.ceil(options.memory_requests / len(targets))
        random.shuffle(mixed)
        memory = Results()
        drive(server.port, mixed[: options.memory_requests], max(levels), memory)
        rss_after = server.rss_mb()
    finally:
        server.stop()
    log = server.log

    # -- report
    static_path = STATIC[1]
    head = f"  {'url':14s} {'cold ms':>8s}"
    for c in levels:
        head += f" | {f'{c} client' + ('s' if c > 1 else ''):>10s} p50  p95 ms  x static"
    print("\n" + head)
    for name, path in targets:
        line = f"  {name:14s} {pct(cold.times[path], 50) if cold.times[path] else float('nan'):8.1f}"
        for c in levels:
            times, base = runs[c].times[path], runs[c].times[static_path]
            if not times:
                line += f" | {'(all failed)':>28s}"
                continue
            p50, p95 = pct(times, 50), pct(times, 95)
            ratio = f"{p50 / pct(base, 50):.1f}/{p95 / pct(base, 95):.1f}" if base else "n/a"
            line += f" | {'':6s}{p50:6.1f} {p95:6.1f}  {ratio:>9s}"
        print(line)
    print("\n  x static: p50 and p95 of the URL over those of /static/style.css in the same mix")
    for c in levels:
        rate, server_cpu, client_cpu = load[c]
        print(
            f"  {c} client(s): {options.requests} requests per URL, {rate:.0f} requests/s overall; CPU cores busy: "
            f"server {server_cpu:.2f}, this client {client_cpu:.2f}"
        )
    print(
        f"  cold: the first request to each URL on the fresh server, in the order listed (total {sum(sum(v) for v in cold.times.values()):.2f} s)"
    )
    print("  warm (every other column): after a warm-up pass; responses are cached per database build (LRU + ETag)")
    growth = rss_after - rss_before
    print(
        f"  memory: RSS {rss_before:.1f} MB before and {rss_after:.1f} MB after {options.memory_requests} mixed "
        f"requests ({max(levels)} clients): {growth:+.1f} MB ({100 * growth / rss_before:+.1f} %)"
    )

    errors = {
        path: errs for results in (cold, warm, *runs.values(), memory) for path, errs in results.errors.items() if errs
    }
    for path, errs in errors.items():
        print(f"  errors on {path}: {len(errs)} (first: {errs[0]})")
    if "Traceback" in log or "ERROR" in log:
        print("  the server logged errors:\n" + log[-3000:])

    top = max(levels)
    pages = [(n, p) for n, p in targets if (n, p) != STATIC]  # the baseline is no page
    slow = [(n, pct(runs[top].times[p], 95)) for n, p in pages if runs[top].times[p]]
    worst = max(slow, key=lambda x: x[1]) if slow else ("n/a", float("inf"))
    flat = growth < RSS_GROWTH_MB or growth < RSS_GROWTH_PCT / 100 * rss_before
    checks = [
        (
            f"p95 < {P95_TARGET_MS:.0f} ms for every page at {top} clients",
            f"{worst[1]:.1f} ms ({worst[0]})",
            f"< {P95_TARGET_MS:.0f} ms",
            worst[1] < P95_TARGET_MS and len(slow) == len(pages),
        ),
        ("no errors", str(sum(len(e) for e in errors.values())), "0", not errors and "Traceback" not in log),
        (
            f"memory flat over {options.memory_requests} requests",
            f"{growth:+.1f} MB",
            f"< {RSS_GROWTH_MB:.0f} MB or {RSS_GROWTH_PCT:.0f} %",
            flat,
        ),
    ]
    print_checks(checks, 18)
    return verdict(checks, options.check)


if __name__ == "__main__":
    sys.exit(main())
