#!/usr/bin/env python3
"""Writes Tests/DriftCoreTests/Fixtures/descriptive.json: seeded samples with numpy's statistics of them.

Run from anywhere with `python3 tools/reference/make_fixtures.py` (needs numpy). The Swift tests read the JSON,
so no Python is needed at test time. Missing values (NaN) are written as null; statistics of samples with NaN
come from numpy's nan* functions (nanmean, nanvar(ddof=1), nanquantile, ...), which skip NaN like DriftCore.
"""
import json, os
import numpy as np

QS = [0.0, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 1.0]
rng = np.random.default_rng(20240611)


def samples():
    yield "small", rng.normal(3.0, 2.0, 7)
    yield "large", rng.normal(-1.5, 10.0, 1000)
    yield "ties", rng.integers(0, 5, 200).astype(float)
    with_nan = rng.normal(0.0, 1.0, 300)
    with_nan[rng.choice(300, 40, replace=False)] = np.nan
    yield "with_nan", with_nan
    yield "heavy_tails", rng.standard_cauchy(1000)
    yield "lognormal", rng.lognormal(0.0, 3.0, 500)
    yield "constant", np.full(50, 2.5)
    yield "one_element", np.array([42.125])
    yield "large_offset", 1e9 + rng.normal(0.0, 1.0, 1000)
    yield "uniform_small", rng.uniform(-1e-6, 1e-6, 999)


def nan_to_none(values):
    return [None if np.isnan(v) else float(v) for v in values]


def stats(x, y):
    n = np.count_nonzero(~np.isnan(x))
    both = ~np.isnan(x) & ~np.isnan(y)
    with np.errstate(all="ignore"):
        corr = float(np.corrcoef(x[both], y[both])[0, 1]) if both.sum() > 1 else float("nan")
    return {
        "sum": float(np.nansum(x)),
        "mean": float(np.nanmean(x)),
        "var": float(np.nanvar(x, ddof=1)) if n > 1 else None,
        "std": float(np.nanstd(x, ddof=1)) if n > 1 else None,
        "median": float(np.nanmedian(x)),
        "min": float(np.nanmin(x)),
        "max": float(np.nanmax(x)),
        "quantiles": [float(v) for v in np.nanquantile(x, QS)],
        "corrcoef": None if np.isnan(corr) else corr,
    }


def main():
    cases = []
    for name, x in samples():
        # A partner sample for the correlation: a noisy linear function of x, with its own missing values.
        y = 0.7 * x + rng.normal(0.0, 1.0, len(x)) * (np.nanstd(x) if len(x) > 1 else 1.0)
        if len(y) > 10:
            y[rng.choice(len(y), len(y) // 20, replace=False)] = np.nan
        cases.append({"name": name, "x": nan_to_none(x), "y": nan_to_none(y), "q": QS, **stats(x, y)})
    out = os.path.join(os.path.dirname(__file__), "..", "..", "Tests", "DriftCoreTests", "Fixtures", "descriptive.json")
    with open(out, "w") as f:
        json.dump({"generator": "tools/reference/make_fixtures.py", "numpy": np.__version__, "cases": cases}, f, indent=1)
        f.write("\n")
    print(f"wrote {os.path.normpath(out)} ({len(cases)} cases)")


if __name__ == "__main__":
    main()
