#!/usr/bin/env python3
"""Writes Tests/DriftCoreTests/Fixtures/vectors.json: seeded vectors with the reference values of Drift's
vector builtins, read by Tests/DriftCoreTests/VectorReferenceTests.swift (no Python at test time).

Usage: python tools/reference/vectors.py   (needs numpy, scipy and pandas)

- rank: scipy.stats.rankdata(method="average", nan_policy="omit") (missing values get a missing rank).
- rolling min/max: pandas Series.rolling(window, min_periods=1).min()/.max(), with the first window - 1
  values set missing, as Drift defines them.
- rolling sum/mean/sd: the exact statistic of each window's present values, rounded once (math.fsum; the sd
  from exact rational arithmetic), because pandas' own running updates lose digits on the mixed-scale
  sample (its rolling std over 7 rows is off by up to 4% of the window's largest magnitude there). The
  script checks that pandas' rolling(window, min_periods=1).sum()/.mean()/.std() agrees with these to 1e-12
  of the window's sum of magnitudes everywhere else, and lists where it does not under "pandas_disagrees".
  Samples hold no infinities: pandas' rolling treats them as missing, Drift as values (tested separately).
- cumsum: the correctly rounded sum of each prefix's present values (math.fsum), missing where the value is
  missing; pandas' cumsum (plain left-to-right addition) gives the same missing positions.
- cumprod: pandas' cumprod (skipping missing values, which stay missing).
- diff and shift: pandas' diff(periods=lag) and shift(n).
- seq: R's seq.default(from, to, by) for a numeric by, transcribed below (R is not needed): the count is
  floor((to - from) / by + 1e-10), the values from + i * by, clamped to `to`.
Missing values (NaN) are written as null, infinities as "inf" and "-inf", numbers as repr floats, so Swift
reads exactly what the libraries saw.
"""
import json, math, os
from fractions import Fraction
import numpy as np
import pandas as pd
import scipy
from scipy import stats

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Tests", "DriftCoreTests",
                   "Fixtures", "vectors.json")
rng = np.random.default_rng(20261202)


def clean(values):
    """Floats for JSON: NaN as null, infinities as the strings "inf" and "-inf" (JSON has no infinity)."""
    def one(v):
        if v is None or math.isnan(v):
            return None
        return ("inf" if v > 0 else "-inf") if math.isinf(v) else float(v)
    return [one(v) for v in values]


def with_missing(values, share):
    values = np.array(values, dtype=float)
    if len(values):
        values[rng.random(len(values)) < share] = np.nan
    return values


def samples():
    yield "small", np.array([3.0, 1.0, 4.0, 1.0, 5.0, 9.0, 2.0, 6.0])
    yield "empty", np.array([], dtype=float)
    yield "one", np.array([42.5])
    yield "all_missing", np.full(6, np.nan)
    yield "normal", rng.normal(3.0, 2.0, 200)
    yield "ties_missing", with_missing(rng.integers(0, 6, 150), 0.15)
    yield "runs_missing", np.concatenate([rng.normal(0, 1, 30), np.full(12, np.nan), rng.normal(5, 1, 30)])
    yield "large_offset", 1e9 + rng.normal(0.0, 1.0, 200)
    yield "mixed_scale", rng.normal(0, 1, 150) * 10.0 ** rng.integers(-8, 9, 150)
    yield "near_one", with_missing(1.0 + rng.normal(0, 0.01, 120), 0.1)


def r_seq(start, end, by):
    """R's seq.default(from, to, by) for numeric arguments (R 4.x, src/library/base/R/seq.R)."""
    delta = end - start
    if delta == 0 and end == 0:
        return [end]
    n = delta / by
    if n < 0:
        raise ValueError("wrong sign in 'by' argument")
    dd = abs(delta) / max(abs(end), abs(start))
    if dd < 100 * np.finfo(float).eps:
        return [start]
    n = int(n + 1e-10)
    x = start + np.arange(n + 1) * by
    return list(np.minimum(x, end) if by > 0 else np.maximum(x, end))


