"""Peer of `keldysh threshold --all` (issue 14) with python-flint: every root of the crossing
resultant R(lambda) in [0, 1] at gup = 0.9 (Fig. 4 parameters) and, at each, the frequency of
the eigenvalue on the imaginary axis. A2 typed in by hand (threshold_flint.entries, T^z =
(gup - gdown)/2 = 2/5); p(s; lambda) = det(s - A2) by Laplace expansion over fmpq_mpoly
(re, im) pairs, Re/Im of p(i w), fmpq_mpoly.resultant in w, fmpz_poly.complex_roots at
D + 10 digits for the real roots in (0, 1); at each root the roots of p(s; lambda*) by
acb_poly.roots (ball coefficients), the one nearest the imaginary axis with Im >= 0 gives w.
Isolation certified; which eigenvalue crosses, in which direction, and that only one is on
the axis are not checked (KeldyshKit proves those).
Usage: python3 threshold_all_flint.py D [repeats]"""
import sys, time
from flint import ctx, acb, arb, acb_poly, fmpq, fmpq_mpoly_ctx, fmpq_poly

D = int(sys.argv[1]) if len(sys.argv) > 1 else 50
repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 5
q = fmpq

# A2 as (re, im) pairs, as in threshold_flint.py (copied: that script runs on import).
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

def prepare():
    R2 = fmpq_mpoly_ctx.get(('s', 'l'), 'lex')
    s, l = R2.gens()
    m = entries(q(2, 5), lam=l)
    n = 6
    for a in range(n):
        for b in range(n):
            re, im = m[a][b]
            m[a][b] = (0 * l + re, 0 * l + im)
    for k in range(n):
        re, im = m[k][k]
        m[k][k] = (s - re, -im)
    for a in range(n):
        for b in range(n):
            if a != b: m[a][b] = (-m[a][b][0], -m[a][b][1])
    memo = {}
    def det(row, cols):
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
                acc_re += sign * (are * sre - aim * sim); acc_im += sign * (are * sim + aim * sre)
            sign = -sign
        memo[key] = (acc_re, acc_im)
        return memo[key]
    pre, pim = det(0, (1 << n) - 1)
    W = fmpq_mpoly_ctx.get(('w', 'l'), 'lex')
    w, ll = W.gens()
    re_t, im_t = 0 * w, 0 * w
    for part, unit in ((pre, 1), (pim, 1j)):
        for (ks, kl), c in zip(part.monoms(), part.coeffs()):
            z = unit * (1j ** int(ks)); zr, zi = round(z.real), round(z.imag)
            t = c * w ** int(ks) * ll ** int(kl)
            re_t += zr * t; im_t += zi * t
    Rwl = re_t.resultant(im_t, 'w')
    coeffs = {}
    for (kw, kl), c in zip(Rwl.monoms(), Rwl.coeffs()):
        coeffs[int(kl)] = coeffs.get(int(kl), 0) + c
    R = fmpq_poly([coeffs.get(k, 0) for k in range(max(coeffs) + 1)]).numer()
    return R, pre, pim

def crossings(R, pre, pim):
    ctx.dps = D + 10
    out = []
    for r, mult in R.complex_roots():
        x = r.real
        if not (abs(r.imag) < arb(10) ** (-(D + 5)) and x > 0 and x < 1): continue
        lam = arb(x.mid(), x.rad())
        deg = max(int(k[0]) for k in list(pre.monoms()) + list(pim.monoms()))
        c = [acb(0)] * (deg + 1)
        for part, unit in ((pre, acb(1)), (pim, acb(0, 1))):
            for (ks, kl), v in zip(part.monoms(), part.coeffs()):
                c[int(ks)] += unit * arb(v) * lam ** int(kl)
        roots = acb_poly(c).roots(tol=arb(10) ** (-(D + 2)), maxprec=4 * ctx.prec)
        z = min((z for z in roots if z.imag >= 0 or z.imag.contains(0)), key=lambda z: abs(z.real.mid()))
        out.append((x.str(D, radius=False), abs(z.imag).str(D, radius=False)))
    ctx.dps = 15
    return out

ts = []
for _ in range(repeats):
    t0 = time.perf_counter(); R, pre, pim = prepare(); v = crossings(R, pre, pim); ts.append(time.perf_counter() - t0)
ts.sort()
print(f"flint --all peer D={D}: best {ts[0]*1e3:.2f} ms, median {ts[len(ts)//2]*1e3:.2f} ms (R degree {R.degree()})")
for x, w in v: print(f"  lambda = {x}  w = {w}")
