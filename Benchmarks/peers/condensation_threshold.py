"""Peer of `keldysh threshold … --reading first-order` on paper 000's open Tavis–Cummings model
(issue 13): the condensation threshold h_c, typed in by hand from Appendix A–B of paper 000
(the same equations KeldyshKit derives from derivations/000-open-tavis-cummings/model.kd) and
solved by the same method, in numpy/scipy:

* frame rotating at μ_S, ε = ε0 − μ_S/2; F_b(x) = tanh((x − μB)/(2T_F)),
  F_a(x) = tanh((x + μB)/(2T_F)), F_Ψ(y) = 1 + 2h·2Ω/((y − ξ)² + Ω²);
* G0 at ψ = 0: G^R_bb = 1/(ν − ε + iγ), G^R_aa = 1/(ν + ε + iγ), G^A = conj,
  G^K_bb = −2iγ F_b(ν + μ_S/2)/((ν − ε)² + γ²), G^K_aa = −2iγ F_a(ν − μ_S/2)/((ν + ε)² + γ²);
  photon G^R_ψ(x) = 1/(x − (ω0 − μ_S) + iκ), G^K_ψ(x) = −2iκ F_Ψ(x + μ_S)/((x − ω0 + μ_S)² + κ²);
* Σ (Dyson sign, A53–A58 with ∘ a convolution): Σ^R_bb(ω) = i g²/(4π) ∫dν [G^R_aa(ν) G^K_ψ(ω − ν)
  + G^K_aa(ν) G^R_ψ(ω − ν)], … (all six below), each ∫dν in closed form: every term is
  C·N(ν)·Π_k 1/(ν − z_k) (F_Ψ over G^K_ψ's common denominator, as KeldyshKit's fractions are),
  optionally times tanh(β(ν − m)/2); the rational ones are 2πi Σ_{Im z>0} c_k,
  the tanh ones −2 Σ_k c_k ψ(½ ± β(z_k − m)/(2πi)) (+ for Im z_k > 0), c_k the residues;
* G under a reading of A51: first-order G = G0 + G0ΣG0, one-shot G = (G0⁻¹ − Σ)⁻¹, blocks
  [[R, K], [0, A]] per species;
* K1^R(0) = ½(μ_S − ω0 + iκ) + i g²/4 ∫dν/2π [G^R_bb G^K_aa + G^K_bb G^A_aa](ν) (B15), the ν
  integral by the sinh–sinh rule x = sinh((π/2) sinh t), t = kδ, |t| ≤ 2.6;
* threshold (KeldyshKit's `ThresholdSearch` and `condensationThreshold`, step by step): h on a
  16-step grid of the interval, at each h the roots μ_S of Re K1^R(0) on a 16-step grid of the
  window (brentq; the grid's values at a bracket's ends are reused, and Im K1^R is the one at
  brentq's final point), the first sign change of min Im K1^R over h, brentq on it to 1e-4 (each
  h's min Im computed once), then K1^R(0; μ_S, h) = 0 by scipy.optimize.root (hybr, Powell's
  dogleg), kept if h stays within brentq's 1e-4 and μ_S near brentq's, else brentq on to 1e-13;
  the rules δ and δ/2, the finer one polishing the coarser one's root, δ = 1/4, 1/8, … halved
  until the two agree on the digits asked for, a later pair polishing the earlier pair's root;
  once at the end the finer rule run on to |t| ≤ 2.75 and the root's shift J⁻¹ΔK (J from
  hybr's final Jacobian) capping the digits.

Vectorised with numpy over the frequency nodes (and over the μ_S grid of the scan).
Nothing here is verified; it is a benchmark peer (its h_c is compared with KeldyshKit's).
Usage: python3 condensation_threshold.py [repeats] [--reading first-order|one-shot] [--digits D]
Prints h_c, μ_S, the node rules used, K1^R evaluations and the best/median CPU and wall time
of the repeats (CPU time: the machine is shared).
"""
import sys, time
import numpy as np
from scipy.special import digamma
from scipy.optimize import brentq, root

PARAMS = dict(g=1.0, eps0=0.0, w0=0.0, gamma=0.75, kappa=0.25, muB=-0.5, TF=0.1, xi=0.0, Omega=2.5)
INTERVAL = (0.0, 8.0)          # --in 0:8 for h
WINDOW = (-5.0, 5.0)           # the μ_S window (KeldyshKit's default)
SCAN_POINTS, FREQUENCY_POINTS = 16, 16


