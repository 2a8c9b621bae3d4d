"""Peer for the stability scan benchmark (issue 6): A2 of paper 003 (Fig. 4 parameters:
wc = wz = wz' = 1, gamma_t = 1 so gamma_down = 1 - gamma_up, eta = eta' = 0.1, kappa = 0.06)
on an N x N grid of (gamma_up, lambda) in [0,1]^2. The 6x6 complex matrices are built
vectorised, np.linalg.eigvals runs batched (LAPACK zgeev per matrix), and the same
classification as `keldysh scan` (stable / real / complex-pair / multiple / marginal, with
|Re| <= 1e-10 max(1, ||A||_F) as zero) is vectorised; rows are written as CSV.

Usage: OPENBLAS_NUM_THREADS=1 python3 scan_numpy.py [N] [--out FILE] [--compare grid.csv]
--compare checks the classes against a `keldysh scan` / ScanBenchmark grid.csv point by point."""
import sys, time
import numpy as np

args = sys.argv[1:]
n = int(args[0]) if args and not args[0].startswith('--') else 400
out = args[args.index('--out') + 1] if '--out' in args else '/tmp/scan_numpy.csv'
names = ['stable', 'real', 'complex-pair', 'multiple', 'marginal']

wc = wz = wz2 = 1.0; eta = eta2 = 0.1; kappa = 0.06; gt = 1.0
t0 = time.perf_counter()
g = np.linspace(0, 1, n); l = np.linspace(0, 1, n)
G, L = np.meshgrid(g, l)               # rows: lambda, columns: gamma_up (the scan's order)
G = G.ravel(); L = L.ravel()
tz = (G - (1 - G)) / (2 * gt)
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
tc = tol[:, None]
re, im = w.real, w.imag
up = re > tc
unstable = up.sum(axis=1)
unstable_real = (up & (np.abs(im) <= tc)).sum(axis=1)
marginal = ((~up) & (re >= -tc)).sum(axis=1)
im_sum = np.where(up, im, 0).sum(axis=1)
cls = np.full(n * n, 3, dtype=np.int64)
cls[(unstable == 0) & (marginal == 0)] = 0
cls[(unstable == 0) & (marginal > 0)] = 4
cls[(unstable == 1) & (unstable_real == 1)] = 1
cls[(unstable == 2) & (unstable_real == 0) & (np.abs(im_sum) <= 10 * tol)] = 2
maxre = re.max(axis=1)
# The eigenvalue with the largest real part; of a conjugate pair (tie) the one with Im >= 0.
tie = re >= (maxre - 1e-3 * tol)[:, None]
im_at = np.where(tie, im, -np.inf).max(axis=1)
im_at[np.abs(im_at) <= tol] = 0
t3 = time.perf_counter()
with open(out, 'w') as f:
    f.write('gup,lambda,class,unstable,max_re,im_at_max_re\n')
    np.savetxt(f, np.column_stack([G, L, cls, unstable, maxre, im_at]), delimiter=',',
               fmt=['%.17g', '%.17g', '%d', '%d', '%.17g', '%.17g'])
t4 = time.perf_counter()
counts = ', '.join(f'{names[c]} {int((cls == c).sum())}' for c in range(5) if (cls == c).any())
print(f"numpy {n}x{n}: build {t1-t0:.3f} s, eigvals {t2-t1:.3f} s ({(t2-t1)/n/n*1e6:.2f} us/point), "
      f"classify {t3-t2:.3f} s, write {t4-t3:.3f} s, total {t4-t0:.3f} s ({n*n/(t4-t0):.0f} points/s)")
print(f"classes: {counts}")
if '--compare' in args:
    path = args[args.index('--compare') + 1]
    theirs = {}
    with open(path) as f:
        next(f)
        for line in f:
            x, y, c = line.split(',')[:3]
            theirs[(round(float(x) * (n - 1)), round(float(y) * (n - 1)))] = names.index(c)
    mismatch = 0
    for k in range(n * n):
        key = (round(G[k] * (n - 1)), round(L[k] * (n - 1)))
        if theirs.get(key) != cls[k]:
            mismatch += 1
            if mismatch <= 5:
                print(f"  differs at gup={G[k]:.6f} lambda={L[k]:.6f}: numpy {names[cls[k]]}, {path} "
                      f"{names[theirs[key]] if key in theirs else 'missing'}; eigenvalues {w[k]}")
    print(f"compare with {path}: {n*n - mismatch} of {n*n} points agree, {mismatch} differ")
