"""Independent many-digit reference for `keldysh threshold … --reading first-order --digits D`
on paper 000's open Tavis–Cummings model (issue 13): K1^R(0; μ_S, h) of B15 and the threshold
h_c, in mpmath, from the equations typed in by hand from Appendix A–B (the same equations as
the numpy peer condensation_threshold.py, which says where each comes from):

* G0 at ψ = 0 in the frame rotating at μ_S (ε = ε0 − μ_S/2), the photon's G^R_ψ, G^K_ψ with
  F_Ψ(y) = 1 + 4hΩ/((y − ξ)² + Ω²) at y = x + μ_S;
* Σ of A53–A58 (Dyson sign), each ∫dν in closed form by residues: 2πi Σ_{Im z>0} c_k, or
  −2 Σ_k c_k ψ(½ ± β(z_k − m)/(2πi)) with tanh(β(ν − m)/2) (mpmath.digamma);
  `--check-sigma` compares one Σ entry with mpmath.quad of its convolution;
* G = G0 + G0 Σ G0 (first order), K1^R(0) = ½(μ_S − ω0 + iκ) + i g²/(8π) ∫dν
  [G^R_bb G^K_aa + G^K_bb G^A_aa](ν), the ν integral by mpmath.quad (tanh–sinh) on pieces cut
  at the Fermi edges, to the working precision;
* the threshold: mpmath.findroot (Newton, Jacobian by mpmath's finite differences) on
  (Re K1^R(0), Im K1^R(0)) = 0 in (μ_S, h) from the Double values.

Nothing here shares code with KeldyshKit (which compiles the equations it derives from the
model file and sums the ν integral by its own sinh–sinh rule).
Usage: python3 condensation_threshold_mpmath.py kernel MU H [--dps 30]
       python3 condensation_threshold_mpmath.py threshold [--dps 30]
"""
import sys, time
import mpmath as mp

P = dict(g="1", eps0="0", w0="0", gamma="0.75", kappa="0.25", muB="-0.5", TF="0.1", xi="0", Omega="2.5")


def closed(C, poles, numerator=None, tanh=None):
    """∫dν C·N(ν)/Π(ν − z_k) [· tanh(β(ν − m)/2)] by residues (simple poles)."""
    total = mp.mpc(0)
    for k, z in enumerate(poles):
        d = mp.mpc(1)
        for j, y in enumerate(poles):
            if j != k:
                d *= z - y
        c = C * (numerator(z) if numerator else 1) / d
        if tanh is None:
            if z.imag > 0:
                total += 2j * mp.pi * c
        else:
            beta, m = tanh
            w = beta * (z - m) / (2j * mp.pi)
            total += -2 * c * mp.digamma(mp.mpf(0.5) + w if z.imag > 0 else mp.mpf(0.5) - w)
    return total


class Normal:
    def __init__(self, mu, h):
        p = {k: mp.mpf(v) for k, v in P.items()}
        self.p, self.mu, self.h = p, mp.mpf(mu), mp.mpf(h)
        self.eps = p["eps0"] - self.mu / 2
        self.wc = p["w0"] - self.mu
        self.beta = 1 / p["TF"]
        g, e = p["gamma"], self.eps
        self.pole = {"R_bb": e - 1j * g, "A_bb": e + 1j * g, "R_aa": -e - 1j * g, "A_aa": -e + 1j * g}
        self.m = {"bb": p["muB"] - self.mu / 2, "aa": self.mu / 2 - p["muB"]}

    def g0(self, nu):
        g = self.p["gamma"]
        out = {}
        for s in ("bb", "aa"):
            e = self.eps if s == "bb" else -self.eps
            f = mp.tanh(self.beta * (nu - self.m[s]) / 2)
            out[s] = (1 / (nu - self.pole["R_" + s]), -2j * g * f / ((nu - e) ** 2 + g ** 2), 1 / (nu - self.pole["A_" + s]))
        return out

    def photon(self, x, sigma, omega):
        """G^X_ψ(σ(ν − ω)) as (C, poles in ν, N(ν) or None)."""
        k, O = self.p["kappa"], self.p["Omega"]
        if x in ("R", "A"):
            a = self.wc - 1j * k if x == "R" else self.wc + 1j * k
            return mp.mpf(sigma), [omega + sigma * a], None
        b = self.p["xi"] - self.mu
        q1, q2 = omega + sigma * (b + 1j * O), omega + sigma * (b - 1j * O)
        poles = [omega + sigma * (self.wc + 1j * k), omega + sigma * (self.wc - 1j * k), q1, q2]
        shift = 4 * O * self.h
        return mp.mpc(0, -2) * k, poles, lambda z: (z - q1) * (z - q2) + shift

    def convolution(self, fermion, s, photon, sigma, omega):
        g = self.p["gamma"]
        if fermion == "K":
            Cf, zf = mp.mpc(0, -2) * g, [self.pole["R_" + s], self.pole["A_" + s]]
        else:
            Cf, zf = mp.mpf(1), [self.pole[fermion + "_" + s]]
        Cp, zp, numerator = self.photon(photon, sigma, omega)
        tanh = (self.beta, self.m[s]) if fermion == "K" else None
        return closed(Cf * Cp, zf + zp, numerator, tanh)

    def sigma(self, omega):
        c = 1j * self.p["g"] ** 2 / (4 * mp.pi)
        cv = self.convolution
        r_bb = cv("R", "aa", "K", -1, omega) + cv("K", "aa", "R", -1, omega)
        a_bb = cv("A", "aa", "K", -1, omega) + cv("K", "aa", "A", -1, omega)
        k_bb = cv("K", "aa", "K", -1, omega) + cv("R", "aa", "R", -1, omega) + cv("A", "aa", "A", -1, omega)
        r_aa = cv("R", "bb", "K", 1, omega) + cv("K", "bb", "A", 1, omega)
        a_aa = cv("A", "bb", "K", 1, omega) + cv("K", "bb", "R", 1, omega)
        k_aa = cv("K", "bb", "K", 1, omega) + cv("A", "bb", "R", 1, omega) + cv("R", "bb", "A", 1, omega)
        return {"bb": (c * r_bb, c * k_bb, c * a_bb), "aa": (c * r_aa, c * k_aa, c * a_aa)}

    def greens(self, nu):
        g0, s = self.g0(nu), self.sigma(nu)
        out = {}
        for sp in ("bb", "aa"):
            r0, k0, a0 = g0[sp]
            sr, sk, sa = s[sp]
            out[sp] = (r0 + r0 * sr * r0, k0 + r0 * sr * k0 + r0 * sk * a0 + k0 * sa * a0, a0 + a0 * sa * a0)
        return out

    def loop(self, nu):
        g = self.greens(nu)
        return g["bb"][0] * g["aa"][1] + g["bb"][1] * g["aa"][2]

    def kernel(self):
        p = self.p
        edges = sorted({self.m["bb"], self.m["aa"]})
        cuts = [-mp.inf, -20, -4, -1] + edges + [1, 4, 20, mp.inf]
        cuts = [cuts[0]] + sorted(c for c in cuts[1:-1]) + [cuts[-1]]
        integral, self.error = mp.quad(self.loop, cuts, error=True)
        return (self.mu - p["w0"] + 1j * p["kappa"]) / 2 + 1j * p["g"] ** 2 / (8 * mp.pi) * integral


