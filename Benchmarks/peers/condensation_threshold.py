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
* threshold: h on a 12-step grid of the interval, at each h the roots μ_S of Re K1^R(0) on a
  16-step grid of the window (brentq), the first sign change of min Im K1^R there, then
  K1^R(0; μ_S, h) = 0 by scipy.optimize.root (hybr, Powell's dogleg); the whole search at δ,
  the polish repeated at δ/2, δ = 1/4, 1/8, … halved until the two agree on the digits asked for.

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
SCAN_POINTS, FREQUENCY_POINTS = 12, 16


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
    def __init__(self, step, reading):
        self.nodes = frequency_nodes(step)
        self.reading = reading
        self.evaluations = 0

    def k(self, mu, h):
        self.evaluations += np.size(mu)
        return kernel(mu, h, self.nodes, self.reading)

    def frequency_roots(self, h):
        grid = np.linspace(WINDOW[0], WINDOW[1], FREQUENCY_POINTS + 1)
        re = self.k(grid, np.full_like(grid, h)).real
        out = []
        for j in range(FREQUENCY_POINTS):
            if (re[j] < 0) != (re[j + 1] < 0):
                mu = brentq(lambda m: self.k(m, h)[0].real, grid[j], grid[j + 1], xtol=1e-13)
                out.append((mu, self.k(mu, h)[0].imag))
        return out

    def gain(self, h):
        roots = self.frequency_roots(h)
        if not roots:
            return np.inf, None
        return min((im, mu) for mu, im in roots)

    def polish(self, mu, h):
        r = root(lambda v: [(k := self.k(v[0], v[1])[0]).real, k.imag], [mu, h], method="hybr",
                 options=dict(xtol=1e-13, maxfev=400))
        if not (r.success or np.linalg.norm(r.fun) < 1e-11):
            raise RuntimeError("K1^R(0) = 0 did not converge: " + r.message)
        if not INTERVAL[0] <= r.x[1] <= INTERVAL[1]:
            raise RuntimeError("the root left the interval")
        return r.x[0], r.x[1]

    def run(self):
        lo, hi = INTERVAL
        prev_h, prev_g = lo, self.gain(lo)[0]
        if not prev_g > 0:
            raise RuntimeError("unstable at the lower end")
        for j in range(1, SCAN_POINTS + 1):
            h = lo + (hi - lo) * j / SCAN_POINTS
            gv = self.gain(h)[0]
            if np.isfinite(gv) and gv <= 0:
                start = self.gain(prev_h)[1]
                start = WINDOW[0] if start is None else start
                mu, hc = self.polish(start, 0.5 * (prev_h + h))
                return hc, mu
            prev_h, prev_g = h, gv
        raise RuntimeError("no threshold in the interval")


def threshold(reading="first-order", digits=6):
    step, evaluations = 0.25, 0
    for _ in range(4):
        coarse = Search(step, reading)
        hc, mu = coarse.run()
        fine = Search(step / 2, reading)
        mu_f, hc_f = fine.polish(mu, hc)
        evaluations += coarse.evaluations + fine.evaluations
        diff = abs(hc_f - hc)
        agreed = 12 if diff == 0 else max(0, min(12, int(np.floor(-np.log10(diff / abs(hc_f))))))
        if agreed >= digits:
            return dict(h=hc_f, mu=mu_f, coarse=hc, digits=agreed, step=step,
                        nodes=(len(coarse.nodes[0]), len(fine.nodes[0])), evaluations=evaluations)
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
