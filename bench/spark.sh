#!/usr/bin/env bash
# bench/spark.sh [ROWS]: a drift report between two windows of a Parquet dataset (ROWS rows, default 20M, written
# by Spark itself) through a local Spark Connect server (tools/spark_test_server.sh): Drift's wall time and peak
# memory (target: under 64 MB) against a hand-written PySpark job computing the same report (the same aggregates
# on the same server, the statistics from them in Python; target: Drift ≤ 1.5× its time). Uses the release
# build (.build-release/release/drift) when there is one, else the debug build. Needs Java 17; installs pyspark
# (and its Connect client's packages) into a throw-away virtual environment unless SPARK_PYTHON names a python
# that has them.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-20000000}
work=$(mktemp -d /tmp/drift-bench-spark.XXXXXX)
python=${SPARK_PYTHON:-}
if [ -z "$python" ]; then
    python3 -m venv "$work/venv"
    "$work/venv/bin/pip" install -q pyspark pandas pyarrow grpcio grpcio-status googleapis-common-protos zstandard
    python="$work/venv/bin/python"
fi
SPARK_HOME=$("$python" -c 'import os, pyspark; print(os.path.dirname(pyspark.__file__))')
export SPARK_HOME
trap 'tools/spark_test_server.sh stop "$work/server"; rm -rf "$work"' EXIT
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
url=$(tools/spark_test_server.sh start "$work/server" "$port")
drift=.build-release/release/drift
[ -x "$drift" ] || drift=.build/debug/drift

"$python" - "$url" "$work/data" "$rows" <<'PY'
import sys
from pyspark.sql import SparkSession
url, path, rows = sys.argv[1], sys.argv[2], int(sys.argv[3])
spark = SparkSession.builder.remote(url.replace("spark://", "sc://")).getOrCreate()
spark.range(rows).selectExpr(
    f"CASE WHEN id < {rows // 2} THEN 'feb' ELSE 'mar' END AS month",
    "18 + floor(rand(1) * 60) AS age",
    f"exp(10 + rand(2) + CASE WHEN id < {rows // 2} THEN 0 ELSE 0.1 END) AS income",
    "rand(3) AS probability",
    "element_at(array('north', 'south', 'east', 'west'), 1 + CAST(rand(4) * 4 AS INT)) AS region",
).write.mode("overwrite").parquet(path)
PY

cat > "$work/report.drift" <<DRIFT
let url = "$url"
let february = table(url, parquet: "$work/data", where: "month = :p1", params: ["feb"])
let march = table(url, parquet: "$work/data", where: "month = :p1", params: ["mar"])
print(drift_report(february, march, columns: ["age", "income", "probability", "region"]))
DRIFT

cat > "$work/report.py" <<'PY'
# The same report by hand: per window and column the aggregates Drift's pushdown asks for (count, mean, variance,
# min, max, a 32,768-bin histogram over the pooled range, category counts), then the report's statistics from
# them in Python: wasserstein_normed (the Wasserstein distance from the binned CDFs, over the reference sd, ddof 0)
# for numbers and the Jensen-Shannon distance (base 2, as Drift's) for the region.
import math, sys
from pyspark.sql import SparkSession, functions as F
url, path = sys.argv[1], sys.argv[2]
spark = SparkSession.builder.remote(url.replace("spark://", "sc://")).getOrCreate()
data = spark.read.parquet(path)
windows = {m: data.where(F.col("month") == m) for m in ("feb", "mar")}
numeric = ["age", "income", "probability"]
stats = {m: w.agg(*[F.min(c).alias(f"{c}_lo") for c in numeric], *[F.max(c).alias(f"{c}_hi") for c in numeric],
                  *[F.var_pop(c).alias(f"{c}_var") for c in numeric]).first().asDict() for m, w in windows.items()}
bins = 32768
for c in numeric:
    lo = min(stats[m][f"{c}_lo"] for m in windows); hi = max(stats[m][f"{c}_hi"] for m in windows)
    width = (hi - lo) / bins or 1
    counts = {m: dict(w.groupBy(F.least(F.floor((F.col(c) - lo) / width), F.lit(bins - 1)).alias("b")).count().collect())
              for m, w in windows.items()}
    n = {m: sum(counts[m].values()) for m in windows}
    cdf_a = cdf_b = distance = 0.0
    for b in range(bins):
        cdf_a += counts["feb"].get(b, 0) / n["feb"]; cdf_b += counts["mar"].get(b, 0) / n["mar"]
        distance += abs(cdf_a - cdf_b) * width
    print(c, "wasserstein_normed", round(distance / max(math.sqrt(stats["feb"][f"{c}_var"]), 0.001), 6))
regions = {m: dict(w.groupBy("region").count().collect()) for m, w in windows.items()}
p = {m: {r: v / sum(regions[m].values()) for r, v in regions[m].items()} for m in windows}
keys = set(p["feb"]) | set(p["mar"])
mid = {r: (p["feb"].get(r, 0) + p["mar"].get(r, 0)) / 2 for r in keys}
kl = lambda a: sum(a.get(r, 0) * math.log(a.get(r, 0) / mid[r]) for r in keys if a.get(r, 0) > 0)
print("region js_distance", round(math.sqrt((kl(p["feb"]) + kl(p["mar"])) / 2 / math.log(2)), 6))
PY

measure() {  # prints "seconds peak_kb" of a command
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$work/out" 2>&1 || { cat "$work/out"; exit 1; }
    cat "$work/time"
}
read -r drift_s drift_kb < <(measure "$drift" run "$work/report.drift")
cat "$work/out"
read -r spark_s _ < <(measure "$python" "$work/report.py" "$url" "$work/data")
cat "$work/out"
echo "rows=$rows drift=${drift_s}s peak=$((drift_kb / 1024))MB pyspark=${spark_s}s ratio=$(python3 -c "print(round($drift_s / $spark_s, 2))") ($drift)"
