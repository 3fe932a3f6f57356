"""The Python peers of bench/scripts/tasks.drift, timed one call each on the same data; bench/run.py runs
this once per round with the peers' interpreter (numpy scipy scikit-learn pandas polars river).

Usage: PYTHON bench/peers.py DATA_DIR [drift-tests]   (with `drift-tests`, only the CSV read and the drift-test rows)
Prints one line per task: its name and the seconds the call took (time.perf_counter around the call only;
loading the inputs is not counted). Each library call is made once on a tiny input first, so lazy imports
and first-call set-up are not counted either. A task whose library is missing is skipped.
"""
import sys
import time

import numpy as np
import pandas as pd


def timed(name, work, warm_up=None):
    """Prints the seconds `work()` took and returns its result; `warm_up()` runs first, untimed."""
    if warm_up is not None:
        warm_up()
    start = time.perf_counter()
    result = work()
    print(name, time.perf_counter() - start, flush=True)
    return result


def psi(a, b, bins=10):
    """PSI over the reference's quantile bins (outer bins open), zero shares replaced by 1e-4."""
    edges = np.quantile(a, np.linspace(0, 1, bins + 1))
    edges[0], edges[-1] = -np.inf, np.inf
    p = np.histogram(a, edges)[0] / len(a)
    q = np.histogram(b, edges)[0] / len(b)
    p, q = np.clip(p, 1e-4, None), np.clip(q, 1e-4, None)
    return np.sum((q - p) * np.log(q / p))


def chi2(a, b):
    """pandas crosstab of side × category, then scipy's chi-square test without continuity correction."""
    import scipy.stats as ss
    side = np.repeat([0, 1], [len(a), len(b)])
    table = pd.crosstab(side, np.concatenate([a.to_numpy(), b.to_numpy()]))
    return ss.chi2_contingency(table.to_numpy(), correction=False)


def report(ref, cur):
    """The methods Drift's drift_report picks for 1M-row references, column by column with scipy: normed
    Wasserstein for the 8 numeric columns, base-2 Jensen–Shannon distance for region and the 0/1 label."""
    import scipy.stats as ss
    from scipy.spatial.distance import jensenshannon
    out = {}
    for column in ref.columns:
        a, b = ref[column], cur[column]
        if column.startswith("x"):
            out[column] = ss.wasserstein_distance(a.to_numpy(), b.to_numpy()) / max(np.std(a.to_numpy()), 0.001)
        else:
            p, q = a.value_counts(normalize=True), b.value_counts(normalize=True)
            p, q = p.align(q, fill_value=0)
            out[column] = jensenshannon(p.to_numpy(), q.to_numpy(), base=2)
    return out


def logistic(ref):
    from sklearn.linear_model import LogisticRegression
    X = ref[[f"x{i}" for i in range(8)]].to_numpy()
    y = ref["label"].to_numpy()
    fit = lambda rows: LogisticRegression(max_iter=200).fit(X[:rows], y[:rows])
    model = timed("logistic", lambda: fit(len(y)), lambda: fit(100))
    print("logistic_accuracy", model.score(X, y))


def adwin(stream):
    from river import drift

    def run(values):
        detector, found = drift.ADWIN(), 0
        for x in values:
            detector.update(x)
            found += detector.drift_detected
        return found
    timed("adwin", lambda: run(stream), lambda: run(stream[:100]))


def frame_tasks(ref):
    """group-by + aggregate and joins, with pandas and with polars, on the keys tasks.drift builds."""
    keyed = ref.assign(key=(np.arange(len(ref)) * 7919) % 100000)
    lookup = pd.DataFrame({"key": np.arange(50000, 150000), "weight": np.arange(100000) * 0.5})

    def aggregate(by):
        groups = keyed.groupby(by, sort=True)["x1"]
        return pd.DataFrame({"n": groups.size(), "mean": groups.mean(), "p90": groups.quantile(0.9)})

    small = keyed[:100]
    timed("groupby_region_pandas", lambda: aggregate("region"), lambda: small.groupby("region")["x1"].quantile(0.9))
    timed("groupby_key_pandas", lambda: aggregate("key"))
    timed("join_inner_pandas", lambda: keyed.merge(lookup, on="key", how="inner"), lambda: small.merge(lookup, on="key"))
    timed("join_left_pandas", lambda: keyed.merge(lookup, on="key", how="left"))
    import polars as pl
    pkeyed, plookup = pl.from_pandas(keyed), pl.from_pandas(lookup)

    def paggregate(by):
        return pkeyed.group_by(by).agg(pl.len().alias("n"), pl.col("x1").mean().alias("mean"),
                                       pl.col("x1").quantile(0.9, "linear").alias("p90")).sort(by)

    timed("groupby_region_polars", lambda: paggregate("region"), lambda: pkeyed[:100].group_by("region").agg(pl.len()))
    timed("groupby_key_polars", lambda: paggregate("key"))
    timed("join_inner_polars", lambda: pkeyed.join(plookup, on="key", how="inner"), lambda: pkeyed[:100].join(plookup, on="key"))
    timed("join_left_polars", lambda: pkeyed.join(plookup, on="key", how="left"))


def scipy_tasks(ref, cur):
    import scipy.stats as ss
    a, b = ref["x1"].to_numpy(), cur["x1"].to_numpy()
    timed("ks", lambda: ss.ks_2samp(a, b), lambda: ss.ks_2samp(a[:10], b[:10]))
    timed("wasserstein", lambda: ss.wasserstein_distance(a, b), lambda: ss.wasserstein_distance(a[:10], b[:10]))
    timed("psi", lambda: psi(a, b), lambda: psi(a[:10], b[:10]))
    timed("chi2", lambda: chi2(ref.region, cur.region), lambda: chi2(ref.region[:1000], cur.region[:1000]))
    timed("report", lambda: report(ref, cur), lambda: report(ref[:10], cur[:10]))


def main():
    d = sys.argv[1]
    ref = timed("csv_pandas", lambda: pd.read_csv(f"{d}/ref.csv"), lambda: pd.read_csv(f"{d}/cur.csv", nrows=10))
    try:
        import polars as pl
        timed("csv_polars", lambda: pl.read_csv(f"{d}/ref.csv"), lambda: pl.read_csv(f"{d}/cur.csv", n_rows=10))
    except ImportError:
        pass
    cur = pd.read_csv(f"{d}/cur.csv")
    optional(lambda: scipy_tasks(ref, cur))
    if sys.argv[2:] == ["drift-tests"]:
        return
    timed("csv_dates_pandas", lambda: pd.read_csv(f"{d}/times.csv", parse_dates=["ts"]),
          lambda: pd.read_csv(f"{d}/times.csv", parse_dates=["ts"], nrows=10))
    try:
        import polars as pl
        timed("csv_dates_polars", lambda: pl.read_csv(f"{d}/times.csv", try_parse_dates=True),
              lambda: pl.read_csv(f"{d}/times.csv", try_parse_dates=True, n_rows=10))
    except ImportError:
        pass
    values = pd.read_csv(f"{d}/values.csv")["value"].to_numpy()
    timed("hist", lambda: np.histogram(values, bins=50), lambda: np.histogram(values[:10], bins=50))
    optional(lambda: logistic(ref), lambda: frame_tasks(ref),
             lambda: adwin(pd.read_csv(f"{d}/stream.csv")["value"].to_list()))


def optional(*tasks):
    """Runs each task, skipping (and saying so) one whose library is not installed."""
    for task in tasks:
        try:
            task()
        except ImportError as error:
            print(f"skipped: {error}", file=sys.stderr)


if __name__ == "__main__":
    main()
