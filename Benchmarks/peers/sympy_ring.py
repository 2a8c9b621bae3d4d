# SymPy's sparse polynomial ring (PolyElement, dict of exponent tuples) over ZZ.
import sys, time
from sympy import ZZ
from sympy.polys.rings import ring
n = int(sys.argv[1])
R, x, y, z, t = ring("x,y,z,t", ZZ)
start = time.perf_counter()
f = (1 + x + y + z + t) ** n
g = f * (f + 1)
elapsed = time.perf_counter() - start
print("terms", len(g))
print("time", elapsed)
