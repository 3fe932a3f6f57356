"""Reference fixtures for DriftCore's streaming detectors, models, metrics and synthetic streams.

Run with a Python that has numpy, scipy, scikit-learn and river (0.26):
    python tools/reference/make_model_fixtures.py
Writes Tests/DriftCoreTests/Fixtures/models/*.json. The Swift tests read these files and never run Python.
"""
import json
import pathlib

import numpy as np

OUT = pathlib.Path(__file__).resolve().parents[2] / "Tests/DriftCoreTests/Fixtures/models"


def write(name, payload):
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / name
    path.write_text(json.dumps(payload, separators=(",", ":")))
    print(f"{path}: {path.stat().st_size} bytes")


def run_river(detector, values):
    drifts, warnings = [], []
    for i, x in enumerate(values):
        detector.update(x)
        if detector.drift_detected:
            drifts.append(i)
        elif getattr(detector, "warning_detected", False):
            warnings.append(i)
    return drifts, warnings


def detector_fixtures():
    from river import drift

    rng = np.random.default_rng(20240601)
    # Gaussian streams whose mean shifts: three segments each.
    gaussian = {
        "gauss_shift": np.concatenate([rng.normal(0, 1, 1500), rng.normal(1.5, 1, 1500), rng.normal(-0.5, 1, 1500)]),
        "gauss_small": np.concatenate([rng.normal(5, 0.5, 2000), rng.normal(5.4, 0.5, 2000), rng.normal(5.0, 0.5, 2000)]),
        "uniform_jump": np.concatenate([rng.uniform(0, 1, 1000), rng.uniform(0.5, 1.5, 1000)]),
    }
    gaussian = {k: [round(float(v), 6) for v in vals] for k, vals in gaussian.items()}
    # Bernoulli error streams whose error rate jumps.
    binary = {
        "bern_jump": np.concatenate([rng.random(1500) < 0.1, rng.random(1500) < 0.35, rng.random(1500) < 0.15]),
        "bern_slow": np.concatenate([rng.random(2000) < 0.2, rng.random(2000) < 0.3, rng.random(2000) < 0.6]),
        "bern_low": np.concatenate([rng.random(3000) < 0.02, rng.random(2000) < 0.1]),
    }
    binary = {k: [int(v) for v in vals] for k, vals in binary.items()}

    cases = []
    makers = {
        "ADWIN": lambda: drift.ADWIN(),
        "ADWIN_clock1": lambda: drift.ADWIN(delta=0.01, clock=1),
        "PageHinkley": lambda: drift.PageHinkley(),
        "PageHinkley_up": lambda: drift.PageHinkley(threshold=20, mode="up"),
        "KSWIN": lambda: drift.KSWIN(seed=42),
        "KSWIN_seed7": lambda: drift.KSWIN(alpha=0.01, window_size=80, stat_size=25, seed=7),
    }
    for stream, values in gaussian.items():
        for name, make in makers.items():
            d, w = run_river(make(), values)
            cases.append({"detector": name, "stream": stream, "drifts": d, "warnings": w})
    binary_makers = {
        "DDM": lambda: drift.binary.DDM(),
        "EDDM": lambda: drift.binary.EDDM(),
        "HDDMA": lambda: drift.binary.HDDMA(),
        "HDDMW": lambda: drift.binary.HDDMW(),
        "HDDMA_two": lambda: drift.binary.HDDMA(two_sided_test=True),
        "HDDMW_two": lambda: drift.binary.HDDMW(two_sided_test=True),
        "ADWIN": lambda: drift.ADWIN(),
        "PageHinkley": lambda: drift.PageHinkley(threshold=10),
    }
    for stream, values in binary.items():
        for name, make in binary_makers.items():
            d, w = run_river(make(), values)
            cases.append({"detector": name, "stream": stream, "drifts": d, "warnings": w})
    # Python's random.Random(seed).sample, to check the MT19937 port directly.
    import random
    samples = []
    for seed, n, k in [(42, 70, 30), (7, 55, 25), (0, 10, 3), (2**40 + 5, 1000, 30)]:
        r = random.Random(seed)
        samples.append({"seed": seed, "n": n, "k": k, "draws": [r.sample(range(n), k) for _ in range(3)]})
    write("detectors.json", {"streams": {**gaussian, **binary}, "cases": cases, "samples": samples})


