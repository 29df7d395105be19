#!/usr/bin/env bash
# Reproduces the performance figures: JMH (engine, no HTTP) and wrk (HTTP, loopback only).
# Figures are read as ratios within one run. Needs: Java 17, wrk (apt-get install wrk).
#   bench/run-benchmarks.sh [seconds-per-wrk-run]
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-15}"
OUT=target/bench
mkdir -p "$OUT"

echo "== JMH: where one screening's time goes (engine only)"
./mvnw -q -B -ntp test-compile dependency:build-classpath -Dmdep.outputFile="$OUT/classpath.txt" -Dmdep.includeScope=test
java -cp "target/test-classes:target/classes:$(cat "$OUT/classpath.txt")" org.openjdk.jmh.Main \
  'io.crosscheck.bench.ScreeningBenchmark' -f 1 -wi 3 -w 2s -i 5 -r 2s -rf json -rff "$OUT/jmh.json" | tail -8
python3 - "$OUT/jmh.json" <<'PY'
import json, sys
rows = {r["benchmark"].rsplit(".", 1)[1]: r["primaryMetric"]["score"] for r in json.load(open(sys.argv[1]))}
base = rows["readRequest"]
print("\nJMH ratios (1.0 = read and validate the request, %.1f us):" % base)
for name, score in sorted(rows.items(), key=lambda kv: kv[1]):
    print("  %-28s %8.1f us  x%.1f" % (name, score, score / base))
PY

echo "== wrk: HTTP throughput on loopback (packaged jar, in-memory H2)"
command -v wrk >/dev/null || { echo "wrk not installed: apt-get install wrk" >&2; exit 1; }
./mvnw -q -B -ntp package -DskipTests
PORT=18080
java -Dquarkus.http.port=$PORT -Dcrosscheck.jdbc-url='jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1' \
     -jar target/quarkus-app/quarkus-run.jar > "$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null && break; sleep 1; done
URL="http://127.0.0.1:$PORT"
wrk -t2 -c8 -d5s -s bench/post-screening.lua "$URL/api/v1/screenings" >/dev/null   # warm-up
wrk -t2 -c8 -d"${DURATION}s" "$URL/q/health/live" | tee "$OUT/wrk-health.txt" | grep -E "Requests/sec|Latency"
wrk -t2 -c8 -d"${DURATION}s" "$URL/api/v1/vocabulary" | tee "$OUT/wrk-vocabulary.txt" | grep -E "Requests/sec|Latency"
wrk -t2 -c8 -d"${DURATION}s" -s bench/post-screening.lua "$URL/api/v1/screenings" | tee "$OUT/wrk-screening.txt" \
  | grep -E "Requests/sec|Latency|non-201"
python3 - "$OUT" <<'PY'
import re, sys
def rps(name):
    return float(re.search(r"Requests/sec:\s+([\d.]+)", open(f"{sys.argv[1]}/wrk-{name}.txt").read()).group(1))
h, v, s = rps("health"), rps("vocabulary"), rps("screening")
print("\nwrk ratios (requests/s): health %.0f, vocabulary %.0f, screening POST %.0f" % (h, v, s))
print("  screening POST costs x%.1f a health check and x%.1f a vocabulary GET" % (h / s, v / s))
PY
