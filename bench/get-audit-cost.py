#!/usr/bin/env python3
"""What the audit entry of a read costs a GET (issue 27 point 4: "shown to cost less than a tenth of a GET").

The packaged jar with bin/serve's flags, one stored screening of the article client, GETs warmed for 20 s at c=8, then:
  A. 3,000 serial GETs with durable commits on (as shipped): p50, p99;
  B. the same under a JFR recording (profile settings, file-force threshold 0): the request threads' CPU samples
     whose stack holds the audit entry (AuditLog, its insert and commit) against all of them, and the file forces
     (count per GET, mean duration);
  C. 5,000 GETs at c=8: the rate, and how many reads share a transaction and a force (the read audit's metrics
     crosscheck_audit_read_writes_total and crosscheck_audit_read_entries_total before and after);
  D. a restart with crosscheck.storage.durable-commits=false: 3,000 serial GETs: p50, p99 (what the force adds).
Writes bench/get-audit-cost.md and target/bench/get-audit-cost/. Run by hand after ./mvnw package:
    python3 bench/get-audit-cost.py
Needs a JDK's `jfr` tool (JFR_TOOL, default Temurin 25's). Never part of .ci/run.
"""
import json
import os
import re
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
import request_path as rp  # noqa: E402

N = 3000


def serial_get(sid):
    return rp.hey(["-n", str(N), "-c", "1"], f"/api/v1/screenings/{sid}", post=False)


def stored_screening():
    status, body, _ = rp.request("POST", "/api/v1/screenings", open(rp.ARTICLE, "rb").read())
    return json.loads(body)["id"]


def samples(recording):
    """(all request-thread samples, those with an audit frame, those with the durable-commit wait)."""
    total = audit = force = 0
    for thread, event in rp.execution_samples(recording, 200):
        if not thread.startswith(("executor-thread", "vert.x-eventloop")):
            continue
        total += 1
        if "io.crosscheck.audit.AuditLog" in event or "io.crosscheck.audit.ReadAuditWriter" in event:
            audit += 1
        if "DurableCommits" in event or "GroupForce" in event:  # the read audit's force goes through both
            force += 1
    return total, audit, force


def read_audit_counters():
    """(transactions, entries) of the read audit so far, from the server's metrics."""
    _, body, _ = rp.request("GET", "/q/metrics")
    text = body.decode()

    def value(name):
        m = re.search(rf"^{name}(?:{{[^}}]*}})? ([\d.e+]+)$", text, re.M)
        return float(m.group(1)) if m else float("nan")
    return value("crosscheck_audit_read_writes_total"), value("crosscheck_audit_read_entries_total")


def forces(recording):
    text = rp.jfr_print(recording, "--events", "jdk.FileForce")
    durations = []
    for m in re.finditer(r"duration = ([\d.]+) (ms|us|s|ns)", text):
        v = float(m.group(1))
        durations.append(v * {"ms": 1, "us": 1e-3, "s": 1e3, "ns": 1e-6}[m.group(2)])
    return len(durations), (sum(durations) / len(durations) if durations else 0.0)


def main():
    out, work, log = rp.fresh_app("get-audit-cost")
    rp.EXTRA = ["-Dcrosscheck.performance.request-warm-up=0s"]
    rp.Server(work, log).start().stop()  # first start: compiles the rules

    s = rp.Server(work, log).start()
    sid = stored_screening()
    rp.wrk(f"/api/v1/screenings/{sid}", 20)
    a = serial_get(sid)
    rec = os.path.join(out, "get.jfr")
    with rp.jfr(s.p.pid, rec, "jdk.FileForce#threshold=0ms"):
        b = serial_get(sid)
    w0, e0 = read_audit_counters()
    concurrent = rp.hey(["-n", "5000", "-c", "8"], f"/api/v1/screenings/{sid}", post=False)
    w1, e1 = read_audit_counters()
    s.stop()
    total, audit, force_cpu = samples(rec)
    n_force, force_ms = forces(rec)

    rp.EXTRA = ["-Dcrosscheck.performance.request-warm-up=0s", "-Dcrosscheck.storage.durable-commits=false"]
    s = rp.Server(work, log).start()
    sid = stored_screening()
    rp.wrk(f"/api/v1/screenings/{sid}", 20)
    c = serial_get(sid)
    s.stop()

    fig = {"durable": a, "under_jfr": b, "not_durable": c, "samples": total, "audit_samples": audit,
           "force_cpu_samples": force_cpu, "forces": n_force, "force_ms_mean": force_ms, "c8": concurrent,
           "c8_transactions": w1 - w0, "c8_entries": e1 - e0}
    json.dump(fig, open(os.path.join(out, "figures.json"), "w"), indent=1)
    share = audit / total if total else 0
    force_per_get = n_force / N
    added = a["p50"] - c["p50"]
    text = (f"Written by `bench/get-audit-cost.py` ({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, load average"
            f" at the end {open('/proc/loadavg').read().split()[0]}), `bin/serve`'s flags, {N:,} serial GETs of one"
            f" stored article screening after 20 s of GETs at c=8.\n\n"
            f"| figure | value |\n|---|---|\n"
            f"| GET p50 / p99, durable commits on (as shipped) | {a['p50']:.2f} / {a['p99']:.2f} ms |\n"
            f"| GET p50 / p99, durable commits off | {c['p50']:.2f} / {c['p99']:.2f} ms |\n"
            f"| what the force of the read's audit entry adds at p50 | {added:.2f} ms ({added / a['p50']:.0%} of a GET) |\n"
            f"| file forces per GET (JFR `jdk.FileForce`), mean duration | {force_per_get:.2f}, {force_ms:.2f} ms |\n"
            f"| request-thread CPU samples with the audit entry on the stack (insert, commit) | {audit} of {total}"
            f" ({share:.0%}) |\n"
            f"| of them in the durable-commit wait | {force_cpu} |\n"
            f"| 5,000 GETs at c=8: rate, p50 / p99 | {concurrent['rps']:,.0f}/s, {concurrent['p50']:.2f} /"
            f" {concurrent['p99']:.2f} ms |\n"
            f"| at c=8: read audit entries, transactions, reads per transaction |"
            f" {e1 - e0:,.0f}, {w1 - w0:,.0f}, {(e1 - e0) / (w1 - w0) if w1 > w0 else float('nan'):.2f} |\n")
    rp.write_report("get-audit-cost", text)


if __name__ == "__main__":
    main()
