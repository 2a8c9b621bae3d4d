"""Benchmark (a) of issue 5 in SymPy: sympy.lambdify (numpy backend, cse=True), vectorised
over N points, of the 72 real expressions of A2 (eval_a2.py).

Usage: python3 eval_sympy.py [N]     Prints JSON lines like EvalBenchmark."""
import json
import sys
import time

import numpy as np
import sympy as sp

from eval_a2 import PARAMETERS, points, split

n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
exprs = split()
t0 = time.perf_counter()
f = sp.lambdify(PARAMETERS, exprs, modules="numpy", cse=True)
compile_seconds = time.perf_counter() - t0
x = points(n)
cols = [np.ascontiguousarray(x[:, j]) for j in range(x.shape[1])]


def report(workload, **kw):
    print(json.dumps(dict(system="sympy", workload=workload, **kw)), flush=True)


report("lambdify", seconds=compile_seconds)


def best_of(repeats, body):
    best = float("inf")
    for _ in range(repeats):
        s = time.perf_counter()
        body()
        best = min(best, time.perf_counter() - s)
    return best


# The call alone returns a list of 72 entries in which the constant entries are Python scalars
# and equal entries are one shared array: less than the 72 x n values the other systems write.
t = best_of(5, lambda: f(*cols))
report("call-only", n=n, seconds=t, points_per_second=n / t)

# full: every output broadcast into one (72, n) array (rows contiguous, numpy's fast layout).
out = np.empty((72, n))


def full():
    for k, v in enumerate(f(*cols)):
        out[k] = v


t = best_of(5, full)
report("full", n=n, seconds=t, points_per_second=n / t, checksum=float(out.sum()))

# chunked: the same points 1024 at a time into one reused (72, 1024) buffer.
CHUNK = 1024
buf = np.empty((72, CHUNK))


def chunked():
    for k in range(0, n, CHUNK):
        m = min(CHUNK, n - k)
        for j, v in enumerate(f(*[c[k:k + m] for c in cols])):
            buf[j, :m] = v


t = best_of(3, chunked)
report("chunked", n=n, seconds=t, points_per_second=n / t)
