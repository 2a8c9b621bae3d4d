"""Exact Lindblad dynamics of the open Dicke model in the symmetric (Dicke) subspace, for the
finite-N cross-check of the mean field and the second-order cumulants
(Tests/AnalysisTests/FiniteNDickeTests.swift; docs/cumulants.md).

H = wc a'a + wz Sz + lam/sqrt(N) (a + a')(S+ + S-), kappa D[a]; S = sum of N spin-1/2
(s = Pauli/2, S+ = sum |up><dn|). Start: boson vacuum, every spin in
cos(th/2)|dn> + sin(th/2)|up> (a product state, so inside the symmetric subspace). The density
matrix (Fock n < nc times Dicke |S, m>, D = nc (N + 1)) is integrated by scipy solve_ivp, DOP853,
rtol 1e-10, atol 1e-12. No D^2 x D^2 Liouvillian and no dense Kronecker product is built:

  d rho/dt = Z + Z^dagger + kappa a rho a^dagger,   Z = -i H_eff rho,  H_eff = H - i (kappa/2) a'a,

with H_eff a sparse matrix applied to rho (rho H_eff^dagger = (H_eff rho)^dagger, rho Hermitian).
H keeps the parity (-1)^(n + k) (k spins up) and a flips it, so the diagonal parity blocks
(even, even) and (odd, odd) of rho evolve by themselves; they hold <Sz> and <a'a>, and only they
are integrated (half of rho). Measured at load ~4.5 on two shared cores: N = 32 (nc = 48) in
2.5 min, 0.95 GB; N = 64 (nc = 72) in 28 min, several GB (7.4 GB peak for `64:72 64:60`).
The boson cutoff is checked by the population of the top Fock level (top=...) and the Fock
populations at the last time. Prints intensive values at t: <Sz>/N and <a'a>/N.
Run: python3 Benchmarks/peers/dicke_finite_n.py [N[:nc] ...]   (default 4 8 16; nc = max(16, 1.2 N + 10))
"""
import sys
import time

import numpy as np
from scipy import sparse
from scipy.integrate import solve_ivp
from scipy.special import gammaln

wc, wz, lam, kappa, th, TIMES = 1.0, 1.0, 0.8, 0.5, np.pi / 3, (1.0, 2.0)


def run(N, nc):
    S = N / 2
    d = N + 1
    m = np.arange(d) - S                                   # Dicke states |S, m>, m = -S..S (k = m + S ups)
    sp_ = sparse.diags(np.sqrt(S * (S + 1) - m[:-1] * (m[:-1] + 1)), -1, format="csr")   # S+ |m_k> = c_k |m_k+1>
    a1 = sparse.diags(np.sqrt(np.arange(1, nc)), 1, format="csr")
    Ib, Is = sparse.identity(nc, format="csr"), sparse.identity(d, format="csr")
    a = sparse.kron(a1, Is, format="csr")
    Sx2 = sparse.kron(Ib, sp_ + sp_.T, format="csr")
    n = np.repeat(np.arange(nc), d)                        # Fock number and m of each basis state
    mz = np.tile(m, nc)
    Heff = sparse.diags((wc - 0.5j * kappa) * n + wz * mz) + lam / np.sqrt(N) * (a + a.T) @ Sx2
    # parity (-1)^(n + k) is kept by H; a flips it: the blocks ee and oo of rho evolve on their own
    par = (n + np.arange(nc * d) % d) % 2
    ev, od = np.flatnonzero(par == 0), np.flatnonzero(par == 1)
    He, Ho = Heff.tocsr()[ev][:, ev], Heff.tocsr()[od][:, od]
    Aeo, Aoe = np.sqrt(kappa) * a[ev][:, od], np.sqrt(kappa) * a[od][:, ev]   # sqrt(kappa) a: odd -> even, even -> odd
    De, Do = len(ev), len(od)

    def block(H, r, A, r_other):
        z = -1j * (H @ r)                                  # -i H_eff rho; rho H_eff^dagger = (H_eff rho)^dagger
        out = z + z.conj().T
        out += A @ (A @ r_other).conj().T                  # kappa a rho a^dagger = A (A rho)^dagger, rho Hermitian
        return out

    def f(t, v):
        re, ro = v[:De * De].reshape(De, De), v[De * De:].reshape(Do, Do)
        return np.concatenate([block(He, re, Aeo, ro).reshape(-1), block(Ho, ro, Aoe, re).reshape(-1)])

    # every spin cos(th/2)|dn> + sin(th/2)|up>: amplitude sqrt(C(N, k)) cos^(N-k) sin^k of k ups
    k = np.arange(d)
    spin = np.exp(0.5 * (gammaln(N + 1) - gammaln(k + 1) - gammaln(N - k + 1))) * np.cos(th / 2) ** (N - k) * np.sin(th / 2) ** k
    psi = np.zeros(nc * d, complex)
    psi[:d] = spin                                         # the boson vacuum
    v0 = np.concatenate([np.outer(psi[ev], psi[ev].conj()).reshape(-1), np.outer(psi[od], psi[od].conj()).reshape(-1)])

    def observe(v):
        p = np.empty(nc * d)
        p[ev] = np.diagonal(v[:De * De].reshape(De, De)).real
        p[od] = np.diagonal(v[De * De:].reshape(Do, Do)).real
        return dict(Sz=(p * mz).sum() / N, n=(p * n).sum() / N, top=p[n == nc - 1].sum(), trace=p.sum(),
                    tail=[p[n == j].sum() for j in range(nc)])

    o = observe(v0)
    print(f"N={N} nc={nc} t=0: Sz={o['Sz']:.10f} n={o['n']:.10f}", flush=True)
    t0 = time.perf_counter()
    sol = solve_ivp(f, (0, TIMES[-1]), v0, method="DOP853", rtol=1e-10, atol=1e-12, t_eval=TIMES)
    assert sol.status == 0, sol.message
    for j, T in enumerate(TIMES):
        o = observe(sol.y[:, j])
        print(f"N={N} nc={nc} t={T}: Sz={o['Sz']:.10f} n={o['n']:.10f} top={o['top']:.1e} trace-1={o['trace'] - 1:.1e}", flush=True)
    last = next(j for j in range(nc) if sum(o["tail"][j:]) < 1e-4)
    print(f"N={N} nc={nc} t={TIMES[-1]}: Fock populations " + " ".join(f"{x:.1e}" for x in o["tail"][::4])
          + f" (every 4th level); levels >= {last} hold < 1e-4 together", flush=True)
    print(f"N={N} nc={nc}: {sol.nfev} right-hand sides, {time.perf_counter() - t0:.1f} s", flush=True)


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
for arg in sys.argv[1:] or ["4", "8", "16"]:
    N = int(arg.split(":")[0])
    nc = int(arg.split(":")[1]) if ":" in arg else max(16, int(1.2 * N) + 10)
    run(N, nc)
