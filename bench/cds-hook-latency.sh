#!/usr/bin/env bash
# CDS Hooks patient-view latency as an EHR sees it (io.crosscheck.bench.CdsHookLatency): the packaged jar started
# fresh (H2 file database, the JVM flags of bin/serve), the article's client in a physiotherapy encounter, a new
# patient per call, calls one at a time; once with everything prefetched and once with nothing prefetched (patient,
# encounter and three searches fetched from a real HAPI FHIR server, pages of three, in parallel under the deadline).
# Prints p50/p90/p99/max per way; writes target/bench/cds-hook-latency.json.
#   bench/cds-hook-latency.sh [calls-per-way] [warm-up-calls-per-way]     (SKIP_BUILD=1: use the jar and classes built)
# Never part of .ci/run; timings are never asserted in tests.
set -euo pipefail
cd "$(dirname "$0")/.."
calls=${1:-300}; warm=${2:-100}; port=18093
: "${JVM_FLAGS:=$(bin/serve --print-jvm-flags)}"
mkdir -p target/bench
if [ "${SKIP_BUILD:-}" != 1 ]; then
  ./mvnw -q -B -ntp package -DskipTests
  ./mvnw -q -B -ntp dependency:build-classpath -Dmdep.outputFile=target/bench/classpath.txt -Dmdep.includeScope=test
fi
root=$(pwd)
work=$(mktemp -d); trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
cp -r rules kb-docs "$work"/
(cd "$work" && CROSSCHECK_ADMIN_PASSWORD=cds-latency-pw CROSSCHECK_PUBLIC_BASE_URL=http://127.0.0.1:$port \
    exec java $JVM_FLAGS -Dquarkus.http.port=$port -Dcrosscheck.ehr.allow-plain-http=true \
    -jar "$root/target/quarkus-app/quarkus-run.jar" > server.log 2>&1) &
server=$!
for _ in $(seq 1 240); do curl -sf "http://127.0.0.1:$port/q/health/ready" >/dev/null && break; sleep 1; done
java $JVM_FLAGS -cp "target/test-classes:target/classes:$(cat target/bench/classpath.txt)" io.crosscheck.bench.CdsHookLatency \
  "http://127.0.0.1:$port" cds-latency-pw "$calls" "$warm" target/bench/cds-hook-latency.json
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); commit $(git rev-parse --short HEAD)"
