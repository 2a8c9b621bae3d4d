import Analysis
import ArbitraryPrecision
import Foundation
import KeldyshNumerics
import OutputFormats

/// The interval [c − r, c + r] of a real part, its ends rounded outward to `digits` significant
/// digits, and the leading digits both ends share (what is certified).
struct CertifiedInterval {
    let lower: String, upper: String
    let sharedDigits: Int

    init(center: BigRational, radius: BigRational, digits: Int = 20) {
        func decimal(_ q: BigRational, up: Bool) -> String {
            // Round outward: one unit of the last digit shown moves it past q.
            let f = BigFloat(q, precision: 128)
            guard !f.isZero else { return "0" }
            let e = Int(Foundation.floor(Foundation.log10(abs(f.toDouble()))))
            let unit = BigRational(BigInt(10)).power(e - digits + 1)
            let steps = q / unit
            let n = up ? steps.ceil : steps.floor
            return significant(BigFloat(BigRational(n) * unit, precision: 160), digits + 1)
        }
        lower = decimal(center - radius, up: false)
        upper = decimal(center + radius, up: true)
        var significantSeen = 0
        for (a, b) in zip(lower, upper) {
            guard a == b else { break }
            if a.isNumber && (a != "0" || significantSeen > 0) { significantSeen += 1 }
        }
        sharedDigits = (lower.hasPrefix("-") == upper.hasPrefix("-")) ? significantSeen : 0
    }
}

public func render(_ o: KernelOutcome, json: Bool) -> String {
    let e = o.enclosure
    let re = CertifiedInterval(center: e.value.center.re, radius: e.value.radius)
    let im = CertifiedInterval(center: e.value.center.im, radius: e.value.radius)
    let imSign: String
    if e.value.center.im.abs > e.value.radius {
        imSign = e.value.center.im.signum > 0 ? "Im K1^R(0) > 0: the photon is damped at this mu_S (the normal state's gain is below its loss)"
                                              : "Im K1^R(0) < 0: gain exceeds loss at this mu_S"
    } else {
        imSign = "the sign of Im K1^R(0) is not decided at this tolerance"
    }
    func show(_ q: BigRational) -> String { String(format: "%.2e", q.toDouble()) }
    let method = "tree part by its tape in \(o.bits)-bit balls; loop over |nu| <= \(show(e.cutoff)) by verified Gauss-Legendre (\(e.panels) panels, \(e.evaluations) ball enclosures of the density, \(e.diskBounds) Cauchy bounds on disks where the balls prove it analytic), truncation <= \(show(e.truncation)); beyond, |loop| <= \(String(format: "%.3g", e.tailConstant)) |nu|^-\(e.tailOrder) proven, tail <= \(show(e.tail))"
    if json {
        func interval(_ i: CertifiedInterval) -> JSONValue {
            .object([("lower", .string(i.lower)), ("upper", .string(i.upper)), ("certified_digits", .int(i.sharedDigits))])
        }
        return JSONValue.object([
            ("quantity", .string("K1^R(omega = 0) of B15")), ("reading", .string(o.reading.rawValue)),
            ("parameters", .object(o.parameters.map { ($0.name, .string($0.value)) })),
            ("re", interval(re)), ("im", interval(im)),
            ("radius", .string(show(e.value.radius))), ("truncation", .string(show(e.truncation))),
            ("tail", .string(show(e.tail))), ("cutoff", .string(show(e.cutoff))),
            ("tail_order", .double(e.tailOrder)), ("tail_constant", .double(e.tailConstant)),
            ("panels", .int(e.panels)), ("evaluations", .int(e.evaluations)), ("disk_bounds", .int(e.diskBounds)),
            ("bits", .int(o.bits)), ("im_sign", .string(imSign)), ("certified_by", .string(method)),
        ]).fieldPerLine
    }
    return [
        "K1^R(omega = 0) of B15, reading \(o.reading.rawValue): \(o.reading.summary)",
        "Re K = \(re.lower) ... \(re.upper)   (\(re.sharedDigits) certified digits)",
        "Im K = \(im.lower) ... \(im.upper)   (\(im.sharedDigits) certified digits)",
        imSign,
        "certified: \(method)",
    ].joined(separator: "\n")
}
