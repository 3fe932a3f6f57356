#!/usr/bin/env python3
"""Writes the reference values of the one-sided tests, the p-value methods, the k-sample Anderson–Darling test and
the degenerate inputs (Tests/DriftCoreTests/Fixtures/drift/hypotheses.json).

Usage: python tools/reference/make_hypothesis_fixtures.py   (needs numpy and scipy)
Sections:
  samples     every sample the cases use, once, by key
  cases       one test on one pair of samples (keys into samples): method, alternative, p-value method, and scipy's statistic and
              p-value. `source` "scipy" is this scipy, checked at 1e-9 absolute or 1e-6 relative; "upstream" is a
              value hard-coded in scipy's own test suite (TestKSTwoSamples, TestMannWhitneyU.test_gh_9184 from R,
              test_ttest_ind_with_uneq_var from R), checked at that test's tolerance, and asserted here against
              this scipy too. z_test has no scipy function: its reference is the pooled two-proportion z with
              scipy.stats.norm (statsmodels' proportions_ztest with the reference first).
  anderson    k-sample scipy.stats.anderson_ksamp (midrank): Scholz & Stephens (1987)'s 4-sample example and the
              14-sample one, with scipy's hard-coded values (upstream) and this scipy's.
  degenerate  constant samples, one value, all ties, ±inf, ranges that overflow a double: what scipy gives
              (`scipy`, null for NaN, "error" when it raises) and what Drift gives (`drift`: the same numbers, or
              "error"); `why` says why they differ when they do.
"""
import json, math, os, warnings
import numpy as np
import scipy
from scipy import stats

warnings.filterwarnings("ignore")
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Tests", "DriftCoreTests", "Fixtures",
                   "drift", "hypotheses.json")
rng = np.random.default_rng(20261202)


def clean(v):
    if isinstance(v, (list, tuple, np.ndarray)):
        return [clean(x) for x in v]
    if v is None or isinstance(v, str):
        return v
    v = float(v)
    return None if math.isnan(v) else (str(v) if math.isinf(v) else v)


def scipy_test(method, ref, cur, alternative="two-sided", pmethod="auto"):
    ref, cur = np.asarray(ref, float), np.asarray(cur, float)
    if method == "ks_test":
        r = stats.ks_2samp(ref, cur, alternative=alternative, method="asymp" if pmethod == "asymptotic" else pmethod)
    elif method == "mann_whitney":
        r = stats.mannwhitneyu(ref, cur, alternative=alternative, method=pmethod)
    elif method == "t_test":
        r = stats.ttest_ind(ref, cur, equal_var=False, alternative=alternative)
    elif method == "cvm_test":
        r = stats.cramervonmises_2samp(ref, cur)
    elif method == "anderson_test":
        r = stats.anderson_ksamp([ref, cur], variant="midrank")
    elif method == "wasserstein":
        return [stats.wasserstein_distance(ref, cur), None]
    elif method == "energy_distance":
        return [stats.energy_distance(ref, cur), None]
    else:
        raise ValueError(method)
    return [float(r.statistic), float(r.pvalue)]


def z_test(ref, cur, alternative):
    """Pooled two-proportion z of the current share of the first category minus the reference's."""
    cats = sorted(set(ref) | set(cur))
    x1, x2 = sum(1 for v in ref if v == cats[0]), sum(1 for v in cur if v == cats[0])
    n1, n2 = len(ref), len(cur)
    pooled = (x1 + x2) / (n1 + n2)
    z = (x2 / n2 - x1 / n1) / math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    # statsmodels' z is reference minus current: "less" (reference share smaller) is its lower tail.
    p = {"two-sided": 2 * stats.norm.sf(abs(z)), "less": stats.norm.cdf(-z), "greater": stats.norm.sf(-z)}[alternative]
    return [z, p]


SAMPLES = {}


def sample_id(values, text=False):
    """The key of `values` in the shared table of samples (each sample is stored once)."""
    stored = list(values) if text else clean(list(values))
    key = json.dumps(stored)
    if key not in SAMPLES:
        SAMPLES[key] = (f"s{len(SAMPLES)}", stored)
    return SAMPLES[key][0]


