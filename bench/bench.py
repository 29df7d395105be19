#!/usr/bin/env python3
"""Runs every figure of issue 9 RUNS times and writes BENCHMARKS.md (medians, each run, targets).

Called by bench/run-benchmarks.sh after the build; see that script for the command line.
Each run: JMH (engine only, sample mode), then the packaged jar started fresh in its own directory
(rules/, kb-docs/, data/ copied or created there, H2 file database under data/ as in production)
for start-up, first screening, response size, serial latency, throughput ratio, constant-rate
latency, resident memory and reloads. Every timed request is checked against the API's answer.
"""
import base64
import gzip
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
import urllib.error

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
OUT = os.path.join(ROOT, "target", "bench")
RUNS = int(os.environ.get("RUNS", "3"))
SECONDS = int(os.environ.get("SECONDS_PER_LOAD", "15"))
PORT = 18080
BASE = f"http://127.0.0.1:{PORT}"
ARTICLE = os.path.join(ROOT, "examples", "article-desk-worker.json")
JVM_FLAGS = os.environ.get("JVM_FLAGS", "").split()
JMH_FILTER = os.environ.get("JMH_FILTER", r"ScreeningBenchmark\.(evaluateArticle|evaluateArticleWithoutWhyNot|"
                            r"evaluateArticleInterpreted|evaluateArticleReferenceInserted|evaluateArticlePooledSession|"
                            r"readRequest|writeResult|whatIfArticle|whatIfArticleRedFlagsUnanswered)$")
EDITED_FILE = "rules/plan/precautions.drl"
# every endpoint but the health probes needs credentials: the first administrator, created at first
# start from the environment (as in the README), holds the roles the benchmark uses
BENCH_USER, BENCH_PASSWORD = "bench", "bench-password-0123"
AUTH = "Basic " + base64.b64encode(f"{BENCH_USER}:{BENCH_PASSWORD}".encode()).decode()


def sh(cmd, **kw):
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw).stdout


def post(path, body, timeout=60):
    req = urllib.request.Request(BASE + path, data=body, method="POST",
                                 headers={"Content-Type": "application/json", "Authorization": AUTH})
    with urllib.request.urlopen(req, timeout=timeout) as r:
        return r.status, r.read()


def get(path, timeout=60):
    with urllib.request.urlopen(urllib.request.Request(BASE + path, headers={"Authorization": AUTH}), timeout=timeout) as r:
        return r.status, r.read()


# ---------------------------------------------------------------- JMH
def jmh(run_dir):
    cp = open(os.path.join(OUT, "classpath.txt")).read().strip()
    classpath = f"target/test-classes:target/classes:{cp}"
    out = os.path.join(run_dir, "jmh.json")
    cmd = ["java", "-cp", classpath, "org.openjdk.jmh.Main", JMH_FILTER, "-bm", "sample", "-tu", "us",
           "-f", "1", "-wi", "3", "-w", "2s", "-i", "5", "-r", "2s", "-rf", "json", "-rff", out]
    if JVM_FLAGS:
        cmd += ["-jvmArgsAppend", " ".join(JVM_FLAGS)]
    subprocess.run(cmd, check=True, cwd=ROOT, stdout=open(os.path.join(run_dir, "jmh.log"), "w"),
                   stderr=subprocess.STDOUT)
    rows = {}
    for r in json.load(open(out)):
        name = r["benchmark"].rsplit(".", 1)[1]
        p = r["primaryMetric"]["scorePercentiles"]
        rows[name] = {"p50": p["50.0"], "p99": p["99.0"]}
    # what JMH timed must be what the API returns: the in-process result of the same request
    subprocess.run(["java", "-cp", classpath, "io.crosscheck.bench.SameResultCheck", ARTICLE,
                    os.path.join(run_dir, "in-process.json")], check=True, cwd=ROOT, capture_output=True)
    # executable model or not: compile time of each (and a check that both conclude the same)
    out = subprocess.run(["java", "-cp", classpath] + JVM_FLAGS + ["io.crosscheck.bench.ExecutableModelComparison", "2", "3000"],
                         check=True, cwd=ROOT, capture_output=True, text=True).stdout
    rows["_compare"] = json.loads(out.strip().splitlines()[-1])
    return rows


