# Peer of loop.drift: the same loop over module-level variables, timed the same way.
import time

start = time.perf_counter()
i = 0
s = 0
while i < 10000000:
    s = s + 0.5
    i = i + 1
seconds = time.perf_counter() - start
print(s)
print(f"seconds={seconds}")
