// Peer benchmark (GiNaC): invert the Nambu ⊗ Keldysh matrix G0^{-1}(ω) of paper 000
// (arXiv:2201.00873, Eq. 7 in frequency space at the saddle point ψ_q = 0, single-frequency
// ansatz ε = ε₀ − μ_S/2); the SymPy twin is nambu_keldysh_sympy.py.
//
//     G0^{-1} = [[R, K], [0, A]]      Keldysh (1,2; Larkin–Ovchinnikov) ⊗ Nambu (b, a)
//     R = [[ω − ε + iγ, −λ], [−λ̄, ω + ε + iγ]]
//     A = [[ω − ε − iγ, −λ], [−λ̄, ω + ε − iγ]]
//     K = diag(2iγ F_b, 2iγ F_a)
//
// ω, ε, F_b, F_a are realsymbols, γ a possymbol; λ = l and λ̄ = lb independent (complex) symbols.
//
// Build:  g++ -O2 -o /tmp/nambu_keldysh_ginac nambu_keldysh_ginac.cpp $(pkg-config --cflags --libs ginac)
// Usage:  nambu_keldysh_ginac [N] [--export PATH]
//
// Times matrix::inverse() followed by normal() of each of the 16 entries, best of N
// (default 3) with std::chrono::steady_clock; the matrix is rebuilt before each repetition
// and not timed. There is no cache to clear as in SymPy (no function with a remember table
// is involved here). Prints one JSON line
//   {"system": "ginac", "method": "inverse+normal", "seconds": best, "checksum": ...}
// with checksum = sha256 of the 16 entries (row-major, GiNaC's default printing, joined by
// "\n"). GiNaC orders terms by hash values that depend on addresses, so the text and the
// checksum are reproducible only with address-space randomisation off, e.g. under
// `setarch $(uname -m) -R` (as run-nambu-keldysh.sh does), and for the same N (the
// exported file comes from N = 1). Then it prints the check
// M·M⁻¹ = 1 (and M⁻¹·M = 1) after normal(). With --export, it writes the 16 entries as
// (i,j) = (numer)/(denom) in KeldyshKit's parser syntax.
#include <ginac/ginac.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

using namespace GiNaC;

// ---- SHA-256 (FIPS 180-4), enough for a checksum of a short text ----
static std::string sha256(const std::string &msg) {
    static const uint32_t k[64] = {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};
    uint32_t h[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                     0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    std::vector<uint8_t> data(msg.begin(), msg.end());
    uint64_t bits = uint64_t(msg.size()) * 8;
    data.push_back(0x80);
    while (data.size() % 64 != 56) data.push_back(0);
    for (int i = 7; i >= 0; --i) data.push_back(uint8_t(bits >> (8 * i)));
    auto rotr = [](uint32_t x, int n) { return (x >> n) | (x << (32 - n)); };
    for (size_t off = 0; off < data.size(); off += 64) {
        uint32_t w[64];
        for (int i = 0; i < 16; ++i)
            w[i] = uint32_t(data[off + 4 * i]) << 24 | uint32_t(data[off + 4 * i + 1]) << 16 |
                   uint32_t(data[off + 4 * i + 2]) << 8 | uint32_t(data[off + 4 * i + 3]);
        for (int i = 16; i < 64; ++i) {
            uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
            uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16] + s0 + w[i - 7] + s1;
        }
        uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
        for (int i = 0; i < 64; ++i) {
            uint32_t t1 = hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + k[i] + w[i];
            uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
            hh = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
        }
        h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
    }
    char out[65];
    for (int i = 0; i < 8; ++i) std::snprintf(out + 8 * i, 9, "%08x", h[i]);
    return std::string(out, 64);
}

static const realsymbol omega("omega"), eps("eps"), Fb("Fb"), Fa("Fa");
static const possymbol gam("gamma");
static const symbol l("l"), lb("lb");

static matrix build() {
    return matrix{{omega - eps + I * gam, -l, 2 * I * gam * Fb, 0},
                  {-lb, omega + eps + I * gam, 0, 2 * I * gam * Fa},
                  {0, 0, omega - eps - I * gam, -l},
                  {0, 0, -lb, omega + eps - I * gam}};
}

static matrix invert(const matrix &m) {
    matrix inv = m.inverse();
    for (unsigned i = 0; i < 4; ++i)
        for (unsigned j = 0; j < 4; ++j) inv(i, j) = inv(i, j).normal();
    return inv;
}

static std::string str(const ex &e) {
    std::ostringstream s;
    s << e;
    return s.str();
}