# ---------------------------------------------------------------- server
def rss_mb(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def normalise(doc):
    """The result without what differs per request or per process (id, times)."""
    doc = dict(doc)
    for k in ("id", "createdAt"):
        doc.pop(k, None)
    if isinstance(doc.get("knowledgeBase"), dict):  # when the server loaded it differs, the version may not
        doc["knowledgeBase"] = {k: v for k, v in doc["knowledgeBase"].items() if k != "loadedAt"}
    return doc


def hey(args):
    text = sh(["hey"] + args + ["-m", "POST", "-T", "application/json", "-H", f"Authorization: {AUTH}", "-D", ARTICLE,
                                BASE + "/api/v1/screenings"])
    pct = {m.group(1): float(m.group(2)) * 1000 for m in re.finditer(r"(\d+)% in ([\d.]+) secs", text)}
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    codes = dict((int(a), int(b)) for a, b in re.findall(r"\[(\d+)\]\s+(\d+) responses", text))
    return {"p50": pct.get("50"), "p99": pct.get("99"), "rps": rps, "codes": codes, "text": text}


def wrk(path, lua=None, auth=False):
    cmd = ["wrk", "-t2", "-c8", f"-d{SECONDS}s"] + (["-H", f"Authorization: {AUTH}"] if auth else [])
    if lua:
        cmd += ["-s", lua]
    text = sh(cmd + [BASE + path], env=dict(os.environ, BODY_FILE=ARTICLE, AUTH=AUTH))
    return float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)), text


