#!/usr/bin/env python3
"""The replay's sandbox process alone (issue 27, point 6): how fast it evaluates stored screenings, without the
service or its database.

`io.crosscheck.bench.ReplayChildBenchmark` streams N stored requests (the scenario suite's accepted requests, over and
over) through `SandboxedReplay` as the service does, the shipped rules as both the current and the candidate knowledge
base (every screening evaluated twice, as in a replay), and reports the screenings per second from the first row sent
to the report. RUNS runs, the median reported. Writes bench/replay-child.md. Run by hand after `./mvnw test-compile`
and the classpath file (see bench/run-benchmarks.sh):
    RUNS=3 N=20000 python3 bench/replay-child.py
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


def run():
    out = subprocess.run(["java", "-cp", CP, "io.crosscheck.bench.ReplayChildBenchmark", str(N)], cwd=rp.ROOT,
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main():
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    runs = [run() for _ in range(RUNS)]
    commit = rp.sh(["git", "rev-parse", "--short", "HEAD"], cwd=rp.ROOT).strip()
    rates = [r["perSecond"] for r in runs]
    text = (f"# The replay's sandbox process alone (issue 27, point 6)\n\n"
            f"Written by `bench/replay-child.py` ({started}, commit {commit}, {rp.CORES} cores): {N:,} stored requests "
            f"({runs[0]['requests']} distinct accepted scenario requests, over and over) replayed with the shipped rules as "
            f"current and candidate, {RUNS} runs.\n\n"
            f"| figure | median | runs |\n|---|---|---|\n"
            f"| screenings per second, first row sent to report | {statistics.median(rates):.0f} |"
            f" {' / '.join(f'{r:.0f}' for r in rates)} |\n"
            f"| start: process, both knowledge bases compiled | {statistics.median(r['startSeconds'] for r in runs):.1f} s |"
            f" {' / '.join(str(r['startSeconds']) for r in runs)} |\n"
            f"| failed to evaluate | {max(r['failed'] for r in runs)} | |\n")
    rp.write_report("replay-child", text)


if __name__ == "__main__":
    main()