WINDOWS = [1, 2, 7, 25]
LAGS = [1, 3, -2, 1000]


def exact(statistic, window):
    """The statistic of a window's present values, rounded once; NaN where Drift gives missing."""
    present = [v for v in window if not math.isnan(v)]
    if statistic == "sum":
        return math.fsum(present) if present else math.nan
    if statistic == "mean":
        return float(sum(Fraction(v) for v in present) / len(present)) if present else math.nan
    if len(present) < 2:
        return math.nan
    mean = sum(Fraction(v) for v in present) / len(present)
    variance = sum((Fraction(v) - mean) ** 2 for v in present) / (len(present) - 1)
    return math.sqrt(variance)  # the square root of the exactly rounded variance: within an ulp


PANDAS_DISAGREES = []


def rolling_case(name, x, s, window):
    frame = {}
    for statistic, method in [("mean", "mean"), ("sum", "sum"), ("min", "min"), ("max", "max"), ("sd", "std")]:
        values = getattr(s.rolling(window, min_periods=1), method)().to_numpy(dtype=float, copy=True)
        values[: window - 1] = np.nan
        if statistic in ("sum", "mean", "sd"):
            reference = np.array([math.nan if i < window - 1 else exact(statistic, x[i - window + 1 : i + 1])
                                  for i in range(len(x))])
            scale = np.array([np.nansum(np.abs(x[max(0, i - window + 1) : i + 1])) for i in range(len(x))])
            assert list(np.isnan(values)) == list(np.isnan(reference)), (name, statistic, window)
            worst = np.nanmax(np.abs(values - reference) / np.where(scale > 0, scale, 1), initial=0)
            if worst > 1e-12:
                PANDAS_DISAGREES.append(f"{name}: {statistic} over {window}, off by {worst:.2g} of the magnitudes")
            values = reference
        frame[statistic] = clean(values)
    return frame


def case(name, x):
    s = pd.Series(x)
    rolling = {str(window): rolling_case(name, x, s, window) for window in WINDOWS}
    present = ~np.isnan(x)
    cumsum = [math.fsum(x[: i + 1][present[: i + 1]]) if present[i] else None for i in range(len(x))]
    assert [v is None for v in cumsum] == list(np.isnan(s.cumsum().to_numpy(dtype=float)))
    return {
        "name": name,
        "x": clean(x),
        "rank": clean(stats.rankdata(x, method="average", nan_policy="omit")) if len(x) else [],
        "cumsum": cumsum,
        "cumprod": clean(s.cumprod().to_numpy(dtype=float)),
        "diff": {str(lag): clean(s.diff(periods=lag).to_numpy(dtype=float)) for lag in LAGS},
        "shift": {str(lag): clean(s.shift(lag).to_numpy(dtype=float)) for lag in LAGS},
        "rolling": rolling,
    }


SEQ_CASES = [(0, 1, 0.1), (1, 10, 2.5), (10, 1, -3), (0, 0.3, 0.1), (1, 2, 0.3), (-1, 1, 0.5), (5, 5, 1),
             (0, 1, 1 / 3), (1e10, 1e10 + 5, 1), (0.1, 0.7, 0.2), (100, -100, -12.5), (0, 9.9, 0.33)]


def main():
    np.seterr(over="ignore")  # cumprod of the mixed-scale sample overflows to infinity, as it does in Drift
    fixture = {
        "generator": "tools/reference/vectors.py",
        "numpy": np.__version__, "scipy": scipy.__version__, "pandas": pd.__version__,
        "cases": [case(name, x) for name, x in samples()],
        "pandas_disagrees": PANDAS_DISAGREES,
        "seq": [{"from": a, "to": b, "by": c, "values": [float(v) for v in r_seq(a, b, c)]} for a, b, c in SEQ_CASES],
    }
    with open(OUT, "w") as file:
        json.dump(fixture, file, separators=(",", ":"))
        file.write("\n")
    print("wrote", os.path.normpath(OUT))


if __name__ == "__main__":
    main()
