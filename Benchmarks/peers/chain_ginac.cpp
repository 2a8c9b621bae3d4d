// Peer benchmark (GiNaC) for the slowest step of paper 000's chain (issue 12): G = K⁻¹ of the
// spinor φ = (b, a), with K the 4×4 Nambu ⊗ Keldysh kernel *as KeldyshKit derives it from
// model.kd* — the same matrix chain_sympy.py inverts (entries in ε₀, μ_S, g, ψ_f, conj(ψ_f), γ, ω,
// F_b(ω + μ_S/2), F_a(ω − μ_S/2)), read from KeldyshKit's export (ChainBenchmark MODEL.kd 1
// --export DIR writes DIR/kernel.txt and DIR/greens.txt, 16 entries a file, row-major).
//
// Reading: conj(psi_f) becomes the symbol psi_fc, F_b(…) and F_a(…) the symbols Fb, Fa (each
// occurs with one argument only, so they are atoms of the algebra), ω the symbol omega; every
// symbol is a plain (complex) GiNaC symbol, as in SymPy's twin. GiNaC's parser reads the rest.
//
// Build:  g++ -O2 -o /tmp/chain_ginac chain_ginac.cpp $(pkg-config --cflags --libs ginac)
// Usage:  chain_ginac DIR [N] [--check]
//
// Times matrix::inverse() (GiNaC's default: Gaussian elimination with normal() of the pivots)
// followed by normal() of each of the 16 entries, best of N (default 3), std::chrono::steady_clock;
// reading and parsing are not timed. Prints one JSON line
//   {"system": "ginac", "method": "inverse+normal", "seconds": best, "all_seconds": [...]}
// With --check (untimed): every entry of GiNaC's inverse minus KeldyshKit's (DIR/greens.txt),
// normal(), is 0, and K·G = 1; prints {"check": ..., "ok": ...} and exits 1 if not.
#include <ginac/ginac.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

using namespace GiNaC;

static symtab names() {
    symtab t;
    for (const char *n : {"eps0", "muS", "g", "psi_f", "psi_fc", "gamma", "omega", "Fb", "Fa"}) t[n] = symbol(n);
    t["I"] = I;
    return t;
}

static std::string rewrite(std::string s) {
    s = std::regex_replace(s, std::regex("conj\\(psi_f\\)"), "psi_fc");
    s = std::regex_replace(s, std::regex("F_b\\([^)]*\\)"), "Fb");
    s = std::regex_replace(s, std::regex("F_a\\([^)]*\\)"), "Fa");
    s = std::regex_replace(s, std::regex("\xcf\x89"), "omega");  // ω
    return s;
}

static matrix read(const std::string &path, parser &p) {
    std::ifstream in(path);
    if (!in) { std::cerr << "cannot read " << path << "\n"; std::exit(2); }
    std::vector<ex> entries;
    std::string line;
    while (std::getline(in, line)) {
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        entries.push_back(p(rewrite(line)));
    }
    if (entries.size() != 16) { std::cerr << path << ": " << entries.size() << " entries, expected 16\n"; std::exit(2); }
    matrix m(4, 4);
    for (unsigned i = 0; i < 16; ++i) m(i / 4, i % 4) = entries[i];
    return m;
}

int main(int argc, char **argv) {
    if (argc < 2) { std::cerr << "usage: chain_ginac DIR [N] [--check]\n"; return 2; }
    std::string dir = argv[1];
    int reps = 3;
    bool check = false;
    for (int a = 2; a < argc; ++a) {
        if (std::strcmp(argv[a], "--check") == 0) check = true;
        else reps = std::max(1, std::atoi(argv[a]));
    }
    parser p(names(), true);  // strict: a name not in the table is an error
    matrix k = read(dir + "/kernel.txt", p);
    std::vector<double> times;
    matrix g;
    for (int r = 0; r < reps; ++r) {
        auto t0 = std::chrono::steady_clock::now();
        matrix inv = k.inverse();
        for (unsigned i = 0; i < 4; ++i)
            for (unsigned j = 0; j < 4; ++j) inv(i, j) = inv(i, j).normal();
        auto t1 = std::chrono::steady_clock::now();
        times.push_back(std::chrono::duration<double>(t1 - t0).count());
        g = inv;
    }
    std::ostringstream all;
    for (size_t i = 0; i < times.size(); ++i) all << (i ? ", " : "") << times[i];
    std::printf("{\"system\": \"ginac\", \"version\": \"%d.%d.%d\", \"method\": \"inverse+normal\", \"seconds\": %.6g, "
                "\"all_seconds\": [%s]}\n", GINACLIB_MAJOR_VERSION, GINACLIB_MINOR_VERSION, GINACLIB_MICRO_VERSION,
                *std::min_element(times.begin(), times.end()), all.str().c_str());
    if (check) {
        matrix kk = read(dir + "/greens.txt", p);
        bool same = true, identity = true;
        matrix prod = k.mul(g);
        for (unsigned i = 0; i < 4; ++i)
            for (unsigned j = 0; j < 4; ++j) {
                if (!(g(i, j) - kk(i, j)).normal().is_zero()) same = false;
                if (!(prod(i, j).normal() - (i == j ? 1 : 0)).is_zero()) identity = false;
            }
        std::printf("{\"check\": \"GiNaC's G equals KeldyshKit's entry by entry; K·G = 1\", \"ok\": %s, "
                    "\"entries_equal\": %s, \"k_times_g_is_1\": %s}\n", same && identity ? "true" : "false",
                    same ? "true" : "false", identity ? "true" : "false");
        if (!(same && identity)) return 1;
    }
    return 0;
}
