#!/usr/bin/env python3
"""Writes the scipy/numpy reference values the DriftCore drift tests compare against.

Usage: python tools/reference/make_drift_fixtures.py   (needs numpy and scipy)
Outputs, under Tests/DriftCoreTests/Fixtures/drift/:
  numeric.json      seeded sample pairs with every numeric test's statistic and p-value from scipy
  histograms.json   numpy.histogram counts/edges (equal-width and given edges) and quantile-binned shares
  categorical.json  category pairs with chi2_contingency, pooled two-proportion z and share divergences
  special.json      scipy.special / scipy.stats values of the special functions at hard points
Samples are stored with repr floats (NaN as null) so Swift reads exactly the values scipy saw.
"""
import json, math, os, warnings
import numpy as np
import scipy
from scipy import stats, special
from scipy.spatial.distance import jensenshannon

warnings.filterwarnings("ignore")
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Tests", "DriftCoreTests", "Fixtures", "drift")
rng = np.random.default_rng(20240611)


def clean(v):
    if isinstance(v, (list, tuple, np.ndarray)):
        return [clean(x) for x in v]
    if v is None:
        return None
    if isinstance(v, (bool, np.bool_)):
        return bool(v)
    if isinstance(v, (int, np.integer)):
        return int(v)
    v = float(v)
    return None if math.isnan(v) else (str(v) if math.isinf(v) else v)


def shares_quantile(ref, cur, bins=10):
    edges = np.unique(np.quantile(ref, [k / bins for k in range(1, bins)]))
    if ref.min() == ref.max():  # a constant reference c is a bin of its own: [c, next double above c)
        edges = np.array([ref[0], np.nextafter(ref[0], np.inf)])
    r = np.bincount(np.searchsorted(edges, ref, side="right"), minlength=len(edges) + 1) / len(ref)
    c = np.bincount(np.searchsorted(edges, cur, side="right"), minlength=len(edges) + 1) / len(cur)
    return r, c


def shares_uniform(ref, cur, bins=10):
    lo, hi = min(ref.min(), cur.min()), max(ref.max(), cur.max())
    r, edges = np.histogram(ref, bins=bins, range=(lo, hi))
    c, _ = np.histogram(cur, bins=edges)
    return r / r.sum(), c / c.sum()


def divergences(r, c):
    r0, c0 = np.where(r == 0, 1e-4, r), np.where(c == 0, 1e-4, c)
    return {
        "psi": np.sum((c0 - r0) * np.log(c0 / r0)),
        "kl_divergence": np.sum(r0 * np.log(r0 / c0)),
        "js_distance": jensenshannon(r, c, base=2),
        "hellinger": math.sqrt(max(0.0, 1 - np.sum(np.sqrt(r * c)))),
        "tvd": 0.5 * np.sum(np.abs(r - c)),
    }


def numeric_case(name, ref, cur):
    ref, cur = np.asarray(ref, float), np.asarray(cur, float)
    r, c = ref[~np.isnan(ref)], cur[~np.isnan(cur)]
    out = {"name": name, "reference": clean(ref), "current": clean(cur),
           "referenceMissing": int(np.isnan(ref).sum()), "currentMissing": int(np.isnan(cur).sum())}
    res = {}
    ks = stats.ks_2samp(r, c)
    res["ks_test"] = [ks.statistic, ks.pvalue]
    if len(r) >= 2 and len(c) >= 2:
        cvm = stats.cramervonmises_2samp(r, c)
        res["cvm_test"] = [cvm.statistic, cvm.pvalue]
    if len(np.unique(np.concatenate([r, c]))) >= 2 and len(r) + len(c) >= 4:
        ad = stats.anderson_ksamp([r, c])
        res["anderson_test"] = [ad.statistic, ad.pvalue]
    mw = stats.mannwhitneyu(r, c, alternative="two-sided")
    res["mann_whitney"] = [mw.statistic, mw.pvalue]
    tt = stats.ttest_ind(r, c, equal_var=False)
    res["t_test"] = [tt.statistic, tt.pvalue]
    w = stats.wasserstein_distance(r, c)
    res["wasserstein"] = [w, None]
    res["wasserstein_normed"] = [w / max(np.std(r), 0.001), None]
    res["energy_distance"] = [stats.energy_distance(r, c), None]
    for binning, f in (("quantiles", shares_quantile), ("uniform", shares_uniform)):
        for k, v in divergences(*f(r, c)).items():
            res[f"{k}/{binning}"] = [v, None]
    out["expected"] = {k: clean(v) for k, v in res.items()}
    return out


