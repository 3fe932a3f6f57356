#!/usr/bin/env bash
# bench/parquet_scan.sh [GB]: the bounded-memory Parquet row of issue 19 — `scan_parquet` + `drift_report` between a
# 1M-row reference file and a GB-sized analysis file (default 5), under `--max-memory 500MB`. Prints Drift's wall
# time and peak RSS (target: the report finishes; peak under the 500 MB limit). The files are written once, by
# pyarrow from numpy's seeded generator (the benchmark table's columns: x0…x7 normal with 6 decimals, x0 shifted by
# 0.1 in the analysis file, a 4-level region, a 0/1 label; 1M-row row groups, Snappy), into BENCH_PARQUET_DATA
# (default /tmp/drift-bench-parquet-scan). Needs the peers' Python (PEERS_PYTHON, default /tmp/peers/bin/python)
# for pyarrow and numpy; uses the release build (.build-release/release/drift) when there is one.
set -euo pipefail
cd "$(dirname "$0")/.."
gigabytes=${1:-5}
data=${BENCH_PARQUET_DATA:-/tmp/drift-bench-parquet-scan}
python=${PEERS_PYTHON:-/tmp/peers/bin/python}
drift=.build-release/release/drift
[ -x "$drift" ] || drift=.build/debug/drift
mkdir -p "$data"
big="$data/analysis-${gigabytes}GB.parquet"

"$python" - "$data/reference.parquet" "$big" "$gigabytes" <<'PY'
import os, sys
import numpy as np, pyarrow as pa, pyarrow.parquet as pq
reference, analysis, gigabytes = sys.argv[1], sys.argv[2], float(sys.argv[3])
regions = np.array(["north", "south", "east", "west"])
def row_group(rng, shift):
    n = 1_000_000
    columns = {f"x{i}": np.round(rng.normal(shift if i == 0 else 0, 1, n), 6) for i in range(8)}
    columns["region"] = regions[rng.integers(0, 4, n)]
    columns["label"] = rng.integers(0, 2, n)
    return pa.table(columns)
def write(path, shift, target_bytes, seed):
    if os.path.exists(path):
        return
    rng = np.random.default_rng(seed)
    with pq.ParquetWriter(path + ".part", row_group(np.random.default_rng(0), 0).schema) as writer:
        while True:
            writer.write_table(row_group(rng, shift))
            if os.path.getsize(path + ".part") >= target_bytes:  # the writer flushes each row group
                break
    os.replace(path + ".part", path)
write(reference, 0, 1, 1)
write(analysis, 0.1, gigabytes * 1e9, 2)
PY

cat > "$data/report.drift" <<DRIFT
let reference = scan_parquet("$data/reference.parquet")
let analysis = scan_parquet("$big")
print(nrow(reference), nrow(analysis))
print(drift_report(reference, analysis))
DRIFT
/usr/bin/time -f "%e %M" -o "$data/time" "$drift" run --max-memory 500MB "$data/report.drift" | tee "$data/out"
read -r seconds peak_kb < "$data/time"
echo "analysis=$(du -h "$big" | cut -f1) drift=${seconds}s peak=$((peak_kb / 1024))MB limit=500MB ($drift)"
