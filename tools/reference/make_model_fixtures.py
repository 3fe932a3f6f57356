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


if __name__ == "__main__":
    detector_fixtures()
