#!/usr/bin/env bash
# Where the planner module's bytes go: builds it with its function names kept (the
# `release-names` profile: the release profile without stripping), runs
# wasm-bindgen and wasm-opt (-Oz, names kept) as Trunk does, and prints twiggy's
# largest items and dominator tree (written to target/size-profile/).
# Needs twiggy: `cargo install twiggy`.
#   scripts/size-profile.sh [bin]     bin: csp-planner (default) or csp-planner-start
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
bin=${1:-csp-planner}
out=target/size-profile
command -v twiggy >/dev/null || { echo "twiggy is missing: cargo install twiggy" >&2; exit 1; }
cargo build --quiet --target wasm32-unknown-unknown --profile release-names --bin "$bin"
wasm-bindgen --target web --out-dir "$out" "target/wasm32-unknown-unknown/release-names/$bin.wasm"
wasm-opt -Oz --debuginfo "$out/${bin}_bg.wasm" -o "$out/$bin.opt.wasm"
printf '%s: %d bytes after wasm-opt -Oz (names kept), %d gzipped without names\n' "$bin" \
  "$(wc -c < "$out/$bin.opt.wasm")" "$(wasm-opt -Oz "$out/$bin.opt.wasm" -o - | gzip -9 | wc -c)"
twiggy top -n 50 "$out/$bin.opt.wasm" | tee "$out/top.txt"
twiggy dominators -d 4 -r 60 "$out/$bin.opt.wasm" > "$out/dominators.txt"
echo "dominator tree in $out/dominators.txt"
