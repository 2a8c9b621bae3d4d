"""ψ and ψ′ at D digits with mpmath and python-flint (Arb), on the 64 points of
Benchmarks/Sources/PolygammaBenchmark: z_k = (k mod 8 − 3.3) + i(k/8 − 3.7)·1.9.
Usage: python3 polygamma_peers.py mpmath|flint digamma|trigamma DIGITS REPEATS
Prints microseconds per call (median of 5 rounds) and the checksum Σ Re ψ(z_k)."""
import sys, time
lib, function, digits, repeats = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
texts = [("%.1f" % ((k % 8) - 3.3), "%.2f" % ((k // 8 - 3.7) * 1.9)) for k in range(64)]
if lib == "mpmath":
    import mpmath
    mpmath.mp.dps = digits
    pts = [mpmath.mpc(mpmath.mpf(a), mpmath.mpf(b)) for a, b in texts]
    f = mpmath.digamma if function == "digamma" else (lambda z: mpmath.polygamma(1, z))
    check = lambda vs: mpmath.nstr(sum(v.real for v in vs), 30)
else:
    import flint
    flint.ctx.dps = digits
    pts = [flint.acb(flint.arb(a), flint.arb(b)) for a, b in texts]
    f = (lambda z: z.digamma()) if function == "digamma" else (lambda z: z.polygamma(1))
    check = lambda vs: sum((v.real for v in vs), flint.arb(0)).str(30, radius=False)
checksum = check([f(z) for z in pts])
rounds = []
for _ in range(5):
    t = time.perf_counter()
    for _ in range(repeats):
        for z in pts:
            f(z)
    rounds.append((time.perf_counter() - t) / (repeats * len(pts)) * 1e6)
rounds.sort()
print("%s %s %d digits: %.2f us/call  checksum %s" % (lib, function, digits, rounds[2], checksum))
