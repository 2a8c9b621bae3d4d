import FieldTheory
import Symbolic

/// A model's Keldysh derivation, step by step (Appendix A of paper 000): the contour action
/// of H and its dissipators (A2), the Keldysh/Larkin–Ovchinnikov rotation (A4–A7), its baths
/// integrated out (A8–A11), and — when the model gives a condensate ansatz — the rotating
/// frame and the static background (A14); the quadratic kernel of a sector (a Nambu spinor,
/// or a boson) and its inverse, the Green's function (A14–A20), in frequency.
public struct KeldyshDerivation: Sendable {
    public let model: Model
    /// Every step, in order (for `derive --steps`).
    public private(set) var records: [DerivationRecord]
    /// The action with its baths, before any ansatz: where a boson's own kernel is read.
    public let bathed: Action
    /// After the frame, before the background: where the boson is split and integrated out.
    public let framed: Action
    /// After the frame and the background (the action itself when the model gives neither).
    public let stationary: Action

    /// The kernel of a sector: a spinor's modes (read in the stationary action, the background
    /// in place), or one boson (read before its background is set).
    public func kernel(_ sector: String) throws -> KeldyshKernel { try transformed(sector).0 }

    /// The kernel of a sector by the Fourier step (A12–A13, on the binders; checked there
    /// against the reading i∂_t → ω) and the step's record.
    public func transformed(_ sector: String) throws -> (KeldyshKernel, DerivationRecord) {
        if let s = model.keldysh.spinors.first(where: { $0.name == sector }) {
            return try FourierTransform.kernel(stationary, sector: s.modes)
        }
        if bathed.field(named: sector) != nil { return try FourierTransform.kernel(bathed, sector: [sector]) }
        throw FieldTheoryError.precondition("no spinor or field named \(sector)")
    }

    /// G = K⁻¹ of a sector, with fields outside it that have no background at zero.
    public func greens(_ sector: String) throws -> GreensFunction {
        let action = model.keldysh.spinors.contains { $0.name == sector } ? stationary : bathed
        return try GreensFunction(try kernel(sector).atZero(outside: action).kernel)
    }

    /// Paper 000 A21–A50 from this derivation (`SelfEnergyChain`): the background's boson split
    /// and integrated out, the quartic term of the spinor decoupled, Σ with the given sign.
    public func selfEnergyChain(_ spinor: String, sign: SelfEnergySign) throws -> SelfEnergyChain {
        guard let bg = model.keldysh.background else {
            throw FieldTheoryError.precondition("the self-energy needs a background (the boson to integrate out)")
        }
        guard let s = model.keldysh.spinors.first(where: { $0.name == spinor }) else {
            throw FieldTheoryError.precondition("no spinor named \(spinor)")
        }
        let fields = try s.modes.map { m -> Field in
            guard let f = framed.field(named: m) else { throw FieldTheoryError.precondition("no field \(m)") }
            return f
        }
        return try SelfEnergyChain(framed, boson: bg.mode, background: [.classical: bg.classical], spinor: fields, sign: sign)
    }

    /// The derivation with the steps of the model's `selfenergy` statement appended (none without one).
    public func withSelfEnergy() throws -> KeldyshDerivation {
        guard let se = model.keldysh.selfEnergy else { return self }
        var out = self
        let chain = try selfEnergyChain(se.spinor, sign: se.sign)
        out.records += chain.records
        out.records.append(try chain.frequency(se.reading).record)
        return out
    }

    /// The derivation with one more step recorded.
    public func appending(_ record: DerivationRecord) -> KeldyshDerivation {
        var out = self
        out.records.append(record)
        return out
    }

    /// The derivation with the kernel and Green's function of each sector appended as steps.
    public func withSectors(_ sectors: [String]) throws -> KeldyshDerivation {
        var out = self
        for s in sectors {
            let (k, fourier) = try transformed(s)
            out.records.append(fourier)
            out.records.append(DerivationRecord(step: "kernel", reference: k.sector[0].statistics == .fermion ? "cf. paper 000 Eq. 7" : "cf. paper 000 A10–A11",
                                                summary: "the quadratic kernel of \(s) in frequency (by the Fourier step; the same as i∂_t → ω on the density)",
                                                text: k.matrix.rowList.map { $0.map(\.description).joined(separator: " | ") }.joined(separator: "\n"),
                                                latex: k.latex))
            let (free, zeroed) = k.atZero(outside: model.keldysh.spinors.contains { $0.name == s } ? stationary : bathed)
            let g = try GreensFunction(free)
            let at = zeroed.isEmpty ? "" : " at \(zeroed.map(\.name).joined(separator: " = ")) = 0 (no background given for it)"
            out.records.append(DerivationRecord(step: "greens-function", reference: k.sector[0].statistics == .fermion ? "cf. paper 000 A14–A17" : "cf. paper 000 A18–A20",
                                                summary: "G = K⁻¹ of \(s)\(at), by Keldysh blocks, entries cancelled",
                                                text: g.matrix.rowList.map { $0.map(\.description).joined(separator: " | ") }.joined(separator: "\n"),
                                                latex: g.latex))
        }
        return out
    }
}

extension Model {
    /// The Keldysh derivation of the model, as its statements ask for it.
    public func keldyshDerivation() throws -> KeldyshDerivation {
        var records: [DerivationRecord] = []
        var named = try ContourAction.from(system)
        named.latexNames = scope.latexNames
        let branches = named
        records.append(DerivationRecord(step: "contour-action", reference: "cf. paper 000 A2",
                                        summary: "H and the dissipators on the two branches of the Schwinger–Keldysh contour",
                                        text: "S = ∫dt " + branches.densityText, latex: "S = " + branches.latex))
        let (rotated, rotation) = try KeldyshRotation.apply(branches)
        var action = rotated
        records.append(rotation)
        for b in keldysh.baths {
            let (next, r) = try MarkovianBath.apply(action, field: b.mode, rate: b.rate, distribution: b.distribution)
            action = next
            records.append(r)
        }
        let bathed = action
        if !keldysh.frame.isEmpty {
            let (next, r) = try RotatingFrame.apply(action, rates: keldysh.frame)
            action = next
            records.append(r)
        }
        let framed = action
        if let bg = keldysh.background {
            let (next, r) = try BackgroundField.apply(action, field: bg.mode, classical: bg.classical)
            action = next
            records.append(r)
        }
        return KeldyshDerivation(model: self, records: records, bathed: bathed, framed: framed, stationary: action)
    }
}
