#!/usr/bin/env python3
"""The request path's figures (issue 27), each against the floor measured in the same run.

Called by bench/run-benchmarks.sh (after the build) or on its own:
    RUNS=3 BIG=100000 python3 bench/request_path.py
Per run:
  1. floor, in process (JMH `io.crosscheck.bench.FloorBenchmark`, sample mode): read and validate the article's
     request, evaluate it, write the response, commit its row and audit row on an H2 file database (forced to disk
     as the service does); plus HTTP and authentication, measured on the server as a serial GET /q/health/live with
     Basic credentials. Their sum is the floor of one screening; cores / floor its rate.
  2. the packaged jar (bin/serve's JVM flags), a fresh directory: first start (compiles the rules and fills the
     module cache), stopped; restarted on that cache: start to ready, then the cold figures (the first 1,000 requests
     after ready, serial); restarted again: the first 1,000 after ready at c=8, then warm (after 20 s of load):
     serial and c=8 POST, serial and c=8 GET of a stored screening, RSS, full collections, CDS Hooks with everything
     prefetched, and (run 1, BIG screenings) disk per screening as the database grows, and replay throughput.
Writes target/bench/request-path/runN/figures.json, bench/request-path.md (the table, medians of the runs) and the
block of BENCHMARKS.md between the request-path markers. Never part of .ci/run; timings are never asserted in tests.
"""
import base64
import contextlib
import json
import os
import re
import signal
import shutil
import statistics
import subprocess
import sys
import threading
import time
import urllib.request

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
OUT = os.path.join(ROOT, "target", "bench", "request-path")
RUNS = int(os.environ.get("RUNS", "3"))
BIG = int(os.environ.get("BIG", "100000"))
LOAD_S = int(os.environ.get("LOAD_SECONDS", "15"))
PORT = 18085
BASE = f"http://127.0.0.1:{PORT}"
ARTICLE_SOURCE = os.path.join(ROOT, "examples", "article-desk-worker.json")
# The article client without its client reference: with one reference every POST of the run would be the same client's
# next visit, and the look-ups of the client's earlier visits (VisitDates.firstVisit, PreviousVisits) read every one of
# that client's stored screenings, so the figures would measure a client with 100,000 visits (bench/NOTES.md, issue 27)
ARTICLE = os.path.join(ROOT, "target", "bench", "article-without-client-ref.json")
os.makedirs(os.path.dirname(ARTICLE), exist_ok=True)
_doc = json.load(open(ARTICLE_SOURCE))
_doc.pop("clientRef", None)
json.dump(_doc, open(ARTICLE, "w"))
JVM_FLAGS = os.environ.get("JVM_FLAGS", "").split() or subprocess.run(
    [os.path.join(ROOT, "bin", "serve"), "--print-jvm-flags"], capture_output=True, text=True, check=True).stdout.split()
EXTRA = os.environ.get("SERVER_FLAGS", "").split()
JAVA = "java"  # the java that runs the jar (bench/aot-cache.py sets Java 25's)
# a JDK's `jfr` tool, for the scripts that read their recordings (Temurin 25's reads Java 17's recordings too)
JFR_TOOL = os.environ.get("JFR_TOOL", "/usr/lib/jvm/temurin-25-jdk-amd64/bin/jfr")
USER, PASSWORD = "admin", "bench-password-0123"
AUTH = "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
CORES = os.cpu_count()


def sh(cmd, **kw):
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw).stdout


def request(method, path, body=None, timeout=120, headers=None):
    h = {"Authorization": AUTH}
    if body is not None:
        h["Content-Type"] = "application/json"
    h.update(headers or {})
    req = urllib.request.Request(BASE + path, data=body, method=method, headers=h)
    with urllib.request.urlopen(req, timeout=timeout) as r:
        return r.status, r.read(), dict(r.headers)


