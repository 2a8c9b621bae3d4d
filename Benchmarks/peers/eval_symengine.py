"""Benchmark (a) of issue 5 in SymEngine: symengine.Lambdify(..., backend='llvm', cse=True)
of the 72 real expressions of A2 (eval_a2.py), called on an (N, 10) array of points.

Usage: python3 eval_symengine.py [N] [llvm|lambda]     Prints JSON lines like EvalBenchmark."""
import json
import sys
import time

import numpy as np
import symengine as se

from eval_a2 import PARAMETERS, points, split

n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
backend = sys.argv[2] if len(sys.argv) > 2 else "llvm"
exprs = [se.sympify(e) for e in split()]
params = [se.sympify(p) for p in PARAMETERS]
t0 = time.perf_counter()
f = se.Lambdify(params, exprs, backend=backend, cse=True)
compile_seconds = time.perf_counter() - t0
x = points(n)


def report(workload, **kw):
    print(json.dumps(dict(system="symengine-" + backend, workload=workload, **kw)), flush=True)


report("Lambdify", seconds=compile_seconds)


def best_of(repeats, body):
    best = float("inf")
    for _ in range(repeats):
        s = time.perf_counter()
        body()
        best = min(best, time.perf_counter() - s)
    return best


# full: all n x 72 outputs in one array, allocated by the call (its usual use) and preallocated.
result = {}
t = best_of(7, lambda: result.__setitem__("out", f(x)))
report("full-allocating", n=n, seconds=t, points_per_second=n / t, checksum=float(result["out"].sum()))
out = np.empty((n, 72))
t = best_of(7, lambda: f(x, out=out))
report("full", n=n, seconds=t, points_per_second=n / t, checksum=float(out.sum()))

# chunked: the same points 1024 at a time into one reused buffer.
CHUNK = 1024
buf = np.empty((CHUNK, 72))


def chunked():
    for k in range(0, n, CHUNK):
        m = min(CHUNK, n - k)
        f(x[k:k + m], out=buf[:m])


t = best_of(7, chunked)
report("chunked", n=n, seconds=t, points_per_second=n / t)
