# A 10M-iteration while loop adding floats in CPython: bench/scripts/loop.drift's peer. Inside a function,
# where CPython's locals are fastest; timed around the call only.
import time


def loop():
    i = 0
    total = 0.0
    while i < 10_000_000:
        total = total + i * 0.5
        i = i + 1
    return total


start = time.perf_counter()
result = loop()
print(time.perf_counter() - start)
