#!/usr/bin/env python3
"""Start to ready and the first requests after ready, with and without the JDK 25 ahead-of-time cache (issue 27,
point 1: JEP 483 class loading and linking, JEP 515 method profiles).

Configurations, each started START times on the same filled module cache (one first start compiles the rules), with
bin/serve's JVM flags and the start-up request warm-up as shipped:
  java17          the default java (OpenJDK 17)
  java25          Temurin 25, no cache
  java25-aot      Temurin 25 with an AOT cache recorded by one training start (-XX:AOTCacheOutput: the start without
                  the request warm-up and 2,000 POSTs at c=2, written when the process exits), then loaded
                  (-XX:AOTCache)
  java25-nowarm   Temurin 25 with the AOT cache and the request warm-up off: how far the cache alone carries
Per start: launch to ready, `started in`, the warm-up's outcome, then the first 1,000 POSTs after ready serially
(p50, p99, rate), then 20 s of load and 1,000 serial POSTs again (the warm rate of the same process), and RSS.
Writes bench/aot-cache.md and target/bench/aot-cache/figures.json. Run by hand after ./mvnw package:
    START=3 python3 bench/aot-cache.py
Never part of .ci/run.
"""
import json
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
import request_path as rp  # noqa: E402

JAVA25 = os.environ.get("JAVA25", "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java")
START = int(os.environ.get("START", "3"))
LUA = os.path.join(rp.ROOT, "bench", "post-screening.lua")


def measure(work, log, java, extra):
    rp.JAVA, rp.EXTRA = java, extra
    s = rp.Server(work, log).start()
    fig = {"ready_s": s.ready_s, "started_in_s": s.started_in,
           "warm_up": s.warm_up[4] if s.warm_up else "off",
           "warm_up_ms": int(s.warm_up[2]) if s.warm_up else 0}
    cold = rp.hey(["-n", "1000", "-c", "1"])
    fig.update(cold_p50_ms=cold["p50"], cold_p99_ms=cold["p99"], cold_rps=cold["rps"])
    rp.wrk("/api/v1/screenings", 20, LUA)
    warm = rp.hey(["-n", "1000", "-c", "1"])
    fig.update(warm_p50_ms=warm["p50"], warm_p99_ms=warm["p99"], warm_rps=warm["rps"])
    fig["cold_of_warm"] = fig["cold_rps"] / fig["warm_rps"]
    fig["rss_mb"] = rp.rss_mb(s.p.pid)
    s.stop()
    print(java.split("/")[-3] if "/" in java else java, extra, fig, flush=True)
    return fig


def main():
    out, work, log = rp.fresh_app("aot-cache")
    cache = os.path.join(out, "app.aot")
    rp.Server(work, log).start().stop()  # compiles the rules once: every start below loads the module cache

    # the training start: the cache is written when this process exits (JDK 25: one step, -XX:AOTCacheOutput)
    # Trained without the request warm-up and with 2,000 POSTs at c=2: a training run with the warm-up and 20 s at c=8
    # loads so many classes (Drools' generated lambdas among them) that JDK 25.0 fails to write the cache ("Unable to
    # allocate from 'ro' region: Please reduce the number of shared classes"), seen twice; this shorter training
    # writes it.
    rp.JAVA, rp.EXTRA = JAVA25, [f"-XX:AOTCacheOutput={cache}", "-Dcrosscheck.performance.request-warm-up=0s"]
    t0 = time.monotonic()
    s = rp.Server(work, log).start()
    rp.hey(["-n", "2000", "-c", "2"])
    s.stop()
    training_s = time.monotonic() - t0
    cache_mb = os.path.getsize(cache) / 1024 / 1024

    configs = [("java17", "java", []),
               ("java25", JAVA25, []),
               ("java25-aot", JAVA25, [f"-XX:AOTCache={cache}"]),
               ("java25-aot-nowarm", JAVA25, [f"-XX:AOTCache={cache}", "-Dcrosscheck.performance.request-warm-up=0s"]),
               ("java17-nowarm", "java", ["-Dcrosscheck.performance.request-warm-up=0s"])]
    results = {name: [] for name, _, _ in configs}
    for _ in range(START):  # interleaved, so a drift of the machine touches every configuration alike
        for name, java, extra in configs:
            results[name].append(measure(work, log, java, extra))
    json.dump({"training_s": training_s, "cache_mb": cache_mb, "runs": results},
              open(os.path.join(out, "figures.json"), "w"), indent=1)

    def med(name, key):
        return statistics.median(r[key] for r in results[name])

    lines = [f"Written by `bench/aot-cache.py` ({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, medians of {START}"
             f" starts per configuration, interleaved; load average at the end {open('/proc/loadavg').read().split()[0]})."
             f" JVM flags: `{' '.join(rp.JVM_FLAGS)}`. AOT cache: {cache_mb:.0f} MB, recorded by one training start"
             f" (no request warm-up, 2,000 POSTs at c=2; {training_s:.0f} s in all).", "",
             "| configuration | start to ready s | started in s | warm-up | cold serial p50 ms | cold p99 ms |"
             " cold req/s | warm serial p50 ms | warm req/s | cold / warm | RSS MB |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    for name, _, _ in configs:
        outcomes = "/".join(sorted({r["warm_up"] for r in results[name]}))
        lines.append(f"| {name} | {med(name, 'ready_s'):.1f} | {med(name, 'started_in_s'):.1f} | {outcomes},"
                     f" {med(name, 'warm_up_ms') / 1000:.1f} s | {med(name, 'cold_p50_ms'):.2f} |"
                     f" {med(name, 'cold_p99_ms'):.1f} | {med(name, 'cold_rps'):.0f} | {med(name, 'warm_p50_ms'):.2f} |"
                     f" {med(name, 'warm_rps'):.0f} | {med(name, 'cold_of_warm'):.2f} | {med(name, 'rss_mb'):.0f} |")
    rp.write_report("aot-cache", "\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
