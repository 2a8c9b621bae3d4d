import CLapack
import Foundation

/// OpenBLAS (the pthread build Debian installs) starts its worker threads when the library
/// loads, and an idle worker spins: a `keldysh` run of 60 ms used ~110 ms of CPU, a second core
/// busy doing nothing (measured with `perf stat`, unpinned; `OPENBLAS_NUM_THREADS=1` before the
/// start gives ~63 ms). The matrices here are small (6 × 6 stability matrices, 4 × 4 kernels),
/// which OpenBLAS runs on one thread anyway, so one thread loses nothing.
/// `openblas_set_num_threads(1)` alone leaves the started workers spinning; shutting the thread
/// pool down stops them (a later call that wanted threads would start them again, and with one
/// thread none does). The shutdown entry is looked up at run time: a serial OpenBLAS build has
/// neither the workers nor the symbol.
public enum BLASThreads {
    public static func useOne() {
        openblas_set_num_threads(1)
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "blas_thread_shutdown_") else { return }
        typealias Shutdown = @convention(c) () -> Int32
        _ = unsafeBitCast(symbol, to: Shutdown.self)()
    }

    /// The number of threads OpenBLAS will use for the next call.
    public static var count: Int { Int(openblas_get_num_threads()) }
}