def frequency_nodes(step, limit=2.6):
    n = int(np.floor(limit / step))
    t = np.arange(-n, n + 1) * step
    u = np.pi / 2 * np.sinh(t)
    return np.sinh(u), step * np.pi / 2 * np.cosh(t) * np.cosh(u)


def residues(C, z, numerator=None):
    """c_k of C·N(ν)·Π 1/(ν − z_k) = Σ c_k/(ν − z_k) (simple poles), over the last axis of z;
    `numerator`: N at the poles (None: N = 1)."""
    d = z[..., :, None] - z[..., None, :]
    k = z.shape[-1]
    d[..., np.arange(k), np.arange(k)] = 1.0
    c = C[..., None] / d.prod(axis=-1)
    if numerator is not None:
        c = c * numerator
    # Σ c_k = 0 exactly (degree ≥ 2); spread what rounding leaves of it, as KeldyshKit does.
    return c - c.mean(axis=-1, keepdims=True)


def rational_integral(C, z, numerator=None):
    c = residues(C, z, numerator)
    return 2j * np.pi * np.where(z.imag > 0, c, 0).sum(axis=-1)


def tanh_integral(C, z, beta, m, numerator=None):
    c = residues(C, z, numerator)
    w = beta * (z - m[..., None]) / (2j * np.pi)
    return -2.0 * (c * digamma(np.where(z.imag > 0, 0.5 + w, 0.5 - w))).sum(axis=-1)