def case(name, method, ref, cur, alternative="two-sided", pmethod="auto", expected=None, tolerance=None):
    ref, cur = list(ref), list(cur)
    live = z_test(ref, cur, alternative) if method == "z_test" else scipy_test(method, ref, cur, alternative, pmethod)
    text = method == "z_test"
    out = {"name": name, "method": method, "alternative": alternative, "pValueMethod": pmethod,
           "reference": sample_id(ref, text), "current": sample_id(cur, text)}
    if expected is None:
        out.update(source="scipy", expected=clean(live))
    else:
        for got, want in zip(live, expected):
            if want is not None:
                assert abs(got - want) <= tolerance["absolute"] + tolerance["relative"] * abs(want), (name, live, expected)
        out.update(source="upstream", expected=clean(expected), tolerance=tolerance)
    return out


def upstream_ks():
    """scipy/stats/tests/test_stats.py, TestKSTwoSamples: assert_array_almost_equal (decimal 6)."""
    tol = {"absolute": 1.5e-6, "relative": 0}
    out = []
    def one(name, x, y, alternative, d, p, mode="auto"):
        out.append(case(f"scipy TestKSTwoSamples.{name} {alternative} {mode}", "ks_test", x, y, alternative,
                        "asymptotic" if mode == "asymp" else mode, [d, p], tol))
    for alt, d, p in (("two-sided", 1.0, 1.0), ("greater", 1.0, 0.5), ("less", 0.0, 1.0)):
        one("testSmall", [0], [1], alt, d, p)
    for alt, d, p in (("two-sided", 1.0, 1.0), ("greater", 0.0, 1.0), ("less", 1.0, 0.5)):
        one("testSmall (swapped)", [1], [0], alt, d, p)
    d1, d2 = np.array([1.0, 2.0]), np.array([1.0, 2.0, 3.0])
    for x, rows in ((d1 + 0.01, (("two-sided", 1 / 3, 1.0), ("greater", 1 / 3, 0.7), ("less", 1 / 3, 0.7))),
                    (d1 - 0.01, (("two-sided", 2 / 3, 0.6), ("greater", 2 / 3, 0.3), ("less", 0, 1.0)))):
        for alt, d, p in rows:
            one("testTwoVsThree", x, d2, alt, d, p)
    d4 = np.array([1.0, 2.0, 3.0, 4.0])
    for x, rows in ((d1 + 0.01, (("two-sided", 0.5, 14 / 15), ("greater", 0.5, 8 / 15), ("less", 0.25, 12 / 15))),
                    (d1 - 0.01, (("two-sided", 0.75, 6 / 15), ("greater", 0.75, 3 / 15), ("less", 0, 1.0)))):
        for alt, d, p in rows:
            one("testTwoVsFour", x, d4, alt, d, p)
    x100 = np.linspace(1, 100, 100)
    for y, rows in ((x100 + 2 + 0.1, (("two-sided", 0.03, 0.9999999999962055), ("greater", 0.03, 0.9143290114276248), ("less", 0, 1.0))),
                    (x100 + 2 - 0.1, (("two-sided", 0.02, 1.0), ("greater", 0.02, 0.960978450786184), ("less", 0, 1.0)))):
        for alt, d, p in rows:
            one("test100_100", x100, y, alt, d, p)
    x110 = np.linspace(1, 100, 110)
    for y, rows in ((x110 + 20 + 0.1, (("two-sided", 232 / 1100, 0.015739183865607353), ("greater", 232 / 1100, 0.007869594319053203), ("less", 0, 1))),
                    (x110 + 20 - 0.1, (("two-sided", 229 / 1100, 0.017803803861026313), ("greater", 229 / 1100, 0.008901905958245056), ("less", 0, 1.0)))):
        for alt, d, p in rows:
            one("test100_110", x100, y, alt, d, p)
    x2233 = np.array([2] * 3 + [3] * 4 + [5] * 5 + [6] * 4, dtype=float)
    x2356 = np.array([2] * 3 + [3] * 4 + [5] * 10 + [6] * 4, dtype=float)
    x3467 = np.array([3] * 10 + [4] * 2 + [6] * 10 + [7] * 4, dtype=float)
    for x, y, rows in ((x2233, x2233 + 1, (("two-sided", 5 / 16, 0.4262934613454952), ("greater", 5 / 16, 0.21465428276573786), ("less", 0, 1.0))),
                       (x2356, x3467, (("two-sided", 190 / 21 / 26, 0.0919245790168125), ("greater", 190 / 21 / 26, 0.0459633806858544), ("less", 70 / 21 / 26, 0.6121593130022775)))):
        for alt, d, p in rows:
            one("testRepeatedValues", x, y, alt, d, p)
    d3 = np.array([1.0, 2.0, 3.0])
    for y, rows in ((d3 + 1, (("two-sided", 1 / 3, 1.0), ("greater", 1 / 3, 0.75), ("less", 0, 1.0))),
                    (d3 - 0.5, (("two-sided", 1 / 3, 1.0), ("greater", 0, 1.0), ("less", 1 / 3, 0.75)))):
        for alt, d, p in rows:
            one("testEqualSizes", d3, y, alt, d, p)
    n1, n2 = 500, 600
    delta = 1.0 / n1 / n2 / 2 / 2
    x, y = np.linspace(1, 200, n1) - delta, np.linspace(2, 200, n2)
    one("testMiddlingBoth", x, y, "greater", 2000 / n1 / n2, 0.9697596024683929, "asymp")
    one("testMiddlingBoth", x, y, "less", 500 / n1 / n2, 0.9968735843165021, "asymp")
    one("testMiddlingBoth", x, y, "greater", 2000 / n1 / n2, 0.9697596024683929, "exact")
    one("testMiddlingBoth", x, y, "two-sided", 2000 / n1 / n2, 1.0, "asymp")
    n1, n2 = 10000, 110
    delta = 1.0 / n1 / n2 / 2 / 2
    x, y = np.linspace(1, 200, n1) - delta, np.linspace(2, 100, n2)
    one("testLarge", x, y, "greater", 561 / (n1 * 11.0), 0.9911545458204759)
    one("testLarge", x, y, "less", 55275 / (n1 * 11.0), 3.1317328311518713e-26)
    return out


