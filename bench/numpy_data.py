"""The benchmark's second data set: the drift workload of `DriftBench generate` (Sources/DriftBench/BenchData.swift)
drawn by numpy's generator and written by pandas, so the drift-test rows do not rest on Drift's own data writer.

Usage: PYTHON bench/numpy_data.py DIR   (PYTHON with numpy and pandas; bench/run.py --python runs it)
Writes DIR/ref.csv and DIR/cur.csv (1M rows each: x0…x7 ~ N(shift · (i mod 2), 1 + 0.1 i) rounded to 6 decimals,
shift 0 for the reference and 0.3 for the current side; a 4-level region with shares 0.4/0.3/0.2/0.1 against
equal ones; label = [x0 + 0.5 x1 + N(0, 1) > 0] as 0/1), then DIR/manifest.json. pandas writes each number in
its shortest form ("0.1", "-1.2e-05"), as a user's file would hold it. Does nothing when DIR holds this version.
"""
import json
import os
import sys

import numpy as np
import pandas as pd

VERSION = 1
ROWS = 1_000_000
REGIONS = np.array(["north", "south", "east", "west"])


def workload(rng, shift, shares):
    columns = {}
    for i in range(8):
        columns[f"x{i}"] = np.round(rng.normal(shift * (i % 2), 1 + 0.1 * i, ROWS), 6)
    columns["region"] = REGIONS[rng.choice(4, size=ROWS, p=shares)]
    noise = rng.normal(0, 1, ROWS)
    columns["label"] = (columns["x0"] + 0.5 * columns["x1"] + noise > 0).astype(np.int64)
    return pd.DataFrame(columns)


def main():
    directory = sys.argv[1]
    manifest = os.path.join(directory, "manifest.json")
    if os.path.exists(manifest):
        with open(manifest) as f:
            if json.load(f).get("version") == VERSION:
                return
    os.makedirs(directory, exist_ok=True)
    rng = np.random.default_rng(20)
    workload(rng, 0.0, [0.4, 0.3, 0.2, 0.1]).to_csv(os.path.join(directory, "ref.csv"), index=False)
    workload(rng, 0.3, [0.25] * 4).to_csv(os.path.join(directory, "cur.csv"), index=False)
    with open(manifest, "w") as f:
        json.dump({"version": VERSION, "writer": f"numpy {np.__version__}, pandas {pd.__version__}"}, f)


if __name__ == "__main__":
    main()
