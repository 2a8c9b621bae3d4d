"""Exact two-time correlations by the quantum regression theorem (numpy/scipy, the Liouvillian
of the density matrix) for the tests of `keldysh correlation`
(Tests/AnalysisTests/CorrelationTests.swift).

  G(tau) = <A(t+tau) B(t)> = Tr[A exp(L tau)(B rho_ss)],  S(w) = (1/pi) Re Tr[A (iw - L)^-1 (B rho_ss - rho_ss Tr[B rho_ss])],
  G_inf = Tr[A rho_ss] Tr[B rho_ss]  (the part of G that does not decay).
Spin operators: s = Pauli/2, s^+ = |up><dn|; collective S = sum_i s_i.

  A. one boson (Fock cutoff 30): H = D a'a + F (a + a'), kappa (nth+1) D[a] + kappa nth D[a'];
     D = 0.7, F = 0.2, kappa = 0.6, nth = 0.5; <a'(t+tau) a(t)> in the steady state.
  B. one two-level system: H = D sz + W (s+ + s-), g D[s-]; D = 0.5, W = 2, g = 1; <s+(t+tau) s-(t)>
     (the Mollow triplet: sidebands near +-sqrt((2W)^2 + D^2)).
  C. N = 3 spin-1/2 (full 2^3 space): H = w Sz + W (S+ + S-), gd sum_i D[s_i^-] + gu sum_i D[s_i^+];
     w = 1, W = 0.3, gd = 0.5, gu = 0.2; <S+(t+tau) S-(t)> / N^2 in the steady state.
A and C are divided as printed (intensive for C); each line: tau, Re G, Im G; then w, S(w).
Run: python3 Benchmarks/peers/correlation_exact_checks.py
"""
import numpy as np
from scipy.linalg import expm, null_space

def liouvillian(H, jumps):
    d = H.shape[0]; I = np.eye(d)
    # column-stacking vec: vec(A X B) = (B^T kron A) vec(X)
    L = -1j * (np.kron(I, H) - np.kron(H.T, I))
    for c in jumps:
        cd = c.conj().T; cdc = cd @ c
        L += np.kron(c.conj(), c) - 0.5 * np.kron(I, cdc) - 0.5 * np.kron(cdc.T, I)
    return L

def vec(X): return X.reshape(-1, order="F")
def unvec(v, d): return v.reshape(d, d, order="F")

def qrt(H, jumps, A, B, taus, omegas, scale=1.0):
    d = H.shape[0]
    L = liouvillian(H, jumps)
    ns = null_space(L)
    assert ns.shape[1] == 1, "steady state not unique"
    rho = unvec(ns[:, 0], d); rho = rho / np.trace(rho)
    x0 = B @ rho
    G = [np.trace(A @ unvec(expm(L * t) @ vec(x0), d)) / scale for t in taus]
    Ginf = np.trace(A @ rho) * np.trace(B @ rho) / scale
    y = vec(x0 - rho * np.trace(x0))
    P = np.outer(vec(rho), vec(np.eye(d)).conj())   # rho Tr(.): makes (iw - L + P) invertible on the traceless part
    S = [np.trace(A @ unvec(np.linalg.solve(1j * w * np.eye(d * d) - L + P, y), d)).real / np.pi / scale for w in omegas]
    return G, Ginf, S

def show(name, taus, G, Ginf, omegas, S):
    print(name)
    for t, g in zip(taus, G): print(f"  tau={t}: G = {g.real:.12f} {g.imag:+.12f}i")
    print(f"  G_inf = {Ginf.real:.12f} {Ginf.imag:+.12f}i")
    for w, s in zip(omegas, S): print(f"  w={w}: S = {s:.12f}")

def boson():
    n = 30
    a = np.diag(np.sqrt(np.arange(1, n)), 1).astype(complex); ad = a.conj().T
    D, F, kappa, nth = 0.7, 0.2, 0.6, 0.5
    H = D * ad @ a + F * (a + ad)
    taus, omegas = (0.0, 1.0, 2.5), (0.0, 0.7, 1.5)
    G, Ginf, S = qrt(H, [np.sqrt(kappa * (nth + 1)) * a, np.sqrt(kappa * nth) * ad], ad, a, taus, omegas)
    show("A", taus, G, Ginf, omegas, S)

def two_level():
    up, dn = np.array([1, 0], complex), np.array([0, 1], complex)
    sp = np.outer(up, dn); sm = sp.T.copy(); sz = np.diag([0.5, -0.5]).astype(complex)
    D, W, g = 0.5, 2.0, 1.0
    taus, omegas = (0.0, 1.0, 2.5), (-4.0, 0.0, 0.5, 4.0)
    G, Ginf, S = qrt(D * sz + W * (sp + sm), [np.sqrt(g) * sm], sp, sm, taus, omegas)
    show("B", taus, G, Ginf, omegas, S)

def spins():
    N = 3
    up, dn = np.array([1, 0], complex), np.array([0, 1], complex)
    sp = np.outer(up, dn); sm = sp.T.copy(); sz = np.diag([0.5, -0.5]).astype(complex)
    def site(op, k):
        m = np.eye(1)
        for j in range(N): m = np.kron(m, op if j == k else np.eye(2))
        return m
    Sp = sum(site(sp, k) for k in range(N)); Sm = sum(site(sm, k) for k in range(N)); Sz = sum(site(sz, k) for k in range(N))
    w, W, gd, gu = 1.0, 0.3, 0.5, 0.2
    jumps = [np.sqrt(gd) * site(sm, k) for k in range(N)] + [np.sqrt(gu) * site(sp, k) for k in range(N)]
    taus, omegas = (0.0, 1.0, 2.5), (-1.0, 0.0, 1.0)
    G, Ginf, S = qrt(w * Sz + W * (Sp + Sm), jumps, Sp, Sm, taus, omegas, scale=N ** 2)
    show("C", taus, G, Ginf, omegas, S)

boson()
two_level()
spins()
