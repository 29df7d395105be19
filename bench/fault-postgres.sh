#!/usr/bin/env bash
# Fault test against the PostgreSQL build: a load generator posts screenings on loopback for 60 s;
# PostgreSQL is stopped 20 s in for 15 s and started again. Reports answers by status, the time from
# PostgreSQL's restart to the next 201, and whether every screening answered 201 is in the database
# and no other (requests not answered 201 are retried with their Idempotency-Key afterwards, as the
# 503 tells a client to: a commit in doubt is then answered with the screening it stored). Usage: bench/fault-postgres.sh [duration_s] [outage_start_s] [outage_s]
# Needs: a local PostgreSQL cluster (pg_ctlcluster, trust auth on 127.0.0.1:5432), python3, Java 17.
# Results: target/fault/report.txt (copied into RELIABILITY.md by hand).
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-60}; outage_at=${2:-20}; outage=${3:-15}
out=target/fault; mkdir -p "$out"
db=crosscheck_fault
cluster=$(ls /etc/postgresql | head -1)
port=18091
password=fault-admin-password

echo "== building the PostgreSQL jar in a copy of the working tree ($out/build), so target/ is left alone"
rm -rf "$out/build" "$out/app"; mkdir -p "$out/build"
git ls-files -z --cached --others --exclude-standard | xargs -0 tar cf - | tar xf - -C "$out/build"
(cd "$out/build" && ./mvnw -B -q -o -ntp package -DskipTests -Ppostgresql >/dev/null)
cp -r "$out/build/target/quarkus-app" "$out/app"

psql -h 127.0.0.1 -U postgres -d postgres -q -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
java -Dquarkus.http.port=$port -Dcrosscheck.jdbc-url=jdbc:postgresql://127.0.0.1:5432/$db -Dcrosscheck.db-user=postgres \
     -Dcrosscheck.security.initial-admin.password=$password -Dcrosscheck.security.initial-admin.roles=admin,physio \
     -Dcrosscheck.audit.key-file=$out/audit.key -Dcrosscheck.audit.checkpoint-file=$out/audit-head \
     -jar "$out/app/quarkus-run.jar" >"$out/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; pg_ctlcluster --skip-systemctl-redirect "$cluster" main start 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/q/health/ready" >/dev/null && break; sleep 1; done

python3 - "$port" "$password" "$duration" "$outage_at" "$outage" "$cluster" "$db" "$out" <<'PY'
import base64, json, subprocess, sys, threading, time, urllib.request, urllib.error
port, password, duration, outage_at, outage, cluster, db, out = sys.argv[1:9]
duration, outage_at, outage = int(duration), int(outage_at), int(outage)
auth = "Basic " + base64.b64encode(("admin:" + password).encode()).decode()
body = open("examples/article-desk-worker.json").read()
results, lock, start = [], threading.Lock(), time.time()
events = {}

def send(key):
    req = urllib.request.Request("http://127.0.0.1:%s/api/v1/screenings" % port,
            data=body.replace("pseudo-0001", key).encode(), method="POST",
            headers={"Content-Type": "application/json", "Authorization": auth, "Idempotency-Key": key})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, json.loads(r.read())["id"]
    except urllib.error.HTTPError as e:
        e.read()
        return e.code, None
    except Exception as e:
        return "error:" + type(e).__name__, None

def client(n):
    i = 0
    while time.time() - start < duration:
        key = "fault-%d-%d" % (n, i); i += 1
        t = time.time() - start
        status, sid = send(key)
        with lock:
            results.append((t, key, status, sid, time.time() - start))
        if status != 201:
            time.sleep(0.05)

def ready_probe():
    while time.time() - start < duration:
        try:
            with urllib.request.urlopen("http://127.0.0.1:%s/q/health/ready" % port, timeout=5) as r:
                s = r.status
        except urllib.error.HTTPError as e:
            s = e.code
        except Exception:
            s = "error"
        with lock:
            events.setdefault("ready", []).append((time.time() - start, s))
        time.sleep(0.5)

threads = [threading.Thread(target=client, args=(n,)) for n in range(4)] + [threading.Thread(target=ready_probe)]
for t in threads: t.start()
time.sleep(outage_at)
events["stop"] = time.time() - start
subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", cluster, "main", "stop"], check=True)
events["stopped"] = time.time() - start
time.sleep(outage)
subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", cluster, "main", "start"], check=True)
events["started"] = time.time() - start
for t in threads: t.join()

# A request not answered 201 may still have been committed (the connection broke during its commit: the
# 503 says the outcome is unknown). The client does what the 503 says: it retries with its Idempotency-Key.
retried = {k: send(k) for (_, k, s, _, _) in results if s != 201}
ok = {k: sid for (_, k, s, sid, _) in results if s == 201}
settled = {k: sid for k, (s, sid) in retried.items() if s in (200, 201)}
rows = subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", db, "-At", "-F", " ", "-c",
                       "select client_ref, id from screening where client_ref like 'fault-%'"],
                      capture_output=True, text=True, check=True).stdout.split("\n")
stored = {}
for line in filter(None, rows):
    ref, sid = line.split(" ")
    stored.setdefault(ref, []).append(sid)
by_status = {}
for (_, _, s, _, _) in results:
    by_status[str(s)] = by_status.get(str(s), 0) + 1
lost = [k for k, sid in list(ok.items()) + list(settled.items()) if sid not in stored.get(k, [])]
others = [k for k in stored if k not in ok and k not in settled]
unsettled = [k for k in retried if k not in settled]
replayed = [k for k, (s, _) in retried.items() if s == 200]
dups = [k for k, v in stored.items() if len(v) > 1]
after = [end for (_, _, s, _, end) in results if s == 201 and end > events["started"]]
recovered = (min(after) - events["started"]) if after else None
down = [t for (t, s) in events.get("ready", []) if s != 200]
errs_in_outage = [t for (t, _, s, _, _) in results if s != 201]
report = [
    "fault test: %d s of load (4 clients) against the PostgreSQL build; PostgreSQL stopped at %.1f s, started again at %.1f s"
    % (duration, events["stop"], events["started"]),
    "requests: %d; by status: %s" % (len(results), json.dumps(by_status, sort_keys=True)),
    "non-201 answers between %.1f s and %.1f s" % (min(errs_in_outage), max(errs_in_outage)) if errs_in_outage else "no non-201 answers",
    "readiness not UP between %.1f s and %.1f s (%d probes)" % (min(down), max(down), len(down)) if down else "readiness never DOWN",
    "time from PostgreSQL start to the next 201 answered: %s" % ("%.1f s" % recovered if recovered is not None else "never"),
    "not answered 201 during the run: %d, retried with their Idempotency-Key afterwards: %d already stored (answered 200 "
    "with the stored screening: commits in doubt when the connection broke), %d stored now (201), %d still failing"
    % (len(retried), len(replayed), len(settled) - len(replayed), len(unsettled)),
    "answered 201: %d (+%d on retry); stored: %d; answered screenings missing from the database: %d; "
    "stored without an answer: %d; duplicates: %d"
    % (len(ok), len(settled), sum(len(v) for v in stored.values()), len(lost), len(others), len(dups)),
]
open(out + "/report.txt", "w").write("\n".join(report) + "\n")
print("\n".join(report))
sys.exit(0 if not lost and not others and not dups and not unsettled and recovered is not None else 1)
PY
