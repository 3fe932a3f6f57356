#!/usr/bin/env python3
"""The benchmark of issue 6: Drift against numpy, pandas, polars, scipy, scikit-learn, River and CPython.

Usage: python3 bench/run.py [--python /tmp/peers/bin/python] [--nannyml /tmp/nml/bin/python] [--lua lua5.4]
       [--runs N] [--data DIR] [--numpy-data DIR] [--build DIR] [--drift-tests-only]

1. Builds `drift` and `DriftBench` in release mode with the Swift runtime linked in, as the README's install
   step does (`--static-swift-stdlib`, scratch path .build-release, or --build DIR).
2. Writes the seeded data once into DIR (`DriftBench generate DIR`; nothing to do when it is there):
   ref.csv and cur.csv (1M rows: x0…x7, a 4-level region, a 0/1 label), values.csv (10M values),
   stream.csv (1M values for ADWIN), manifest.json.
3. Runs N rounds (default 5). Each round runs, one after the other and in alternating order (Drift first in
   even rounds, the peer first in odd ones): bench/scripts/tasks.drift through the release `drift` against
   bench/peers.py in the peers' Python (and bench/nannyml_peer.py in NannyML's, for the monitor row); fib and loop .drift scripts against their CPython twins; fib30 and
   loop30m .drift scripts against their Lua 5.4 twins (the small-interpreter anchor; seven alternated pairs
   each); five `drift -e 1`
   against five `python3 -c 1`. Every task is timed inside its own process around the call
   only (Drift's clock() builtin, Python's time.perf_counter), except start-up, timed from outside, and the
   Lua rows, which compare the CPU time (user + system, from wait4) of the whole process on both sides.
4. Measures the peak resident memory of `drift -e 'read_csv(...)'` (and of a bare `drift -e 1`).
5. Prints a Markdown table: per task the medians, their ratio Drift / peer, the lowest and highest ratio of
   a single round (both sides ran back to back, so the spread shows how much the machine's load moved it;
   for the Lua rows, of a single pair), the target and pass/miss.
6. With the peers, runs the CSV and drift-test rows again (N rounds) on a second data set, the same workload
   drawn by numpy's generator and written by pandas (bench/numpy_data.py, cached in --numpy-data DIR), and
   prints their table, so the drift-test ratios do not rest on Drift's own data writer alone.
   --drift-tests-only runs just these rows, on both data sets.

Without --python (or when that Python lacks numpy and pandas) only the Drift side and the CPython rows run.
The CPython rows use the Python running this script.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCRIPTS = os.path.join(ROOT, "bench", "scripts")
BUILD = os.path.join(ROOT, ".build-release")
DRIFT = os.path.join(BUILD, "release", "drift")


def use_build(directory):
    """Sets the scratch path the benchmark builds in and runs from."""
    global BUILD, DRIFT
    BUILD = os.path.abspath(directory)
    DRIFT = os.path.join(BUILD, "release", "drift")
START_UPS_PER_ROUND = 5
# The Lua rows time whole processes of 50–600 ms, which swing by a third from one run to the next on a shared
# machine: each round runs this many alternated pairs, and the row takes the median of all of them.
LUA_PAIRS_PER_ROUND = 7

# (task, Drift's name for it, peer, the peer's name for it, target ratio; None for a row shown for comparison)
ROWS = [
    ("read the 1M-row CSV", "csv", "pandas `read_csv`", "csv_pandas", 0.8),
    ("read the 1M-row CSV", "csv", "polars `read_csv`", "csv_polars", 1.0),
    ("`hist` of 10M values, 50 bins", "hist", "`numpy.histogram`", "hist", 0.5),
    ("`ks_test` 1M vs 1M", "ks", "`scipy.stats.ks_2samp`", "ks", 0.7),
    ("`wasserstein` 1M vs 1M", "wasserstein", "`scipy.stats.wasserstein_distance`", "wasserstein", 0.5),
    ("`psi` 1M vs 1M, 10 quantile bins", "psi", "numpy", "psi", 1.0),
    ("`chi2_test` on the 4-level column, 1M vs 1M", "chi2", "pandas `crosstab` + `scipy.stats.chi2_contingency`", "chi2", 0.5),
    ("`drift_report` on all 10 columns", "report", "the scipy tests column by column", "report", 0.5),
    ("`train` logistic, 1M × 8", "logistic", "scikit-learn `LogisticRegression`", "logistic", 1.0),
    ("`adwin` over 1M values", "adwin", "River `ADWIN`", "adwin", 0.2),
    ("`monitor` 1M vs 1M rows, 100 chunks × 10 columns × 2 methods", "monitor",
     "NannyML `UnivariateDriftCalculator` (fit + calculate)", "monitor_nannyml", 0.2),
    ("`fib(27)` recursive, in the language", "fib", "CPython 3", "fib", 0.7),
    ("a 10M-iteration `while` loop adding floats", "loop", "CPython 3", "loop", 0.5),
    ("`fib(30)` recursive, CPU time of the whole process", "fib30", "Lua 5.4", "fib30", 1.0),
    ("a 30M-iteration `while` loop adding floats in a function, CPU time of the whole process", "loop30m",
     "Lua 5.4", "loop30m", 1.0),
    ("`drift -e '1'` start-up", "startup", "`python3 -c 1`", "startup", 1.0),
    ("`group_by` + `aggregate` (count, mean, quantile 0.9), 1M rows by the 4-level key", "groupby_region",
     "pandas `groupby`", "groupby_region_pandas", 0.5),
    ("`group_by` + `aggregate` (count, mean, quantile 0.9), 1M rows by the 4-level key", "groupby_region",
     "polars `group_by`", "groupby_region_polars", 1.0),
    ("`group_by` + `aggregate`, 1M rows by a 100,000-level integer key", "groupby_key", "pandas `groupby`",
     "groupby_key_pandas", 0.5),
    ("`group_by` + `aggregate`, 1M rows by a 100,000-level integer key", "groupby_key", "polars `group_by`",
     "groupby_key_polars", 1.0),
    ("inner `join`, 1M × 100,000 rows on an integer key", "join_inner", "pandas `merge`", "join_inner_pandas", 0.5),
    ("inner `join`, 1M × 100,000 rows on an integer key", "join_inner", "polars `join`", "join_inner_polars", 1.0),
    ("left `join`, 1M × 100,000 rows on an integer key", "join_left", "pandas `merge`", "join_left_pandas", 0.5),
    ("left `join`, 1M × 100,000 rows on an integer key", "join_left", "polars `join`", "join_left_polars", 1.0),
    ("read a 1M-row CSV with an ISO datetime column", "csv_dates", "pandas `read_csv(parse_dates=...)`",
     "csv_dates_pandas", 1.0),
    ("read a 1M-row CSV with an ISO datetime column", "csv_dates", "polars `read_csv(try_parse_dates=True)`",
     "csv_dates_polars", None),
] + [  # the Parquet rows (bench/scripts/parquet.drift against bench/parquet_peers.py)
    ("`read_parquet` of the 1M-row table (Snappy, as pyarrow writes it)", "parquet_read",
     "pandas `read_parquet` (pyarrow engine)", "parquet_read_pandas", 0.5),
    ("`read_parquet` of the 1M-row table (Snappy, as pyarrow writes it)", "parquet_read", "polars `read_parquet`",
     "parquet_read_polars", 1.0),
    ("`write_parquet` of the 1M-row table, Snappy", "parquet_write", "pyarrow `write_table`", "parquet_write_pyarrow", 1.0),
    ("`write_parquet` of the 1M-row table, Snappy", "parquet_write", "polars `write_parquet`", "parquet_write_polars", None),
]


def build():
    for product in ("drift", "DriftBench"):
        subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", product, "--scratch-path", BUILD],
                       cwd=ROOT, check=True, stdout=subprocess.DEVNULL)


def timings(command):
    """Runs a command that prints `name seconds` lines (or a lone `seconds`); returns {name: value}."""
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    found = {}
    for line in out.splitlines():
        fields = line.split()
        if len(fields) == 2:
            found[fields[0]] = float(fields[1])
        elif len(fields) == 1:
            found[""] = float(fields[0])
    return found


def wall_seconds(command):
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def resource_usage(command):
    """Runs a child process to the end and returns its rusage, from wait4."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.exit(f"{command} failed with status {process.returncode}")
    return usage


