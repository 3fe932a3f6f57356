#!/usr/bin/env python3
"""Writes the numpy/scipy reference values the streaming-summary tests compare against.

Usage: python tools/reference/make_summary_fixtures.py   (needs numpy and scipy)
Outputs, under Tests/DriftCoreTests/Fixtures/summaries/:
  reference.csv, current.csv  seeded data: x (normal), y (lognormal, ~5% missing), grade (text), flag (bool),
                              level (integers 1..4), code (numbers in the first rows, text later: a text column),
                              note (quoted text with separators, quotes and line breaks)
  expected.json               per file and column: count, missing, mean, sd, min, max, value counts,
                              numpy.histogram(bins=10); between the files: chi2_contingency(correction=False),
                              two-proportion z, share divergences per category, psi etc. on uniform bins,
                              Welch's t-test, and the exact ks_2samp statistic and wasserstein_distance
                              (the streaming versions must be within their reported error bound of these).
"""
import csv, json, math, os
import numpy as np
import scipy
from scipy import stats
from scipy.spatial.distance import jensenshannon

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Tests", "DriftCoreTests", "Fixtures", "summaries")
rng = np.random.default_rng(20240807)


def make(n, shift):
    x = rng.normal(10 + shift, 2, n)
    y = rng.lognormal(0.5 * shift, 1, n)
    y[rng.random(n) < 0.05] = np.nan
    grade = rng.choice(["A", "B", "C", "D"], n, p=[0.4, 0.3, 0.2, 0.1] if shift == 0 else [0.3, 0.3, 0.25, 0.15])
    grade = grade.astype(object)
    grade[rng.random(n) < 0.02] = None
    if shift:
        grade[:3] = "E"  # a category new in the current file
    flag = rng.random(n) < (0.3 + 0.1 * shift)
    level = rng.integers(1, 5, n).astype(float)
    code = [str(v) for v in rng.integers(100, 200, n)]
    code[n - 7] = "X12"  # text late in the file: the column is text
    note = [f'say "hi", line {i}\nnext' if i % 97 == 0 else f"n{i % 13}" for i in range(n)]
    return {"x": x, "y": y, "grade": grade, "flag": flag, "level": level, "code": code, "note": note}


def write_csv(path, cols):
    names = list(cols)
    n = len(cols["x"])
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(names)
        for i in range(n):
            row = []
            for name in names:
                v = cols[name][i]
                if v is None or (isinstance(v, float) and math.isnan(v)):
                    row.append("")
                elif isinstance(v, (bool, np.bool_)):
                    row.append("true" if v else "false")
                elif isinstance(v, (float, np.floating)):
                    row.append(repr(float(v)))
                else:
                    row.append(v)
            w.writerow(row)


def present(v):
    return [s for s in v if s is not None]


def numeric_stats(v):
    p = v[~np.isnan(v)]
    counts, edges = np.histogram(p, bins=10)
    vals, cnt = np.unique(p, return_counts=True)
    out = {"count": int(p.size), "missing": int(v.size - p.size), "mean": float(np.mean(p)), "sd": float(np.std(p, ddof=1)),
           "min": float(p.min()), "max": float(p.max()), "hist_counts": counts.tolist(), "hist_edges": edges.tolist(),
           "quantiles": [float(np.quantile(p, q)) for q in (0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99)]}
    if vals.size <= 20:
        out["value_counts"] = [[float(a), int(b)] for a, b in zip(vals, cnt)]
    return out


def text_stats(v):
    p = present(v)
    vals, cnt = np.unique(np.array(p, dtype=str), return_counts=True)
    return {"count": len(p), "missing": len(v) - len(p), "value_counts": [[str(a), int(b)] for a, b in zip(vals, cnt)]}


def divergences(r, c):
    r0, c0 = np.where(r == 0, 1e-4, r), np.where(c == 0, 1e-4, c)
    return {"psi": np.sum((c0 - r0) * np.log(c0 / r0)), "kl_divergence": np.sum(r0 * np.log(r0 / c0)),
            "js_distance": jensenshannon(r, c, base=2), "hellinger": math.sqrt(max(0.0, 1 - np.sum(np.sqrt(r * c)))),
            "tvd": 0.5 * np.sum(np.abs(r - c))}


def categorical(ref, cur):
    keys = sorted(set(ref) | set(cur))
    rc = np.array([ref.count(k) for k in keys], float)
    cc = np.array([cur.count(k) for k in keys], float)
    chi2, p, dof, _ = stats.chi2_contingency(np.array([rc, cc]), correction=False)
    out = {"chi2_test": [chi2, p]}
    out.update({k: [float(v), None] for k, v in divergences(rc / rc.sum(), cc / cc.sum()).items()})
    return out


def main():
    os.makedirs(OUT, exist_ok=True)
    ref, cur = make(6000, 0), make(5000, 1)
    write_csv(os.path.join(OUT, "reference.csv"), ref)
    write_csv(os.path.join(OUT, "current.csv"), cur)
    files = {}
    for name, cols in (("reference", ref), ("current", cur)):
        files[name] = {"rows": len(cols["x"]), "x": numeric_stats(cols["x"]), "y": numeric_stats(cols["y"]),
                       "level": numeric_stats(cols["level"]), "grade": text_stats(list(cols["grade"])),
                       "code": text_stats(cols["code"]), "note": text_stats(cols["note"]),
                       "flag": {"count": len(cols["flag"]), "missing": 0,
                                "value_counts": [[False, int((~cols["flag"]).sum())], [True, int(cols["flag"].sum())]]}}
    tests = {}
    for col in ("x", "y"):
        r, c = ref[col][~np.isnan(ref[col])], cur[col][~np.isnan(cur[col])]
        lo, hi = min(r.min(), c.min()), max(r.max(), c.max())
        rh, edges = np.histogram(r, bins=10, range=(lo, hi))
        ch, _ = np.histogram(c, bins=edges)
        t = stats.ttest_ind(r, c, equal_var=False)
        tests[col] = {"uniform": {k: float(v) for k, v in divergences(rh / rh.sum(), ch / ch.sum()).items()},
                      "t_test": [float(t.statistic), float(t.pvalue)],
                      "ks_statistic": float(stats.ks_2samp(r, c).statistic),
                      "wasserstein": float(stats.wasserstein_distance(r, c)),
                      "reference_std": float(np.std(r))}
    tests["grade"] = categorical(present(list(ref["grade"])), present(list(cur["grade"])))
    tests["level"] = categorical(list(ref["level"]), list(cur["level"]))
    fr, fc = ref["flag"], cur["flag"]
    x1, x2 = float((~fr).sum()), float((~fc).sum())  # "false" sorts first and counts as success
    n1, n2 = float(fr.size), float(fc.size)
    pooled = (x1 + x2) / (n1 + n2)
    z = (x2 / n2 - x1 / n1) / math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    tests["flag"] = {"z_test": [z, 2 * stats.norm.sf(abs(z))]}
    with open(os.path.join(OUT, "expected.json"), "w") as f:
        json.dump({"numpy": np.__version__, "scipy": scipy.__version__, "files": files, "tests": tests}, f, indent=1)


if __name__ == "__main__":
    main()
