#!/usr/bin/env python3
"""Times DriftCore's CSV reader against pandas.read_csv on the shared drift workload's ref.csv.

Usage: bench/csv_read.py [DATA_DIR] [--python PATH] [--repeats N]
Generates DATA_DIR/ref.csv once (1,000,000 rows, seeded exactly like shared/bench/peers.py), builds DriftBench
in release mode, then prints: task, drift seconds (median, timed inside the Swift process), peer seconds
(median of the same number of pandas runs, timed inside the Python process), ratio, and the peak RSS of Drift.
If the chosen Python lacks pandas, only the Drift time is printed.
"""
import argparse, os, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

MAKE = r'''
import os, sys
import numpy as np
import pandas as pd
d = sys.argv[1]; N = 1_000_000
p = f"{d}/ref.csv"
if not os.path.exists(p):
    rng = np.random.default_rng(7)
    cols = {f"x{i}": rng.normal(0.0, 1 + 0.1 * i, N) for i in range(8)}
    cols["region"] = rng.choice(["north", "south", "east", "west"], N, p=[.4, .3, .2, .1])
    cols["label"] = (cols["x0"] + 0.5 * cols["x1"] + rng.normal(0, 1, N) > 0).astype(int)
    pd.DataFrame(cols).to_csv(p + ".tmp", index=False, float_format="%.6f")
    os.replace(p + ".tmp", p)
'''

PEER = r'''
import sys, time, gc, statistics
import pandas as pd
path, k = sys.argv[1], int(sys.argv[2])
times = []
for _ in range(k):
    gc.collect(); s = time.perf_counter(); pd.read_csv(path); times.append(time.perf_counter() - s)
print(statistics.median(times))
'''


def has_pandas(python):
    return subprocess.run([python, "-c", "import pandas"], capture_output=True).returncode == 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", nargs="?", default="/tmp/drift-bench")
    parser.add_argument("--python", default=sys.executable, help="interpreter with pandas for the peer timing")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    os.makedirs(args.data_dir, exist_ok=True)
    path = os.path.join(args.data_dir, "ref.csv")
    if not os.path.exists(path):
        if not has_pandas(args.python):
            sys.exit(f"{args.python} lacks numpy/pandas, needed once to generate {path}")
        subprocess.run([args.python, "-c", MAKE, args.data_dir], check=True)

    subprocess.run(["swift", "build", "-c", "release", "--product", "DriftBench", "--scratch-path", ".build-release"],
                   cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    binary = os.path.join(ROOT, ".build-release", "release", "DriftBench")
    out = subprocess.run([binary, "csv-read", path, str(args.repeats)], capture_output=True, text=True, check=True).stdout
    fields = dict(item.split("=") for item in out.split())
    drift = float(fields["median_seconds"])
    rss_mb = int(fields["peak_rss_kb"]) / 1024

    peer = None
    if has_pandas(args.python):
        peer = float(subprocess.run([args.python, "-c", PEER, path, str(args.repeats)],
                                    capture_output=True, text=True, check=True).stdout)
    print(f"{'task':<28}{'drift s':>10}{'peer s':>10}{'ratio':>8}{'drift peak RSS':>16}")
    peer_text = f"{peer:10.3f}" if peer else f"{'-':>10}"
    ratio_text = f"{drift / peer:8.2f}" if peer else f"{'-':>8}"
    print(f"{'csv_read 1Mx10 (pandas)':<28}{drift:10.3f}{peer_text}{ratio_text}{rss_mb:13.0f} MB")


if __name__ == "__main__":
    main()
