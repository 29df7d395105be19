#!/usr/bin/env python3
"""Which embedded store can force every commit to disk and grow about 16 KB per screening, flat (issue 27, point 2).

For each of H2 (the default, CHECKPOINT SYNC after each commit as the service's DurableCommits), SQLite (WAL,
synchronous=FULL) and HSQLDB (cached tables, write_delay=false): `io.crosscheck.bench.EmbeddedStoreGrowth` commits the
article's screening row and audit row N times (the service's columns and indexes) and reports the directory's growth
per screening by fifth of the run; then the same with M commits under `strace -f -c -e trace=fsync,fdatasync`, twice
(M and 3M), so that the forces per commit are the difference divided by 2M (start-up forces cancel out).
Writes bench/embedded-stores.md. Run by hand after `./mvnw test-compile` and the classpath file
(see bench/run-benchmarks.sh):
    N=100000 python3 bench/embedded-stores.py
Never part of .ci/run.
"""
import os
import re
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
import request_path as rp  # noqa: E402

N = int(os.environ.get("N", "100000"))
M = int(os.environ.get("M", "500"))
STORES = os.environ.get("STORES", "h2 sqlite hsqldb").split()
CP = "target/test-classes:target/classes:" + open(os.path.join(rp.ROOT, "target", "bench", "classpath.txt")).read().strip()
LINE = re.compile(r"(\S+) (\d+) screenings: ([\d.]+) MB, this fifth (-?[\d.]+) KB per screening, "
                  r"cumulative ([\d.]+) KB, ([\d.]+) ms per commit")


def growth(store, n):
    out = subprocess.run(["java", "-cp", CP, "io.crosscheck.bench.EmbeddedStoreGrowth", store, str(n)], cwd=rp.ROOT,
                         capture_output=True, text=True, check=True).stdout
    return [m.groups() for m in LINE.finditer(out)]


def forces(store, n):
    trace = os.path.join(rp.ROOT, "target", "bench", f"strace-{store}-{n}.txt")
    subprocess.run(["strace", "-f", "-c", "-e", "trace=fsync,fdatasync", "-o", trace, "java", "-cp", CP,
                    "io.crosscheck.bench.EmbeddedStoreGrowth", store, str(n)], cwd=rp.ROOT, capture_output=True,
                   check=True)
    return sum(int(line.split()[3]) for line in open(trace) if re.search(r"\b(fsync|fdatasync)$", line.strip()))


def main():
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    rows = []
    for store in STORES:
        fifths = growth(store, N)
        per_commit = (forces(store, 3 * M) - forces(store, M)) / (2 * M)
        rows.append((store, fifths, per_commit))
    commit = rp.sh(["git", "rev-parse", "--short", "HEAD"], cwd=rp.ROOT).strip()
    text = [f"# Embedded stores: disk per screening with every commit forced (issue 27, point 2)", "",
            f"Written by `bench/embedded-stores.py` ({started}, commit {commit}, N={N:,}, {rp.CORES} cores). "
            "The article's screening row and audit row (request 2.2 KB, response gzip 7.0 KB, explanation gzip "
            "5.7 KB) with the service's columns and indexes, committed N times, each commit forced before the next; "
            "the size is every file of the store's directory.", "",
            "| store | KB per screening by fifth of the run | cumulative at N | ms per commit | file forces per commit "
            "(strace) |", "|---|---|---|---|---|"]
    for store, fifths, per_commit in rows:
        by_fifth = " / ".join(f[3] for f in fifths)
        last = fifths[-1]
        text.append(f"| {store} | {by_fifth} | {last[4]} KB ({last[2]} MB) | {last[5]} | {per_commit:.2f} |")
    text.append("")
    rp.write_report("embedded-stores", "\n".join(text) + "\n")


if __name__ == "__main__":
    main()
