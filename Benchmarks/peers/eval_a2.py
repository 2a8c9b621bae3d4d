"""The 6x6 stability matrix A2 of paper 003 (Appendix A) in SymPy, split into the 72 real
expressions (real and imaginary part of each entry) that real-valued peers evaluate, and
the parameter points of the evaluation benchmark. Shared by eval_sympy.py and eval_symengine.py."""
import numpy as np
import sympy as sp

wc, lam, eta, etap, wz, wzp = sp.symbols("omega_c lambda eta eta_p omega_z omega_zp", real=True)
kappa, gt, gup, gdown = sp.symbols("kappa gamma_t gamma_up gamma_down", positive=True)
PARAMETERS = [wc, kappa, lam, eta, etap, wz, wzp, gt, gup, gdown]
POSITIVE = [False, True, False, False, False, False, False, True, True, True]


def a2():
    i = sp.I
    tz = (gup - gdown) / (2 * gt)
    return sp.Matrix([
        [-i * wc - kappa / 2, 0, -i * lam, -i * lam, -i * eta, 0],
        [0, i * wc - kappa / 2, i * lam, i * lam, 0, i * eta],
        [-i * lam, -i * lam, -i * wz, 0, -i * etap, 0],
        [i * lam, i * lam, 0, i * wz, 0, i * etap],
        [2 * i * eta * tz, 0, 2 * i * etap * tz, 0, -i * wzp - gt / 2, 0],
        [0, -2 * i * eta * tz, 0, -2 * i * etap * tz, 0, i * wzp - gt / 2],
    ])


def split():
    """72 real expressions: re, im of each entry in row-major order (the layout of KeldyshKit's output)."""
    out = []
    for e in a2():
        re, im = e.as_real_imag()
        out += [sp.simplify(re), sp.simplify(im)]
    return out


def points(n, seed=2024):
    """n x 10 parameter points: rates uniform in [0.05, 2), other parameters in [-2, 2)."""
    rng = np.random.default_rng(seed)
    cols = [rng.uniform(0.05, 2, n) if p else rng.uniform(-2, 2, n) for p in POSITIVE]
    return np.ascontiguousarray(np.stack(cols, axis=1))