def upstream_mann_whitney_and_t():
    """TestMannWhitneyU.test_gh_9184 (R's wilcox.test, continuity correction; assert_allclose rtol 1e-7) and
    test_ttest_ind_with_uneq_var (R's t.test; decimal 6)."""
    x = (0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46)
    y = (1.15, 0.88, 0.90, 0.74, 1.21)
    tol = {"absolute": 0, "relative": 1e-7}
    out = [case(f"scipy test_gh_9184 {alt} {m}", "mann_whitney", x, y, alt, m, [35, p], tol)
           for alt, m, p in (("less", "asymptotic", 0.900775348204), ("greater", "asymptotic", 0.1223118025635),
                             ("two-sided", "asymptotic", 0.244623605127), ("less", "exact", 0.8967698967699),
                             ("greater", "exact", 0.1272061272061), ("two-sided", "exact", 0.2544122544123))]
    tol = {"absolute": 1.5e-6, "relative": 0}
    b = (1.1, 2.9, 4.2)
    out.append(case("scipy test_ttest_ind_with_uneq_var (R) 3 vs 3", "t_test", (1, 2, 3), b,
                    expected=[-0.68649512735572582, 0.53619490753126731], tolerance=tol))
    out.append(case("scipy test_ttest_ind_with_uneq_var (R) 4 vs 3", "t_test", (1, 2, 3, 4), b,
                    expected=[-0.2108663315950719, 0.84354139131608286], tolerance=tol))
    return out


def live_cases():
    out = []
    alternatives = ("two-sided", "less", "greater")
    pairs = {
        "small unequal 7x9": (rng.normal(0, 1, 7), rng.normal(0.6, 1, 9)),
        "small equal 12x12": (rng.normal(0, 1, 12), rng.normal(-0.5, 1, 12)),
        "ties 40x55": (np.round(rng.normal(0, 2, 40)), np.round(rng.normal(0.5, 2, 55))),
        "medium 300x260": (rng.normal(0, 1, 300), rng.normal(0.15, 1.1, 260)),
        "large auto-asymptotic 11000x900": (np.round(rng.normal(0, 1, 11000), 5), np.round(rng.normal(0.05, 1, 900), 5)),
    }
    for name, (a, b) in pairs.items():
        for alt in alternatives:
            for m in ("auto", "exact", "asymptotic"):
                if m == "exact" and name.startswith("large"):
                    continue
                out.append(case(f"{name} ks {alt} {m}", "ks_test", a, b, alt, m))
                if not name.startswith("large"):
                    out.append(case(f"{name} mwu {alt} {m}", "mann_whitney", a, b, alt, m))
            out.append(case(f"{name} t {alt}", "t_test", a, b, alt))
    small = ([0.1, 2.5, 1.3, 4.4], [3.2, 4.1, 0.7, 5.5, 6.1])
    for alt in alternatives:
        out.append(case(f"exact mwu 4x5 {alt}", "mann_whitney", *small, alt))
        out.append(case(f"exact mwu with ties forced {alt}", "mann_whitney", [1, 2, 2, 3], [2, 3, 4, 4, 5], alt, "exact"))
    ref = [str(v) for v in rng.choice(["no", "yes"], 400, p=[0.7, 0.3])]
    cur = [str(v) for v in rng.choice(["no", "yes"], 300, p=[0.62, 0.38])]
    for alt in alternatives:
        out.append(case(f"z two categories {alt}", "z_test", ref, cur, alt))
    return out


