#!/usr/bin/env bash
# Fuzzes Drift with libFuzzer and the address sanitizer (Sources/DriftFuzz), one target at a time:
#   tools/fuzz.sh [TARGET] [MINUTES]     TARGET: language (default), csv, model or parquet; MINUTES: default 30
#   language  the lexer, parser, compiler and interpreter (each input a program)
#   csv       read_csv's parser (each input a whole CSV file)
#   model     load_model's decoding and checks, then predict, update and save (each input a saved model file)
#   parquet   the Parquet reader (each input a whole Parquet file)
# New inputs that grow coverage collect in .build-fuzz/corpus/TARGET, seeded from the repository's test files and
# examples. A crash or hang is written to Tests/fuzz-findings/ (the language) or Tests/fuzz-findings/TARGET/, where
# the test suite replays it forever after. Leak detection is off: a session that ends with a reference cycle
# leaks a few bytes (see docs/safety.md), which is not what these targets hunt.
set -euo pipefail
cd "$(dirname "$0")/.."
target=language
if [[ $# -gt 0 && ! $1 =~ ^[0-9]+$ ]]; then target=$1; shift; fi
minutes=${1:-30}
root=$PWD
case $target in
  language) seeds=(Tests/scripts examples stdlib); pattern='*.drift'; max_len=4096; findings=Tests/fuzz-findings ;;
  csv) seeds=(Tests/corpus/csv Tests/scripts examples/data Tests/DriftCoreTests/Fixtures); pattern='*.csv'; max_len=65536 ;;
  model) seeds=(Tests/corpus/models); pattern='*.json'; max_len=65536 ;;
  parquet) seeds=(Tests/DriftParquetTests/Fixtures examples/data); pattern='*.parquet'; max_len=65536 ;;
  *) echo "usage: tools/fuzz.sh [language|csv|model|parquet] [MINUTES]" >&2; exit 2 ;;
esac
findings=${findings:-Tests/fuzz-findings/$target}
swift build -c release --product DriftFuzz --scratch-path .build-fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xswiftc -use-ld=lld 2>&1 | tail -1
corpus=.build-fuzz/corpus/$target
mkdir -p "$corpus" "$findings"
find "${seeds[@]}" -name "$pattern" -size -64k -exec cp -n {} "$corpus"/ \; 2>/dev/null || true
cd .build-fuzz  # the fuzzer may read files relative to here; it may write none
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}  # no leak report at exit either (see above)
DRIFT_FUZZ_TARGET=$target exec ./release/DriftFuzz "corpus/$target" -max_total_time=$((minutes * 60)) -timeout=10 \
  -rss_limit_mb=4096 -max_len=$max_len -detect_leaks=0 -artifact_prefix="$root/$findings/" -print_final_stats=1
