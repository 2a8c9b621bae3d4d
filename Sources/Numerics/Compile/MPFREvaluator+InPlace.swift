import ArbitraryPrecision
import CMPFR

// Entry points for kernels that call an MPFR evaluator many times in a loop (quadrature,
// root polishing): inputs and outputs move through mpfr pointers, so an evaluation
// allocates nothing.
extension MPFREvaluator {
    /// Sets real input k (the k-th real input of the tape, see `CompiledFunction.inputCount`).
    func setRealInput(_ k: Int, _ x: UnsafePointer<__mpfr_struct>) {
        mpfr_set(registers + k, x, MPFR_RNDN)
    }

    /// Runs the tape on the inputs set so far.
    func evaluateInPlace() { run() }

    /// Register holding the real (or imaginary) part of output k after `evaluateInPlace()`.
    func outputRe(_ k: Int) -> UnsafeMutablePointer<__mpfr_struct> { registers + Int(function.tape.outputs[k].re) }
    func outputIm(_ k: Int) -> UnsafeMutablePointer<__mpfr_struct> { registers + Int(function.tape.outputs[k].im) }
}
