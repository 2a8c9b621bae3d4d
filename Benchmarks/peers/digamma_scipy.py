"""scipy.special.digamma on the points of Benchmarks/Standalone/DigammaDouble (the condensation
region ½ + a + i·1.59·x and PolygammaBenchmark's 64 points): ns per element vectorised over the
numpy array (how the condensation peer calls it), and per call from a Python loop of scalars.
Prints the checksum Σ Re ψ + Σ Im ψ, which must match the Swift harness's to ~12 digits.
Usage: python3 digamma_scipy.py"""
import time
import numpy as np
import scipy, scipy.special as sp

xs = [10 ** (-2 + 6 * k / 199) for k in range(200)]
spread = [0.0] + xs + [-v for v in xs] + [-1e4 + 100 * k for k in range(201)]
condensation = np.array([complex(0.5 + a, 1.59 * x) for a in [0, 0.25, 1, 2.5, 5, 10, 20] for x in spread])
benchmark64 = np.array([complex((k % 8) - 3.3, (k // 8 - 3.7) * 1.9) for k in range(64)])
sets = [("condensation region, all", condensation),
        ("condensation region, modulus < 10", condensation[np.abs(condensation) < 10]),
        ("condensation region, modulus >= 10", condensation[np.abs(condensation) >= 10]),
        ("PolygammaBenchmark's 64 points", benchmark64)]

def best(f, n, rounds=7):
    b = float("inf")
    for _ in range(rounds):
        t = time.thread_time_ns(); f(); b = min(b, (time.thread_time_ns() - t) / n)
    return b

print(f"scipy {scipy.__version__}, numpy {np.__version__}")
print("| points | count | scipy vectorised (ns/element) | scipy scalar loop (ns/call) | checksum |")
print("|---|---|---|---|---|")
for name, zs in sets:
    reps = max(1, 400_000 // len(zs))
    vec = best(lambda: [sp.digamma(zs) for _ in range(reps)], reps * len(zs))
    scalars = [complex(z) for z in zs]
    loop = best(lambda: [sp.digamma(z) for z in scalars], len(zs), 3)
    v = sp.digamma(zs)
    print(f"| {name} | {len(zs)} | {vec:.1f} | {loop:.0f} | {np.sum(v.real) + np.sum(v.imag):.12e} |")
