#!/usr/bin/env python3
"""Where a warm serial POST's time goes (issue 27).

The packaged service with bin/serve's flags (request_path's Server) and a JFR recording started with the JVM, every
forced commit recorded; 60 s of POSTs at c=8 to warm it, then two rounds of 3,000 serial POSTs (hey -c 1). Prints per
round the rate, p50 and the service's CPU per POST (/proc/<pid>/stat), then over both rounds the forced commits
(count, mean), young collections, compilations, and the CPU samples by library and by innermost Crosscheck frame.
Run by hand on an idle machine (about 4 minutes), after ./mvnw package:  python3 bench/serial-breakdown.py
Never part of .ci/run.
"""
import collections
import json
import os
import re
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
import request_path as rp  # noqa: E402


def force_settings(path):
    """The JDK's `profile` settings with every forced commit (jdk.FileForce) recorded, written to `path`."""
    java_home = os.path.dirname(os.path.dirname(os.path.realpath(subprocess.check_output(["which", "java"], text=True)
                                                                .strip())))
    s = open(os.path.join(java_home, "lib", "jfr", "profile.jfc")).read()
    event = re.search(r'<event name="jdk.FileForce">.*?</event>', s, re.S).group(0)
    s = s.replace(event, re.sub(r'(<setting name="threshold"[^>]*>)[^<]*', r"\g<1>0 ms", event))
    open(path, "w").write(s)
    return path


def cpu_ms(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def seconds(event):
    d = event["values"].get("duration", "PT0S")
    return float(d[2:-1]) if d.startswith("PT") and d.endswith("S") and "M" not in d else 0.0


def main():
    out, work, log = rp.fresh_app("serial-breakdown")
    recording = os.path.join(out, "all.jfr")
    rp.EXTRA = [f"-XX:StartFlightRecording=filename={recording},settings={force_settings(os.path.join(out, 'force.jfc'))}"]
    s = rp.Server(work, log).start()
    print(f"ready after {s.ready_s:.0f} s")
    rate, _ = rp.wrk("/api/v1/screenings", 60, os.path.join(rp.ROOT, "bench", "post-screening.lua"))
    print(f"warm-up at c=8: {rate:.0f} POSTs/s")
    t0 = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime())
    for round_ in (1, 2):
        before = cpu_ms(s.p.pid)
        serial = rp.hey(["-n", "3000", "-c", "1"])
        per_post = (cpu_ms(s.p.pid) - before) / serial["n"]
        print(f"round {round_}: {serial['rps']:.0f} POSTs/s, p50 {serial['p50']:.1f} ms,"
              f" service CPU {per_post:.2f} ms per POST")
    t1 = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime())
    window = os.path.join(out, "serial.jfr")
    subprocess.run(["jcmd", str(s.p.pid), "JFR.dump", f"filename={window}"], check=True, capture_output=True)
    s.stop()
    events = [e for e in json.loads(rp.jfr_print(window, "--json", "--stack-depth", "200", "--events",
                                                 "jdk.FileForce,jdk.GarbageCollection,jdk.Compilation,"
                                                 "jdk.ExecutionSample"))["recording"]["events"]
              if t0 <= e["values"]["startTime"][:19] <= t1]
    by = collections.defaultdict(list)
    for e in events:
        by[e["type"]].append(e)
    forces, gcs = by["jdk.FileForce"], by["jdk.GarbageCollection"]
    print(f"6,000 serial POSTs: {len(forces)} forced commits, mean"
          f" {1000 * sum(map(seconds, forces)) / max(1, len(forces)):.2f} ms; {len(gcs)} collections,"
          f" {sum(map(seconds, gcs)):.2f} s of pauses; {len(by['jdk.Compilation'])} compilations")
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


if __name__ == "__main__":
    main()
