#!/usr/bin/env bash
# What authentication costs per request, measured on the packaged jar: GET /q/health/live without
# credentials and with an administrator's Basic credentials (Quarkus authenticates them although the
# probe needs none), alternated in PAIRS pairs of `hey -n N -c 1` runs so that drift of a shared machine
# hits both sides alike; reports each pair's medians and the median per-request difference in µs.
#   bench/auth-cost.sh [pairs] [requests-per-run]        (needs hey: apt-get install hey)
# Not part of .ci/run; timings are never asserted in tests.
set -euo pipefail
cd "$(dirname "$0")/.."
pairs=${1:-5}; n=${2:-2000}; port=18092
command -v hey >/dev/null || { echo "hey not installed: apt-get install hey" >&2; exit 1; }
./mvnw -q -B -ntp package -DskipTests   # the default (H2) build
root=$(pwd); flags=$(bin/serve --print-jvm-flags)
work=$(mktemp -d); trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
cp -r rules kb-docs "$work"/
(cd "$work" && CROSSCHECK_ADMIN_PASSWORD=auth-cost-pw exec java $flags -Dquarkus.http.port=$port \
    -jar "$root/target/quarkus-app/quarkus-run.jar" > server.log 2>&1) &
server=$!
for _ in $(seq 1 180); do curl -sf "http://127.0.0.1:$port/q/health/ready" >/dev/null && break; sleep 1; done
auth="Authorization: Basic $(printf 'admin:auth-cost-pw' | base64)"
url="http://127.0.0.1:$port/q/health/live"
[ "$(curl -s -o /dev/null -w '%{http_code}' -u admin:wrong "http://127.0.0.1:$port/api/v1/admin/users")" = 401 ] || { echo "credentials not checked" >&2; exit 1; }
median() { hey "$@" | sed -n 's/.*50% in \([0-9.]*\) secs.*/\1/p'; }
hey -n "$n" -c 1 "$url" >/dev/null; hey -n "$n" -c 1 -H "$auth" "$url" >/dev/null   # warm-up
diffs=()
for i in $(seq 1 "$pairs"); do
  a=$(median -n "$n" -c 1 "$url"); b=$(median -n "$n" -c 1 -H "$auth" "$url")
  d=$(python3 -c "print(round(($b - $a) * 1e6))")
  diffs+=("$d")
  echo "pair $i: median without credentials $(python3 -c "print(round($a*1e6))") µs, with $(python3 -c "print(round($b*1e6))") µs, difference $d µs"
done
echo "authentication cost per request (median of the pairs' differences): $(printf '%s\n' "${diffs[@]}" | sort -n | sed -n "$(( (pairs + 1) / 2 ))p") µs; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
