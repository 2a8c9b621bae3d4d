# Independent reference values for issue 14 (tests in Tests/AnalysisTests/CrossingKindTests.swift):
# the stability matrix (A2) of paper 003 (Appendix A) typed from the paper, and Eq. (C1) for
# Gilbert damping; each crossing found by mpmath findroot on det(i w - A(p)) = 0 (real and
# imaginary part: two real equations in p and w) at 70 digits. Run: python3 THIS_FILE
import mpmath as mp
mp.mp.dps = 70
def A2(wc, wz, wz2, lam, eta, eta2, kappa, gup, gdown):
    I = mp.mpc(0, 1); gt = gup + gdown; Tz = (gup - gdown) / (2 * gt)
    return mp.matrix([
        [-I*wc - kappa/2, 0, -I*lam, -I*lam, -I*eta, 0],
        [0, I*wc - kappa/2, I*lam, I*lam, 0, I*eta],
        [-I*lam, -I*lam, -I*wz, 0, -I*eta2, 0],
        [I*lam, I*lam, 0, I*wz, 0, I*eta2],
        [2*I*eta*Tz, 0, 2*I*eta2*Tz, 0, -I*wz2 - gt/2, 0],
        [0, -2*I*eta*Tz, 0, -2*I*eta2*Tz, 0, I*wz2 - gt/2]])
F4 = dict(wc=1, wz=1, wz2=1, eta=mp.mpf(1)/10, eta2=mp.mpf(1)/10, kappa=mp.mpf(3)/50)
def hopf_gup(lam, g0, w0):
    def f(g, w):
        M = A2(lam=lam, gup=g, gdown=1-g, **F4)
        d = mp.det(mp.mpc(0, w) * mp.eye(6) - M)
        return [d.real, d.imag]
    return mp.findroot(f, (g0, w0))
g, w = hopf_gup(mp.mpf(6)/10, 0.84, 1.469)
print("lambda=0.6 gup_c", mp.nstr(g, 55), "omega", mp.nstr(w, 55))
g, w = hopf_gup(mp.mpf(8)/10, 0.93, 1.59)
print("lambda=0.8 gup_c", mp.nstr(g, 55), "omega", mp.nstr(w, 55))
# lambda_c at gup = 0.9: a real eigenvalue at 0, det A(lambda) = 0
lc = mp.findroot(lambda l: mp.re(mp.det(A2(lam=l, gup=mp.mpf(9)/10, gdown=mp.mpf(1)/10, **F4))), 0.5002)
print("gup=0.9 lambda_c", mp.nstr(lc, 55))
def hopf_lam(gup, l0, w0):
    def f(l, w):
        d = mp.det(mp.mpc(0, w) * mp.eye(6) - A2(lam=l, gup=gup, gdown=1-gup, **F4))
        return [d.real, d.imag]
    return mp.findroot(f, (l0, w0))
l, w = hopf_lam(mp.mpf(9)/10, 0.736, 1.556)
print("gup=0.9 lambda_hopf", mp.nstr(l, 55), "omega", mp.nstr(w, 55))
# Gilbert (App. C, Eq. C1): no kappa D[a]; rows 1-2 divided by (1 + i k/2), (1 - i k/2)
def gilbert(lam, gup, k):
    M = A2(wc=1, wz=1, wz2=1, lam=lam, eta=mp.mpf(1)/10, eta2=mp.mpf(1)/10, kappa=0, gup=gup, gdown=1-gup)
    for j in range(6):
        M[0, j] /= (1 + mp.mpc(0, k)/2); M[1, j] /= (1 - mp.mpc(0, k)/2)
    return M
def hopf_gilbert(lam, g0, w0):
    def f(g, w):
        d = mp.det(mp.mpc(0, w) * mp.eye(6) - gilbert(lam, g, mp.mpf(1)/25))
        return [d.real, d.imag]
    return mp.findroot(f, (g0, w0))
g, w = hopf_gilbert(mp.mpf(1)/2, 0.7977, 1.402)
print("gilbert lambda=1/2 gup_c", mp.nstr(g, 55), "omega", mp.nstr(w, 55))
print("gilbert eigenvalues at gup=0.3:", [mp.nstr(e, 8) for e in mp.eig(gilbert(mp.mpf(1)/2, mp.mpf(3)/10, mp.mpf(1)/25))[0]])
# Steady states (keldysh steady): (A1) of 003 typed from the paper, with S^z^2 + |S^-|^2 = 1/4
# in place of the S^z equation (|S|^2 is conserved), solved by findroot near the SR state.
def A1(x, wc, wz, wz2, lam, eta, eta2, kappa, gup, gdown):
    I = mp.mpc(0, 1); gt = gup + gdown
    a = x[0] + I*x[1]; Sz = x[2]; Sm = x[3] + I*x[4]; Tz = x[5]; Tm = x[6] + I*x[7]
    ac, Sp, Tp = mp.conj(a), mp.conj(Sm), mp.conj(Tm)
    da = -I*eta*Tm - (I*wc + kappa/2)*a - I*lam*(Sp + Sm)
    dSm = -I*wz*Sm + 2*I*lam*(a + ac)*Sz + 2*I*eta2*Tm*Sz
    dTz = I*eta*(ac*Tm - a*Tp) - I*eta2*(Tp*Sm - Tm*Sp) + (gup - gdown)/2 - gt*Tz
    dTm = -(I*wz2 + gt/2)*Tm + 2*I*eta*a*Tz + 2*I*eta2*Tz*Sm
    return [da.real, da.imag, Sz**2 + abs(Sm)**2 - mp.mpf(1)/4, dSm.real, dSm.imag, dTz.real, dTm.real, dTm.imag]
p = dict(F4, lam=mp.mpf(7)/10, gup=mp.mpf(3)/10, gdown=mp.mpf(7)/10)
x = mp.findroot(lambda *x: A1(x, **p), [-0.6, -0.018, -0.255, 0.43, -0.00017, -0.2, 0.0052, 0.0033])
print("SR state at (0.3, 0.7):", [mp.nstr(v, 35) for v in x])
# The normal state's spectrum there: eigenvalues of A2 at gup = 0.3, lambda = 0.7.
print("A2 eigenvalues at (0.3, 0.7):", [mp.nstr(e, 35) for e in mp.eig(A2(lam=mp.mpf(7)/10, gup=mp.mpf(3)/10, gdown=mp.mpf(7)/10, **F4))[0]])