def peak_rss_mb(command):
    """Peak resident memory of a child process (ru_maxrss is in KiB on Linux)."""
    return resource_usage(command).ru_maxrss / 1024


def cpu_seconds(command):
    """CPU time of a whole child process: user plus system."""
    usage = resource_usage(command)
    return usage.ru_utime + usage.ru_stime


def has_peers(python):
    if not python:
        return False
    return subprocess.run([python, "-c", "import numpy, pandas"], capture_output=True).returncode == 0


def pair(drift, peer, round_number):
    """Runs the Drift and the peer measurement in the order this round takes; returns both results."""
    if round_number % 2 == 0:
        first = drift()
        return first, peer()
    second = peer()
    return drift(), second


def run_rounds(args, data, peers, drift_tests_only=False):
    """Runs every row (or only the CSV and drift-test rows) `args.runs` times on the data in `data`."""
    drift_times, peer_times = {}, {}
    part = ["drift-tests"] if drift_tests_only else []

    def record(into, found, rename=None):
        for name, value in found.items():
            into.setdefault(rename or name, []).append(value)

    for r in range(args.runs):
        print(f"round {r + 1} of {args.runs}", file=sys.stderr, flush=True)
        drift, peer = pair(lambda: timings([DRIFT, "run", os.path.join(SCRIPTS, "tasks.drift"), data] + part),
                           lambda: timings([args.python, os.path.join(ROOT, "bench", "peers.py"), data] + part) if peers else {},
                           r)
        record(drift_times, drift)
        record(peer_times, peer)
        if drift_tests_only:
            continue
        if args.nannyml:
            record(peer_times, timings([args.nannyml, os.path.join(ROOT, "bench", "nannyml_peer.py"), data]), "monitor_nannyml")
        if peers:
            drift, peer = parquet_pair(args.python, data, r)
            record(drift_times, drift)
            record(peer_times, peer)
        for name in ("fib", "loop"):
            drift, peer = pair(lambda: timings([DRIFT, "run", os.path.join(SCRIPTS, name + ".drift")]),
                               lambda: timings([sys.executable, os.path.join(SCRIPTS, name + ".py")]), r)
            record(drift_times, drift, name)
            record(peer_times, peer, name)
        if args.lua:
            for name in ("fib30", "loop30m"):
                script = os.path.join(SCRIPTS, name)
                for index in range(LUA_PAIRS_PER_ROUND):
                    drift, peer = pair(lambda: cpu_seconds([DRIFT, "run", script + ".drift"]),
                                       lambda: cpu_seconds([args.lua, script + ".lua"]), r + index)
                    record(drift_times, {name: drift})
                    record(peer_times, {name: peer})
        for _ in range(START_UPS_PER_ROUND):
            drift, peer = pair(lambda: wall_seconds([DRIFT, "-e", "1"]), lambda: wall_seconds([sys.executable, "-c", "1"]), r)
            record(drift_times, {"startup": drift})
            record(peer_times, {"startup": peer})
    accuracy = {side: times.pop("logistic_accuracy")[-1]
                for side, times in (("drift", drift_times), ("peer", peer_times)) if "logistic_accuracy" in times}
    return drift_times, peer_times, accuracy


