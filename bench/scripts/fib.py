# Peer of fib.drift: the same recursion, timed the same way (the call alone, monotonic clock).
import time


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


start = time.perf_counter()
result = fib(27)
seconds = time.perf_counter() - start
print(result)
print(f"seconds={seconds}")