class Normal:
    """The normal state at arrays mu, h of shape (M, 1), frequencies of shape (N,)."""

    def __init__(self, mu, h, p=PARAMS):
        self.mu, self.h, self.p = mu, h, p
        self.eps = p["eps0"] - mu / 2
        self.wc = p["w0"] - mu
        self.beta = 1.0 / p["TF"]
        g = p["gamma"]
        e = self.eps
        self.pole = {"R_bb": e - 1j * g, "A_bb": e + 1j * g, "R_aa": -e - 1j * g, "A_aa": -e + 1j * g}
        # tanh(β(ν − m)/2): F_b(ν + μ_S/2) and F_a(ν − μ_S/2)
        self.m = {"bb": p["muB"] - mu / 2, "aa": mu / 2 - p["muB"]}

    def g0(self, nu):
        p, g = self.p, self.p["gamma"]
        out = {}
        for s in ("bb", "aa"):
            r = 1.0 / (nu - self.pole["R_" + s])
            a = 1.0 / (nu - self.pole["A_" + s])
            f = np.tanh(self.beta * (nu - self.m[s]) / 2)
            e = self.eps if s == "bb" else -self.eps
            out[s] = (r, -2j * g * f / ((nu - e) ** 2 + g ** 2), a)
        return out

    def photon(self, x, sigma, omega):
        """G^X_ψ(σ(ν − ω)) as C·N(ν)/Π(ν − z_k): (C, poles in ν, N as a function of ν or None),
        C of shape (M, N), the poles (M, N, K). G^K_ψ over one denominator, as KeldyshKit's
        fractions have it: −2iκ((x + μ_S − ξ)² + Ω² + 4hΩ)/(((x − ω̃0)² + κ²)((x + μ_S − ξ)² + Ω²))."""
        p = self.p
        k, O = p["kappa"], p["Omega"]
        shape = np.broadcast(self.mu, omega).shape
        one = np.ones(shape, dtype=complex)
        if x in ("R", "A"):
            a = self.wc - 1j * k if x == "R" else self.wc + 1j * k
            return sigma * one, (omega + sigma * a)[..., None] * np.ones(shape + (1,)), None
        b = p["xi"] - self.mu
        q1, q2 = omega + sigma * (b + 1j * O), omega + sigma * (b - 1j * O)
        poles = np.stack(np.broadcast_arrays(omega + sigma * (self.wc + 1j * k), omega + sigma * (self.wc - 1j * k), q1, q2), axis=-1)
        shift = 4 * O * self.h
        return -2j * k * one, poles, lambda z: (z - q1[..., None]) * (z - q2[..., None]) + shift[..., None]

    def convolution(self, fermion, s, photon, sigma, omega):
        """∫dν G^X_s(ν) G^Y_ψ(σ(ν − ω)), fermion X in R, K, A."""
        g = self.p["gamma"]
        shape = np.broadcast(self.mu, omega).shape
        if fermion == "K":
            Cf, zf = -2j * g, [self.pole["R_" + s], self.pole["A_" + s]]
        else:
            Cf, zf = 1.0, [self.pole[fermion + "_" + s]]
        zf = np.stack([np.broadcast_to(z, shape) for z in zf], axis=-1)
        Cp, zp, numerator = self.photon(photon, sigma, omega)
        z = np.concatenate([zf, zp], axis=-1)
        nz = None if numerator is None else numerator(z)
        if fermion == "K":
            return tanh_integral(Cf * Cp, z, self.beta, np.broadcast_to(self.m[s], shape), nz)
        return rational_integral(Cf * Cp, z, nz)

    def sigma(self, omega):
        """Σ (Dyson sign) at ω: per species (R, K, A). A53–A58."""
        c = 1j * self.p["g"] ** 2 / (4 * np.pi)
        cv = self.convolution
        # bb: the photon at ω − ν (σ = −1), the fermion a; aa: at ν − ω (σ = +1), the fermion b.
        r_bb = cv("R", "aa", "K", -1, omega) + cv("K", "aa", "R", -1, omega)
        a_bb = cv("A", "aa", "K", -1, omega) + cv("K", "aa", "A", -1, omega)
        k_bb = cv("K", "aa", "K", -1, omega) + cv("R", "aa", "R", -1, omega) + cv("A", "aa", "A", -1, omega)
        r_aa = cv("R", "bb", "K", 1, omega) + cv("K", "bb", "A", 1, omega)
        a_aa = cv("A", "bb", "K", 1, omega) + cv("K", "bb", "R", 1, omega)
        k_aa = cv("K", "bb", "K", 1, omega) + cv("A", "bb", "R", 1, omega) + cv("R", "bb", "A", 1, omega)
        return {"bb": (c * r_bb, c * k_bb, c * a_bb), "aa": (c * r_aa, c * k_aa, c * a_aa)}

    def greens(self, nu, reading):
        g0 = self.g0(nu)
        s = self.sigma(nu)
        out = {}
        for sp in ("bb", "aa"):
            r0, k0, a0 = g0[sp]
            sr, sk, sa = s[sp]
            if reading == "first-order":
                out[sp] = (r0 + r0 * sr * r0, k0 + r0 * sr * k0 + r0 * sk * a0 + k0 * sa * a0, a0 + a0 * sa * a0)
            else:  # one-shot: (G0⁻¹ − Σ)⁻¹, triangular blocks
                ir, ia = 1 / r0 - sr, 1 / a0 - sa
                ik = -(1 / r0) * k0 * (1 / a0) - sk
                r, a = 1 / ir, 1 / ia
                out[sp] = (r, -r * ik * a, a)
        return out


def kernel(mu, h, nodes, reading):
    """K1^R(0; μ_S, h) for arrays (or scalars) mu, h."""
    x, w = nodes
    mu = np.atleast_1d(np.asarray(mu, dtype=float))[:, None]
    h = np.atleast_1d(np.asarray(h, dtype=float))[:, None]
    p = PARAMS
    n = Normal(mu, h)
    g = n.greens(x, reading)
    loop = g["bb"][0] * g["aa"][1] + g["bb"][1] * g["aa"][2]
    k = 0.5 * (mu[:, 0] - p["w0"] + 1j * p["kappa"]) + 1j * p["g"] ** 2 / 4 * (loop * w).sum(axis=-1) / (2 * np.pi)
    if not np.all(np.isfinite(k)):
        raise ArithmeticError("K1^R not finite")
    return k


