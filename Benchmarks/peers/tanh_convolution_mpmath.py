"""∫dν R(ν) tanh(β(ν − μ)/2) for paper 000's self-energy integrands, by mpmath.quad.
Usage: python3 tanh_convolution_mpmath.py reference    (30-digit values pasted into
           Tests/NumericsTests/TanhConvolutionDoubleTests.swift)
       python3 tanh_convolution_mpmath.py bench REPEATS  (53-bit quad of the degree-4 case of
           Benchmarks/Sources/TanhConvolutionBenchmark; prints µs of thread CPU time per call and the value)
R is given by its poles (order 1 or 2) and a constant factor; the interval is split at μ, at
the real parts of the poles and at ±1, ±3, ±10, ±50 so that Gauss–Legendre sees smooth pieces."""
import sys, time
import mpmath
from mpmath import mpf, mpc, tanh, inf

def integrand(poles, factor, beta, mu):
    def r(nu):
        d = mpc(1)
        for z, m in poles:
            d *= (nu - z) ** m
        return factor / d * tanh(beta * (nu - mu) / 2)
    return r

def integral(poles, factor, beta, mu):
    cuts = {mpf(mu)} | {z.real for z, _ in poles} | {mpf(s) * c for s in (1, -1) for c in (1, 3, 10, 50)}
    points = [-inf] + sorted(cuts) + [inf]
    return mpmath.quad(integrand(poles, factor, beta, mu), points, maxdegree=12)

def c(re, im):
    return mpc(mpf(re), mpf(im))

# G^R-type pole 0.3 − 0.75i times 1/(ω − ν + 0.25i) = −1/(ν − ω − 0.25i): factor −1.
def cases():
    for mu in ("0.5", "-0.5"):
        for omega in ("-3", "0", "0.7", "20"):
            yield ("simple mu=%s omega=%s" % (mu, omega),
                   [(c("0.3", "-0.75"), 1), (c(omega, "0.25"), 1)], -1, 10, mu)
    # A double pole: (G^R)² · G^A-type.
    yield ("double mu=0.5 omega=0.7", [(c("0.3", "-0.75"), 2), (c("0.7", "0.25"), 1)], -1, 10, "0.5")
    # The degree-4 benchmark case: G^R G^A · Lorentzian ((ν − 0.4)² + 0.09 = (ν − 0.4 − 0.3i)(ν − 0.4 + 0.3i)).
    yield ("degree4 mu=0.5 omega=0.7", [(c("0.3", "-0.75"), 1), (c("0.7", "0.25"), 1), (c("0.4", "0.3"), 1), (c("0.4", "-0.3"), 1)], -1, 10, "0.5")

if sys.argv[1] == "reference":
    mpmath.mp.dps = 30
    for name, poles, factor, beta, mu in cases():
        v = integral(poles, factor, beta, mpf(mu))
        print(name, mpmath.nstr(v.real, 25), mpmath.nstr(v.imag, 25))
else:
    mpmath.mp.prec = 53
    repeats = int(sys.argv[2])
    name, poles, factor, beta, mu = list(cases())[-1]
    value = integral(poles, factor, beta, mpf(mu))
    rounds = []
    for _ in range(5):
        t = time.thread_time()
        for _ in range(repeats):
            integral(poles, factor, beta, mpf(mu))
        rounds.append((time.thread_time() - t) / repeats * 1e6)
    rounds.sort()
    print("mpmath quad (53 bits) degree-4: %.1f us/call  value %s" % (rounds[2], mpmath.nstr(value, 15)))
