"""Exact <a'(t+tau) a(t)> of the open Dicke model in its steady state at finite N (numpy/scipy,
sparse Liouvillian in the symmetric subspace j = N/2 times a Fock space), for the test of the
second-order correlation equations (Tests/AnalysisTests/CorrelationTests.swift): the closure
is used there (products of three operators), so the cumulant values approach these as N grows.

  H = wc a'a + wz Sz + (lam/sqrt(N)) (a + a')(S+ + S-),  kappa D[a];  wc = wz = 1, lam = 0.3, kappa = 0.5
  (the normal phase: lam_c = sqrt(wz (wc^2 + kappa^2/4) / wc) / 2 = 0.515).
Printed: G(tau)/N (intensive, as `keldysh correlation` prints it) at tau = 0, 1, 2.5, 5, and
S(w)/N = (1/pi) Re Tr[a' (iw - L)^-1 (a rho)] / N at w = 0.5, 1, 1.5 (a rho is traceless: no
stationary part), and the population of the top Fock level.
Run: python3 Benchmarks/peers/dicke_correlation_finite_n.py 4 8 16
"""
import sys
import numpy as np
import scipy.sparse as sp
from scipy.sparse.linalg import spsolve, expm_multiply

def spin_ops(N):
    j = N / 2; m = np.arange(j, -j - 1, -1)           # |j, m>, m = j … -j
    Sz = np.diag(m)
    Sp = np.zeros((N + 1, N + 1))
    for k in range(1, N + 1):                            # S+ |j, m_k> = sqrt(j(j+1) - m(m+1)) |j, m_k + 1>
        Sp[k - 1, k] = np.sqrt(j * (j + 1) - m[k] * (m[k] + 1))
    return sp.csr_matrix(Sz), sp.csr_matrix(Sp)

def run(N, nb):
    wc, wz, lam, kappa = 1.0, 1.0, 0.3, 0.5
    a1 = sp.diags(np.sqrt(np.arange(1, nb)), 1, format="csr")
    Is, Ib = sp.identity(N + 1, format="csr"), sp.identity(nb, format="csr")
    Sz1, Sp1 = spin_ops(N)
    a = sp.kron(Ib, Is) if False else sp.kron(a1, Is, format="csr")
    ad = a.getH().tocsr()
    Sz = sp.kron(Ib, Sz1, format="csr"); Sp = sp.kron(Ib, Sp1, format="csr"); Sm = Sp.getH().tocsr()
    H = wc * ad @ a + wz * Sz + lam / np.sqrt(N) * (a + ad) @ (Sp + Sm)
    d = H.shape[0]; I = sp.identity(d, format="csr")
    # column-stacking vec: vec(A X B) = (B^T kron A) vec(X)
    L = -1j * (sp.kron(I, H) - sp.kron(H.T, I))
    c = np.sqrt(kappa) * a; cdc = c.getH() @ c
    L = (L + sp.kron(c.conj(), c) - 0.5 * sp.kron(I, cdc) - 0.5 * sp.kron(cdc.T, I)).tocsc()
    # steady state: L rho = 0 with Tr rho = 1 replacing the first equation
    trace = sp.csr_matrix(np.eye(d).reshape(1, -1, order="F"))
    A = sp.vstack([trace, L[1:, :]]).tocsc()
    b = np.zeros(d * d, complex); b[0] = 1
    rho = spsolve(A, b).reshape(d, d, order="F")
    x0 = (a @ rho)
    taus = [0.0, 1.0, 2.5, 5.0]
    vs = expm_multiply(L, x0.reshape(-1, order="F"), start=0, stop=5.0, num=11, endpoint=True)  # tau = 0, 0.5, …, 5
    G = {t: np.trace(ad @ vs[int(round(t / 0.5))].reshape(d, d, order="F")) / N for t in taus}
    S = {w: np.trace(ad @ spsolve((1j * w * sp.identity(d * d) - L).tocsc(), x0.reshape(-1, order="F")).reshape(d, d, order="F")).real / np.pi / N
         for w in (0.5, 1.0, 1.5)}
    top = sum(rho[k, k].real for k in range((nb - 1) * (N + 1), nb * (N + 1)))
    print(f"N={N} (Fock {nb}): " + " ".join(f"G({t})={G[t].real:.10f}{G[t].imag:+.10f}i" for t in taus)
          + " " + " ".join(f"S({w})={S[w]:.10f}" for w in S) + f" top={top:.1e}")

for n in (int(x) for x in (sys.argv[1:] or ["4", "8", "16"])):
    run(n, 8)
