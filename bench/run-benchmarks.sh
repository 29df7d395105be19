#!/usr/bin/env bash
# Reproduces every performance figure of issue 9 in one run and writes BENCHMARKS.md:
# JMH (engine only, sample mode), then the packaged jar: start-up, first screening, response size,
# serial latency, wrk throughput ratio, constant-rate latency (hey), resident memory, reloads.
# Medians of RUNS runs (default 3). Needs Java 17, python3, wrk and hey (apt-get install wrk hey).
#   bench/run-benchmarks.sh [runs] [seconds-per-load-run]
#   bench/run-benchmarks.sh request-path       only the request-path figures of issue 27 (bench/request_path.py)
# Issue 27's by-hand measurements, each writing its own bench/*.md (after this script's build): bench/gc-sweep.py
# (heap and collector), bench/aot-cache.py (Java 25 AOT cache), bench/growth-replay.py (disk growth and replay over
# 100,000 screenings), bench/get-audit-cost.py (the read's audit entry), bench/code-sweeper.py (code cache sweeping),
# bench/embedded-stores.py (H2, SQLite and HSQLDB with every commit forced), bench/replay-child.py (the replay's
# sandbox process alone).
# Never part of .ci/run; timings are never asserted in tests.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = request-path ]; then
  export RUNS=3 SECONDS_PER_LOAD=15
else
  export RUNS="${1:-3}" SECONDS_PER_LOAD="${2:-15}"
fi
# the JVM flags of the jar's launch (bin/serve, README): the server and the JMH fork use the same
: "${JVM_FLAGS:=$(bin/serve --print-jvm-flags)}"
export JVM_FLAGS
for tool in wrk hey python3; do
  command -v "$tool" >/dev/null || { echo "$tool not installed: apt-get install wrk hey python3" >&2; exit 1; }
done
mkdir -p target/bench
./mvnw -q -B -ntp package -DskipTests
./mvnw -q -B -ntp dependency:build-classpath -Dmdep.outputFile=target/bench/classpath.txt -Dmdep.includeScope=test
# issue 27: the request path against the floor measured in the same run (cold and warm, serial and c=8, GET, CDS,
# start to ready, RSS, GC, disk per screening, replay); `bench/run-benchmarks.sh request-path` runs only this part
if [ "${1:-}" != request-path ]; then
  python3 bench/bench.py
fi
RUNS="${RUNS_REQUEST_PATH:-3}" python3 bench/request_path.py
