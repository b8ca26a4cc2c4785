#!/usr/bin/env bash
# Installs what building and testing need, from the package registries only
# (crates.io, npm, Debian). Idempotent: every step checks what is already there
# and its version first, so a second run installs nothing and takes seconds.
#
#   scripts/setup.sh build   wasm32 target, wasm-bindgen-cli, Trunk, npm packages, crates
#   scripts/setup.sh test    the same, plus Debian's Chromium, ChromeDriver, Firefox ESR and pdftotext
set -euo pipefail

WASM_BINDGEN_VERSION=0.2.130   # must equal the `=` pin in Cargo.toml and Trunk.toml
TRUNK_VERSION=0.21.14          # 0.22 needs a newer rustc than this machine's 1.95
mode=${1:-build}
cd "$(dirname "$0")/.."

step() { printf '\n== setup: %s\n' "$*"; }
have_version() { command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | grep -qF "$2"; }

export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# make test checks formatting and lints first.
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    step "rust component $component"
    rustup component add "$component"
  fi
done

# Cargo tools go to cargo's own bin directory so later runs on this machine reuse them.
# Building them without LTO and with more codegen units halves the install time.
quick_install() {
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 cargo install "$@"
}
if ! have_version wasm-bindgen "$WASM_BINDGEN_VERSION"; then
  step "wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 2 minutes)"
  # Not --locked: a dependency version locked by this release is gone from the registry.
  quick_install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi
if ! have_version trunk "$TRUNK_VERSION"; then
  step "trunk $TRUNK_VERSION (about 5 minutes)"
  quick_install trunk --version "$TRUNK_VERSION" --locked --force
fi

# npm packages: wasm-opt (binaryen), playwright-core, puppeteer-core, axe-core. Neither
# driver downloads a browser; the tests drive Debian's Chromium and Firefox ESR.
if [ ! -x node_modules/.bin/wasm-opt ] || ! npm ls --silent >/dev/null 2>&1; then
  step "npm packages"
  PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund
fi

# Trunk runs cargo offline (Trunk.toml): fetch the crates for both targets first.
step "crates"
cargo fetch --quiet

if [ "$mode" = test ]; then
  missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
  [ -x /usr/bin/firefox-esr ] || missing+=(firefox-esr)
  command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
  command -v brotli >/dev/null 2>&1 || missing+=(brotli)
  if [ ${#missing[@]} -gt 0 ]; then
    step "Debian packages: ${missing[*]}"
    sudo_cmd=()
    [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
fi
step "ready"
