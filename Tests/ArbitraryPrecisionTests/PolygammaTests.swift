import Testing
import CMPFR
@testable import ArbitraryPrecision

/// ψ and ψ′ at 200 bits against Arb (python-flint 0.9.0, `acb.digamma()` and
/// `acb.polygamma(1)` at 70 digits, run once on 2026-12-06; the values are pasted below, cut to
/// 60 digits). Each must agree to 50 significant digits relative to max(1, |value|), per part.
/// The points cover the direct region, the reflection half-plane (Re z < ½), a real zero of ψ,
/// the neighbourhood of the poles 0 and −1, and large |Im z|.
@Suite struct PolygammaTests {
    struct Case {
        let re: String, im: String
        let psi: (String, String)
        let psi1: (String, String)
    }

    let cases: [Case] = [
        Case(re: "0.3", im: "1.7",
             psi: ("0.522659078459137952655237845863575078406606492816663963425326", "1.69173456041249735215122699601110010690216221308752961514909"),
             psi1: ("-0.0755994516468159648593448732286777808361422345840403256050176", "-0.598544411527210939984536312264125416460127225544181715241784")),
        Case(re: "1.4616321449683623", im: "0",
             psi: ("-3.9928730412463043992299916366131899922324820185342663e-17", "0"),
             psi1: ("0.967672245447621206966616561012037391795357001994137390878105", "0")),
        Case(re: "10.5", im: "0",
             psi: ("2.30300103429768637527259355084976605222629263212926398296056", "0"),
             psi1: ("0.0999169560591267332039441714454719474229177582487683306130118", "0")),
        Case(re: "-2.5", im: "0.1",
             psi: ("1.10369737777880840945823298378883577277043609842508793488507", "0.922699291458598856041446766494129258836152858895525845941858"),
             psi1: ("8.62619067739599925414316983505811845606383440609271705391386", "-0.0108090840160054634305982436901089095427036310687191396019527")),
        Case(re: "-7.3", im: "0",
             psi: ("4.33730730551004748628215179503660465321771429157046193904045", "0"),
             psi1: ("14.9513831814339089275382487120344455314402292153693615229760", "0")),
        Case(re: "0.5", im: "100",
             psi: ("4.60516601924850419004313074096773966499309742800646954861356", "1.57079632679489661923132169163975144209858469968755291048747"),
             psi1: ("0", "-0.0100000833362502306878423849208125301057220016626713165778817")),
        Case(re: "1e-20", im: "1e-20",
             psi: ("-50000000000000000000.5772156649015328605900627494139201666774", "50000000000000000000.0000000000000000000164493406684822643645"),
             psi1: ("1.64493406684822643644837402858283", "-5000000000000000000000000000000000000000.00000000000000000002")),
        Case(re: "3", im: "-10000",
             psi: ("9.21034040280951517023866548937108750704300829734345795620511", "-1.57054632679989661906132169813975118509859494968714321050386"),
             psi1: ("2.49999985000000849999954500002312999887250005326099754225011e-8", "9.99999938333336929999801976200795856629849591687312838982372e-5")),
        Case(re: "0.25", im: "0",
             psi: ("-4.22745353337626540808953014609668357736724443870824227165528", "0"),
             psi1: ("17.1973291545071107392713191193352240215068944014941677005453", "0")),
        Case(re: "1", im: "0",
             psi: ("-0.577215664901532860606512090082402431042159335939923598805767", "0"),
             psi1: ("1.64493406684822643647241516664602518921894990120679843773556", "0")),
        Case(re: "-0.999999", im: "0.000001",
             psi: ("-499999.577213019967466016544721937386560966817193948550452960", "500000.000002644933662738584763751258574180553014101928382031"),
             psi1: ("2.64493366273442011757922606145562227064426399212704877", "-500000000000.000000404101312380081726011473986140942824084916")),
        Case(re: "123.456", im: "-78.9",
             psi: ("4.98424944949019580041741159455819531736583593471545541332739", "-0.570511517330899076831241401188226993863997935695247115081953"),
             psi1: ("0.00576085110650955375543519288282729682139934692023333178749294", "0.00369666875144468479415729075430587411625123896593549803645532")),
    ]

    /// Agreement to `digits` significant digits of max(1, |reference|) in each part.
    func agrees(_ x: BigComplex, _ reference: (String, String), digits: Int = 50) -> Bool {
        let p = 240
        let r = BigFloat(reference.0, precision: p)!, i = BigFloat(reference.1, precision: p)!
        let scale = max(BigFloat(1, precision: p), BigFloat.hypot(r, i))
        let tolerance = scale * BigFloat("1e-\(digits)", precision: p)!
        return BigFloat.abs(x.re - r) <= tolerance && BigFloat.abs(x.im - i) <= tolerance
    }

    func point(_ c: Case) -> BigComplex {
        BigComplex(BigFloat(c.re, precision: 240)!, BigFloat(c.im, precision: 240)!)
    }

    @Test func digammaAgreesWithArbTo50Digits() throws {
        for c in cases {
            let v = try #require(BigComplex.digamma(point(c), precision: 200))
            #expect(agrees(v, c.psi), "ψ(\(c.re) + \(c.im)i) = \(v)")
        }
    }

    @Test func trigammaAgreesWithArbTo50Digits() throws {
        for c in cases where !c.psi1.0.isEmpty {
            let v = try #require(BigComplex.trigamma(point(c), precision: 200))
            // The near-pole cases are printed by Arb with fewer digits: compare what it printed.
            let digits = c.re == "1e-20" ? 30 : 50
            #expect(agrees(v, c.psi1, digits: digits), "ψ′(\(c.re) + \(c.im)i) = \(v)")
        }
    }

    @Test func polesAndNonFiniteArgumentsGiveNil() {
        for n in [0, -1, -7] {
            #expect(BigComplex.digamma(BigComplex(BigFloat(n, precision: 100), BigFloat(0, precision: 100)))?.description == nil)
            #expect(BigComplex.trigamma(BigComplex(BigFloat(n, precision: 100), BigFloat(0, precision: 100)))?.description == nil)
        }
        let inf = BigFloat("inf", precision: 100)!
        #expect(BigComplex.digamma(BigComplex(inf, BigFloat(0, precision: 100)))?.description == nil)
    }

    @Test func aThousandDigits() throws {
        // ψ(1) = −γ; γ to 1000 digits from the series of Brent–McMillan is MPFR's mpfr_const_euler.
        let p = 3400
        let v = try #require(BigComplex.digamma(BigComplex(BigFloat(1, precision: p), BigFloat(0, precision: p)), precision: p))
        let gamma = BigFloat.computing(precision: p) { _ = mpfr_const_euler($0, MPFR_RNDN) }
        #expect(BigFloat.abs(v.re + gamma) <= BigFloat("1e-1000", precision: p)!)
        #expect(v.im.isZero)
        // ψ′(1) = π²/6.
        let t = try #require(BigComplex.trigamma(BigComplex(BigFloat(1, precision: p), BigFloat(0, precision: p)), precision: p))
        let pi = BigFloat.pi(precision: p)
        #expect(BigFloat.abs(t.re - pi * pi / BigFloat(6, precision: p)) <= BigFloat("1e-1000", precision: p)!)
    }
}