def hey(args, path="/api/v1/screenings", post=True):
    cmd = ["hey"] + args + ["-H", f"Authorization: {AUTH}"]
    if post:
        cmd += ["-m", "POST", "-T", "application/json", "-D", ARTICLE]
    text = sh(cmd + [BASE + path])
    pct = {m.group(1): float(m.group(2)) * 1000 for m in re.finditer(r"(\d+)% in ([\d.]+) secs", text)}
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    codes = dict((int(a), int(b)) for a, b in re.findall(r"\[(\d+)\]\s+(\d+) responses", text))
    ok = codes.get(201 if post else 200, 0)
    if ok != sum(codes.values()):
        sys.exit(f"unexpected status codes {codes} for {path}:\n{text}")
    return {"p50": pct.get("50"), "p99": pct.get("99"), "rps": rps, "n": ok}


def wrk(path, seconds, lua=None):
    cmd = ["wrk", "-t2", "-c8", f"-d{seconds}s", "-H", f"Authorization: {AUTH}"]
    if lua:
        cmd += ["-s", lua]
    text = sh(cmd + [BASE + path], env=dict(os.environ, BODY_FILE=ARTICLE, AUTH=AUTH))
    m = re.search(r"non-201 responses: (\d+)", text)
    if m and int(m.group(1)):
        sys.exit(f"wrk saw non-201 responses:\n{text}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)), int(re.search(r"(\d+) requests in", text).group(1))


def rss_mb(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def full_gcs(pid):
    """(young, full) collection counts of the server, from jstat."""
    out = sh(["jstat", "-gcutil", str(pid)]).split("\n")
    head, values = out[0].split(), out[1].split()
    row = dict(zip(head, values))
    return int(row["YGC"]), int(row["FGC"])


def code_cache_mb(pid):
    """Code cache in use and the most it held (all segments), from jcmd Compiler.codecache."""
    text = sh(["jcmd", str(pid), "Compiler.codecache"])
    used = sum(int(x) for x in re.findall(r"used=(\d+)Kb", text)) / 1024
    peak = sum(int(x) for x in re.findall(r"max_used=(\d+)Kb", text)) / 1024
    return used, peak


class Server:
    def __init__(self, work, log):
        self.work, self.log = work, log

    def start(self):
        t0 = time.monotonic()
        offset = os.path.getsize(self.log) if os.path.exists(self.log) else 0  # read only this start's lines
        env = dict(os.environ, CROSSCHECK_ADMIN_USER=USER, CROSSCHECK_ADMIN_PASSWORD=PASSWORD,
                   CROSSCHECK_PUBLIC_BASE_URL=BASE)
        env.pop("CROSSCHECK_PERFORMANCE_REQUEST_WARM_UP", None)
        self.p = subprocess.Popen([JAVA] + JVM_FLAGS + EXTRA + [
            f"-Dquarkus.http.port={PORT}", "-Dcrosscheck.security.initial-admin.roles=admin,author,physio",
            "-Dcrosscheck.ehr.allow-plain-http=true", "-jar", os.path.join(ROOT, "target/quarkus-app/quarkus-run.jar")],
            cwd=self.work, stdout=open(self.log, "a"), stderr=subprocess.STDOUT, env=env)
        while True:
            if self.p.poll() is not None:
                sys.exit(f"server exited; see {self.log}")
            try:
                with urllib.request.urlopen(BASE + "/q/health/ready", timeout=5) as r:
                    if r.status == 200:
                        break
            except Exception:
                pass
            time.sleep(0.02)
        self.ready_s = time.monotonic() - t0
        with open(self.log) as f:
            f.seek(offset)
            text = f.read()
        self.started_in = float(re.findall(r"started in ([\d.]+)s", text)[-1])
        m = re.findall(r"Request path warmed up: (\d+) requests \((\d+) screenings.*? in (\d+) ms, JIT compilation (\d+) ms"
                       r" meanwhile, (settled|budget spent)", text)
        self.warm_up = m[-1] if m else None
        return self

    def stop(self):
        self.p.send_signal(signal.SIGTERM)
        self.p.wait(300)  # a training start of bench/aot-cache.py assembles its cache on exit


def fresh_app(name):
    """target/bench/<name>/ emptied, with copies of rules/ and kb-docs/ in its app/ (the server's working directory):
    (that directory, app/, the server log's path)."""
    out = os.path.join(ROOT, "target", "bench", name)
    work = os.path.join(out, "app")
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(work)
    for d in ("rules", "kb-docs"):
        shutil.copytree(os.path.join(ROOT, d), os.path.join(work, d))
    return out, work, os.path.join(out, "server.log")


@contextlib.contextmanager
def jfr(pid, recording, *settings):
    """A JFR recording of the server with the `profile` settings (and `settings`, e.g. an event's threshold) while the
    block runs, dumped to `recording` at its end."""
    name = os.path.basename(recording)
    subprocess.run(["jcmd", str(pid), "JFR.start", f"name={name}", "settings=profile", *settings], check=True,
                   capture_output=True)
    try:
        yield recording
    finally:
        subprocess.run(["jcmd", str(pid), "JFR.stop", f"name={name}", f"filename={recording}"], check=True,
                       capture_output=True)


def jfr_print(recording, *args):
    """`jfr print` of a recording, as text."""
    return subprocess.run([JFR_TOOL, "print", *args, recording], capture_output=True, text=True, check=True).stdout


def execution_samples(recording, depth):
    """Each `jdk.ExecutionSample` of a recording: (the sampled thread's name, the event's text with its stack)."""
    for event in jfr_print(recording, "--events", "jdk.ExecutionSample", "--stack-depth", str(depth)).split(
            "jdk.ExecutionSample")[1:]:
        thread = re.search(r'sampledThread = "([^"]+)"', event)
        yield (thread.group(1) if thread else "?"), event


def write_report(name, text):
    """Writes bench/<name>.md and prints it."""
    open(os.path.join(ROOT, "bench", f"{name}.md"), "w").write(text)
    print(text)


def floor_jmh(run_dir):
    cp = open(os.path.join(ROOT, "target", "bench", "classpath.txt")).read().strip()
    out = os.path.join(run_dir, "floor.json")
    cmd = ["java", "-cp", f"target/test-classes:target/classes:{cp}", "org.openjdk.jmh.Main",
           r"FloorBenchmark\.", "-bm", "sample", "-tu", "us", "-f", "1", "-wi", "3", "-w", "2s", "-i", "3",
           "-r", "2s", "-rf", "json", "-rff", out, "-jvmArgsAppend", " ".join(JVM_FLAGS)]
    subprocess.run(cmd, check=True, cwd=ROOT, stdout=open(os.path.join(run_dir, "floor.log"), "w"),
                   stderr=subprocess.STDOUT)
    return {r["benchmark"].rsplit(".", 1)[1]: r["primaryMetric"]["scorePercentiles"]["50.0"] / 1000
            for r in json.load(open(out))}


def db_file(work):
    return os.path.join(work, "data", "crosscheck.mv.db")


def grow(work, n, fig):
    """n more screenings at c=8, the database file's size sampled as it grows: bytes per screening per interval."""
    samples = []
    done = threading.Event()

    def sample():
        while not done.is_set():
            samples.append((time.monotonic(), os.path.getsize(db_file(work))))
            time.sleep(5)

    t = threading.Thread(target=sample)
    t.start()
    size0, t0 = os.path.getsize(db_file(work)), time.monotonic()
    r = hey(["-n", str(n), "-c", "8"])
    done.set()
    t.join()
    size1 = os.path.getsize(db_file(work))
    fig["big_n"], fig["big_rps"] = r["n"], r["rps"]
    fig["disk_kb_per_screening"] = (size1 - size0) / r["n"] / 1024
    fig["db_file_mb"] = size1 / 1024 / 1024
    # growth per interval, as KB per screening at the rate measured: flat means the file grows with the data only
    rate = r["n"] / (time.monotonic() - t0)
    per = [(b1 - b0) / ((u1 - u0) * rate) / 1024 for (u0, b0), (u1, b1) in zip(samples, samples[1:]) if u1 > u0]
    fig["disk_growth_kb_per_screening_by_interval"] = [round(x, 1) for x in per]


def replay(fig, run_dir):
    zip_path = os.path.join(run_dir, "candidate.zip")
    if os.path.exists(zip_path):
        os.remove(zip_path)
    subprocess.run(["zip", "-qr", zip_path, "rules", "kb-docs"], cwd=ROOT, check=True)
    status, body, _ = request("POST", "/api/v1/knowledge-base/replays", open(zip_path, "rb").read(),
                              headers={"Content-Type": "application/zip"})
    job = json.loads(body)
    t0 = time.monotonic()
    while job["state"] == "running":
        time.sleep(1)
        job = json.loads(request("GET", f"/api/v1/knowledge-base/replays/{job['id']}")[1])
    wall = time.monotonic() - t0
    if job["state"] != "done":
        sys.exit(f"replay {job['state']}: {job.get('error')}")
    n = job["report"]["screenings"]["evaluated"]
    fig["replay_screenings"] = n
    fig["replay_wall_s"] = wall
    fig["replay_per_s"] = n / wall
    fig["replay_eval_per_s"] = n / (job["report"]["durationMillis"] / 1000)


def cds(fig, run_dir):
    cp = open(os.path.join(ROOT, "target", "bench", "classpath.txt")).read().strip()
    out = os.path.join(run_dir, "cds.json")
    subprocess.run(["java", "-cp", f"target/test-classes:target/classes:{cp}", "io.crosscheck.bench.CdsHookLatency",
                    BASE, PASSWORD, "300", "100", out], check=True, cwd=ROOT, capture_output=True)
    doc = json.load(open(out))
    fig["cds_prefetched"] = doc


def server_run(run_dir, i):
    work = os.path.join(run_dir, "app")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    for d in ("rules", "kb-docs"):
        shutil.copytree(os.path.join(ROOT, d), os.path.join(work, d))
    log = os.path.join(run_dir, "server.log")
    fig = {}
    s = Server(work, log).start()  # first start: compiles the rules, fills the module cache
    fig["first_start_ready_s"] = s.ready_s
    s.stop()

    s = Server(work, log).start()
    fig["ready_s"], fig["started_in_s"], fig["warm_up"] = s.ready_s, s.started_in, s.warm_up
    cold = hey(["-n", "1000", "-c", "1"])
    fig["cold_serial_p50_ms"], fig["cold_serial_p99_ms"], fig["cold_serial_rps"] = cold["p50"], cold["p99"], cold["rps"]
    s.stop()

    s = Server(work, log).start()
    cold8 = hey(["-n", "1000", "-c", "8"])
    fig["cold_c8_rps"], fig["cold_c8_p50_ms"], fig["cold_c8_p99_ms"] = cold8["rps"], cold8["p50"], cold8["p99"]
    wrk("/api/v1/screenings", 20, os.path.join(ROOT, "bench", "post-screening.lua"))  # warm
    y0, f0 = full_gcs(s.p.pid)
    t0 = time.monotonic()
    serial = hey(["-n", "3000", "-c", "1"])
    fig["warm_serial_p50_ms"], fig["warm_serial_p99_ms"], fig["warm_serial_rps"] = serial["p50"], serial["p99"], serial["rps"]
    fig["warm_c8_rps"], n8 = wrk("/api/v1/screenings", LOAD_S, os.path.join(ROOT, "bench", "post-screening.lua"))
    c8 = hey(["-n", "5000", "-c", "8"])
    fig["warm_c8_p50_ms"], fig["warm_c8_p99_ms"] = c8["p50"], c8["p99"]
    y1, f1 = full_gcs(s.p.pid)
    elapsed = time.monotonic() - t0
    fig["young_gc_per_s"], fig["full_gc_per_min"] = (y1 - y0) / elapsed, (f1 - f0) / elapsed * 60
    fig["rss_mb"] = rss_mb(s.p.pid)
    fig["code_cache_used_mb"], fig["code_cache_peak_mb"] = code_cache_mb(s.p.pid)
    status, body, _ = request("POST", "/api/v1/screenings", open(ARTICLE, "rb").read())
    sid = json.loads(body)["id"]
    fig["response_kb"] = len(body) / 1024
    get_serial = hey(["-n", "3000", "-c", "1"], f"/api/v1/screenings/{sid}", post=False)
    fig["get_serial_p50_ms"], fig["get_serial_p99_ms"] = get_serial["p50"], get_serial["p99"]
    get8 = hey(["-n", "5000", "-c", "8"], f"/api/v1/screenings/{sid}", post=False)
    fig["get_c8_rps"] = get8["rps"]
    health = hey(["-n", "3000", "-c", "1"], "/q/health/live", post=False)
    fig["http_auth_p50_ms"] = health["p50"]
    fig["get_over_post"] = fig["get_serial_p50_ms"] / fig["warm_serial_p50_ms"]
    cds(fig, run_dir)
    if i == 1 and BIG:
        grow(work, BIG, fig)
        fig["rss_after_big_mb"] = rss_mb(s.p.pid)
        replay(fig, run_dir)
    s.stop()
    return fig


TARGETS = [
    ("floor_ms", "floor of one screening, in process: read + evaluate + write + H2 commit (forced) + HTTP/auth", "ms", "", None),
    ("floor_rps", "floor rate: cores / floor", "req/s", "", None),
    ("warm_serial_p50_ms", "warm serial POST, p50 (hey -c 1, 3,000)", "ms", "<= 1.3 ms", lambda v: v <= 1.3),
    ("warm_serial_p99_ms", "warm serial POST, p99", "ms", "", None),
    ("warm_serial_of_floor", "floor / warm serial p50", "", "", None),
    ("warm_c8_rps", f"warm POST at c=8 (wrk -t2 -c8, {LOAD_S} s)", "req/s", "", None),
    ("warm_c8_of_floor", "warm c=8 rate / floor rate", "", ">= 0.8", lambda v: v >= 0.8),
    ("warm_c8_p50_ms", "warm POST at c=8 (hey -c 8, 5,000), p50", "ms", "", None),
    ("warm_c8_p99_ms", "warm POST at c=8, p99", "ms", "", None),
    ("cold_serial_p50_ms", "cold: first 1,000 POSTs after ready, serial, p50", "ms", "", None),
    ("cold_serial_p99_ms", "cold: same, p99", "ms", "", None),
    ("cold_serial_of_warm", "cold serial rate / warm serial rate", "", ">= 0.8", lambda v: v >= 0.8),
    ("cold_c8_rps", "cold: first 1,000 POSTs after ready at c=8", "req/s", "", None),
    ("cold_c8_of_warm", "cold c=8 rate / warm c=8 rate", "", ">= 0.8", lambda v: v >= 0.8),
    ("get_serial_p50_ms", "warm serial GET of a stored screening, p50", "ms", "", None),
    ("get_over_post", "GET p50 / POST p50 (serial)", "", "<= 0.25", lambda v: v <= 0.25),
    ("get_c8_rps", "GET at c=8 (hey, 5,000)", "req/s", "", None),
    ("http_auth_p50_ms", "GET /q/health/live with Basic credentials, serial p50 (HTTP and authentication)", "ms", "", None),
    ("cds_prefetched_p50_ms", "CDS Hooks patient-view, everything prefetched, p50 (300 calls)", "ms", "", None),
    ("cds_prefetched_p99_ms", "same, p99", "ms", "", None),
    ("started_in_s", "start-up, `started in`, module cache filled", "s", "", None),
    ("ready_s", "start to ready (launch to /q/health/ready 200, request warm-up included)", "s", "<= 3 s", lambda v: v <= 3),
    ("first_start_ready_s", "first start to ready (compiles the rules)", "s", "", None),
    ("rss_mb", "resident memory after the warm load", "MB", "<= 300 MB", lambda v: v <= 300),
    ("rss_after_big_mb", "resident memory after the large load (run 1)", "MB", "<= 300 MB", lambda v: v <= 300),
    ("code_cache_peak_mb", "code cache, most held (all segments)", "MB", "", None),
    ("full_gc_per_min", "full collections per minute under load", "/min", "", None),
    ("disk_kb_per_screening", "H2 file growth per stored screening over the large load (run 1)", "KB", "<= 16 KB", lambda v: v <= 16),
    ("replay_per_s", "replay, stored screenings per second, wall clock (run 1)", "/s", ">= 5,000", lambda v: v >= 5000),
]


FLOOR_PARTS = ("read", "evaluate", "write", "commit")


def derive(fig, floor):
    fig["floor_parts_ms"] = floor
    # the floor is the four parts a screening needs; the other FloorBenchmark rows are comparisons (Blackbird)
    fig["floor_ms"] = sum(floor[k] for k in FLOOR_PARTS) + fig["http_auth_p50_ms"]
    fig["floor_rps"] = CORES / fig["floor_ms"] * 1000
    fig["warm_serial_of_floor"] = fig["floor_ms"] / fig["warm_serial_p50_ms"]
    fig["warm_c8_of_floor"] = fig["warm_c8_rps"] / fig["floor_rps"]
    fig["cold_serial_of_warm"] = fig["cold_serial_rps"] / fig["warm_serial_rps"]
    fig["cold_c8_of_warm"] = fig["cold_c8_rps"] / fig["warm_c8_rps"]
    ways = fig.get("cds_prefetched") or {}
    pre = ways.get("prefetch") or {}
    fig["cds_prefetched_p50_ms"], fig["cds_prefetched_p99_ms"] = pre.get("p50"), pre.get("p99")


def fmt(v):
    if v is None:
        return "-"
    if abs(v) >= 100:
        return f"{v:,.0f}"
    if abs(v) >= 10:
        return f"{v:.1f}"
    return f"{v:.3g}" if abs(v) < 1 else f"{v:.2f}"


def table(runs):
    lines = ["| figure | median | runs | goal | met |", "|---|---|---|---|---|"]
    for key, label, unit, goal, test in TARGETS:
        vals = [r.get(key) for r in runs if isinstance(r.get(key), (int, float))]
        if not vals:
            continue
        v = statistics.median(vals)
        met = "" if test is None else ("yes" if test(v) else "**no**")
        lines.append(f"| {label} | {fmt(v)} {unit} | {' / '.join(fmt(r.get(key)) for r in runs)} | {goal} | {met} |")
    return "\n".join(lines)


def main():
    stamp = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    commit = sh(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT).strip()
    report_only = "--report" in sys.argv  # the table again from the runs' stored figures, nothing measured
    runs = []
    for i in range(1, RUNS + 1):
        run_dir = os.path.join(OUT, f"run{i}")
        os.makedirs(run_dir, exist_ok=True)
        if report_only:
            fig = json.load(open(os.path.join(run_dir, "figures.json")))
            fig["cds_prefetched"] = json.load(open(os.path.join(run_dir, "cds.json")))
            derive(fig, fig["floor_parts_ms"])
            runs.append(fig)
            continue
        print(f"== run {i}/{RUNS}: floor (JMH)", flush=True)
        floor = floor_jmh(run_dir)
        print(f"== run {i}/{RUNS}: server", flush=True)
        fig = server_run(run_dir, i)
        derive(fig, floor)
        fig["stamp"], fig["commit"] = stamp, commit
        json.dump(fig, open(os.path.join(run_dir, "figures.json"), "w"), indent=1)
        print(json.dumps({k: v for k, v in fig.items() if not isinstance(v, (dict, list))}), flush=True)
        runs.append(fig)
    parts = {k: statistics.median([r["floor_parts_ms"][k] for r in runs]) for k in runs[0]["floor_parts_ms"]}
    growth = next((r["disk_growth_kb_per_screening_by_interval"] for r in runs
                   if "disk_growth_kb_per_screening_by_interval" in r), [])
    warm = [r.get("warm_up") for r in runs]
    if report_only:
        stamp, commit = runs[0].get("stamp", stamp), runs[0].get("commit", commit)
    text = f"""Written by `bench/request_path.py` ({stamp}, commit {commit}, {RUNS} run(s), {CORES} cores); JVM flags
`{' '.join(JVM_FLAGS + EXTRA)}`.

{table(runs)}

Floor parts, JMH sample-mode medians (ms): {', '.join(f'`{k}` {fmt(v)}' for k, v in parts.items())}; HTTP and
authentication from the server's health probe with credentials. Start-up request warm-up per run (requests,
screenings, ms, JIT ms, how it ended): {warm}. Database file growth per screening by 5 s interval over the large load
(KB): {growth}.
"""
    open(os.path.join(ROOT, "bench", "request-path.md"), "w").write(text)
    bench_md = os.path.join(ROOT, "BENCHMARKS.md")
    doc = open(bench_md).read()
    start, end = "<!-- request-path:start -->", "<!-- request-path:end -->"
    if start in doc and end in doc:
        doc = doc[:doc.index(start) + len(start)] + "\n" + text + doc[doc.index(end):]
        open(bench_md, "w").write(doc)
    print(text)


if __name__ == "__main__":
    main()
