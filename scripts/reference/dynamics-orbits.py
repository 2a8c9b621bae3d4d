"""Reference for the whole-period, post-transient dynamics summaries of issue 14
(Tests/AnalysisTests/OrbitSummaryTests.swift), independent of KeldyshKit: (A1) of paper 003
typed in by hand (as Benchmarks/peers/steady_scipy_mpmath.py), Fig. 4 parameters, the
initial state a = 0.01, Sz = -0.49, S- = 0.0995, T- = 0.01, Tz = 0; scipy solve_ivp DOP853
(rtol 1e-12, atol 1e-14) to t_end, then from the state there the orbit is followed with dense
output: the period is the time between two upward crossings of Sx through its mid level with
the same state (|y(t+T) - y(t)| < 1e-7 decides how many crossings make a period), the mean of
each observable is quad over one period, the amplitude half its range (bounded minimisation
of the dense output around each sampled extremum). Stationary points: the state at t_end.
Usage: python3 dynamics-orbits.py"""
import numpy as np
from scipy.integrate import solve_ivp, quad
from scipy.optimize import brentq, minimize_scalar

def rhs_factory(gup, lam):
    wc, wz, wz2, eta, eta2, kappa = 1.0, 1.0, 1.0, 0.1, 0.1, 0.06
    gdown = 1 - gup; gt = gup + gdown
    def rhs(t, x):
        I = 1j
        a = x[0] + I*x[1]; Sz = x[2]; Sm = x[3] + I*x[4]; Tz = x[5]; Tm = x[6] + I*x[7]
        ac, Sp, Tp = np.conj(a), np.conj(Sm), np.conj(Tm)
        da = -I*eta*Tm - (I*wc + kappa/2)*a - I*lam*(Sp + Sm)
        dSz = I*lam*(a + ac)*(Sm - Sp) + I*eta2*(Tp*Sm - Tm*Sp)
        dSm = -I*wz*Sm + 2*I*lam*(a + ac)*Sz + 2*I*eta2*Tm*Sz
        dTz = I*eta*(ac*Tm - a*Tp) - I*eta2*(Tp*Sm - Tm*Sp) + (gup - gdown)/2 - gt*Tz
        dTm = -(I*wz2 + gt/2)*Tm + 2*I*eta*a*Tz + 2*I*eta2*Tz*Sm
        return [da.real, da.imag, dSz.real, dSm.real, dSm.imag, dTz.real, dTm.real, dTm.imag]
    return rhs

x0 = [0.01, 0, -0.49, 0.0995, 0, 0, 0.01, 0]
obs = {"Sx": lambda y: y[3], "n": lambda y: y[0]**2 + y[1]**2}
opts = dict(method="DOP853", rtol=1e-12, atol=1e-14)

def orbit(gup, lam, t_end):
    f = rhs_factory(gup, lam)
    y = solve_ivp(f, (0, t_end), x0, **opts).y[:, -1]
    probe = solve_ivp(f, (0, 60), y, dense_output=True, **opts)
    ts = np.linspace(0, 60, 60001)
    sx = probe.sol(ts)[3]
    if sx.max() - sx.min() < 1e-7:
        return {k: (g(y), 0.0) for k, g in obs.items()}, None
    level = 0.5 * (sx.max() + sx.min())
    ups = [brentq(lambda t: probe.sol(t)[3] - level, ts[i - 1], ts[i]) for i in range(1, len(ts)) if sx[i - 1] < level <= sx[i]]
    t0 = ups[0]
    t1 = next(t for t in ups[1:] if np.max(np.abs(probe.sol(t) - probe.sol(t0))) < 1e-7)
    out = {}
    for k, g in obs.items():
        v = lambda t: g(probe.sol(t))
        mean = quad(v, t0, t1, limit=400, epsabs=1e-13, epsrel=1e-13)[0] / (t1 - t0)
        grid = np.linspace(t0, t1, 4001); vals = np.array([v(t) for t in grid]); h = grid[1] - grid[0]
        hi = max(-minimize_scalar(lambda t: -v(t), bounds=(grid[i] - h, grid[i] + h), method="bounded", options={"xatol": 1e-12}).fun
                 for i in range(1, len(grid) - 1) if vals[i] >= vals[i - 1] and vals[i] >= vals[i + 1])
        lo = min(minimize_scalar(v, bounds=(grid[i] - h, grid[i] + h), method="bounded", options={"xatol": 1e-12}).fun
                 for i in range(1, len(grid) - 1) if vals[i] <= vals[i - 1] and vals[i] <= vals[i + 1])
        out[k] = (mean, (hi - lo) / 2)
    return out, t1 - t0

if __name__ == "__main__":
    for gup, lam, t_end in [(0.2, 0.3, 3000), (0.2, 0.8, 12000), (0.9, 0.2, 4000), (0.9, 0.5, 4000), (0.92, 0.56, 6000)]:
        r, T = orbit(gup, lam, t_end)
        print(f"gup={gup} lambda={lam} t={t_end} T={T}: " + ", ".join(f"{k} mean {m:.15g} amplitude {a:.15g}" for k, (m, a) in r.items()))