def numeric_cases():
    cases = []
    for n1, n2 in ((5, 7), (10, 10), (12, 30), (30, 25), (8, 6)):
        cases.append(numeric_case(f"small normal {n1}x{n2}", rng.normal(0, 1, n1), rng.normal(0.5, 1, n2)))
    cases.append(numeric_case("small 3x4 no ties (exact MWU)", [0.1, 2.5, 1.3], [3.2, 4.1, 0.7, 5.5]))
    cases.append(numeric_case("medium shifted 500x400", rng.normal(0, 1, 500), rng.normal(0.2, 1, 400)))
    cases.append(numeric_case("medium scaled 500x500", rng.normal(0, 1, 500), rng.normal(0, 1.3, 500)))
    cases.append(numeric_case("medium same 480x520", rng.normal(3, 2, 480), rng.normal(3, 2, 520)))
    cases.append(numeric_case("ties rounded 300x200", np.round(rng.normal(0, 2, 300)), np.round(rng.normal(0.3, 2, 200))))
    cases.append(numeric_case("ties small 15x18", np.round(rng.normal(0, 1, 15)), np.round(rng.normal(0, 1, 18))))
    cases.append(numeric_case("cauchy 400x300", rng.standard_cauchy(400), rng.standard_cauchy(300) + 0.5))
    cases.append(numeric_case("t2 heavy 250x350", rng.standard_t(2, 250), rng.standard_t(2, 350)))
    cases.append(numeric_case("constant vs normal", np.full(50, 2.0), rng.normal(2, 1, 40)))
    cases.append(numeric_case("one element each", [1.5], [2.5]))
    cases.append(numeric_case("one element vs many", [0.3], rng.normal(0, 1, 20)))
    a = rng.normal(0, 1, 60); a[[3, 17, 40]] = np.nan
    b = rng.normal(0.4, 1, 50); b[[0, 9]] = np.nan
    cases.append(numeric_case("with NaN 60x50", a, b))
    # Large: 12000 + 8000 values, max(n) > 10000 so ks_2samp takes the asymptotic kstwo path.
    cases.append(numeric_case("large asymptotic 12000x8000", np.round(rng.normal(0, 1, 12000), 6),
                              np.round(rng.normal(0.03, 1, 8000), 6)))
    return cases


def histogram_cases():
    cases = []
    for name, v, bins in (("normal 1000 / 50", rng.normal(0, 1, 1000), 50),
                          ("uniform 0-1 / 10", rng.uniform(0, 1, 777), 10),
                          ("integers / 7", rng.integers(0, 20, 500).astype(float), 7),
                          ("constant / 5", np.full(9, 3.25), 5),
                          ("tiny range / 13", 1 + rng.uniform(0, 1e-12, 300), 13),
                          ("edges exact / 4", np.array([0.0, 0.25, 0.5, 0.75, 1.0, 1.0, 0.5]), 4)):
        counts, edges = np.histogram(v, bins=bins)
        cases.append({"name": name, "values": clean(v), "bins": bins, "counts": clean(counts), "edges": clean(edges)})
    given = np.array([-2.0, -0.5, 0.0, 0.0, 1.0, 3.0])
    v = np.concatenate([rng.normal(0, 1.5, 400), [-2.0, 0.0, 1.0, 3.0, 3.5, -3.0]])
    counts, _ = np.histogram(v, bins=given)
    return {"equalWidth": cases, "givenEdges": {"values": clean(v), "edges": clean(given), "counts": clean(counts)}}


def categorical_case(name, ref, cur):
    ref_a, cur_a = np.array(ref, dtype=object), np.array(cur, dtype=object)
    cats = sorted(set(ref) | set(cur))
    rc = np.array([sum(1 for x in ref if x == k) for k in cats], float)
    cc = np.array([sum(1 for x in cur if x == k) for k in cats], float)
    res = {}
    if len(cats) > 1:
        chi2, p, dof, _ = stats.chi2_contingency(np.array([rc, cc]), correction=False)
    else:
        chi2, p = 0.0, 1.0
    res["chi2_test"] = [chi2, p]
    if len(cats) == 2:
        n1, n2 = rc.sum(), cc.sum()
        p1, p2 = rc[0] / n1, cc[0] / n2
        pooled = (rc[0] + cc[0]) / (n1 + n2)
        z = (p2 - p1) / math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
        res["z_test"] = [z, 2 * stats.norm.sf(abs(z))]
    for k, v in divergences(rc / rc.sum(), cc / cc.sum()).items():
        res[k] = [v, None]
    return {"name": name, "reference": list(ref), "current": list(cur), "categories": cats,
            "newCategories": [k for k in cats if k not in ref], "missingCategories": [k for k in cats if k not in cur],
            "expected": {k: clean(v) for k, v in res.items()}}


