"""Exact Lindblad dynamics (numpy/scipy, dense Liouvillian, expm) for the expected values of
the second-order cumulant tests (Tests/AnalysisTests/CumulantDynamicsTests.swift).

Both systems have equations that close at second order without any approximation, so the
second-order cumulant equations must reproduce these numbers to integrator accuracy:
  A. N = 3 spin-1/2 (full 2^3 space), H = w Sz + W (S+ + S-), gdown sum_i D[s_i^-] + gup sum_i D[s_i^+],
     every spin in cos(th/2)|dn> + sin(th/2)|up>, th = pi/3; spin operators s = Pauli/2, s^+ = |up><dn|.
  B. one boson (Fock cutoff 40), H = w a'a + F (a + a') + g/2 (aa + a'a'), kappa D[a], from vacuum.
Run: python3 Benchmarks/peers/cumulant_exact_checks.py
"""
import numpy as np
from scipy.linalg import expm

def liouvillian(H, jumps):
    d = H.shape[0]; I = np.eye(d)
    # column-stacking vec: vec(A X B) = (B^T kron A) vec(X)
    L = -1j * (np.kron(I, H) - np.kron(H.T, I))
    for c in jumps:
        cd = c.conj().T; cdc = cd @ c
        L += np.kron(c.conj(), c) - 0.5 * np.kron(I, cdc) - 0.5 * np.kron(cdc.T, I)
    return L

def evolve(H, jumps, rho0, t):
    d = H.shape[0]
    v = expm(liouvillian(H, jumps) * t) @ rho0.reshape(-1, order="F")
    return v.reshape(d, d, order="F")

def spins():
    N = 3
    up, dn = np.array([1, 0], complex), np.array([0, 1], complex)
    sp = np.outer(up, dn); sm = sp.T.copy(); sz = np.diag([0.5, -0.5]).astype(complex)
    def site(op, k):
        m = np.eye(1)
        for j in range(N): m = np.kron(m, op if j == k else np.eye(2))
        return m
    Sp = sum(site(sp, k) for k in range(N)); Sm = sum(site(sm, k) for k in range(N)); Sz = sum(site(sz, k) for k in range(N))
    w, W, gup, gdown = 1.0, 0.3, 0.2, 0.5
    H = w * Sz + W * (Sp + Sm)
    jumps = [np.sqrt(gdown) * site(sm, k) for k in range(N)] + [np.sqrt(gup) * site(sp, k) for k in range(N)]
    th = np.pi / 3
    psi1 = np.cos(th / 2) * dn + np.sin(th / 2) * up
    psi = np.array([1.0 + 0j])
    for _ in range(N): psi = np.kron(psi, psi1)
    rho0 = np.outer(psi, psi.conj())
    for t in (0.0, 1.0, 2.5):
        rho = evolve(H, jumps, rho0, t)
        e = lambda O: np.trace(rho @ O)
        # intensive: first moments / N, second moments / N^2
        print(f"A t={t}: Sz={e(Sz).real/N:.12f} S-={e(Sm)/N:.12f} S+S-={e(Sp@Sm).real/N**2:.12f} "
              f"SzSz={e(Sz@Sz).real/N**2:.12f} S-S-={e(Sm@Sm)/N**2:.12f} SzS-={e(Sz@Sm)/N**2:.12f}")

def boson():
    n = 40
    a = np.diag(np.sqrt(np.arange(1, n)), 1).astype(complex); ad = a.conj().T
    w, F, g, kappa = 1.0, 0.4, 0.15, 0.5
    H = w * ad @ a + F * (a + ad) + g / 2 * (a @ a + ad @ ad)
    rho0 = np.zeros((n, n), complex); rho0[0, 0] = 1
    for t in (1.0, 3.0):
        rho = evolve(H, [np.sqrt(kappa) * a], rho0, t)
        e = lambda O: np.trace(rho @ O)
        print(f"B t={t}: a={e(a):.12f} a'a={e(ad@a).real:.12f} aa={e(a@a):.12f} (population of the top level {rho[-1,-1].real:.1e})")

spins()
boson()
