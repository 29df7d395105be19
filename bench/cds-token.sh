#!/usr/bin/env bash
# The CDS Hooks token check in JMH (io.crosscheck.bench.CdsTokenBenchmark): SmallRye JWT as the service
# runs it (one principal factory per EHR key source), SmallRye with a new factory per call, and the jose4j
# consumer used before. Writes target/bench/cds-token.json and prints p50/p99 and the ratios of one run.
#   bench/cds-token.sh
# Never part of .ci/run; timings are never asserted in tests.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JVM_FLAGS:=$(bin/serve --print-jvm-flags)}"
mkdir -p target/bench
./mvnw -q -B -ntp test-compile
./mvnw -q -B -ntp dependency:build-classpath -Dmdep.outputFile=target/bench/classpath.txt -Dmdep.includeScope=test
java -cp "target/test-classes:target/classes:$(cat target/bench/classpath.txt)" org.openjdk.jmh.Main 'CdsTokenBenchmark' \
  -bm sample -tu us -f 1 -wi 3 -w 2s -i 5 -r 2s -rf json -rff target/bench/cds-token.json \
  -jvmArgsAppend "$JVM_FLAGS" > target/bench/cds-token.log
python3 - <<'PY'
import json
rows = {r["benchmark"].rsplit(".", 1)[1]: r["primaryMetric"]["scorePercentiles"] for r in json.load(open("target/bench/cds-token.json"))}
base = rows["smallRyeFactoryPerClient"]["50.0"]
print("| CdsTokenBenchmark (sample mode, µs) | p50 | p99 | p50 / service's |")
print("|---|---|---|---|")
for name, p in sorted(rows.items()):
    print(f"| `{name}` | {p['50.0']:,.1f} | {p['99.0']:,.1f} | {p['50.0'] / base:.2f} |")
PY
