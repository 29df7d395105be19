#!/usr/bin/env python3
"""Disk per screening as the H2 file grows to N stored screenings, and replay over all of them (issue 27 points 2 and 6).

The packaged jar with bin/serve's flags in a fresh directory (one first start compiles the rules); N screenings of the
article client (without its client reference) POSTed at c=8 while the database file's size is sampled every 5 s;
then a replay of the same knowledge base over every stored screening, timed by the wall clock. Writes
bench/growth-replay.md and target/bench/growth-replay/figures.json. Run by hand after ./mvnw package:
    N=100000 python3 bench/growth-replay.py
Never part of .ci/run.
"""
import collections
import json
import os
import re
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(__file__))
import request_path as rp  # noqa: E402

N = int(os.environ.get("N", "100000"))
TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def descendants(pid):
    kids = []
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                if int(open(f"/proc/{d}/stat").read().rsplit(")", 1)[1].split()[1]) == pid:
                    kids.append(int(d))
            except OSError:
                pass
    return kids + [g for k in kids for g in descendants(k)]


def replay_profiled(fig, out, pid):
    """The replay, with the CPU seconds of the service and of its sandbox process, and a JFR of the service."""
    seen = {}
    done = threading.Event()

    def sample():
        while not done.is_set():
            for k in descendants(pid):
                try:
                    seen[k] = cpu_seconds(k)
                except OSError:
                    pass
            time.sleep(0.5)

    rec = os.path.join(out, "replay.jfr")
    with rp.jfr(pid, rec):
        service0 = cpu_seconds(pid)
        t = threading.Thread(target=sample)
        t.start()
        rp.replay(fig, out)
        done.set()
        t.join()
        fig["replay_service_cpu_s"] = cpu_seconds(pid) - service0
        fig["replay_sandbox_cpu_s"] = sum(seen.values())
    by_thread, by_frame = collections.Counter(), collections.Counter()
    for thread, event in rp.execution_samples(rec, 30):
        by_thread[re.sub(r"[-#]?\d+$", "", thread)] += 1
        crosscheck = re.search(r"(io\.crosscheck\.[\w.$]+)\(", event)
        top = re.search(r"stackTrace = \[\s*([\w.$]+)\(", event)
        by_frame[(top.group(1) if top else "?", crosscheck.group(1) if crosscheck else "-")] += 1
    fig["replay_service_samples_by_thread"] = by_thread.most_common(6)
    fig["replay_service_top_frames"] = [[a, b, n] for (a, b), n in by_frame.most_common(8)]


def main():
    out, work, log = rp.fresh_app("growth-replay")
    rp.Server(work, log).start().stop()  # first start: compiles the rules
    s = rp.Server(work, log).start()
    fig = {"n": N, "jvm_flags": " ".join(rp.JVM_FLAGS)}
    t0 = time.monotonic()
    rp.grow(work, N, fig)
    fig["grow_s"] = time.monotonic() - t0
    fig["rss_after_mb"] = rp.rss_mb(s.p.pid)
    replay_profiled(fig, out, s.p.pid)
    s.stop()
    json.dump(fig, open(os.path.join(out, "figures.json"), "w"), indent=1)
    per = fig["disk_growth_kb_per_screening_by_interval"]
    fifth = max(1, len(per) // 5)
    by_fifth = [sum(per[i:i + fifth]) / len(per[i:i + fifth]) for i in range(0, len(per), fifth)][:5]
    text = (f"Written by `bench/growth-replay.py` ({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, load average at"
            f" the end {open('/proc/loadavg').read().split()[0]}), `bin/serve`'s flags `{fig['jvm_flags']}`.\n\n"
            f"| figure | value |\n|---|---|\n"
            f"| screenings stored (c=8, hey) | {fig['big_n']:,} in {fig['grow_s']:.0f} s ({fig['big_rps']:.0f}/s) |\n"
            f"| H2 file at the end | {fig['db_file_mb']:,.0f} MB |\n"
            f"| disk per screening over the run | {fig['disk_kb_per_screening']:.1f} KB |\n"
            f"| disk per screening by fifth of the run (5 s samples averaged) | "
            + " / ".join(f"{x:.1f}" for x in by_fifth) + " KB |\n"
            f"| RSS after the load | {fig['rss_after_mb']:.0f} MB |\n"
            f"| replay: screenings evaluated | {fig['replay_screenings']:,} |\n"
            f"| replay: wall clock | {fig['replay_wall_s']:.1f} s, **{fig['replay_per_s']:,.0f} screenings/s** |\n"
            f"| replay: evaluation alone (the report's duration) | {fig['replay_eval_per_s']:,.0f} screenings/s |\n"
            f"| replay: CPU of the service / of the sandbox process | {fig['replay_service_cpu_s']:.0f} s /"
            f" {fig['replay_sandbox_cpu_s']:.0f} s over {fig['replay_wall_s']:.0f} s |\n"
            f"\nThe service's JFR samples during the replay, by thread: "
            + ", ".join(f"{t} {n}" for t, n in fig["replay_service_samples_by_thread"])
            + ".\n\n| top frame | innermost Crosscheck frame | samples |\n|---|---|---|\n"
            + "".join(f"| `{a}` | `{b}` | {n} |\n" for a, b, n in fig["replay_service_top_frames"]))
    rp.write_report("growth-replay", text)


if __name__ == "__main__":
    main()
