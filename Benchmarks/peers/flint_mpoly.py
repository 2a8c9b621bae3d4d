# FLINT's fmpz_mpoly through python-flint.
import sys, time
import flint
n = int(sys.argv[1])
ctx = flint.fmpz_mpoly_ctx.get(("x", "y", "z", "t"), "deglex")
x, y, z, t = ctx.gens()
start = time.perf_counter()
f = (1 + x + y + z + t) ** n
g = f * (f + 1)
elapsed = time.perf_counter() - start
print("terms", len(g))
print("time", elapsed)
