#!/usr/bin/env bash
# JIT compiler threads for the packaged service (issue 27, BENCHMARKS.md "JIT compiler threads"): for each
# configuration in turn (interleaved, ROUNDS times), a fresh database, start with bin/serve's flags (start-up
# request warm-up included) plus the configuration's, then
#   cold: the first 1,000 POSTs of the article after ready, serial (hey -c 1): requests/s and p50;
#   warm: wrk -t2 -c8 for 20 s (discarded), then 15 s (c=8 requests/s), then 3,000 serial POSTs: requests/s and p50.
# Prints one line per start. Needs the package (./mvnw package -DskipTests), hey and wrk; never part of .ci/run.
#   ROUNDS=2 bench/jit-threads.sh "" "-XX:CICompilerCount=3" "-XX:CICompilerCount=4"
# (the empty configuration: bin/serve's flags alone. bin/serve now carries -XX:CICompilerCount=3: to compare against
# the JVM's own choice, give CROSSCHECK_JAVA_OPTS without it. The figures of 2026-12-07 in BENCHMARKS.md were taken with
# these steps by an earlier, ad-hoc form of this script, before the flag was in bin/serve; this form was run once after.)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
ROUNDS=${ROUNDS:-2}
PORT=${PORT:-18085}
WORK=$ROOT/target/bench/jit-threads
BODY=$WORK/article.json
mkdir -p "$WORK"
python3 -c "import json,sys; d=json.load(open('$ROOT/examples/article-desk-worker.json')); d.pop('clientRef',None); json.dump(d,open('$BODY','w'))"
export CROSSCHECK_ADMIN_USER=admin CROSSCHECK_ADMIN_PASSWORD=bench-password-0123
export AUTH="Basic $(printf admin:bench-password-0123 | base64)" BODY_FILE=$BODY
FLAGS=${CROSSCHECK_JAVA_OPTS:-$("$ROOT/bin/serve" --print-jvm-flags)}
[ $# -gt 0 ] || set -- ""
figures() { hey -n "$1" -c 1 -m POST -T application/json -H "Authorization: $AUTH" -D "$BODY" \
  "http://127.0.0.1:$PORT/api/v1/screenings" | awk '/Requests\/sec/ {r=$2} /50% in/ {p=$3*1000} END {printf "%.0f req/s, p50 %.1f ms", r, p}'; }
c8() { wrk -t2 -c8 -d"$1"s -s "$ROOT/bench/post-screening.lua" "http://127.0.0.1:$PORT/api/v1/screenings" | awk '/Requests\/sec/ {print $2}'; }
for round in $(seq 1 "$ROUNDS"); do
  for config in "$@"; do
    # bin/serve runs from the directory above its own: a copy of bin/, rules/ and kb-docs/ with the package linked
    rm -rf "$WORK/app" && mkdir -p "$WORK/app/target" && cp -r "$ROOT/bin" "$ROOT/rules" "$ROOT/kb-docs" "$WORK/app/"
    ln -s "$ROOT/target/quarkus-app" "$WORK/app/target/quarkus-app"
    CROSSCHECK_JAVA_OPTS="$FLAGS $config" "$WORK/app/bin/serve" -Dquarkus.http.port=$PORT \
      -Dcrosscheck.security.initial-admin.roles=admin,author,physio > "$WORK/server.log" 2>&1 &
    pid=$!
    until curl -sf -o /dev/null "http://127.0.0.1:$PORT/q/health/ready"; do sleep 0.2; done
    warm_up=$(grep -o 'Request path warmed up.*' "$WORK/server.log" | grep -o 'JIT compilation [0-9]* ms')
    cold=$(figures 1000)
    c8 20 > /dev/null
    rate=$(c8 15)
    warm=$(figures 3000)
    echo "round $round [${config:-bin/serve}] warm-up: $warm_up; cold: $cold; warm c=8: $rate req/s; warm serial: $warm"
    kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
  done
done
