"""Peer for the threshold benchmark (issue 6) with python-flint (same workload as
threshold_mpmath.py). Two routes:
  eig:       acb_mat.eig() (eigenvalue enclosures) of A2 inside a secant iteration on the
             largest real part, at D + 10 digits; not certified.
  resultant: p(s; g) = det(s - A2(g)) over Q(i)[g] (Laplace expansion with flint fmpq_mpoly
             pairs for re/im), Re and Im of p(i w) in Q[w, g], their resultant R(g) in w
             (fmpq_mpoly.resultant), then certified root isolation of R (fmpz_poly.complex_roots
             at D + 10 digits) and the real root in (0.5, 1) — timed with and without the
             symbolic preparation.
Usage: python3 threshold_flint.py D [repeats]"""
import sys, time
import flint
from flint import ctx, acb, arb, acb_mat, fmpq, fmpq_mpoly_ctx, fmpz_poly, fmpq_poly

D = int(sys.argv[1]) if len(sys.argv) > 1 else 50
repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
q = fmpq

def entries(tz, lam=q(1, 5), wc=q(1), wz=q(1), wz2=q(1), eta=q(1, 10), eta2=q(1, 10), kappa=q(3, 50)):
    """A2 as (re, im) pairs; tz may be a number or a polynomial in g."""
    z = 0 * tz
    m = [[(z, z) for _ in range(6)] for _ in range(6)]
    m[0][0] = (z - kappa / 2, z - wc); m[0][2] = (z, z - lam); m[0][3] = (z, z - lam); m[0][4] = (z, z - eta)
    m[1][1] = (z - kappa / 2, z + wc); m[1][2] = (z, z + lam); m[1][3] = (z, z + lam); m[1][5] = (z, z + eta)
    m[2][0] = (z, z - lam); m[2][1] = (z, z - lam); m[2][2] = (z, z - wz); m[2][4] = (z, z - eta2)
    m[3][0] = (z, z + lam); m[3][1] = (z, z + lam); m[3][3] = (z, z + wz); m[3][5] = (z, z + eta2)
    m[4][0] = (z, 2 * eta * tz); m[4][2] = (z, 2 * eta2 * tz); m[4][4] = (z - q(1, 2), z - wz2)
    m[5][1] = (z, -2 * eta * tz); m[5][3] = (z, -2 * eta2 * tz); m[5][5] = (z - q(1, 2), z + wz2)
    return m

def eig_route():
    ctx.dps = D + 10
    def f(g):
        tz = g - arb(1) / 2
        m = entries(tz)
        A = acb_mat([[acb(re, im) for (re, im) in row] for row in m])
        return max(e.real.mid() for e in A.eig())
    g0, g1 = arb('0.70'), arb('0.72')
    f0, f1 = f(g0), f(g1)
    tol = arb(10) ** (-(D + 3))
    for _ in range(200):
        g2 = (g1 - f1 * (g1 - g0) / (f1 - f0)).mid()
        g0, f0, g1 = g1, f1, g2
        f1 = f(g1)
        if abs(g1 - g0) < tol: break
    v = g1.str(D, radius=False)
    ctx.dps = 15
    return v

def prepare():
    """R(g) as an fmpz_poly, from A2 with g symbolic."""
    R2 = fmpq_mpoly_ctx.get(('s', 'g'), 'lex')
    s, g = R2.gens()
    m = entries(g - q(1, 2))
    n = 6
    for k in range(n):   # s - A
        re, im = m[k][k]
        m[k][k] = (s - re, -im)
    for a in range(n):
        for b in range(n):
            if a != b: m[a][b] = (-m[a][b][0], -m[a][b][1])
    memo = {}
    def det(row, cols):  # Laplace expansion along rows, memoised on the remaining columns
        if row == n: return (R2.from_dict({}) + 1, R2.from_dict({}))
        key = (row, cols)
        if key in memo: return memo[key]
        acc_re = acc_im = 0 * s
        sign = 1
        for c in range(n):
            if not cols >> c & 1: continue
            are, aim = m[row][c]
            if are != 0 or aim != 0:
                sre, sim = det(row + 1, cols & ~(1 << c))
                pre, pim = are * sre - aim * sim, are * sim + aim * sre
                acc_re += sign * pre; acc_im += sign * pim
            sign = -sign
        memo[key] = (acc_re, acc_im)
        return memo[key]
    pre, pim = det(0, (1 << n) - 1)
    # p(i w) = sum_k c_k (i w)^k, c_k = a_k + i b_k
    W = fmpq_mpoly_ctx.get(('w', 'g'), 'lex')
    w, gg = W.gens()
    re_terms, im_terms = 0 * w, 0 * w
    for part, unit in ((pre, 1), (pim, 1j)):
        for (ks, kg), c in zip(part.monoms(), part.coeffs()):
            z = unit * (1j ** int(ks))        # exact: a power of i times 1 or i
            zr, zi = round(z.real), round(z.imag)
            t = c * w ** int(ks) * gg ** int(kg)
            re_terms += zr * t; im_terms += zi * t
    Rwg = re_terms.resultant(im_terms, 'w')
    coeffs = {}
    for (kw, kg), c in zip(Rwg.monoms(), Rwg.coeffs()):
        coeffs[int(kg)] = coeffs.get(int(kg), 0) + c
    deg = max(coeffs)
    Rq = fmpq_poly([coeffs.get(k, 0) for k in range(deg + 1)])
    return Rq.numer()  # primitive integer multiple: same roots

def isolate(R):
    ctx.dps = D + 10
    roots = [r for r in R.complex_roots()]
    real = [r[0].real for r in roots if r[0].imag == 0 or abs(r[0].imag) < arb(10) ** (-(D + 5))]
    cand = [x for x in real if x > arb('0.5') and x < 1]
    v = [x.str(D, radius=False) for x in cand]
    ctx.dps = 15
    return v

def best(fn):
    ts = []
    for _ in range(repeats):
        t0 = time.perf_counter(); v = fn(); ts.append(time.perf_counter() - t0)
    return v, ts[0], min(ts)

v, first, b = best(eig_route)
print(f"flint acb eig+secant D={D}: first {first*1e3:.2f} ms, best of {repeats} {b*1e3:.2f} ms")
print(f"value {v}")
R, first, b = best(prepare)
print(f"flint resultant preparation (det, Re/Im split, resultant): first {first*1e3:.2f} ms, best {b*1e3:.2f} ms; R has degree {R.degree()}")
vs, first2, b2 = best(lambda: isolate(R))
print(f"flint certified isolation of R at D+10 digits: first {first2*1e3:.3f} ms, best {b2*1e3:.3f} ms")
print(f"flint resultant route with preparation: best {(b + b2)*1e3:.2f} ms")
print(f"real roots of R in (0.5, 1): {vs}")