def model_fixtures():
    from sklearn.datasets import make_classification
    from sklearn.linear_model import LogisticRegression
    from sklearn.naive_bayes import CategoricalNB, GaussianNB
    from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor
    from sklearn import metrics

    rng = np.random.default_rng(7)
    fl = lambda a: [float(v) for v in np.asarray(a).ravel()]

    # Linear regression: numeric features plus a text column one-hot encoded in order of first appearance.
    n = 200
    x = rng.normal(size=(n, 3)) * [1.0, 10.0, 0.1] + [0, 5, 1]
    g = rng.choice(["a", "b", "c"], size=n)
    y = 1.5 + x @ [2.0, -0.3, 4.0] + np.where(g == "b", 1.0, 0.0) + rng.normal(0, 0.5, n)
    order = list(dict.fromkeys(g))
    onehot = np.array([[1.0 if v == c else 0.0 for c in order] for v in g])
    numeric = np.column_stack([np.ones(n), x])
    full = np.column_stack([numeric, onehot])
    linear = {
        "x1": fl(x[:, 0]), "x2": fl(x[:, 1]), "x3": fl(x[:, 2]), "g": list(g), "y": fl(y),
        "ols": fl(np.linalg.lstsq(numeric, y, rcond=None)[0]),
        "ols_onehot": fl(np.linalg.lstsq(full, y, rcond=None)[0]),
    }
    penalty = np.eye(4) * 3.0
    penalty[0, 0] = 0
    linear["ridge3"] = fl(np.linalg.solve(numeric.T @ numeric + penalty, numeric.T @ y))

    # Logistic regression on standardised features.
    X, yb = make_classification(n_samples=400, n_features=4, n_informative=3, n_redundant=0, random_state=3)
    X = (X - X.mean(0)) / X.std(0)
    X3, y3 = make_classification(n_samples=450, n_features=4, n_informative=3, n_redundant=0, n_classes=3,
                                 n_clusters_per_class=1, random_state=5)
    X3 = (X3 - X3.mean(0)) / X3.std(0)
    logistic = {"X": fl(X), "y": [int(v) for v in yb], "X3": fl(X3), "y3": [int(v) for v in y3]}
    for name, C in [("c1", 1.0), ("c05", 0.5)]:
        m = LogisticRegression(C=C, tol=1e-10, max_iter=10000).fit(X, yb)
        logistic[f"binary_{name}"] = {"coef": fl(m.coef_), "intercept": fl(m.intercept_),
                                      "proba": fl(m.predict_proba(X[:10])[:, 1])}
        m3 = LogisticRegression(C=C, tol=1e-10, max_iter=10000).fit(X3, y3)
        logistic[f"multi_{name}"] = {"coef": fl(m3.coef_), "intercept": fl(m3.intercept_),
                                     "proba": fl(m3.predict_proba(X3[:10]))}

    # Metrics on fixed predictions (scores rounded to create ties).
    truth = rng.random(300) < 0.4
    scores = np.round(np.clip(truth * 0.3 + rng.random(300) * 0.8, 0, 1), 1)
    scores[:5] = [0.0, 1.0, 0.0, 1.0, 0.5]
    predicted = scores >= 0.5
    reg_true = rng.normal(size=100)
    reg_pred = reg_true + rng.normal(0, 0.3, 100)
    classes3 = rng.integers(0, 3, 120)
    proba3 = rng.dirichlet([1, 1, 1], 120)
    proba3[0] = [1.0, 0.0, 0.0]
    metric = {
        "truth": [bool(v) for v in truth], "scores": fl(scores), "predicted": [bool(v) for v in predicted],
        "accuracy": metrics.accuracy_score(truth, predicted),
        "precision": metrics.precision_score(truth, predicted),
        "recall": metrics.recall_score(truth, predicted),
        "f1": metrics.f1_score(truth, predicted),
        "roc_auc": metrics.roc_auc_score(truth, scores),
        "log_loss": metrics.log_loss(truth, scores),
        "confusion": metrics.confusion_matrix(truth, predicted).tolist(),
        "reg_true": fl(reg_true), "reg_pred": fl(reg_pred),
        "rmse": float(np.sqrt(metrics.mean_squared_error(reg_true, reg_pred))),
        "mae": metrics.mean_absolute_error(reg_true, reg_pred),
        "r2": metrics.r2_score(reg_true, reg_pred),
        "classes3": [int(v) for v in classes3], "proba3": fl(proba3),
        "log_loss3": metrics.log_loss(classes3, proba3, labels=[0, 1, 2]),
    }

    # Tree and naive Bayes accuracy on a seeded dataset (train/test split stored).
    Xc, yc = make_classification(n_samples=1000, n_features=5, n_informative=3, n_redundant=1, flip_y=0.05,
                                 random_state=11)
    yr = Xc[:, 0] * 2 + np.sin(Xc[:, 1] * 2) + rng.normal(0, 0.3, 1000)
    Xc, yr = np.round(Xc, 8), np.round(yr, 8)
    train, test = slice(0, 700), slice(700, 1000)
    tree = DecisionTreeClassifier(max_depth=5, random_state=0).fit(Xc[train], yc[train])
    regtree = DecisionTreeRegressor(max_depth=5, random_state=0).fit(Xc[train], yr[train])
    gnb = GaussianNB().fit(Xc[train], yc[train])
    # Categorical data: three categorical features, label depends on them with noise.
    cats = rng.integers(0, 4, size=(1000, 3))
    logits = (cats[:, 0] == 1) * 2.0 - (cats[:, 1] >= 2) * 1.5 + (cats[:, 2] == 3) * 1.0 - 0.3
    ycat = (rng.random(1000) < 1 / (1 + np.exp(-logits))).astype(int)
    cnb = CategoricalNB(alpha=1.0).fit(cats[train], ycat[train])
    classification = {
        "X": fl(Xc), "y": [int(v) for v in yc], "yr": fl(yr), "train": 700,
        "tree_accuracy": float(tree.score(Xc[test], yc[test])),
        "regtree_r2": float(regtree.score(Xc[test], yr[test])),
        "gnb_accuracy": float(gnb.score(Xc[test], yc[test])),
        "gnb_proba": fl(gnb.predict_proba(Xc[700:710])[:, 1]),
        "cats": [[f"c{v}" for v in row] for row in cats.tolist()], "ycat": [int(v) for v in ycat],
        "cnb_accuracy": float(cnb.score(cats[test], ycat[test])),
        "cnb_proba": fl(cnb.predict_proba(cats[700:710])[:, 1]),
    }
    write("models.json", {"linear": linear, "logistic": logistic, "metrics": metric, "classification": classification})


if __name__ == "__main__":
    detector_fixtures()
    model_fixtures()
