/// exp(a)·exp(b) = exp(a + b), for a and b that commute: numbers, commuting symbols and even
/// Grassmann elements (ψ̄ψ); never operators. A named operation, not part of the canonical
/// form, since the merged exponent is what a plane-wave integral or a Gaussian step needs while
/// separate factors print closer to the papers. Powers exp(a)^k add k·a.
extension Expr {
    public func combiningExponentials() -> Expr {
        let walk = Postwalk { e in
            guard e.kind == .mul else { return nil }
            var exponent = SumBuilder()
            var rest: [Expr] = []
            var count = 0
            for f in e.children {
                let (base, power) = f.asPower
                if base.builtin == .exp, Expr.commutesFreely(base.children[0]), power.isNumber {
                    exponent.add(power * base.children[0])
                    count += 1
                } else {
                    rest.append(f)
                }
            }
            guard count > 1 else { return nil }
            // exp of an even value is even: it may stand first among the factors.
            return Expr.mul([Expr.exp(exponent.build())] + rest)
        }
        return ((try? walk(self)) ?? nil) ?? self
    }

    private static func commutesFreely(_ a: Expr) -> Bool {
        !a.flags.contains(.noncommuting) && a.parity == .even
    }
}