def parquet_pair(python, data, round_number):
    """The Parquet rows of one round. The peers' script writes ref.parquet with pyarrow when it is missing, so
    it runs first then."""
    drift = lambda: timings([DRIFT, "run", os.path.join(SCRIPTS, "parquet.drift"), data])
    peer = lambda: timings([python, os.path.join(ROOT, "bench", "parquet_peers.py"), data])
    if not os.path.exists(os.path.join(data, "ref.parquet")):
        first = peer()
        return drift(), first
    return pair(drift, peer, round_number)


def seconds(value):
    return f"{value:.4f} s" if value < 1 else f"{value:.2f} s"


def table(drift_times, peer_times, accuracy, memory=None):
    median = {name: statistics.median(values) for name, values in drift_times.items()}
    peer_median = {name: statistics.median(values) for name, values in peer_times.items()}
    runs = min(len(values) for values in drift_times.values())
    lines = ["| task | peer | Drift | peer | ratio | ratio per round | target | |", "|---|---|---|---|---|---|---|---|"]
    for task, drift_name, peer, peer_name, target in ROWS:
        d = median.get(drift_name)
        p = peer_median.get(peer_name)
        if d is None:
            continue
        ratio = d / p if p else None
        mark = "" if ratio is None or target is None else ("pass" if ratio <= target else "**miss**")
        # Each round ran both sides back to back, so their ratio shows how much the load moved it.
        rounds = [a / b for a, b in zip(drift_times[drift_name], peer_times.get(peer_name, []))]
        spread = f"{min(rounds):.2f}–{max(rounds):.2f}" if rounds else "–"
        if drift_name == "logistic" and len(accuracy) == 2:
            task += f" (accuracy {accuracy['drift']:.4f} vs {accuracy['peer']:.4f})"
            if abs(accuracy["drift"] - accuracy["peer"]) > 0.001:
                mark = "**miss** (accuracy)"
        lines.append(f"| {task} | {peer} | {seconds(d)} | {seconds(p) if p else '–'} | "
                     f"{f'{ratio:.2f}' if ratio is not None else '–'} | {spread} | {f'≤ {target}' if target else 'none'} | {mark} |")
    if "replay" in median:
        d = median["replay"]
        lines.append(f"| `replay` of a 1M-row SEA stream, offline serving (issue 4) | none | {seconds(d)} | | | | < 10 s | "
                     f"{'pass' if d < 10 else '**miss**'} |")
    if memory is None:
        return "\n".join(lines) + f"\n\nMedians of {runs} runs."
    drift_peak, bare_peak, bound, pandas_peak = memory
    lines.append(f"| peak resident memory, `read_csv` of the 1M-row CSV | bound 1.5 × (8 B × numeric cells + string bytes) "
                 f"| {drift_peak:.0f} MB | {bound:.0f} MB | {drift_peak / bound:.2f} | | ≤ 1.0 | "
                 f"{'pass' if drift_peak <= bound else '**miss**'} |")
    notes = [f"Medians of {runs} runs. Peak memory of a bare `drift -e 1`: {bare_peak:.0f} MB"]
    if pandas_peak:
        notes.append(f"of `pd.read_csv` in a fresh Python (imports included): {pandas_peak:.0f} MB")
    return "\n".join(lines) + "\n\n" + "; ".join(notes) + "."


