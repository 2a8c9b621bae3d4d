"""mpmath peer of Benchmarks/Sources/PrecisionBenchmark.
Usage: python3 precision_mpmath.py eig|quad [repetitions]
eig:  rightmost eigenvalue of A2 with mp.eig at mp.dps = 50 + 10 guard digits.
quad: ∫_ℝ x tanh(x)/(x² + π²/4)² dx (= 1/3) with mp.quad at mp.dps = 30."""
import sys
import time

import mpmath
from mpmath import mp

from precision_common import POINT, a2_rows, report, rightmost, time_per_call

mode = sys.argv[1] if len(sys.argv) > 1 else "eig"
repetitions = int(sys.argv[2]) if len(sys.argv) > 2 else 10
result = {}

if mode == "eig":
    mp.dps = 60

    def solve():
        p = [mp.mpf(s) for s in POINT]
        m = mp.matrix(a2_rows(p, mp.mpc(0, 1), mp.mpf(0)))
        values = mp.eig(m, left=False, right=False)
        result["z"] = rightmost(values, lambda z: z.real, lambda z: z.imag)

    t = time.perf_counter()
    solve()
    first = time.perf_counter() - t
    per = time_per_call(repetitions, solve)
    z = result["z"]
    report("mpmath", "eig", version=mpmath.__version__, backend=mpmath.libmp.BACKEND, dps=mp.dps,
           first_call_seconds=first, seconds_per_solve=per,
           re=mp.nstr(z.real, 55, min_fixed=-1, max_fixed=-1), im=mp.nstr(z.imag, 55, min_fixed=-1, max_fixed=-1))
elif mode == "quad":
    mp.dps = 30
    c = mp.pi ** 2 / 4

    def f(x):
        d = x * x + c
        return x * mp.tanh(x) / (d * d)

    def solve():
        result["v"] = mp.quad(f, [-mp.inf, mp.inf])

    t = time.perf_counter()
    solve()
    first = time.perf_counter() - t
    per = time_per_call(repetitions, solve)
    v = result["v"]
    with mp.workdps(50):
        err = abs(v - mp.mpf(1) / 3)
        verified = float(-mp.log10(err * 3)) if err else 50.0
    report("mpmath", "quad", version=mpmath.__version__, backend=mpmath.libmp.BACKEND, dps=mp.dps,
           first_call_seconds=first, seconds_per_solve=per, error_vs_closed_form=float(err),
           verified_digits=verified, value=mp.nstr(v, 35))
else:
    sys.exit(f"unknown workload {mode}")
