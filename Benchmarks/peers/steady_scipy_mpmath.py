"""Peer of `keldysh steady` (issue 14): the steady states of (A1) of paper 003 at the Fig. 4
parameters, (gup, lambda) = (0.3, 0.7), typed in by hand, with |S|^2 = 1/4 in place of the S^z
equation; scipy.optimize.fsolve from 49 starts (uniform in [-1, 1], numpy seed 0, put on the
|S| shell), distinct roots (1e-7) polished by mpmath.findroot at D + 10 digits, the spectrum by
mpmath.eig of the Jacobian (finite differences at D + 10 digits). Nothing here is verified.
Usage: python3 steady_scipy_mpmath.py [D] [repeats]"""
import sys, time
import numpy as np, mpmath as mp
from scipy.optimize import fsolve

D = int(sys.argv[1]) if len(sys.argv) > 1 else 30
R = int(sys.argv[2]) if len(sys.argv) > 2 else 3

def rhs(x, m=np):
    # Exact decimal parameters in mpmath (a Python float 0.06 would cap the digits at 16).
    c = (lambda t: mp.mpf(t)) if m is mp else float
    wc, wz, wz2, eta, eta2, kappa, gup, gdown, lam = (c(t) for t in ("1", "1", "1", "0.1", "0.1", "0.06", "0.3", "0.7", "0.7"))
    I = 1j; gt = gup + gdown
    a = x[0] + I*x[1]; Sz = x[2]; Sm = x[3] + I*x[4]; Tz = x[5]; Tm = x[6] + I*x[7]
    ac, Sp, Tp = m.conj(a), m.conj(Sm), m.conj(Tm)
    da = -I*eta*Tm - (I*wc + kappa/2)*a - I*lam*(Sp + Sm)
    dSz = I*lam*(a + ac)*(Sm - Sp) + I*eta2*(Tp*Sm - Tm*Sp)
    dSm = -I*wz*Sm + 2*I*lam*(a + ac)*Sz + 2*I*eta2*Tm*Sz
    dTz = I*eta*(ac*Tm - a*Tp) - I*eta2*(Tp*Sm - Tm*Sp) + (gup - gdown)/2 - gt*Tz
    dTm = -(I*wz2 + gt/2)*Tm + 2*I*eta*a*Tz + 2*I*eta2*Tz*Sm
    return [da.real, da.imag, dSz.real, dSm.real, dSm.imag, dTz.real, dTm.real, dTm.imag]

def shell(x, m=np):
    f = rhs(x, m); f[2] = x[2]**2 + x[3]**2 + x[4]**2 - (mp.mpf(1)/4 if m is mp else 0.25); return f

def run():
    rng = np.random.default_rng(0)
    starts = [np.array([0, 0, -0.5, 0, 0, -0.2, 0, 0])]
    for _ in range(48):
        x = rng.uniform(-1, 1, 8); n = np.sqrt(x[2]**2 + x[3]**2 + x[4]**2); x[2:5] *= 0.5 / n; starts.append(x)
    roots = []
    for s in starts:
        x, info, ok, _ = fsolve(shell, s, full_output=True)
        if ok == 1 and max(abs(v) for v in rhs(x)) < 1e-8 and not any(np.allclose(x, r, atol=1e-7) for r in roots):
            roots.append(x)
    mp.mp.dps = D + 10
    out = []
    for r in roots:
        def f(*v):
            v = [mp.mpf(t) for t in v]
            return shell(v, m=mp)
        x = mp.findroot(f, [mp.mpf(t) for t in r])
        J = mp.matrix(8, 8); h = mp.mpf(10) ** (-(D + 5) // 2)
        for k in range(8):
            xp = list(x); xm = list(x); xp[k] += h; xm[k] -= h
            fp, fm = rhs(xp, m=mp), rhs(xm, m=mp)
            for i in range(8): J[i, k] = (fp[i] - fm[i]) / (2*h)
        out.append((x, mp.eig(J)[0]))
    return out

best = None
for _ in range(R):
    t = time.perf_counter(); out = run(); dt = time.perf_counter() - t
    best = dt if best is None or dt < best else best
print(f"{len(out)} steady states; best of {R}: {best*1000:.1f} ms")
for x, _ in out: print(mp.nstr(x[0], D), mp.nstr(x[2], D))
