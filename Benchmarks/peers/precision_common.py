"""Shared pieces of the precision peers (benchmarks b and c of issue 5): the point of A2
(paper 003, Appendix A) as exact decimals, timing, and JSON output."""
import json
import time

# ω_c, κ, λ, η, η', ω_z, ω'_z, γ_t, γ↑, γ↓ (⟨T^z⟩ = (γ↑ − γ↓)/(2γ_t) = 0.3).
POINT = ["1", "0.06", "0.2", "0.1", "0.1", "1", "1", "1", "0.8", "0.2"]


def a2_rows(p, i, zero):
    """A2 from the parameter values p (any number type), imaginary unit i and zero."""
    wc, k, l, e, ep, wz, wzp, gt, gu, gd = p
    tz = (gu - gd) / (2 * gt)
    return [
        [-i * wc - k / 2, zero, -i * l, -i * l, -i * e, zero],
        [zero, i * wc - k / 2, i * l, i * l, zero, i * e],
        [-i * l, -i * l, -i * wz, zero, -i * ep, zero],
        [i * l, i * l, zero, i * wz, zero, i * ep],
        [2 * i * e * tz, zero, 2 * i * ep * tz, zero, -i * wzp - gt / 2, zero],
        [zero, -2 * i * e * tz, zero, -2 * i * ep * tz, zero, i * wzp - gt / 2],
    ]


def rightmost(values, re, im):
    """Largest real part; of a conjugate pair the one with positive imaginary part."""
    best = values[0]
    for z in values[1:]:
        d = re(z) - re(best)
        if d > 1e-30 or (abs(d) <= 1e-30 and im(z) > im(best)):
            best = z
    return best


def time_per_call(repetitions, body):
    """Seconds per call: best mean over 5 batches, after a warm-up batch of repetitions/10."""
    for _ in range(max(1, repetitions // 10)):
        body()
    best = float("inf")
    for _ in range(5):
        s = time.perf_counter()
        for _ in range(repetitions):
            body()
        best = min(best, (time.perf_counter() - s) / repetitions)
    return best


def report(system, workload, **fields):
    print(json.dumps({"system": system, "workload": workload, **fields}), flush=True)