def anderson_cases():
    """TestAndersonKSamp.test_example1b (Scholz & Stephens 1987's 4 samples, Lehmann p. 309) and test_example2b
    (14 samples), midrank: assert_almost_equal(Tk, …, 3) and assert_allclose(p, …, atol=0.00025)."""
    t1 = [38.7, 41.5, 43.8, 44.5, 45.5, 46.0, 47.7, 58.0]
    t2 = [39.2, 39.3, 39.7, 41.4, 41.8, 42.9, 43.3, 45.8]
    t3 = [34.0, 35.0, 39.0, 40.0, 43.0, 43.0, 44.0, 45.0]
    t4 = [34.0, 34.8, 34.8, 35.4, 37.2, 37.8, 41.2, 42.8]
    fourteen = [
        [194, 15, 41, 29, 33, 181], [413, 14, 58, 37, 100, 65, 9, 169, 447, 184, 36, 201, 118],
        [34, 31, 18, 18, 67, 57, 62, 7, 22, 34],
        [90, 10, 60, 186, 61, 49, 14, 24, 56, 20, 79, 84, 44, 59, 29, 118, 25, 156, 310, 76, 26, 44, 23, 62],
        [130, 208, 70, 101, 208], [74, 57, 48, 29, 502, 12, 70, 21, 29, 386, 59, 27],
        [55, 320, 56, 104, 220, 239, 47, 246, 176, 182, 33],
        [23, 261, 87, 7, 120, 14, 62, 47, 225, 71, 246, 21, 42, 20, 5, 12, 120, 11, 3, 14, 71, 11, 14, 11, 16, 90, 1, 16, 52, 95],
        [97, 51, 11, 4, 141, 18, 142, 68, 77, 80, 1, 16, 106, 206, 82, 54, 31, 216, 46, 111, 39, 63, 18, 191, 18, 163, 24],
        [50, 44, 102, 72, 22, 39, 3, 15, 197, 188, 79, 88, 46, 5, 5, 36, 22, 139, 210, 97, 30, 23, 13, 14],
        [359, 9, 12, 270, 603, 3, 104, 2, 438], [50, 254, 5, 283, 35, 12],
        [487, 18, 100, 7, 98, 5, 85, 91, 43, 230, 3, 130],
        [102, 209, 14, 57, 54, 32, 67, 59, 134, 152, 27, 14, 230, 66, 61, 34]]
    x1 = np.linspace(1, 100, 100)
    out = []
    # upstream: [statistic, p-value], and the test's absolute tolerance for each.
    scholz = [1.5e-3, 0.00025]
    r_ksamples = [1.5e-4, 0.005]
    for name, samples, upstream, tolerance in (
            ("Scholz & Stephens 1987, 4 samples", [t1, t2, t3, t4], [4.480, 0.0020], scholz),
            ("Scholz & Stephens, 14 samples", fourteen, [3.294, 0.0041], scholz),
            ("R kSamples r1 vs r1 + 6", [x1, x1 + 6], [0.6389, 0.1798], r_ksamples),
            ("R kSamples r1 vs r1 + 40.5", [x1, x1 + 40.5], [41.235, 0.001], [1.5e-3, 0]),
            ("three normal samples", [rng.normal(0, 1, 30), rng.normal(0.3, 1, 25), rng.normal(0, 1.5, 40)], None, None),
            ("three tied samples", [np.round(rng.normal(0, 1, 50)), np.round(rng.normal(0, 1, 45)), np.round(rng.normal(0.2, 1, 60))], None, None)):
        r = stats.anderson_ksamp(samples, variant="midrank")
        entry = {"name": name, "samples": [clean(s) for s in samples], "expected": clean([r.statistic, r.pvalue])}
        if upstream:
            assert abs(r.statistic - upstream[0]) <= tolerance[0] and abs(r.pvalue - upstream[1]) <= tolerance[1], (name, r)
            entry.update(upstream=upstream, tolerance=tolerance)
        out.append(entry)
    return out