static bool is_identity(const matrix &p) {
    for (unsigned i = 0; i < 4; ++i)
        for (unsigned j = 0; j < 4; ++j)
            if (!(p(i, j).normal() - (i == j ? 1 : 0)).is_zero()) return false;
    return true;
}

int main(int argc, char **argv) {
    int reps = 3;
    const char *exportPath = nullptr;
    for (int a = 1; a < argc; ++a) {
        if (std::strcmp(argv[a], "--export") == 0 && a + 1 < argc) exportPath = argv[++a];
        else reps = std::max(1, std::atoi(argv[a]));
    }

    std::vector<double> times;
    matrix inv;
    for (int r = 0; r < reps; ++r) {
        matrix m = build();
        auto t0 = std::chrono::steady_clock::now();
        inv = invert(m);
        auto t1 = std::chrono::steady_clock::now();
        times.push_back(std::chrono::duration<double>(t1 - t0).count());
    }
    std::string text;
    for (unsigned i = 0; i < 4; ++i)
        for (unsigned j = 0; j < 4; ++j) text += (i || j ? "\n" : "") + str(inv(i, j));

    std::printf("{\"system\": \"ginac\", \"version\": \"%d.%d.%d\", \"method\": \"inverse+normal\", "
                "\"workload\": \"inv+normal\", \"reps\": %d, \"seconds\": %.9g, \"all_seconds\": [",
                GINACLIB_MAJOR_VERSION, GINACLIB_MINOR_VERSION, GINACLIB_MICRO_VERSION, reps,
                *std::min_element(times.begin(), times.end()));
    for (size_t i = 0; i < times.size(); ++i) std::printf("%s%.6g", i ? ", " : "", times[i]);
    std::printf("], \"checksum\": \"%s\"}\n", sha256(text).c_str());

    matrix m = build();
    bool ok = is_identity(m.mul(inv)) && is_identity(inv.mul(m));
    std::printf("{\"check\": \"M*Minv == 1 and Minv*M == 1 after normal\", \"method\": \"inverse+normal\", "
                "\"ok\": %s}\n", ok ? "true" : "false");

    if (exportPath) {
        std::ofstream out(exportPath);
        out << "# G0 = (G0^{-1})^{-1}, paper 000 Eq. 7 / A14, 4x4, rows/cols (1b, 1a, 2b, 2a):\n"
            << "#   G0^{-1} = [[w-eps+I*gamma, -l, 2*I*gamma*Fb, 0], [-lb, w+eps+I*gamma, 0, 2*I*gamma*Fa],\n"
            << "#              [0, 0, w-eps-I*gamma, -l], [0, 0, -lb, w+eps-I*gamma]]   (w = omega)\n"
            << "# Produced by GiNaC " << GINACLIB_MAJOR_VERSION << "." << GINACLIB_MINOR_VERSION << "."
            << GINACLIB_MICRO_VERSION << " (CLN backend): matrix::inverse(), then normal() of each entry,\n"
            << "# written as (numer)/(denom) of normal().numer_denom(), GiNaC's default printing\n"
            << "# (Benchmarks/peers/nambu_keldysh_ginac.cpp --export, run by\n"
            << "# Benchmarks/run-nambu-keldysh.sh --write-reference, which also checks:\n"
            << "# M*Minv = Minv*M = 1 after normal() in GiNaC; every entry equal to SymPy's\n"
            << "# Matrix.inv + cancel() (g0-inverse-sympy.txt, nambu_keldysh_sympy.py --compare), which\n"
            << "# equals A15-A17 of the paper with lambda = g*psi_f, E^2 = eps^2 + l*lb (--check).\n"
            << "# Not reduced: GiNaC's normal() cancels common factors treating I like a symbol (it does\n"
            << "# not use I^2 = -1), so an entry may keep a factor common to numerator and denominator,\n"
            << "# e.g. with GiNaC 1.8.6 (1,1) keeps (I*gamma+omega-eps); the reduced forms are in\n"
            << "# g0-inverse-sympy.txt.\n"
            << "# Symbols: omega, eps, gamma, Fb, Fa real (gamma > 0); l = lambda and lb = conj(lambda)\n"
            << "# independent; I = sqrt(-1). Syntax: * products, ^ powers.\n";
        for (unsigned i = 0; i < 4; ++i)
            for (unsigned j = 0; j < 4; ++j) {
                ex nd = inv(i, j).numer_denom();
                out << "(" << i + 1 << "," << j + 1 << ") = (" << nd.op(0) << ")/(" << nd.op(1) << ")\n";
            }
    }
    return ok ? 0 : 1;
}
