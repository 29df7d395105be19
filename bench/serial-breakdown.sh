#!/usr/bin/env bash
# Where a warm serial POST's time goes (issue 27): the packaged service with bin/serve's flags and a JFR recording
# started with the JVM (forced commits recorded at any duration), 60 s of POSTs at c=8 to warm it, then two rounds
# of 3,000 serial POSTs (hey -c 1). Prints per round the rate, p50, and the service's CPU per request (from
# /proc/<pid>/stat), then over both rounds the forced commits (count, mean), young collections, compilations, and the
# CPU samples by library and by innermost Crosscheck frame. Needs: ./mvnw package, hey, wrk, python3, Temurin 25's jfr.
# Usage: bench/serial-breakdown.sh   (idle machine; about 4 minutes)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JFR=${JFR_TOOL:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/jfr}
PORT=${PORT:-18085}
work=$(mktemp -d "${TMPDIR:-/tmp}/serial-breakdown.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/target"
cp -r "$ROOT/bin" "$ROOT/rules" "$ROOT/kb-docs" "$work/"
cp -r "$ROOT/target/quarkus-app" "$work/target/"
# the article client without its client reference (else every POST is one client's next visit: bench/NOTES.md)
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); d.pop('clientRef',None); json.dump(d,open(sys.argv[2],'w'))" \
  "$ROOT/examples/article-desk-worker.json" "$work/article.json"
# JDK's profile settings with every forced commit recorded
java_home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
python3 - "$java_home/lib/jfr/profile.jfc" "$work/force.jfc" <<'PY'
import re, sys
s = open(sys.argv[1]).read()
m = re.search(r'<event name="jdk.FileForce">.*?</event>', s, re.S)
s = s.replace(m.group(0), re.sub(r'(<setting name="threshold"[^>]*>)[^<]*', r'\g<1>0 ms', m.group(0)))
open(sys.argv[2], "w").write(s)
PY
export CROSSCHECK_ADMIN_USER=admin CROSSCHECK_ADMIN_PASSWORD=bench-password-0123
AUTH="Basic $(printf admin:bench-password-0123 | base64)"
(cd "$work" && exec bin/serve -Dquarkus.http.port="$PORT" -Dcrosscheck.security.initial-admin.roles=admin,author,physio \
  -XX:StartFlightRecording=filename="$work/all.jfr",settings="$work/force.jfc" > "$work/server.log" 2>&1) &
server=$!
for i in $(seq 1 180); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/q/health/ready" && break; sleep 1; done
echo "ready after ${i} s"
BODY_FILE="$work/article.json" AUTH="$AUTH" wrk -t2 -c8 -d60s -s "$ROOT/bench/post-screening.lua" \
  "http://127.0.0.1:$PORT/api/v1/screenings" | grep "Requests/sec" | sed 's/^/warm-up at c=8: /'
t0=$(date -u +%Y-%m-%dT%H:%M:%S)
for round in 1 2; do
  cpu0=$(awk '{print $14+$15}' /proc/$server/stat)
  hey -n 3000 -c 1 -m POST -T application/json -H "Authorization: $AUTH" -D "$work/article.json" \
    "http://127.0.0.1:$PORT/api/v1/screenings" > "$work/hey.txt"
  cpu1=$(awk '{print $14+$15}' /proc/$server/stat)
  tick=$(getconf CLK_TCK)
  python3 - "$work/hey.txt" "$cpu0" "$cpu1" "$tick" "$round" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
rate = float(re.search(r"Requests/sec:\s+([0-9.]+)", text).group(1))
p50 = float(re.search(r"50%+ in ([0-9.]+) secs", text).group(1)) * 1000
cpu_ms = (int(sys.argv[3]) - int(sys.argv[2])) * 1000 / int(sys.argv[4])
print(f"round {sys.argv[5]}: {rate:.0f} POSTs/s, p50 {p50:.1f} ms, service CPU {cpu_ms / 3000:.2f} ms per POST")
PY
done
t1=$(date -u +%Y-%m-%dT%H:%M:%S)
jcmd "$server" JFR.dump filename="$work/serial.jfr" > /dev/null
kill "$server"; wait "$server" || true
"$JFR" print --json --stack-depth 200 --events jdk.FileForce,jdk.GarbageCollection,jdk.Compilation,jdk.ExecutionSample \
  "$work/serial.jfr" > "$work/events.json"
python3 - "$work/events.json" "$t0" "$t1" <<'PY'
import collections, json, sys
events = [e for e in json.load(open(sys.argv[1]))["recording"]["events"]
          if sys.argv[2] <= e["values"]["startTime"][:19] <= sys.argv[3]]
def seconds(e):
    d = e["values"].get("duration", "PT0S")
    return float(d[2:-1]) if d.startswith("PT") and d.endswith("S") and "M" not in d else 0.0
by = collections.defaultdict(list)
for e in events:
    by[e["type"]].append(e)
forces = by["jdk.FileForce"]
print(f"6,000 serial POSTs: {len(forces)} forced commits, mean {1000 * sum(map(seconds, forces)) / max(1, len(forces)):.2f} ms;"
      f" {len(by['jdk.GarbageCollection'])} collections, {sum(map(seconds, by['jdk.GarbageCollection'])):.2f} s of pauses;"
      f" {len(by['jdk.Compilation'])} compilations")
samples = by["jdk.ExecutionSample"]
libs, inner = collections.Counter(), collections.Counter()
for e in samples:
    names = [f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"]
             for f in e["values"]["stackTrace"]["frames"]]
    lib = next((n for n in names if not n.startswith(("java.", "jdk.", "sun."))), names[-1] if names else "?")
    libs[".".join(lib.split(".")[:3])] += 1
    own = [n for n in names if n.startswith("io.crosscheck") and "_" not in n.split(".")[-2] and "$$" not in n]
    inner[".".join(own[0].split(".")[-2:]) if own else "(no Crosscheck frame)"] += 1
print(f"{len(samples)} CPU samples; by the first non-JDK frame's package:")
for k, v in libs.most_common(8):
    print(f"  {100 * v / len(samples):5.1f} %  {k}")
print("by the innermost Crosscheck frame:")
for k, v in inner.most_common(8):
    print(f"  {100 * v / len(samples):5.1f} %  {k}")
PY