def degenerate_cases():
    inf = math.inf
    inputs = {
        "constant samples that differ": ([0, 0, 0], [1, 1, 1]),
        "constant samples that agree": ([2, 2, 2], [2, 2, 2]),
        "one value each": ([1], [2]),
        "all tied but one": ([1, 1, 1, 1], [1, 1, 1, 2]),
        "values near ±1e308, identical": ([1e308, -1e308], [1e308, -1e308]),
        "values near ±1e308": ([1e308, -1e308], [1e308, 0]),
        "range beyond the largest double": ([1e308, -1e308, 0], [1e308, 1e308, 5e307]),
        "an infinite value": ([inf, 1, 2], [1, 2, 3]),
        "±inf in the reference": ([inf, -inf], [1, 2, 3]),
        "identical infinite samples": ([inf, inf], [inf, inf]),
    }
    methods = ("ks_test", "mann_whitney", "cvm_test", "anderson_test", "t_test", "wasserstein", "energy_distance")
    out = []
    for name, (ref, cur) in inputs.items():
        for method in methods:
            try:
                got = scipy_test(method, ref, cur)
            except Exception:
                got = "error"
            drift, why = got, None
            finite = all(math.isfinite(v) for v in ref + cur)
            scaled = finite and max(abs(v) for v in ref + cur) > 2.0 ** 500
            n = len(ref) + len(cur)
            if method == "t_test" and (len(ref) < 2 or len(cur) < 2):
                drift, why = "error", "scipy gives NaN; Drift needs two values per sample"
            elif method == "t_test" and not finite:
                drift, why = "error", "scipy gives NaN; Drift refuses an infinite value (the mean is not finite)"
            elif method == "cvm_test" and (len(ref) < 2 or len(cur) < 2):
                drift, why = "error", "scipy gives NaN; Drift needs two values per sample"
            elif method == "anderson_test" and got != "error" and n < 4:
                drift, why = "error", "scipy gives NaN; Drift needs four values in all"
            elif scaled and method in ("t_test", "wasserstein", "energy_distance"):
                # Drift rescales by a power of two; scipy overflows. Its value on the rescaled samples is the truth.
                s = 2.0 ** -1024
                r = scipy_test(method, [v * s for v in ref], [v * s for v in cur])
                drift = [r[0], r[1]] if method == "t_test" else [r[0] / s if method == "wasserstein" else r[0] / math.sqrt(s), None]
                why = "scipy overflows; Drift rescales by a power of two (scipy on the rescaled values)"
            elif method in ("wasserstein", "energy_distance") and got[0] is not None and math.isnan(got[0]):
                drift, why = [0.0, None], "scipy gives 0 · ∞ = NaN; a zero gap adds nothing in Drift"
            if json.dumps(clean(drift) if drift != "error" else drift) == json.dumps(clean(got) if got != "error" else got):
                why = "scipy raises too" if got == "error" else None
            out.append({"name": name, "method": method, "reference": clean(ref), "current": clean(cur),
                        "scipy": got if got == "error" else clean(got), "drift": drift if drift == "error" else clean(drift),
                        "why": why})
    return out


if __name__ == "__main__":
    cases = upstream_ks() + upstream_mann_whitney_and_t() + live_cases()
    payload = {"numpy": np.__version__, "scipy": scipy.__version__,
               "samples": {key: values for key, values in SAMPLES.values()}, "cases": cases,
               "anderson": anderson_cases(), "degenerate": degenerate_cases()}
    with open(OUT, "w") as f:
        json.dump(payload, f, separators=(",", ":"))
    print(f"{OUT}: {os.path.getsize(OUT)} bytes, {len(cases)} cases")