def server_run(run_dir):
    work = os.path.join(run_dir, "app")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    shutil.copytree(os.path.join(ROOT, "rules"), os.path.join(work, "rules"))
    shutil.copytree(os.path.join(ROOT, "kb-docs"), os.path.join(work, "kb-docs"))
    log = open(os.path.join(run_dir, "server.log"), "w")
    body = open(ARTICLE, "rb").read()
    fig = {}

    def launch():
        t0 = time.monotonic()
        p = subprocess.Popen(["java"] + JVM_FLAGS + [f"-Dquarkus.http.port={PORT}",
                              "-Dcrosscheck.security.initial-admin.roles=admin,author,physio", "-jar",
                              os.path.join(ROOT, "target/quarkus-app/quarkus-run.jar")],
                             cwd=work, stdout=log, stderr=subprocess.STDOUT,
                             env=dict(os.environ, CROSSCHECK_ADMIN_USER=BENCH_USER, CROSSCHECK_ADMIN_PASSWORD=BENCH_PASSWORD))
        return p, t0

    def first_screenings(t0, clients=6):
        done = []

        def client():
            while True:
                try:
                    status, _ = post("/api/v1/screenings", body)
                    if status == 201:
                        done.append(time.monotonic() - t0)
                        return
                except (urllib.error.URLError, ConnectionError, OSError):
                    pass
                time.sleep(0.02)

        threads = [threading.Thread(target=client) for _ in range(clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(180)
        return max(done)

    def started_in():
        text = open(os.path.join(run_dir, "server.log")).read()
        return float(re.findall(r"started in ([\d.]+)s", text)[-1])

    server, t0 = launch()
    try:
        fig["first_screening_s"] = first_screenings(t0)
        fig["started_in_s"] = started_in()

        status, resp = post("/api/v1/screenings", body)
        doc = json.loads(resp)
        fig["response_kb"] = len(resp) / 1024
        nodes = doc.get("explanation", {}).get("nodes", [])
        fig["explanation_nodes"] = len(nodes)
        fig["reference_nodes"] = sum(1 for n in nodes if n.get("kind") == "reference")
        open(os.path.join(run_dir, "api.json"), "wb").write(resp)
        fig["response_gzip_kb"] = len(gzip.compress(resp)) / 1024
        href = (doc.get("explanation") or {}).get("full")
        full = json.loads(get(href)[1]) if href else None
        if href:
            fig["full_response_kb"] = len(post("/api/v1/screenings?explain=full", body)[1]) / 1024
        fig["same_result"] = same_result(run_dir, doc, full)

        serial = hey(["-n", "300", "-c", "1"])
        fig["serial_p50_ms"] = serial["p50"]
        hey(["-n", "5000", "-c", "4"])
        fig["rss_after_5000_mb"] = rss_mb(server.pid)

        wrk("/q/health/live")  # warm-up of the health path
        fig["health_rps"], _ = wrk("/q/health/live")
        # the cost of authentication per request: the same probe with Basic credentials, which Quarkus
        # verifies (proactive authentication) although the path needs none
        fig["health_auth_rps"], _ = wrk("/q/health/live", auth=True)
        fig["auth_ratio"] = fig["health_auth_rps"] / fig["health_rps"]
        fig["screening_rps"], wtext = wrk("/api/v1/screenings", os.path.join(ROOT, "bench/post-screening.lua"))
        fig["screening_non201"] = int(re.search(r"non-201 responses: (\d+)", wtext).group(1))
        fig["throughput_ratio"] = fig["screening_rps"] / fig["health_rps"]

        for rate in (100, 300):
            clients = rate // 10
            r = hey(["-z", f"{SECONDS}s", "-c", str(clients), "-q", "10"])
            fig[f"rate{rate}_p50_ms"], fig[f"rate{rate}_p99_ms"] = r["p50"], r["p99"]
            fig[f"rate{rate}_achieved"] = r["rps"]
            open(os.path.join(run_dir, f"hey-{rate}.txt"), "w").write(r["text"])

        t = time.monotonic()
        status, _ = post("/api/v1/knowledge-base/reload", b"", timeout=300)
        fig["reload_unchanged_s"] = time.monotonic() - t
        edited = os.path.join(work, EDITED_FILE)
        text = open(edited).read()
        open(edited, "w").write(text.replace('@id("PRE-001") @version("2")', '@id("PRE-001") @version("3")', 1))
        t = time.monotonic()
        status, reloaded = post("/api/v1/knowledge-base/reload", b"", timeout=300)
        fig["reload_one_edit_s"] = time.monotonic() - t
        assert status == 200, reloaded
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(60)

    # a restart of the unchanged (now edited) rule set
    server, t0 = launch()
    try:
        fig["restart_first_screening_s"] = first_screenings(t0)
        fig["restart_started_in_s"] = started_in()
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(60)
    return fig


def same_result(run_dir, api_doc, full_explanation):
    """The in-process evaluation (what JMH times) must equal what the API returned."""
    mine = json.load(open(os.path.join(run_dir, "in-process.json")))
    theirs = normalise(api_doc)
    if full_explanation is not None:
        theirs = dict(theirs)
        theirs["explanation"] = full_explanation
    ok = normalise(mine) == theirs
    if not ok:
        sys.exit(f"benchmark result differs from the API's: compare {run_dir}/in-process.json and {run_dir}/api.json")
    return ok


# ---------------------------------------------------------------- report
TARGETS = [
    # key, label, unit, target text, test(value) -> met?
    ("jmh_p50_us", "engine evaluation, JMH sample mode `evaluateArticle`, median", "µs", "<= 50 µs", lambda v: v <= 50),
    ("jmh_p99_us", "engine evaluation, same, p99", "µs", "<= 250 µs", lambda v: v <= 250),
    ("jmh_nowhy_p50_us", "same without the why-not rules (ablation), median", "µs", "", None),
    ("whynot_share", "why-not share of the article evaluation: 1 - without/with", "", "< 0.5", lambda v: v < 0.5),
    ("whatif_p50_ms", "what would change this (issue 28), article client, JMH `whatIfArticle`, median", "ms", "<= 100 ms", lambda v: v <= 100),
    ("whatif_open_p50_ms", "the same with no red-flag question answered (`whatIfArticleRedFlagsUnanswered`), median", "ms", "<= 100 ms", lambda v: v <= 100),
    ("compile_interpreted_ms", "compile the shipped rules in process, interpreted DRL (2nd compile in the JVM)", "ms", "", None),
    ("compile_exec_ms", "the same, executable model (what the service compiles on a cache miss)", "ms", "", None),
    ("screening_rps", "POST /api/v1/screenings, wrk -t2 -c8", "req/s", "", None),
    ("health_rps", "GET /q/health/live, wrk -t2 -c8, same run", "req/s", "", None),
    ("throughput_ratio", "throughput ratio screening / health", "", ">= 0.5", lambda v: v >= 0.5),
    ("health_auth_rps", "GET /q/health/live with Basic credentials (verified, cached), same run", "req/s", "", None),
    ("auth_ratio", "authentication cost: health with credentials / without", "", "", None),
    ("rate100_p50_ms", "POST latency at 100 req/s (hey -c 10 -q 10), p50", "ms", "", None),
    ("rate100_p99_ms", "POST latency at 100 req/s, p99", "ms", "", None),
    ("rate300_achieved", "rate achieved when asking for 300 req/s", "req/s", "300", lambda v: v >= 285),
    ("rate300_p50_ms", "POST latency at 300 req/s (hey -c 30 -q 10), p50", "ms", "", None),
    ("rate300_p99_ms", "POST latency at 300 req/s, p99", "ms", "<= 20 ms", lambda v: v <= 20),
    ("serial_p50_ms", "one screening alone, serial (hey -c 1 -n 300), median", "ms", "<= 1 ms", lambda v: v <= 1),
    ("response_kb", "response size, article client, default", "KB", "<= 16 KB", lambda v: v <= 16),
    ("response_gzip_kb", "the same, gzip-compressed (as on the wire with Accept-Encoding: gzip)", "KB", "", None),
    ("full_response_kb", "the same with ?explain=full (complete explanation)", "KB", "", None),
    ("explanation_nodes", "explanation nodes in the default response", "", "", None),
    ("reference_nodes", "of them reference-data nodes", "", "", None),
    ("started_in_s", "start-up, `started in` (first start, empty data/)", "s", "<= 2 s", lambda v: v <= 2),
    ("first_screening_s", "first screening from launch, 6 clients at once (first start)", "s", "<= 2 s",
     lambda v: v <= 2),
    ("restart_started_in_s", "start-up on restart (compiled KB cached)", "s", "<= 2 s", lambda v: v <= 2),
    ("restart_first_screening_s", "first screening from launch on restart, 6 clients", "s", "<= 2 s",
     lambda v: v <= 2),
    ("reload_unchanged_s", "reload, shipped rules unchanged", "s", "", None),
    ("reload_one_edit_s", "reload, one rule edited (PRE-001 @version)", "s", "<= 2 s", lambda v: v <= 2),
    ("rss_after_5000_mb", "resident memory after about 5,300 screenings", "MB", "<= 300 MB", lambda v: v <= 300),
]


def fmt(v):
    if v is None:
        return "-"
    if isinstance(v, bool):
        return "yes" if v else "no"
    if abs(v) >= 100:
        return f"{v:,.0f}"
    if abs(v) >= 10:
        return f"{v:.1f}"
    return f"{v:.3g}" if abs(v) < 1 else f"{v:.2f}"


def machine():
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    mem = next((l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal")), "0")
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    commit = sh(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT).strip()
    dirty = " (with uncommitted changes)" if sh(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT).strip() else ""
    return (f"{os.cpu_count()} CPUs ({cpu}), {int(mem) // 1024} MB RAM, {platform.system()} {platform.release()}; "
            f"{java}; commit {commit}{dirty}; JVM flags of the server and JMH: `{' '.join(JVM_FLAGS) or '(JVM defaults)'}`")


def report(runs):
    keys = [k for k, *_ in TARGETS]
    med = {k: statistics.median([r[k] for r in runs if r.get(k) is not None]) for k in keys
           if any(r.get(k) is not None for r in runs)}
    lines = ["| figure | median | runs | target | met |", "|---|---|---|---|---|"]
    for key, label, unit, target, test in TARGETS:
        if key not in med:
            continue
        v = med[key]
        met = "" if test is None else ("yes" if test(v) else "**no**")
        each = " / ".join(fmt(r.get(key)) for r in runs)
        lines.append(f"| {label} | {fmt(v)} {unit} | {each} | {target} | {met} |")
    return "\n".join(lines), med


def main():
    stamp = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    runs = []
    for i in range(1, RUNS + 1):
        run_dir = os.path.join(OUT, f"run{i}")
        os.makedirs(run_dir, exist_ok=True)
        print(f"== run {i}/{RUNS}: JMH", flush=True)
        rows = jmh(run_dir)
        fig = {"jmh_p50_us": rows["evaluateArticle"]["p50"], "jmh_p99_us": rows["evaluateArticle"]["p99"]}
        if "evaluateArticleWithoutWhyNot" in rows:
            fig["jmh_nowhy_p50_us"] = rows["evaluateArticleWithoutWhyNot"]["p50"]
            fig["whynot_share"] = 1 - fig["jmh_nowhy_p50_us"] / fig["jmh_p50_us"]
        if "whatIfArticle" in rows:
            fig["whatif_p50_ms"] = rows["whatIfArticle"]["p50"] / 1000
        if "whatIfArticleRedFlagsUnanswered" in rows:
            fig["whatif_open_p50_ms"] = rows["whatIfArticleRedFlagsUnanswered"]["p50"] / 1000
        compare = rows.pop("_compare")
        fig["compile_interpreted_ms"] = compare["interpreted"]["compileMs"]
        fig["compile_exec_ms"] = compare["executableModel"]["compileMs"]
        fig["jmh_all"] = rows
        print(f"== run {i}/{RUNS}: server", flush=True)
        fig.update(server_run(run_dir))
        json.dump(fig, open(os.path.join(run_dir, "figures.json"), "w"), indent=1)
        print(json.dumps({k: v for k, v in fig.items() if k != "jmh_all"}), flush=True)
        runs.append(fig)
    table, med = report(runs)
    jmh_rows = sorted({name for r in runs for name in r["jmh_all"]})
    jmh_table = ["| JMH benchmark (sample mode, µs) | median p50 | median p99 |", "|---|---|---|"]
    for name in jmh_rows:
        p50 = statistics.median([r["jmh_all"][name]["p50"] for r in runs if name in r["jmh_all"]])
        p99 = statistics.median([r["jmh_all"][name]["p99"] for r in runs if name in r["jmh_all"]])
        jmh_table.append(f"| `{name}` | {fmt(p50)} | {fmt(p99)} |")
    request_path = os.path.join(ROOT, "bench", "request-path.md")
    request_path = open(request_path).read() if os.path.exists(request_path) else "(not run yet)"
    notes_path = os.path.join(ROOT, "bench", "NOTES.md")
    notes = open(notes_path).read() if os.path.exists(notes_path) else ""
    doc = f"""# Benchmarks

Written by `bench/run-benchmarks.sh` ({stamp}); do not edit by hand: the analysis below the
figures comes from `bench/NOTES.md`.

## The request path (issue 27): cold and warm against the floor

<!-- request-path:start -->
{request_path}<!-- request-path:end -->

How to read it, what was changed and what each goal's bottleneck is: "Request path, second pass (issue 27)" below.

## Machine (the figures of issue 9 below)

{machine()}

## Method

One command, `bench/run-benchmarks.sh` (RUNS={RUNS}, {SECONDS} s per load run), builds the packaged
jar and the test classes, then repeats {RUNS} times and reports the median of the runs beside each
run's own figure:

1. **JMH** (`io.crosscheck.bench.ScreeningBenchmark`, sample mode, 1 fork, 3 x 2 s warm-up,
   5 x 2 s measurement): `evaluateArticle` is the one evaluation path (`ScreeningEvaluator`: mapping,
   session, rules, provenance, result assembly) for `examples/article-desk-worker.json` on the
   knowledge base as the service builds it (executable model), without HTTP, JSON or the database;
   the other `evaluateArticle*` rows are the candidates compared (see below), `readRequest` and
   `writeResult` the JSON around it. `SameResultCheck` then evaluates the same request in process the
   same way, and the run stops unless that result equals what the API returned for it (ids and
   times aside; the API's compact explanation replaced by the complete one it links to).
   `ExecutableModelComparison` compiles the shipped rules twice each way in one JVM and reports the
   second compile (the first pays class loading).
2. **Server**: the packaged jar (`target/quarkus-app/quarkus-run.jar`) started fresh in its own
   directory with a copy of `rules/` and `kb-docs/` and an empty `data/` (H2 file database, as in
   production), with the same JVM flags as the jar's launch in the README:
   - first screening: 6 clients POST the article from the moment of launch, retrying until each has
     a 201; the figure is the time from launch until all six have one; `started in` from the log;
   - response size: one POST of the article, default response;
   - serial: `hey -n 300 -c 1` POSTs, median latency; then `hey -n 5000 -c 4` and the resident set
     size (`VmRSS`) of the server process;
   - throughput: `wrk -t2 -c8` for {SECONDS} s on `GET /q/health/live` (after a warm-up run), then on
     `POST /api/v1/screenings` (every response checked for 201); ratio of the two;
   - constant rate: `hey -z {SECONDS}s -q 10 -c N` (N workers each limited to 10 requests/s, so N x 10
     requests/s: 100 and 300). hey is a closed-loop generator with a per-worker rate limit (wrk2 is not
     packaged in Debian): a worker that waits longer than 100 ms for a response falls behind, so the
     achieved rate is printed beside the latency; when it is below the asked rate the latency is an
     under-estimate (coordinated omission);
   - reload: `POST /api/v1/knowledge-base/reload` with the rules unchanged, then with one rule edited
     (`PRE-001` `@version` bumped in the copy), timed by the client;
   - restart: the server stopped and started again on the same directory (the edited rule set,
     compiled once by the reload, so its module is in the cache): `started in` and first screening.

Load generator and server share the 2 cores: absolute figures move by up to half between runs;
ratios within a run hold better.

## Figures (medians of {RUNS} runs)

{table}

{chr(10).join(jmh_table)}

{notes}"""
    open(os.path.join(ROOT, "BENCHMARKS.md"), "w").write(doc)
    print(table)


if __name__ == "__main__":
    main()
