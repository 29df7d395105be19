#!/usr/bin/env bash
# The sandboxed check of a candidate with N cornerstone cases sent along (io.crosscheck.authoring.sandbox.
# CornerstoneCheckTiming): the shipped rules, N = 0, 25, 100, 200 by default (or the arguments), median of 3 runs.
#   bench/cornerstone-check.sh [N ...]
# As the service, each check is handed the rules' compiled module (data/kb-cache); MODULES=compiled hands none.
# Never part of .ci/run; timings are never asserted in tests.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target/bench
./mvnw -q -B -ntp test-compile
./mvnw -q -B -ntp dependency:build-classpath -Dmdep.outputFile=target/bench/classpath.txt -Dmdep.includeScope=test
java -cp "target/test-classes:target/classes:$(cat target/bench/classpath.txt)" \
  io.crosscheck.authoring.sandbox.CornerstoneCheckTiming "$@" | tee target/bench/cornerstone-check.md
