#!/usr/bin/env python3
"""Where CI's CPU goes: samples every process's CPU time (user + system, from /proc) every two seconds until it
receives SIGTERM, then prints the CPU seconds per kind of process and per leg, with the machine's busy share over
the run. A process that lives less than the sampling interval is missed (its time is not counted).

Run by .ci/run in the background; by hand: `.ci/cpu-by-kind.py & ...; kill %1`.
"""
import os
import signal
import sys
import time

TICKS = os.sysconf("SC_CLK_TCK")
INTERVAL = 2.0

# the first pattern found in a process's command line names its kind
KINDS = [
    ("CandidateCheckMain", "sandbox: candidate check"),
    ("ReplayProcessMain", "sandbox: replay"),
    ("quarkus-run.jar", "packaged application (ITs, scripts)"),
    ("surefirebooter", "test JVM (surefire/failsafe)"),
    ("plexus-classworlds", "Maven"),
    ("chrom", "browser (Chromium, chromedriver)"),
    ("postgres", "PostgreSQL"),
    ("java", "other JVM"),
]


def kind_of(cmdline):
    for needle, kind in KINDS:
        if needle in cmdline:
            return kind
    return "other"


def leg_of(pid, cmdline, pg_dir):
    """The PostgreSQL leg runs in its own copy of the tree: its processes work there or name it on their class path."""
    try:
        cwd = os.readlink(f"/proc/{pid}/cwd")
    except OSError:
        cwd = ""
    if pg_dir and (cwd.startswith(pg_dir) or pg_dir in cmdline):
        return "PostgreSQL leg"
    return "H2 leg, or shared"


def command_line(pid):
    with open(f"/proc/{pid}/cmdline", "rb") as f:
        return f.read().replace(b"\0", b" ").decode(errors="replace")


def cpu_ticks(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)


def machine_ticks():
    with open("/proc/stat") as f:
        parts = f.readline().split()[1:]
    values = [int(p) for p in parts]
    idle = values[3] + values[4]
    return sum(values), idle


def main():
    pg_dir = sys.argv[1] if len(sys.argv) > 1 else ""
    seen = {}  # pid -> [kind, leg, CPU ticks used while sampled, ticks when first seen]
    start_total, start_idle = machine_ticks()
    started = time.time()
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(True))
    first_sweep = True
    while not stop:
        for name in os.listdir("/proc"):
            if not name.isdigit():
                continue
            pid = int(name)
            try:
                ticks = cpu_ticks(pid)
                entry = seen.get(pid)
                if entry is None:
                    # a process that started after the sampler counts from its start
                    entry = seen[pid] = ["other", "", 0, ticks if first_sweep else 0]
                if entry[0] == "other":  # a script may exec java later under the same pid
                    cmdline = command_line(pid)
                    entry[0], entry[1] = kind_of(cmdline), leg_of(pid, cmdline, pg_dir)
                entry[2] = ticks - entry[3]  # CPU time only grows
            except (OSError, IndexError, ValueError):
                continue
        first_sweep = False
        time.sleep(INTERVAL)
    total, idle = machine_ticks()
    wall = time.time() - started
    busy = (total - start_total) - (idle - start_idle)
    by_kind = {}
    for kind, leg, used, _ in seen.values():
        key = (kind, leg)
        count, ticks = by_kind.get(key, (0, 0))
        by_kind[key] = (count + 1, ticks + used)
    print(f"== CPU over {wall:.0f} s of wall time: {busy / TICKS:.0f} CPU seconds busy of "
          f"{(total - start_total) / TICKS:.0f} ({100.0 * busy / max(1, total - start_total):.0f} %)")
    for (kind, leg), (count, ticks) in sorted(by_kind.items(), key=lambda kv: -kv[1][1]):
        if ticks / TICKS >= 1:
            print(f"   {ticks / TICKS:7.0f} s  {count:5d} processes  {kind} ({leg})")


if __name__ == "__main__":
    main()
