#!/usr/bin/env python3
"""Is hot code swept from the code cache? (issue 27 point 1: "code cache sized so nothing hot is swept").

For each reserved code cache size: the packaged jar with bin/serve's other flags and the start-up request warm-up as
shipped, recorded by JFR from its start (`jdk.CodeSweeperStatistics` every 5 s, every `jdk.Compilation`), then 60 s
of POSTs at c=8 and 3,000 serial POSTs. Reports, over the measured load only (after ready): methods the sweeper
reclaimed, compilations and those over 100 ms, the code cache's peak, and the serial p50. Writes
bench/code-sweeper.md. Run by hand after ./mvnw package (JFR_TOOL: a JDK's `jfr`, default Temurin 25's):
    python3 bench/code-sweeper.py
Never part of .ci/run.
"""
import json
import os
import re
import sys
import time
from datetime import datetime

sys.path.insert(0, os.path.dirname(__file__))
import request_path as rp  # noqa: E402

SIZES = os.environ.get("SIZES", "48m 96m 128m").split()
LUA = os.path.join(rp.ROOT, "bench", "post-screening.lua")


def seconds(iso):
    """An ISO-8601 duration as JFR prints it (PT0.0012S, PT1M2.5S) in seconds."""
    m = re.fullmatch(r"PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?", iso)
    return int(m.group(1) or 0) * 3600 + int(m.group(2) or 0) * 60 + float(m.group(3) or 0)


def events(recording, name):
    return json.loads(rp.jfr_print(recording, "--json", "--events", name))["recording"]["events"]


def epoch(event):
    """An event's start, seconds since the epoch (JFR prints it as an ISO instant in UTC)."""
    return datetime.fromisoformat(event["values"]["startTime"].replace("Z", "+00:00")).timestamp()


def main():
    out, work, log = rp.fresh_app("code-sweeper")
    rp.Server(work, log).start().stop()  # first start: compiles the rules
    base = [f for f in rp.JVM_FLAGS if not f.startswith("-XX:ReservedCodeCacheSize=")]
    rows = []
    for size in SIZES:
        rec = os.path.join(out, f"{size}.jfr")
        jfc = os.path.join(out, "sweeper.jfc")
        with open(jfc, "w") as f:
            f.write('<?xml version="1.0" encoding="UTF-8"?><configuration version="2.0">'
                    '<event name="jdk.CodeSweeperStatistics"><setting name="enabled">true</setting>'
                    '<setting name="period">5 s</setting></event>'
                    '<event name="jdk.Compilation"><setting name="enabled">true</setting>'
                    '<setting name="threshold">0 ms</setting></event></configuration>')
        rp.JVM_FLAGS = base + [f"-XX:ReservedCodeCacheSize={size}", f"-XX:StartFlightRecording=settings={jfc},"
                                                                     f"filename={rec},dumponexit=true"]
        s = rp.Server(work, log).start()
        ready_wall = time.time()
        rp.wrk("/api/v1/screenings", 60, LUA)
        serial = rp.hey(["-n", "3000", "-c", "1"])
        peak = rp.code_cache_mb(s.p.pid)[1]
        s.stop()
        sweeps = events(rec, "jdk.CodeSweeperStatistics")
        compilations = events(rec, "jdk.Compilation")

        before = [e for e in sweeps if epoch(e) <= ready_wall]
        reclaimed_at_ready = before[-1]["values"]["methodReclaimedCount"] if before else 0
        reclaimed_end = max(e["values"]["methodReclaimedCount"] for e in sweeps) if sweeps else 0
        after = [c for c in compilations if epoch(c) > ready_wall]
        slow = [c for c in after if seconds(c["values"]["duration"]) > 0.1]
        row = {"size": size, "reclaimed_before_ready": reclaimed_at_ready,
               "reclaimed_under_load": reclaimed_end - reclaimed_at_ready,
               "compilations_under_load": len(after), "over_100ms_under_load": len(slow),
               "code_cache_peak_mb": peak, "serial_p50_ms": serial["p50"],
               "serial_p99_ms": serial["p99"]}
        print(row, flush=True)
        rows.append(row)
    json.dump(rows, open(os.path.join(out, "figures.json"), "w"), indent=1)
    lines = [f"Written by `bench/code-sweeper.py` ({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, load average"
             f" at the end {open('/proc/loadavg').read().split()[0]}); `bin/serve`'s flags but the code cache size;"
             " the load after ready: 60 s of POSTs at c=8, then 3,000 serial.", "",
             "| reserved code cache | methods reclaimed before ready | reclaimed under load | compilations under load |"
             " of them over 100 ms | code cache peak, all segments (MB) | serial p50 / p99 ms |",
             "|---|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r['size']} | {r['reclaimed_before_ready']:,} | {r['reclaimed_under_load']:,} |"
                     f" {r['compilations_under_load']:,} | {r['over_100ms_under_load']} |"
                     f" {r['code_cache_peak_mb']:.0f} | {r['serial_p50_ms']:.2f} /"
                     f" {r['serial_p99_ms']:.2f} |")
    rp.write_report("code-sweeper", "\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