def categorical_cases():
    colors = ["red", "green", "blue", "yellow"]
    ref = list(rng.choice(colors, 300, p=[.4, .3, .2, .1]))
    cur = list(rng.choice(["red", "green", "blue", "purple"], 250, p=[.3, .3, .3, .1]))
    two_ref = list(rng.choice(["no", "yes"], 400, p=[.7, .3]))
    two_cur = list(rng.choice(["no", "yes"], 300, p=[.6, .4]))
    same_ref = list(rng.choice(["a", "b", "c"], 200))
    same_cur = list(rng.choice(["a", "b", "c"], 220))
    return [categorical_case("new and vanished category", [str(x) for x in ref], [str(x) for x in cur]),
            categorical_case("two categories", [str(x) for x in two_ref], [str(x) for x in two_cur]),
            categorical_case("three balanced", [str(x) for x in same_ref], [str(x) for x in same_cur])]


def special_values():
    out = {}
    out["ndtr"] = [[x, special.ndtr(x)] for x in (-38.0, -20.0, -8.5, -1.0, 0.0, 0.3, 5.0, 9.0)]
    out["gammainc"] = [[a, x, special.gammainc(a, x)] for a, x in ((0.5, 1e-8), (1.0, 0.5), (3.0, 2.0), (10.0, 12.0), (100.0, 80.0), (0.1, 30.0), (500.0, 520.0))]
    out["gammaincc"] = [[a, x, special.gammaincc(a, x)] for a, x in ((0.5, 40.0), (1.0, 0.5), (3.0, 25.0), (10.0, 3.0), (100.0, 150.0), (2.5, 300.0), (500.0, 480.0))]
    out["betainc"] = [[a, b, x, special.betainc(a, b, x)] for a, b, x in ((0.5, 0.5, 1e-10), (2.0, 3.0, 0.4), (0.5, 5.0, 0.999999), (50.0, 60.0, 0.45), (1e-3, 2.0, 0.5), (300.0, 0.5, 0.99), (5.0, 5.0, 1 - 1e-12), (1e5, 0.5, 0.99999))]
    out["stdtr"] = [[df, t, special.stdtr(df, t)] for df, t in ((1.0, -1e5), (2.0, -3.0), (5.5, 0.7), (30.0, -8.0), (1e-2, -2.0), (1e6, -5.0), (1e10, -7.0), (3.0, 40.0), (1e8, 1.5))]
    out["chi2_sf"] = [[df, x, stats.chi2.sf(x, df)] for df, x in ((1.0, 3.84), (1.0, 150.0), (4.0, 0.001), (9.0, 60.0), (50.0, 40.0), (2.0, 1500.0))]
    out["kolmogorov"] = [[x, special.kolmogorov(x)] for x in (0.05, 0.3, 0.6, 0.82, 0.83, 1.0, 1.36, 3.0, 6.0)]
    out["smirnov"] = [[n, x, special.smirnov(n, x)] for n, x in ((1, 0.3), (5, 0.2), (20, 0.5), (100, 0.05), (100, 0.3), (1000, 0.1), (4800, 0.03))]
    out["kstwo_sf"] = [[n, x, stats.kstwo.sf(x, n)] for n, x in ((5, 0.15), (10, 0.2), (10, 0.45), (50, 0.1), (100, 0.06), (140, 0.1), (141, 0.1), (1000, 0.02), (4800, 0.01), (4800, 0.03), (20000, 0.004), (200000, 0.003), (500000, 0.001), (500000, 0.005))]
    out["kv_quarter"] = [[x, special.kv(0.25, x)] for x in (1e-3, 0.05, 0.5, 1.0, 3.0, 10.0, 40.0, 300.0)]
    return {k: [clean(r) for r in v] for k, v in out.items()}


def write(name, payload):
    path = os.path.join(OUT, name)
    with open(path, "w") as f:
        json.dump({"numpy": np.__version__, "scipy": scipy.__version__, **payload}, f, separators=(",", ":"))
    print(f"{path}: {os.path.getsize(path)} bytes")


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    write("numeric.json", {"cases": numeric_cases()})
    write("histograms.json", histogram_cases())
    write("categorical.json", {"cases": categorical_cases()})
    write("special.json", special_values())