class Search:
    """One node rule's search: KeldyshKit's `ThresholdSearch` (Sources/Analysis/Condensation/
    CondensationThreshold.swift) step by step."""

    def __init__(self, step, reading, limit=2.6):
        self.nodes = frequency_nodes(step, limit)
        self.step = step
        self.reading = reading
        self.evaluations = 0
        self.gains = {}

    def k(self, mu, h):
        self.evaluations += np.size(mu)
        return kernel(mu, h, self.nodes, self.reading)

    def frequency_roots(self, h):
        grid = np.linspace(WINDOW[0], WINDOW[1], FREQUENCY_POINTS + 1)
        kg = self.k(grid, np.full_like(grid, h))
        out = []
        for j in range(FREQUENCY_POINTS):
            if (kg[j].real < 0) != (kg[j + 1].real < 0):
                # K1^R at every μ Brent evaluates (the grid's ends known): its root is one of them.
                seen = {grid[j]: kg[j], grid[j + 1]: kg[j + 1]}

                def re(m):
                    if m not in seen:
                        seen[m] = self.k(m, h)[0]
                    return seen[m].real
                mu = brentq(re, grid[j], grid[j + 1], xtol=1e-13)
                out.append((mu, seen[mu].imag))
        return out

    def gain(self, h):
        """min Im K1^R over the frequency roots, by h (Brent on it meets the scan's points again)."""
        if h not in self.gains:
            roots = self.frequency_roots(h)
            self.gains[h] = min((im, mu) for mu, im in roots) if roots else (np.inf, None)
        return self.gains[h]

    def refine(self, bracket, tol=1e-13):
        """The threshold inside a bracket of the sign change of min Im K1^R, by Brent."""
        lo, hi = bracket

        def g(x):
            v = self.gain(x)[0]
            return v if np.isfinite(v) else sys.float_info.max
        value = brentq(g, lo, hi, xtol=tol * max(1.0, abs(hi)))
        mu = self.gain(value)[1]
        if mu is None:
            raise RuntimeError("the frequency root was lost at the threshold")
        return value, mu, bracket

    def polish(self, mu, h):
        """(μ_S, h) with K1^R(0) = 0 by Powell's dogleg, and the final Jacobian."""
        r = root(lambda v: [(k := self.k(v[0], v[1])[0]).real, k.imag], [mu, h], method="hybr",
                 options=dict(xtol=1e-13, maxfev=400))
        if not (r.success or np.linalg.norm(r.fun) < 1e-11):
            raise RuntimeError("K1^R(0) = 0 did not converge: " + r.message)
        if not INTERVAL[0] <= r.x[1] <= INTERVAL[1]:
            raise RuntimeError("the root left the interval")
        R = np.zeros((2, 2))
        R[np.triu_indices(2)] = r.r
        return r.x[0], r.x[1], r.fun, r.fjac.T @ R

    def run(self):
        lo, hi = INTERVAL
        prev_h, prev_g = lo, self.gain(lo)[0]
        if not prev_g > 0:
            raise RuntimeError("unstable at the lower end")
        for j in range(1, SCAN_POINTS + 1):
            h = lo + (hi - lo) * j / SCAN_POINTS
            gv = self.gain(h)[0]
            if np.isfinite(gv) and gv <= 0:
                # Brent on min Im K1^R to 1e-4 finds the first branch's crossing; the dogleg
                # then polishes (μ_S, h) on it, else Brent goes on to 1e-13.
                bracket, tol = (prev_h, h), 1e-4
                first_h, first_mu, _ = self.refine(bracket, tol)
                try:
                    mu, hc, _, _ = self.polish(first_mu, first_h)
                    if (bracket[0] <= hc <= bracket[1] and abs(hc - first_h) <= tol * max(1.0, abs(h))
                            and abs(mu - first_mu) < 0.1 * (1 + abs(first_mu))):
                        return hc, mu, bracket
                except RuntimeError:
                    pass
                return self.refine(bracket, 1e-13)
            prev_h, prev_g = h, gv
        raise RuntimeError("no threshold in the interval")

    def tail(self, mu, h, fun, jac):
        """The root's relative shift in h when the rule runs on to |t| ≤ 2.75."""
        longer = Search(self.step, self.reading, limit=2.75)
        kl = longer.k(mu, h)[0]
        self.evaluations += longer.evaluations
        dr, di = kl.real - fun[0], kl.imag - fun[1]
        det = jac[0, 0] * jac[1, 1] - jac[0, 1] * jac[1, 0]
        if det == 0 or not np.isfinite(det):
            return np.inf
        return abs((jac[1, 0] * dr - jac[0, 0] * di) / det) / abs(h)


def shared_digits(value, error):
    """KeldyshKit's Condensate.digits: the rules' difference, floored by rounding."""
    e = max(error, 1e-10 * abs(value) + 1e-12)
    return max(0, min(12, int(np.floor(-np.log10(e / abs(value))))))


