#!/usr/bin/env python3
"""Times Drift's drift report over the 10 columns of two 1M-row CSVs against the same tests run column by
column with scipy/numpy (the methods Drift's default rule picks for 1M-row references: normed Wasserstein for
the 8 numeric columns, Jensen-Shannon distance for the 4-level region and the 0/1 label).

Usage: bench/drift_report.py [DATA_DIR] [--python PATH] [--repeats N]
Makes DATA_DIR/ref.csv and cur.csv once (as shared/bench/peers.py does), builds DriftBench in release mode,
and prints: task, drift seconds, peer seconds, ratio (median of N runs each; CSV loading is not timed).
"""
import argparse, os, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

MAKE = r'''
import os, sys
import numpy as np, pandas as pd
d = sys.argv[1]; N = 1_000_000
rng = np.random.default_rng(7)
for name, shift in (("ref", 0.0), ("cur", 0.3)):
    p = f"{d}/{name}.csv"
    cols = {f"x{i}": rng.normal(shift * (i % 2), 1 + 0.1 * i, N) for i in range(8)}
    cols["region"] = rng.choice(["north", "south", "east", "west"], N, p=[.4, .3, .2, .1] if name == "ref" else [.25, .25, .25, .25])
    cols["label"] = (cols["x0"] + 0.5 * cols["x1"] + rng.normal(0, 1, N) > 0).astype(int)
    if not os.path.exists(p):
        pd.DataFrame(cols).to_csv(p + ".tmp", index=False, float_format="%.6f")
        os.replace(p + ".tmp", p)
'''

PEER = r'''
import sys, time, gc, statistics
import numpy as np, pandas as pd, scipy.stats as ss
from scipy.spatial.distance import jensenshannon
d, repeats = sys.argv[1], int(sys.argv[2])
ref, cur = pd.read_csv(f"{d}/ref.csv"), pd.read_csv(f"{d}/cur.csv")
def shares(a, b):
    cats = sorted(set(a) | set(b))
    ca, cb = pd.Series(a).value_counts(), pd.Series(b).value_counts()
    return [ca.get(c, 0) / len(a) for c in cats], [cb.get(c, 0) / len(b) for c in cats]
def report():
    out = {}
    for c in ref.columns:
        a, b = ref[c].to_numpy(), cur[c].to_numpy()
        if c.startswith("x"):
            out[c] = ss.wasserstein_distance(a, b) / max(np.std(a), 0.001)
        else:
            p, q = shares(a, b)
            out[c] = jensenshannon(p, q, base=2)
    return out
report()
times = []
for _ in range(repeats):
    gc.collect(); s = time.perf_counter(); report(); times.append(time.perf_counter() - s)
print(statistics.median(times))
'''

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", nargs="?", default="/tmp/drift-bench")
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    os.makedirs(args.data_dir, exist_ok=True)
    subprocess.run([args.python, "-c", MAKE, args.data_dir], check=True)
    subprocess.run(["swift", "build", "-c", "release", "--product", "DriftBench", "--scratch-path", os.path.join(ROOT, ".build-release")],
                   cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    binary = os.path.join(ROOT, ".build-release", "release", "DriftBench")
    out = subprocess.run([binary, "report", f"{args.data_dir}/ref.csv", f"{args.data_dir}/cur.csv", str(args.repeats)],
                         check=True, capture_output=True, text=True).stdout
    drift = float(out.split("median_seconds=")[1].split()[0])
    peer = float(subprocess.run([args.python, "-c", PEER, args.data_dir, str(args.repeats)],
                                check=True, capture_output=True, text=True).stdout.strip())
    print(f"{'task':30} {'drift s':>9} {'peer s':>9} {'ratio':>7}")
    print(f"{'drift_report 10 cols, 1Mx1M':30} {drift:9.4f} {peer:9.4f} {drift / peer:7.2f}")

if __name__ == "__main__":
    main()
