import Testing
@testable import OutputFormats

/// Round ticks, wrapped titles and the colour scale of the plots (issue 14: ticks fell at
/// fifths of the range, 0, 0.24, 0.48; the dynamics title ran off the page).
@Suite("Plot axes: round ticks, titles, colour scale")
struct PlotAxesTests {
    @Test func ticksAreRound() {
        // By hand: [0, 1.2]/5 = 0.24 → the next of 1, 2, 2.5, 5 × 10^k is 0.25.
        let a = NiceTicks(lower: 0, upper: 1.2)
        #expect(a.values == [0, 0.25, 0.5, 0.75, 1.0])
        #expect(a.values.map(a.label) == ["0", "0.25", "0.50", "0.75", "1.00"])
        // [0, 0.6]/5 = 0.12 → 0.2.
        #expect(NiceTicks(lower: 0, upper: 0.6).values.map(NiceTicks(lower: 0, upper: 0.6).label) == ["0", "0.2", "0.4", "0.6"])
        // [0, 3000]/5 = 600 → 1000.
        #expect(NiceTicks(lower: 0, upper: 3000).values == [0, 1000, 2000, 3000])
        // A value axis widened to ticks: [−0.499, 0.762]/5 ≈ 0.252 → 0.5, so [−0.5, 1].
        let w = NiceTicks.widened(lower: -0.499, upper: 0.762)
        #expect(w.lower == -0.5 && w.upper == 1 && w.ticks.values == [-0.5, 0, 0.5, 1])
    }

    @Test func longTitlesWrapAtCommas() {
        let t = "IR: gdown=1-gup, wc=1, wz=1, wz'=1, eta=1/10, eta'=1/10, kappa=3/50, gup=0.9, lambda=0.5, and, more, settings, here"
        let lines = wrappedTitle(t, width: 60)
        #expect(lines.count == 2 && lines.allSatisfy { $0.count <= 61 })
        #expect(lines.joined(separator: " ") == t)
    }

    @Test func colourScaleDivergesAtZero() {
        // Blue (33, 102, 172) at the negative extreme, red (178, 24, 43) at the positive, white at 0;
        // each side on its own log scale, so 10⁻³ of the extreme is already visibly coloured.
        #expect(IntensityPanel.colour(-0.015, low: -0.015, high: 0.99) == "#2166ac")
        #expect(IntensityPanel.colour(0.99, low: -0.015, high: 0.99) == "#b2182b")
        #expect(IntensityPanel.colour(0, low: -0.015, high: 0.99) == "#ffffff")
        // log(1 + 1)/log(1 + 1000) = 0.1003 of the way at v = 10⁻³ M.
        #expect(abs(IntensityPanel.fraction(0.00099, extreme: 0.99) - 0.10030) < 1e-4)
        #expect(abs(IntensityPanel.value(atFraction: IntensityPanel.fraction(0.3, extreme: 0.99), extreme: 0.99) - 0.3) < 1e-12)
    }
}

extension PlotAxesTests {
    @Test func labelsHaveTheStepsDecimals() {
        // Steps 0.1 → one decimal, 0.05 → two, 2.5 → one, 1000 → none.
        let a = NiceTicks(lower: 0.55, upper: 1)
        #expect(a.step == 0.1 && a.values.map(a.label) == ["0.6", "0.7", "0.8", "0.9", "1.0"])
        let b = NiceTicks(lower: 0, upper: 0.2)
        #expect(b.step == 0.05 && b.label(0.15) == "0.15")
        #expect(NiceTicks(lower: 0, upper: 12).label(7.5) == "7.5")
        #expect(NiceTicks(lower: 0, upper: 3000).label(2000) == "2000")
    }
}
