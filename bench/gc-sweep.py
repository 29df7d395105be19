#!/usr/bin/env python3
"""Heap, young generation and collector chosen by measurement (issue 27 point 5).

For each candidate set of JVM flags: the packaged jar started on a filled module cache (one first start compiles the
rules), warmed by WARM_SECONDS (default 45) of POSTs at c=8, then serial POSTs (hey -n 2000 -c 1: p50, p99), 15 s at
c=8 (wrk: rate), resident memory and collections per minute over the measured load. REPEAT rounds (default 3), the
candidates interleaved in each, medians reported. Writes bench/gc-sweep.md. Run by hand:
    REPEAT=3 python3 bench/gc-sweep.py   (after ./mvnw package and the test classpath of bench/run-benchmarks.sh)
Never part of .ci/run.
"""
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
import request_path as rp  # noqa: E402

COMMON = "-XX:MaxMetaspaceSize=192m -XX:+ExitOnOutOfMemoryError"
H2_16MB = " -Dcrosscheck.jdbc-url=jdbc:h2:file:./data/crosscheck;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;CACHE_SIZE=16384"
CANDIDATES = [
    ("serial, 192 MB heap, 96 MB code cache (before)",
     "-XX:+UseSerialGC -Xms64m -Xmx192m -XX:ReservedCodeCacheSize=96m"),
    ("serial, 512 MB heap, 256 MB young (survivors 43 MB), 128 MB code cache",
     "-XX:+UseSerialGC -Xms512m -Xmx512m -Xmn256m -XX:SurvivorRatio=4 -XX:ReservedCodeCacheSize=128m"),
    ("the same with H2's page cache at 16 MB (its default is 64 MB)",
     "-XX:+UseSerialGC -Xms512m -Xmx512m -Xmn256m -XX:SurvivorRatio=4 -XX:ReservedCodeCacheSize=128m" + H2_16MB),
    ("serial, 384 MB heap, 192 MB young (survivors 32 MB), H2 page cache 16 MB",
     "-XX:+UseSerialGC -Xms384m -Xmx384m -Xmn192m -XX:SurvivorRatio=4 -XX:ReservedCodeCacheSize=128m" + H2_16MB),
    ("serial, 256 MB heap, 96 MB young (survivors 16 MB), 96 MB code cache",
     "-XX:+UseSerialGC -Xms256m -Xmx256m -Xmn96m -XX:SurvivorRatio=4 -XX:ReservedCodeCacheSize=96m"),
    ("parallel (2 threads), 256 MB heap, 96 MB young, 96 MB code cache",
     "-XX:+UseParallelGC -Xms256m -Xmx256m -Xmn96m -XX:ReservedCodeCacheSize=96m"),
]
REPEAT = int(os.environ.get("REPEAT", "3"))
WARM_S = int(os.environ.get("WARM_SECONDS", "45"))


def main():
    out, work, log = rp.fresh_app("gc-sweep")
    runs = {label: [] for label, _ in CANDIDATES}
    # the sweep warms each candidate with its own load: the start-up request warm-up would only add 20 s per start
    rp.EXTRA = ["-Dcrosscheck.performance.request-warm-up=0s"]
    lua = os.path.join(rp.ROOT, "bench", "post-screening.lua")
    rp.JVM_FLAGS = (CANDIDATES[0][1] + " " + COMMON).split()
    rp.Server(work, log).start().stop()  # compiles the rules once: every candidate loads the cache
    for _ in range(REPEAT):
        for label, flags in CANDIDATES:
            rp.JVM_FLAGS = (flags + " " + COMMON).split()
            s = rp.Server(work, log).start()
            rp.wrk("/api/v1/screenings", WARM_S, lua)
            y0, f0 = rp.full_gcs(s.p.pid)
            t0 = time.monotonic()
            serial = rp.hey(["-n", "2000", "-c", "1"])
            rps, _ = rp.wrk("/api/v1/screenings", 15, lua)
            y1, f1 = rp.full_gcs(s.p.pid)
            minutes = (time.monotonic() - t0) / 60
            row = (serial["p50"], serial["p99"], rps, rp.rss_mb(s.p.pid), (y1 - y0) / minutes, (f1 - f0) / minutes,
                   rp.code_cache_mb(s.p.pid)[1])
            s.stop()
            print(label, row, flush=True)
            runs[label].append(row)
    rows = [(label, flags) + tuple(statistics.median(r[i] for r in runs[label]) for i in range(7))
            for label, flags in CANDIDATES]
    lines = [f"Written by `bench/gc-sweep.py` ({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, medians of {REPEAT}"
             f" rounds, candidates interleaved, each warmed by {WARM_S} s at c=8; load average at the"
             f" end {open('/proc/loadavg').read().split()[0]}); every candidate also has `{COMMON}`.", "",
             "| candidate | flags | serial p50 ms | serial p99 ms | c=8 req/s | RSS MB | young GC/min | full GC/min |"
             " code cache peak MB |",
             "|---|---|---|---|---|---|---|---|---|"]
    for label, flags, p50, p99, rps, rss, y, f, cc in rows:
        lines.append(f"| {label} | `{flags}` | {p50:.2f} | {p99:.2f} | {rps:,.0f} | {rss:.0f} | {y:.0f} | {f:.1f} |"
                     f" {cc:.0f} |")
    rp.write_report("gc-sweep", "\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
