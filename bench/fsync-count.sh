#!/usr/bin/env bash
# Durable commits (issue 27): fsync calls per acknowledged screening on the packaged jar, serial and at 8 clients,
# and the serial p50 with crosscheck.storage.durable-commits on and off. Run by hand (never in CI), after
#   ./mvnw -B -o -ntp -q -DskipTests -Dspotless.check.skip=true package
# Needs strace (apt-get install -y strace), hey and curl; strace attaches to the running JVM (ptrace: root or
# kernel.yama.ptrace_scope=0). Usage: bench/fsync-count.sh [on|off ...]   (default: on off)
# Each setting: a fresh copy directory (rules/, kb-docs/, bin/, a new H2 file database under data/) started with
# bin/serve; 1,000 warm-up screenings at 4 clients; 500 serial screenings timed WITHOUT strace (the p50); then
# `strace -f -c -e trace=fsync,fdatasync -p <pid>` while hey sends 500 serial and then 2,000 at 8 clients.
# Output: target/fsync-count/<setting>/ (server.log, hey-*.txt, strace-*.txt) and a summary on stdout.
# STRACE=0 leaves the strace runs out (latency only; strace -p stops the JVM at every system call of every thread,
# which slows a screening tens of times on this machine). A setting may be repeated: on off on off.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PORT=${PORT:-18086}
USER_NAME=bench
PASSWORD=bench-password-0123
AUTH="Basic $(printf '%s:%s' "$USER_NAME" "$PASSWORD" | base64 -w0)"
ARTICLE=$ROOT/examples/article-desk-worker.json
URL=http://127.0.0.1:$PORT/api/v1/screenings
OUT=$ROOT/target/fsync-count
[ -f target/quarkus-app/quarkus-run.jar ] || { echo "build first (see the header)" >&2; exit 1; }
command -v strace >/dev/null || { echo "strace missing: apt-get install -y strace" >&2; exit 1; }
SETTINGS=("$@")
[ ${#SETTINGS[@]} -gt 0 ] || SETTINGS=(on off)

screen() { # hey arguments...
  hey -m POST -T application/json -H "Authorization: $AUTH" -D "$ARTICLE" "$@" "$URL"
}
acknowledged() { # the 201s in a hey report
  awk '/\[201\]/ {print $2}' "$1" | head -1
}
fsyncs() { # fsync + fdatasync calls in a strace -c summary
  awk '$NF == "fsync" || $NF == "fdatasync" {n += $4} END {print n + 0}' "$1"
}
p50_ms() {
  awk '/50%% in/ || /50% in/ {printf "%.2f", $3 * 1000}' "$1"
}

summary=()
for setting in "${SETTINGS[@]}"; do
  case $setting in on) flag=true ;; off) flag=false ;; *) echo "on or off, not $setting" >&2; exit 1 ;; esac
  run=$((${run:-0} + 1))
  dir=$OUT/$run-$setting
  rm -rf "$dir"
  mkdir -p "$dir/app/target"
  cp -r rules kb-docs bin "$dir/app/"
  ln -s "$ROOT/target/quarkus-app" "$dir/app/target/quarkus-app"
  CROSSCHECK_ADMIN_USER=$USER_NAME CROSSCHECK_ADMIN_PASSWORD=$PASSWORD "$dir/app/bin/serve" \
    -Dquarkus.http.port="$PORT" -Dcrosscheck.security.initial-admin.roles=admin,author,physio \
    -Dcrosscheck.storage.durable-commits=$flag >"$dir/server.log" 2>&1 &
  pid=$!
  trap 'kill $pid 2>/dev/null || true' EXIT
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null && break
    sleep 0.5
  done
  curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null || { echo "not ready, see $dir/server.log" >&2; exit 1; }

  screen -n 1000 -c 4 >"$dir/hey-warm-up.txt"
  screen -n 500 -c 1 >"$dir/hey-serial-timed.txt"

  if [ "${STRACE:-1}" = 0 ]; then
    kill "$pid"; wait "$pid" 2>/dev/null || true
    trap - EXIT
    line="$setting serial p50 $(p50_ms "$dir/hey-serial-timed.txt") ms, $(awk '/Requests\/sec/ {printf "%.0f", $2}' "$dir/hey-serial-timed.txt")/s"
    echo "$line"
    summary+=("$line")
    continue
  fi
  strace -f -c -e trace=fsync,fdatasync -p "$pid" -o "$dir/strace-serial.txt" & st=$!
  sleep 2
  screen -n 500 -c 1 >"$dir/hey-serial.txt"
  kill -INT $st; wait $st || true

  strace -f -c -e trace=fsync,fdatasync -p "$pid" -o "$dir/strace-c8.txt" & st=$!
  sleep 2
  screen -n 2000 -c 8 >"$dir/hey-c8.txt"
  kill -INT $st; wait $st || true

  kill "$pid"; wait "$pid" 2>/dev/null || true
  trap - EXIT

  a1=$(acknowledged "$dir/hey-serial.txt"); f1=$(fsyncs "$dir/strace-serial.txt")
  a8=$(acknowledged "$dir/hey-c8.txt"); f8=$(fsyncs "$dir/strace-c8.txt")
  line=$(printf '%-4s serial: %s x 201, %s fsync (%s per screening), p50 %s ms without strace | c=8: %s x 201, %s fsync (%s per screening), %s/s under strace' \
    "$setting" "$a1" "$f1" "$(awk -v f="$f1" -v a="$a1" 'BEGIN {printf "%.2f", f / a}')" "$(p50_ms "$dir/hey-serial-timed.txt")" \
    "$a8" "$f8" "$(awk -v f="$f8" -v a="$a8" 'BEGIN {printf "%.2f", f / a}')" \
    "$(awk '/Requests\/sec/ {printf "%.0f", $2}' "$dir/hey-c8.txt")")
  echo "$line"
  summary+=("$line")
done
printf '%s\n' "${summary[@]}" >"$OUT/summary.txt"
