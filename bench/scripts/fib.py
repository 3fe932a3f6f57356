# fib(27), recursive, in CPython: bench/scripts/fib.drift's peer, timed the same way (around the call only).
import time


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


start = time.perf_counter()
result = fib(27)
print(time.perf_counter() - start)
