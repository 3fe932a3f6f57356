"""pandas and polars on the group-by and join rows of bench/peers.py, each task ROUNDS times in one process, as
`DriftBench frames DIR ROUNDS` times Drift's core on the same data (the release core alone, no app build).

Usage: /tmp/peers/bin/python bench/frame_peers.py DATA_DIR [ROUNDS [TASK...]]   (TASK: join_inner_pandas, ...)
Prints one line per task: its name, the median seconds, each round's (the first is the cold one bench/run.py
sees, after a warm-up call on a tiny input as peers.py makes) and the median CPU seconds of the thread.
"""
import sys
import time

import numpy as np
import pandas as pd
import polars as pl


def main():
    directory, rounds, only = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 5, sys.argv[3:]
    ref = pd.read_csv(f"{directory}/ref.csv")
    keyed = ref.assign(key=(np.arange(len(ref)) * 7919) % 100000)
    lookup = pd.DataFrame({"key": np.arange(50000, 150000), "weight": np.arange(100000) * 0.5})
    pkeyed, plookup = pl.from_pandas(keyed), pl.from_pandas(lookup)

    def aggregate(by):
        groups = keyed.groupby(by, sort=True)["x1"]
        return pd.DataFrame({"n": groups.size(), "mean": groups.mean(), "p90": groups.quantile(0.9)})

    def paggregate(by):
        return pkeyed.group_by(by).agg(pl.len().alias("n"), pl.col("x1").mean().alias("mean"),
                                       pl.col("x1").quantile(0.9, "linear").alias("p90")).sort(by)

    small = keyed[:100]
    small.groupby("region")["x1"].quantile(0.9)
    small.merge(lookup, on="key")
    pkeyed[:100].join(plookup, on="key")
    tasks = [
        ("groupby_region_pandas", lambda: aggregate("region")),
        ("groupby_key_pandas", lambda: aggregate("key")),
        ("join_inner_pandas", lambda: keyed.merge(lookup, on="key", how="inner")),
        ("join_left_pandas", lambda: keyed.merge(lookup, on="key", how="left")),
        ("groupby_region_polars", lambda: paggregate("region")),
        ("groupby_key_polars", lambda: paggregate("key")),
        ("join_inner_polars", lambda: pkeyed.join(plookup, on="key", how="inner")),
        ("join_left_polars", lambda: pkeyed.join(plookup, on="key", how="left")),
    ]
    for name, task in tasks:
        if only and name not in only:
            continue
        seconds, cpu = [], []
        for _ in range(rounds):
            start, cpu_start = time.perf_counter(), time.thread_time()
            result = task()
            cpu.append(time.thread_time() - cpu_start)
            seconds.append(time.perf_counter() - start)
            del result
        median = lambda values: f"{sorted(values)[len(values) // 2]:.4f}"
        print(name, median(seconds), " ".join(f"{s:.4f}" for s in seconds), "cpu", median(cpu), flush=True)


if __name__ == "__main__":
    main()
