"""python-flint (Arb) peer of Benchmarks/Sources/PrecisionBenchmark, workload eig:
rightmost eigenvalue of A2 with acb_mat(...).eig() at ctx.dps = 50 (rigorous balls).
Usage: python3 precision_flint.py [repetitions]"""
import sys
import time

import flint

from precision_common import POINT, a2_rows, report, rightmost, time_per_call

repetitions = int(sys.argv[1]) if len(sys.argv) > 1 else 200
flint.ctx.dps = 50
result = {}


def solve():
    p = [flint.arb(s) for s in POINT]
    m = flint.acb_mat(a2_rows(p, flint.acb(0, 1), flint.acb(0)))
    values = m.eig()
    result["z"] = rightmost(values, lambda z: float(z.real.mid()), lambda z: float(z.imag.mid()))


t = time.perf_counter()
solve()
first = time.perf_counter() - t
per = time_per_call(repetitions, solve)
z = result["z"]
report("python-flint", "eig", version=flint.__version__, dps=flint.ctx.dps, first_call_seconds=first,
       seconds_per_solve=per, re=z.real.mid().str(55, radius=False), im=z.imag.mid().str(55, radius=False),
       radius_re=float(z.real.rad()), radius_im=float(z.imag.rad()))
