#!/usr/bin/env bash
# Runs every test layer in order and stops at the first failure:
#   1. rustfmt --check and clippy with warnings denied, native and wasm32
#   2. native unit, golden and property tests (cargo test)
#   3. wasm tests in headless Chromium (wasm-bindgen-test)
#   4. the release build (trunk)
#   5. end-to-end tests driving the built dist/ in Debian's Chromium (playwright-core)
#   6. the same app in Debian's Firefox ESR (puppeteer-core over WebDriver BiDi)
#   7. a size report of dist/
# and closes with one line `N passed, N failed` counting all layers.
set -uo pipefail
cd "$(dirname "$0")/.."
logs=target/test-logs
mkdir -p "$logs"
passed=0; failed=0

summary() { printf '\n%d passed, %d failed\n' "$passed" "$failed"; }
fail() { printf '\ntest layer failed: %s (log: %s)\n' "$1" "$2"; summary; exit 1; }

# Adds up the `test result:` lines that cargo and wasm-bindgen-test-runner print.
count_rust() {
  local p f
  p=$(grep -oE 'test result: [A-Za-z]+\. [0-9]+ passed' "$1" | grep -oE '[0-9]+ passed' | awk '{s+=$1} END {print s+0}')
  f=$(grep -oE '[0-9]+ failed;' "$1" | awk '{s+=$1} END {print s+0}')
  passed=$((passed + p)); failed=$((failed + f))
  printf -- '-- %s: %d passed, %d failed\n' "$2" "$p" "$f"
}
# Adds up node's test runner (TAP reporter) totals.
count_node() {
  local p f
  p=$(grep -E '^# pass [0-9]+' "$1" | awk '{s+=$3} END {print s+0}')
  f=$(grep -E '^# fail [0-9]+' "$1" | awk '{s+=$3} END {print s+0}')
  passed=$((passed + p)); failed=$((failed + f))
  printf -- '-- %s: %d passed, %d failed\n' "$2" "$p" "$f"
}

# Free disk space, so a run that stops on a full disk says so at its top.
df -h . | awk 'NR == 2 { print "disk: " $4 " free of " $2 }'

echo "== 1/7 formatting and lints (rustfmt, clippy for both targets, warnings denied)"
{
  cargo fmt --check &&
  cargo clippy --all-targets --features bench -- -D warnings &&
  cargo clippy --target wasm32-unknown-unknown --features bench --lib --bins --test wasm_ui -- -D warnings
} 2>&1 | tee "$logs/lint.log"; status=${PIPESTATUS[0]}
[ "$status" -eq 0 ] || fail "formatting and lints" "$logs/lint.log"

echo "== 2/7 native tests"
cargo test 2>&1 | tee "$logs/native.log"; status=${PIPESTATUS[0]}
count_rust "$logs/native.log" "native tests"
[ "$status" -eq 0 ] || fail "native tests" "$logs/native.log"

echo "== 3/7 wasm tests in headless Chromium"
cargo test --target wasm32-unknown-unknown --test wasm_ui 2>&1 | tee "$logs/wasm.log"; status=${PIPESTATUS[0]}
count_rust "$logs/wasm.log" "wasm tests"
[ "$status" -eq 0 ] || fail "wasm tests" "$logs/wasm.log"

echo "== 4/7 release build"
trunk build --release 2>&1 | tee "$logs/build.log"; status=${PIPESTATUS[0]}
[ "$status" -eq 0 ] || fail "release build" "$logs/build.log"

echo "== 5/7 end-to-end tests in Chromium"
node --test --test-concurrency=1 --test-reporter=tap tests/e2e/ 2>&1 | tee "$logs/e2e.log"; status=${PIPESTATUS[0]}
count_node "$logs/e2e.log" "end-to-end tests"
[ "$status" -eq 0 ] || fail "end-to-end tests" "$logs/e2e.log"

echo "== 6/7 Firefox tests"
node --test --test-concurrency=1 --test-reporter=tap tests/firefox/ 2>&1 | tee "$logs/firefox.log"; status=${PIPESTATUS[0]}
count_node "$logs/firefox.log" "Firefox tests"
[ "$status" -eq 0 ] || fail "Firefox tests" "$logs/firefox.log"

echo "== 7/7 size report"
scripts/size-report.sh dist | tee "$logs/size.log"

summary
[ "$failed" -eq 0 ]
