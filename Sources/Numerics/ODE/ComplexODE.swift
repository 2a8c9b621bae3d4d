import ComplexModule
import RealModule

public struct ComplexODESolution: Sendable {
    public var times: [Double]
    public var states: [[Complex<Double>]]
    public var stop: ODEStop
    public var statistics: ODEStatistics
    public var completed: Bool { stop == .completed }
}

/// Complex systems z' = f(t, z), integrated as the real system of
/// interleaved (re, im) parts; tolerances apply to each part separately.
public func integrateODE(complex f: (Double, [Complex<Double>], inout [Complex<Double>]) throws -> Void,
                         from t0: Double, y0: [Complex<Double>], times: [Double],
                         method: RungeKuttaMethod = .dormandPrince5,
                         options: ODEOptions = ODEOptions()) rethrows -> ComplexODESolution {
    let n = y0.count
    var z = y0, dz = y0
    func unpack(_ v: [Double]) -> [Complex<Double>] { (0..<n).map { Complex(v[2 * $0], v[2 * $0 + 1]) } }
    let real = try integrateODE({ t, y, dydt in
        for i in 0..<n { z[i] = Complex(y[2 * i], y[2 * i + 1]) }
        try f(t, z, &dz)
        for i in 0..<n { dydt[2 * i] = dz[i].real; dydt[2 * i + 1] = dz[i].imaginary }
    }, from: t0, y0: y0.flatMap { [$0.real, $0.imaginary] }, times: times, method: method, options: options)
    return ComplexODESolution(times: real.times, states: real.states.map(unpack), stop: real.stop, statistics: real.statistics)
}