def check_sigma(mu, h, omega):
    """Σ^R_bb(ω) closed form against mpmath.quad of its convolution (A53)."""
    n = Normal(mu, h)
    p, omega = n.p, mp.mpf(omega)
    def gk_psi(x):
        k, O = p["kappa"], p["Omega"]
        y = x + n.mu
        f = 1 + 4 * n.h * O / ((y - p["xi"]) ** 2 + O ** 2)
        return -2j * k * f / ((x - n.wc) ** 2 + k ** 2)
    def gr_psi(x):
        return 1 / (x - n.wc + 1j * p["kappa"])
    def integrand(v):
        g = n.g0(v)["aa"]
        return g[0] * gk_psi(omega - v) + g[1] * gr_psi(omega - v)
    q = 1j * p["g"] ** 2 / (4 * mp.pi) * mp.quad(integrand, [-mp.inf, -4, -1, 0, 1, 4, mp.inf])
    return n.sigma(omega)["bb"][0], q


def threshold(mu0, h0, dps):
    """Newton's method on (Re, Im) K1^R(0) = 0 with the Jacobian by central differences at 20
    digits (kept: the chord method gains ~10 digits a step), until the step is below 10^−(dps+3)."""
    def f(x):
        k = Normal(x[0], x[1]).kernel()
        return mp.matrix([k.real, k.imag])
    x = mp.matrix([mp.mpf(mu0), mp.mpf(h0)])
    with mp.workdps(20):
        e = mp.mpf("1e-6")
        J = mp.matrix(2, 2)
        for j in range(2):
            d = mp.matrix([0, 0])
            d[j] = e
            c = (f(x + d) - f(x - d)) / (2 * e)
            J[0, j], J[1, j] = c[0], c[1]
    steps = 0
    while True:
        step = -mp.lu_solve(J, f(x))
        x = x + step
        steps += 1
        print("step %d: |dx| = %s" % (steps, mp.nstr(mp.norm(step), 3)), flush=True)
        if mp.norm(step) < mp.mpf(10) ** (-(dps + 3)) or steps > 12:
            return x


if __name__ == "__main__":
    args = sys.argv[1:]
    dps = int(args[args.index("--dps") + 1]) if "--dps" in args else 30
    mp.mp.dps = dps + 10
    t0 = time.perf_counter()
    if args[0] == "kernel":
        n = Normal(args[1], args[2])
        k = n.kernel()
        print("K1^R(0; muS=%s, h=%s) = %s %s i  (quad error estimate %s)" % (args[1], args[2], mp.nstr(k.real, dps), mp.nstr(k.imag, dps), mp.nstr(n.error, 3)))
    elif args[0] == "check-sigma":
        a, b = check_sigma(args[1], args[2], args[3])
        print("closed form", mp.nstr(a, dps), "\nquadrature ", mp.nstr(b, dps))
    else:
        x = threshold("-0.27639074", "0.60957327", dps)
        print("h_c = %s  muS = %s" % (mp.nstr(x[1], dps), mp.nstr(x[0], dps)))
    print("time %.1f s (mp.dps = %d)" % (time.perf_counter() - t0, mp.mp.dps))
