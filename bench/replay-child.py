#!/usr/bin/env python3
"""The replay's sandbox process alone (issue 27, point 6): how fast it evaluates stored screenings, without the
service or its database.

`io.crosscheck.bench.ReplayChildBenchmark` streams N stored requests (the scenario suite's accepted requests, over and
over) through `SandboxedReplay` as the service does, the shipped rules as both the current and the candidate knowledge
base (every screening evaluated twice, as in a replay), and reports the screenings per second from the first row sent
to the report. RUNS runs, the median reported. Writes bench/replay-child.md. Run by hand after `./mvnw test-compile`
and the classpath file (see bench/run-benchmarks.sh):
    RUNS=3 N=20000 python3 bench/replay-child.py
As the service, the process is handed the compiled module of the rules (from data/kb-cache, filled if empty) and loads
it instead of compiling the same DRL; MODULES=compiled hands none, so the process compiles both knowledge bases as
interpreted DRL (as before 2026-12-08).
With SIZES (e.g. SIZES=500,2000,4000,8000), it also replays each size with the process forced to C1 and to C2,
interleaved, RUNS times, and reports the whole time (start and replay) of each: where C2 starts to pay is the default
of crosscheck.replay.optimising-compiler-from.
Never part of .ci/run.
"""
import json
import os
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
import request_path as rp  # noqa: E402

N = int(os.environ.get("N", "20000"))
RUNS = int(os.environ.get("RUNS", "3"))
CP = "target/test-classes:target/classes:" + open(os.path.join(rp.ROOT, "target", "bench", "classpath.txt")).read().strip()


SIZES = [int(x) for x in os.environ.get("SIZES", "").split(",") if x]
MODULES = os.environ.get("MODULES", "handed")


def run(n=N, tier="auto"):
    out = subprocess.run(["java", "-cp", CP, "io.crosscheck.bench.ReplayChildBenchmark", str(n), tier, MODULES], cwd=rp.ROOT,
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def tiers():
    """The whole time of a replay (process start, both compiles, the screenings) forced to C1 and to C2, by size."""
    if not SIZES:
        return ""
    rows = []
    for n in SIZES:
        times = {"c1": [], "c2": []}
        for _ in range(RUNS):
            for tier in ("c1", "c2"):
                r = run(n, tier)
                times[tier].append(r["startSeconds"] + r["replaySeconds"])
        c1, c2 = statistics.median(times["c1"]), statistics.median(times["c2"])
        rows.append(f"| {n:,} | {c1:.1f} s | {c2:.1f} s | {'C2' if c2 < c1 else 'C1'} |"
                    f" {' / '.join(f'{t:.1f}' for t in times['c1'])} | {' / '.join(f'{t:.1f}' for t in times['c2'])} |")
    return ("\n## C1 or C2, by the size of the replay\n\nThe whole replay (process start, both knowledge bases "
            f"compiled or loaded, every screening evaluated) with the process forced to each tier, interleaved, {RUNS} runs, "
            "medians:\n\n| screenings | C1 | C2 | faster | C1 runs | C2 runs |\n|---|---|---|---|---|---|\n"
            + "\n".join(rows) + "\n")


def main():
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    runs = [run() for _ in range(RUNS)]
    commit = rp.sh(["git", "rev-parse", "--short", "HEAD"], cwd=rp.ROOT).strip()
    rates = [r["perSecond"] for r in runs]
    text = (f"# The replay's sandbox process alone (issue 27, point 6)\n\n"
            f"Written by `bench/replay-child.py` ({started}, commit {commit}, {rp.CORES} cores): {N:,} stored requests "
            f"({runs[0]['requests']} distinct accepted scenario requests, over and over) replayed with the shipped rules as "
            f"current and candidate, {RUNS} runs; the rules' compiled module {MODULES} (MODULES).\n\n"
            f"| figure | median | runs |\n|---|---|---|\n"
            f"| screenings per second, first row sent to report | {statistics.median(rates):.0f} |"
            f" {' / '.join(f'{r:.0f}' for r in rates)} |\n"
            f"| start: process, both knowledge bases compiled or loaded | {statistics.median(r['startSeconds'] for r in runs):.1f} s |"
            f" {' / '.join(str(r['startSeconds']) for r in runs)} |\n"
            f"| failed to evaluate | {max(r['failed'] for r in runs)} | |\n"
            + tiers())
    rp.write_report("replay-child", text)


if __name__ == "__main__":
    main()
