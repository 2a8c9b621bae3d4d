# SymPy's generic expand on Expr trees: expand(f*(f+1)), f = (1+x+y+z+t)^n.
import sys, time
from sympy import symbols, expand
n = int(sys.argv[1])
x, y, z, t = symbols("x y z t")
f = (1 + x + y + z + t) ** n
start = time.perf_counter()
g = expand(f * (f + 1))
elapsed = time.perf_counter() - start
print("terms", len(g.args))
print("time", elapsed)