def memory(data, python, peers):
    with open(os.path.join(data, "manifest.json")) as f:
        manifest = json.load(f)
    raw_mb = (8 * manifest["numeric_cells"] + manifest["string_bytes"]) / 2**20
    path = os.path.join(data, "ref.csv")
    drift_peak = peak_rss_mb([DRIFT, "-e", f"let df = read_csv({json.dumps(path)})"])
    bare_peak = peak_rss_mb([DRIFT, "-e", "1"])
    pandas_peak = peak_rss_mb([python, "-c", f"import pandas as pd; df = pd.read_csv({path!r})"]) if peers else None
    return drift_peak, bare_peak, 1.5 * raw_mb, pandas_peak


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--python", help="Python with numpy scipy scikit-learn pandas polars river (the peers)")
    parser.add_argument("--nannyml", help="Python with NannyML 0.13, for the monitor row (its own virtual environment)")
    parser.add_argument("--lua", default="lua5.4", help="Lua 5.4 for the small-interpreter rows (Debian's lua5.4)")
    parser.add_argument("--build", default=BUILD, help="the scratch path of the release build")
    parser.add_argument("--runs", type=int, default=5, help="rounds; every time reported is the median over them")
    parser.add_argument("--data", default="/tmp/drift-bench-data", help="where the seeded data is cached")
    parser.add_argument("--numpy-data", default="/tmp/drift-bench-numpy",
                        help="where the second data set (numpy's generator, written by pandas) is cached")
    parser.add_argument("--drift-tests-only", action="store_true",
                        help="only the CSV and drift-test rows, on both data sets")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    use_build(args.build)
    peers = has_peers(args.python)
    if args.lua and shutil.which(args.lua) is None:
        print(f"{args.lua} not found (apt-get install lua5.4): skipping the Lua rows", file=sys.stderr)
        args.lua = None
    if args.python and not peers:
        print(f"{args.python} lacks numpy or pandas: timing the Drift side only", file=sys.stderr)
    print("building drift and DriftBench (release)", file=sys.stderr, flush=True)
    build()
    os.makedirs(args.data, exist_ok=True)
    subprocess.run([os.path.join(BUILD, "release", "DriftBench"), "generate", args.data], check=True)
    drift_times, peer_times, accuracy = run_rounds(args, args.data, peers, args.drift_tests_only)
    print("## Data written by DriftBench\n")
    print(table(drift_times, peer_times, accuracy,
                None if args.drift_tests_only else memory(args.data, args.python, peers)))
    if peers:
        subprocess.run([args.python, os.path.join(ROOT, "bench", "numpy_data.py"), args.numpy_data], check=True)
        drift_times, peer_times, accuracy = run_rounds(args, args.numpy_data, peers, drift_tests_only=True)
        print("\n## Data drawn by numpy's generator and written by pandas\n")
        print(table(drift_times, peer_times, accuracy))


if __name__ == "__main__":
    main()
