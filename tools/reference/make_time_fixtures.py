#!/usr/bin/env python3
"""Writes the reference values the date and time tests compare against (Python's datetime and pandas).

Usage: python tools/reference/make_time_fixtures.py   (needs numpy and pandas)
Outputs, under Tests/DriftCoreTests/Fixtures/time/:
  expected.json
    instants: seeded instants (microseconds since the epoch, UTC) from 1600 to 2400 plus edge cases (leap days,
      year ends, ISO week 53, before 1970), each with Python's year, month, day, weekday (Monday 0), hour,
      minute, day of year, ISO week and ISO year, the floor to the hour, day, week (Monday), month, quarter and
      year, and strftime text in a few layouts.
    iso: ISO 8601 strings with and without offsets and pandas.to_datetime(format="ISO8601", utc=True) of each,
      in microseconds; rejected: strings Drift must refuse (pandas refuses them too).
    strptime: (text, layout, microseconds) from datetime.strptime (naive = UTC).
    resample: seeded (ts, value) rows and pandas resample (closed and labelled left) counts, sums and means
      per window for "1D", weekly windows from Monday ("W-MON"), "MS" (months) and "6h".
    asof: seeded left and right frames (id, ts) and pandas.merge_asof's matched right row per left row for
      each direction, and with a tolerance.
"""
import json, os
from datetime import datetime, timedelta, timezone
import numpy as np
import pandas as pd

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Tests", "DriftCoreTests", "Fixtures", "time")
rng = np.random.default_rng(20261202)
EPOCH = datetime(1970, 1, 1)

def micros(dt):
    return (dt - EPOCH) // timedelta(microseconds=1)

def instant(us):
    return EPOCH + timedelta(microseconds=int(us))

edges = ["2024-02-29T23:59:59.999999", "1900-02-28T12:00:00", "2000-02-29T00:00:00", "2020-12-31T23:00:00",
         "2021-01-01T00:00:00", "2027-01-01T06:30:00", "2026-12-31T00:00:00", "1969-12-31T23:59:59.999999",
         "1970-01-01T00:00:00", "1600-03-01T00:00:00", "2399-12-31T23:59:59", "2024-12-30T00:00:00"]
low, high = micros(datetime(1600, 1, 1)), micros(datetime(2400, 1, 1))
values = [micros(datetime.fromisoformat(e)) for e in edges] + [int(x) for x in rng.integers(low, high, 300)]
layouts = ["%Y-%m-%d %H:%M:%S", "%d/%m/%y %I:%M %p", "%j %a %A %b %B %f", "%G-W%V-%u", "%F %T"]

