#!/usr/bin/env bash
# Fuzzes the lexer, parser, compiler and interpreter with libFuzzer and the address sanitizer.
#   tools/fuzz.sh [MINUTES]     (default 30)
# New inputs that grow coverage collect in .build-fuzz/corpus (seeded from Tests/scripts and examples);
# a crash is written to Tests/fuzz-findings/, where the test suite replays it forever after. Leak
# detection is off: a session that ends with a reference cycle leaks a few bytes (see docs/safety.md), which is
# not what this target hunts.
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=${1:-30}
swift build -c release --product DriftFuzz --scratch-path .build-fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xswiftc -use-ld=lld 2>&1 | tail -1
corpus=.build-fuzz/corpus
mkdir -p "$corpus" Tests/fuzz-findings
find Tests/scripts examples stdlib -name '*.drift' -exec cp -n {} "$corpus"/ \; 2>/dev/null || true
cd .build-fuzz  # the fuzzer may read files relative to here; it may write none
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}  # no leak report at exit either (see above)
exec ./release/DriftFuzz corpus -max_total_time=$((minutes * 60)) -timeout=10 -rss_limit_mb=4096 \
  -max_len=4096 -detect_leaks=0 -artifact_prefix=../Tests/fuzz-findings/ -print_final_stats=1
