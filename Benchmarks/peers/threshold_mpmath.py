"""Peer for the threshold benchmark (issue 6): gamma_up where the largest real part of the
eigenvalues of A2 (paper 003; wc = wz = wz' = 1, gamma_down = 1 - gamma_up, eta = eta' = 0.1,
kappa = 0.06, lambda = 0.2) crosses zero, with mpmath: mp.eig (eigenvalues only) inside
findroot (secant) at mp.dps = D + 10, printed to D digits. Not certified.
Usage: python3 threshold_mpmath.py D [repeats]"""
import sys, time
import mpmath
from mpmath import mp, mpf, mpc

D = int(sys.argv[1]) if len(sys.argv) > 1 else 50
repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3

def solve():
    mp.dps = D + 10
    wc = wz = wz2 = mpf(1); eta = eta2 = mpf(1) / 10; kappa = mpf(3) / 50; lam = mpf(1) / 5
    i = mpc(0, 1)
    def A(g):
        tz = g - mpf(1) / 2          # (gup - gdown) / (2 gamma_t) with gamma_t = 1
        m = mp.matrix(6, 6)
        m[0, 0] = -i * wc - kappa / 2; m[0, 2] = -i * lam; m[0, 3] = -i * lam; m[0, 4] = -i * eta
        m[1, 1] = i * wc - kappa / 2; m[1, 2] = i * lam; m[1, 3] = i * lam; m[1, 5] = i * eta
        m[2, 0] = -i * lam; m[2, 1] = -i * lam; m[2, 2] = -i * wz; m[2, 4] = -i * eta2
        m[3, 0] = i * lam; m[3, 1] = i * lam; m[3, 3] = i * wz; m[3, 5] = i * eta2
        m[4, 0] = 2 * i * eta * tz; m[4, 2] = 2 * i * eta2 * tz; m[4, 4] = -i * wz2 - mpf(1) / 2
        m[5, 1] = -2 * i * eta * tz; m[5, 3] = -2 * i * eta2 * tz; m[5, 5] = i * wz2 - mpf(1) / 2
        return m
    def f(g):
        return max(mpmath.re(e) for e in mp.eig(A(g), left=False, right=False))
    root = mp.findroot(f, (mpf('0.70'), mpf('0.72')), solver='secant')
    return mpmath.nstr(root, D)

times = []
for k in range(repeats):
    t0 = time.perf_counter(); v = solve(); times.append(time.perf_counter() - t0)
print(f"mpmath eig+findroot D={D}: first {times[0]*1e3:.1f} ms, best of {repeats} {min(times)*1e3:.1f} ms")
print(f"value {v}")