def floors(dt):
    day = datetime(dt.year, dt.month, dt.day)
    return {
        "hour": micros(datetime(dt.year, dt.month, dt.day, dt.hour)),
        "day": micros(day),
        "week": micros(day - timedelta(days=dt.weekday())),
        "month": micros(datetime(dt.year, dt.month, 1)),
        "quarter": micros(datetime(dt.year, (dt.month - 1) // 3 * 3 + 1, 1)),
        "year": micros(datetime(dt.year, 1, 1)),
    }

instants = []
for us in values:
    dt = instant(us)
    iso = dt.isocalendar()
    instants.append({
        "micros": us, "year": dt.year, "month": dt.month, "day": dt.day, "weekday": dt.weekday(),
        "hour": dt.hour, "minute": dt.minute, "day_of_year": dt.timetuple().tm_yday, "week": iso[1], "iso_year": iso[0],
        "floor": floors(dt),
        "text": {layout: dt.strftime(layout.replace("%F", "%Y-%m-%d").replace("%T", "%H:%M:%S")) for layout in layouts},
    })

iso_strings = ["2024-03-01", "2024-03-01T08:15", "2024-03-01T08:15:00", "2024-03-01 08:15:00.123",
               "2024-03-01T08:15:00Z", "2024-03-01T08:15:00+01:00", "2024-03-01T08:15:00-05:30",
               "2024-03-01T00:30:00+0200", "2024-02-29T23:59:59.999999Z", "1969-07-20T20:17:40Z",
               "2024-03-01T08:15:00.5-01", "2000-01-01 00:00:00.000001"]
iso = [{"text": s, "micros": int(pd.to_datetime(s, format="ISO8601", utc=True).value // 1000)} for s in iso_strings]
rejected = ["2023-02-29", "2024-13-01", "2024-03-01T24:00:00", "2024-03-01T08:60",
            "2024-03-01T08:15:00+25:00", "March 1, 2024", "2024-03-01T", "2024-03-01 08:15 UTC"]
for s in rejected:  # pandas refuses each of them too
    try:
        pd.to_datetime(s, format="ISO8601", utc=True)
        raise SystemExit(f"pandas accepts {s!r}; pick another rejected string")
    except (ValueError, pd.errors.OutOfBoundsDatetime):
        pass

strptime_cases = [("01/02/2024", "%d/%m/%Y"), ("2024-061", "%Y-%j"), ("Mar 5 2024 7:05 PM", "%b %d %Y %I:%M %p"),
                  ("05.03.24 23:59:58", "%d.%m.%y %H:%M:%S"), ("2024-03-05T10:00:00.25", "%Y-%m-%dT%H:%M:%S.%f"),
                  ("Tuesday 5 March 2024", "%A %d %B %Y"), ("2024-03-05 10:00 +0100", "%Y-%m-%d %H:%M %z")]
strptime = []
for text, layout in strptime_cases:
    dt = datetime.strptime(text, layout)
    if dt.tzinfo is not None:
        dt = dt.astimezone(timezone.utc).replace(tzinfo=None)
    strptime.append({"text": text, "layout": layout, "micros": micros(dt)})

n = 500
ts = np.sort(rng.integers(micros(datetime(2024, 1, 20)), micros(datetime(2024, 6, 10)), n))
ts = ts[(ts < micros(datetime(2024, 3, 3))) | (ts >= micros(datetime(2024, 3, 12)))]  # a gap: empty windows
value = np.round(rng.normal(100, 15, len(ts)), 3)
frame = pd.DataFrame({"ts": pd.to_datetime(ts, unit="us"), "value": value})
resample = {"ts": [int(x) for x in ts], "value": [float(x) for x in value], "rules": {}}
for name, rule in [("1d", "1D"), ("1w", "W-MON"), ("1mo", "MS"), ("6h", "6h")]:
    grouped = frame.set_index("ts")["value"].resample(rule, closed="left", label="left")
    out = pd.DataFrame({"count": grouped.count(), "sum": grouped.sum(), "mean": grouped.mean()})
    resample["rules"][name] = {
        "window": [int(x.value // 1000) for x in out.index],
        "count": [int(x) for x in out["count"]],
        "sum": [float(x) for x in out["sum"]],
        "mean": [None if np.isnan(x) else float(x) for x in out["mean"]],
    }

left = pd.DataFrame({"id": rng.integers(0, 5, 60), "ts": np.sort(rng.integers(0, 10_000, 60)) * 60_000_000})
right = pd.DataFrame({"id": rng.integers(0, 6, 40), "ts": np.sort(rng.integers(0, 10_000, 40)) * 60_000_000})
right["row"] = np.arange(len(right))
left["ts"] = left["ts"].astype("int64"); right["ts"] = right["ts"].astype("int64")
asof = {"left": {"id": left["id"].tolist(), "ts": left["ts"].tolist()},
        "right": {"id": right["id"].tolist(), "ts": right["ts"].tolist()}, "matches": {}}
for name, kwargs in [("backward", {}), ("forward", {"direction": "forward"}), ("nearest", {"direction": "nearest"}),
                     ("backward_tolerance", {"tolerance": 600 * 60_000_000})]:
    merged = pd.merge_asof(left, right, on="ts", by="id", **kwargs)
    asof["matches"][name] = [-1 if np.isnan(x) else int(x) for x in merged["row"]]

os.makedirs(OUT, exist_ok=True)
with open(os.path.join(OUT, "expected.json"), "w") as f:
    json.dump({"instants": instants, "layouts": layouts, "iso": iso, "rejected": rejected, "strptime": strptime,
               "resample": resample, "asof": asof}, f)
print("wrote", OUT)