def tail_digits(tail):
    return 0 if not np.isfinite(tail) else (12 if tail <= 0 else max(0, min(12, int(np.floor(-np.log10(tail))) - 1)))


def pair(step, reading, start):
    """One pair of rules (step, step/2): KeldyshKit's `condensationThreshold`. A later pair only
    polishes the earlier pair's root (`start`)."""
    coarse, fine = Search(step, reading), Search(step / 2, reading)
    c = None
    if start is not None:
        s_mu, s_h, s_bracket = start
        try:
            mu, hc, _, _ = coarse.polish(s_mu, s_h)
            if s_bracket[0] <= hc <= s_bracket[1] and abs(mu - s_mu) < 0.1 * (1 + abs(s_mu)):
                c = (hc, mu, s_bracket)
        except RuntimeError:
            pass
        if c is None:
            try:
                c = coarse.refine(s_bracket)
            except (RuntimeError, ValueError):
                c = None
    if c is None:
        c = coarse.run()
    local = None
    try:
        mu, hc, fun, jac = fine.polish(c[1], c[0])
        if not (c[2][0] <= hc <= c[2][1] and abs(mu - c[1]) < 0.1 * (1 + abs(c[1]))):
            raise RuntimeError("left the bracket")
        f = (hc, mu, c[2])
        local = (fun, jac)
    except RuntimeError:
        f = fine.refine(c[2])
    if local is None:
        k = fine.k(f[1], f[0])[0]
        e = np.sqrt(np.finfo(float).eps)
        hm, hp = e * max(1, abs(f[1])), e * max(1, abs(f[0]))
        km, kp = fine.k(f[1] + hm, f[0])[0], fine.k(f[1], f[0] + hp)[0]
        local = ((k.real, k.imag), np.array([[(km.real - k.real) / hm, (kp.real - k.real) / hp],
                                              [(km.imag - k.imag) / hm, (kp.imag - k.imag) / hp]]))
    shared = shared_digits(f[0], abs(f[0] - c[0]))
    tail = fine.tail(f[1], f[0], *local)
    return dict(h=f[0], mu=f[1], coarse=c[0], bracket=f[2], digits=min(shared, tail_digits(tail)), shared=shared,
                tail=tail, nodes=(len(coarse.nodes[0]), len(fine.nodes[0])),
                evaluations=coarse.evaluations + fine.evaluations)


def threshold(reading="first-order", digits=6):
    """Pairs of rules δ, δ/2 with δ = 1/4, 1/8, … until they agree on the digits asked for
    (or the tail beyond the rules' limit is what limits): KeldyshKit's `findCondensationThreshold`."""
    step, evaluations, start = 0.25, 0, None
    for _ in range(4):
        t = pair(step, reading, start)
        evaluations += t["evaluations"]
        start = (t["mu"], t["h"], t["bracket"])
        td = tail_digits(t["tail"])
        if t["digits"] >= digits or (np.isfinite(t["tail"]) and td < digits and t["shared"] >= td):
            if t["digits"] < digits:
                raise RuntimeError("the tail limits the digits")
            t["evaluations"], t["step"] = evaluations, step
            return t
        step /= 2
    raise RuntimeError("the node rules do not agree on %d digits" % digits)


if __name__ == "__main__":
    args = sys.argv[1:]
    reading = args[args.index("--reading") + 1] if "--reading" in args else "first-order"
    digits = int(args[args.index("--digits") + 1]) if "--digits" in args else 6
    plain = [a for i, a in enumerate(args) if not a.startswith("--") and (i == 0 or not args[i - 1].startswith("--"))]
    repeats = int(plain[0]) if plain else 3
    walls, cpus = [], []
    for _ in range(repeats):
        t0, c0 = time.perf_counter(), time.process_time()
        out = threshold(reading, digits)
        walls.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
    walls.sort()
    cpus.sort()
    print("h_c = %.10f  muS = %.10f  (coarse %.10f, %d digits, nodes %d/%d, %d K1 evaluations, reading %s)"
          % (out["h"], out["mu"], out["coarse"], out["digits"], out["nodes"][0], out["nodes"][1], out["evaluations"], reading))
    print("python per threshold, %d repeats: cpu: best %.4f s, median %.4f s; wall: best %.4f s, median %.4f s"
          % (repeats, cpus[0], cpus[len(cpus) // 2], walls[0], walls[len(walls) // 2]))
