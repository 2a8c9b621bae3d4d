"""Exact Lindblad dynamics of the open Dicke model in the symmetric (Dicke) subspace, for the
finite-N cross-check of the mean field and the second-order cumulants
(Tests/AnalysisTests/FiniteNDickeTests.swift; docs/cumulants.md).

H = wc a'a + wz Sz + lam/sqrt(N) (a + a')(S+ + S-), kappa D[a]; S = sum of N spin-1/2
(s = Pauli/2, S+ = sum |up><dn|). Start: boson vacuum, every spin in
cos(th/2)|dn> + sin(th/2)|up> (a product state, so inside the symmetric subspace); the state
is integrated as a density matrix (scipy solve_ivp, DOP853, rtol 1e-10), boson cutoff nc
checked by the population of the top Fock level. Prints intensive values at t:
<Sz>/N, <S->/N, <a>/sqrt(N), <a'a>/N.
Run: python3 Benchmarks/peers/dicke_finite_n.py [N ...]
"""
import sys
import numpy as np
from scipy.integrate import solve_ivp
from scipy.linalg import expm

wc, wz, lam, kappa, th, TIMES = 1.0, 1.0, 0.8, 0.5, np.pi / 3, (1.0, 2.0)

def run(N, nc):
    S = N / 2
    m = np.arange(-S, S + 1)                     # Dicke states |S, m>, m = -S..S
    d = len(m)
    sp = np.zeros((d, d)); 
    for k in range(d - 1): sp[k + 1, k] = np.sqrt(S * (S + 1) - m[k] * (m[k] + 1))
    sm = sp.T; sz = np.diag(m); sy = (sp - sm) / 2j
    a = np.diag(np.sqrt(np.arange(1, nc)), 1); ad = a.T
    Ib, Is = np.eye(nc), np.eye(d)
    A, Ad = np.kron(a, Is), np.kron(ad, Is)
    Sp, Sm, Sz = np.kron(Ib, sp), np.kron(Ib, sm), np.kron(Ib, sz)
    H = wc * Ad @ A + wz * Sz + lam / np.sqrt(N) * (A + Ad) @ (Sp + Sm)
    AdA = Ad @ A
    # spin coherent state: every spin rotated from |dn> by -th about y (cos|dn> + sin|up>)
    down = np.zeros(d); down[0] = 1
    spin = expm(1j * th * sy) @ down
    vac = np.zeros(nc); vac[0] = 1
    psi = np.kron(vac, spin)
    rho0 = np.outer(psi, psi.conj())
    D = nc * d
    def f(t, y):
        r = y.view(complex).reshape(D, D)
        dr = -1j * (H @ r - r @ H) + kappa * (A @ r @ Ad - 0.5 * (AdA @ r + r @ AdA))
        return dr.reshape(-1).view(float)
    sol = solve_ivp(f, (0, TIMES[-1]), rho0.astype(complex).reshape(-1).view(float), method="DOP853",
                    rtol=1e-10, atol=1e-12, t_eval=TIMES)
    e0 = lambda O: np.trace(rho0 @ O)
    print(f"N={N} nc={nc} t=0: Sz={e0(Sz).real/N:.10f} S-={e0(Sm).real/N:.10f}")
    for k, T in enumerate(TIMES):
        r = np.ascontiguousarray(sol.y[:, k]).view(complex).reshape(D, D)
        e = lambda O: np.trace(r @ O)
        top = sum(r[j, j].real for j in range((nc - 1) * d, nc * d))
        print(f"N={N} nc={nc} t={T}: Sz={e(Sz).real/N:.10f} S-={e(Sm)/N:.10f} a={e(A)/np.sqrt(N):.10f} "
              f"n={e(AdA).real/N:.10f} top={top:.1e}", flush=True)

def mean_field():
    # (A1)-like intensive mean-field equations of the same model, for comparison
    def f(t, y):
        a = y[0] + 1j * y[1]; sm = y[2] + 1j * y[3]; sz = y[4]
        sp = np.conj(sm); x = a + np.conj(a)
        da = -(1j * wc + kappa / 2) * a - 1j * lam * (sp + sm)
        dsm = -1j * wz * sm + 2j * lam * x * sz
        dsz = (1j * lam * x * (sm - sp)).real
        return [da.real, da.imag, dsm.real, dsm.imag, dsz]
    sol = solve_ivp(f, (0, TIMES[-1]), [0, 0, np.sin(th) / 2, 0, -np.cos(th) / 2], method="DOP853",
                    rtol=1e-11, atol=1e-12, t_eval=TIMES)
    for k, T in enumerate(TIMES):
        y = sol.y[:, k]
        print(f"mean field t={T}: Sz={y[4]:.10f} n={y[0]**2 + y[1]**2:.10f}")

mean_field()
for N in [int(x) for x in sys.argv[1:]] or [4, 8, 16]:
    nc = max(16, int(1.2 * N) + 10)
    run(N, nc)
