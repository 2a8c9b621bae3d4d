#!/bin/sh
# The Double complex digamma, ComplexPolygamma.digamma, before and after: the working tree's
# Sources/Numerics/Support/ComplexPolygamma.swift against the same file at BASE (default
# 2363757, the version with the |w| ≥ 10 recurrence), both with `swiftc -O` outside SwiftPM
# (no release build of Benchmarks/ needed: the file needs only swift-numerics), then
# scipy.special.digamma on the same points. One core (taskset -c 0), thread CPU time, and the
# peak memory of each process.
# Usage: Benchmarks/run-digamma-double.sh [BASE]
# Needs a swift-numerics checkout (from any `swift build` of KeldyshKit or of Benchmarks/)
# and python3 with numpy and scipy. Nothing is written into the repository.
set -e
cd "$(dirname "$0")/.."
BASE=${1:-2363757}
NUMERICS=""
for d in .build/checkouts/swift-numerics Benchmarks/.build/checkouts/swift-numerics; do
    [ -d "$d/Sources/ComplexModule" ] && NUMERICS=$PWD/$d && break
done
[ -n "$NUMERICS" ] || { echo "no swift-numerics checkout: run swift build first" >&2; exit 1; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
S=$NUMERICS/Sources
SHIMS="-Xcc -fmodule-map-file=$S/_NumericsShims/include/module.modulemap -I $S/_NumericsShims/include"
swiftc -O -parse-as-library -emit-module -emit-library -module-name RealModule \
    $SHIMS $S/RealModule/*.swift -emit-module-path "$WORK/RealModule.swiftmodule" -o "$WORK/libRealModule.so"
swiftc -O -parse-as-library -emit-module -emit-library -module-name ComplexModule -I "$WORK" \
    $SHIMS $S/ComplexModule/*.swift -L "$WORK" -lRealModule -emit-module-path "$WORK/ComplexModule.swiftmodule" -o "$WORK/libComplexModule.so"
git show "$BASE:Sources/Numerics/Support/ComplexPolygamma.swift" > "$WORK/Old.swift"
cp Sources/Numerics/Support/ComplexPolygamma.swift "$WORK/New.swift"
for m in Old New; do
    swiftc -O -parse-as-library -emit-module -emit-library -module-name $m -I "$WORK" $SHIMS \
        "$WORK/$m.swift" -emit-module-path "$WORK/$m.swiftmodule" -L "$WORK" -lComplexModule -lRealModule -o "$WORK/lib$m.so"
done
swiftc -O -I "$WORK" -L "$WORK" $SHIMS -lOld -lNew -lComplexModule -lRealModule -Xlinker -rpath -Xlinker "$WORK" \
    Benchmarks/Standalone/DigammaDouble/main.swift -o "$WORK/digamma-double"
run() {
    taskset -c 0 /usr/bin/time -v "$@" 2>"$WORK/time.log" || { cat "$WORK/time.log"; exit 1; }
    grep -E "Maximum resident set size" "$WORK/time.log" | sed 's/^[[:space:]]*/   /'
}
run "$WORK/digamma-double"
run python3 Benchmarks/peers/digamma_scipy.py
