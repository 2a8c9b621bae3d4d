"""Peer for the stability scan benchmark: A2 of paper 003 (Fig. 4 parameters) on an
N x N grid of (gamma_up, lambda), batched numpy eigvals (LAPACK zgeev per matrix), the same
classification as `keldysh scan`. Usage: python3 scan_numpy.py [N] [threads=1 via env]"""
import sys, time
import numpy as np

n = int(sys.argv[1]) if len(sys.argv) > 1 else 400
wc = wz = wz2 = 1.0; eta = eta2 = 0.1; kappa = 0.06
t0 = time.perf_counter()
g = np.linspace(0, 1, n); l = np.linspace(0, 1, n)
G, L = np.meshgrid(g, l)               # rows: lambda, columns: gamma_up
G = G.ravel(); L = L.ravel()
gt = 1.0; tz = (G - (1 - G)) / (2 * gt)
A = np.zeros((n * n, 6, 6), dtype=complex)
i = 1j
A[:, 0, 0] = -i * wc - kappa / 2; A[:, 0, 2] = -i * L; A[:, 0, 3] = -i * L; A[:, 0, 4] = -i * eta
A[:, 1, 1] = i * wc - kappa / 2; A[:, 1, 2] = i * L; A[:, 1, 3] = i * L; A[:, 1, 5] = i * eta
A[:, 2, 0] = -i * L; A[:, 2, 1] = -i * L; A[:, 2, 2] = -i * wz; A[:, 2, 4] = -i * eta2
A[:, 3, 0] = i * L; A[:, 3, 1] = i * L; A[:, 3, 3] = i * wz; A[:, 3, 5] = i * eta2
A[:, 4, 0] = 2 * i * eta * tz; A[:, 4, 2] = 2 * i * eta2 * tz; A[:, 4, 4] = -i * wz2 - gt / 2
A[:, 5, 1] = -2 * i * eta * tz; A[:, 5, 3] = -2 * i * eta2 * tz; A[:, 5, 5] = i * wz2 - gt / 2
t1 = time.perf_counter()
w = np.linalg.eigvals(A)
t2 = time.perf_counter()
tol = 1e-10 * np.maximum(1, np.sqrt((np.abs(A) ** 2).sum(axis=(1, 2))))
unstable = (w.real > tol[:, None]).sum(axis=1)
k = w.real.argmax(axis=1)
maxre = w.real[np.arange(len(k)), k]
with open('/tmp/scan_numpy.csv', 'w') as f:
    np.savetxt(f, np.column_stack([G, L, unstable, maxre]), delimiter=',', fmt='%.17g')
t3 = time.perf_counter()
print(f"numpy {n}x{n}: build {t1-t0:.3f} s, eigvals {t2-t1:.3f} s ({(t2-t1)/n/n*1e6:.2f} us/point), classify+write {t3-t2:.3f} s, total {t3-t0:.3f} s")
