#!/usr/bin/env bash
# Installs what the build and tests need, skipping what is already there at the right version.
# Verified recipe: ../shared/ENVIRONMENT.md (no internet except package registries).
#
#   scripts/tools.sh build    Rust wasm target, pinned Trunk, wasm-bindgen-cli matching Cargo.lock,
#                             wasm-split-cli, npm packages (wasm-opt from binaryen@132, Playwright)
#   scripts/tools.sh browser  Debian's Chromium and a CJK font for screenshots
#   scripts/tools.sh webkit   WebKitGTK and its WebDriver (make bench counts WebKit's downloads)
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# Splits the wasm into the part fetched at start and the parts fetched when opened
# (scripts/wasm.mjs); pinned with the wasm_split_helpers that Leptos uses (Cargo.lock).
WASM_SPLIT_VERSION=0.2.4
say() { printf '\033[1m[tools]\033[0m %s\n' "$*"; }

need_root() {
  # Prints the command for a non-root user instead of failing obscurely.
  if [ "$(id -u)" -ne 0 ]; then
    say "please run as root (or with sudo): $*"
    exit 1
  fi
}

wasm_bindgen_version() {
  # The wasm-bindgen version in Cargo.lock: the CLI must match it exactly.
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

rust_tools() {
  command -v cargo >/dev/null || { say "Rust is missing: install rustup from https://rustup.rs"; exit 1; }
  if ! rustup target list --installed 2>/dev/null | grep -q '^wasm32-unknown-unknown$'; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  if ! trunk --version 2>/dev/null | grep -q " ${TRUNK_VERSION}\$"; then
    say "installing trunk ${TRUNK_VERSION} (about 7 minutes on 2 cores)"
    cargo install trunk --locked --version "${TRUNK_VERSION}"
  fi
  # (it prints no version of its own: cargo's list of installed crates says which)
  if ! command -v wasm-split-cli >/dev/null \
    || ! cargo install --list 2>/dev/null | grep -q "^wasm_split_cli_support v${WASM_SPLIT_VERSION}:"; then
    say "installing wasm-split-cli ${WASM_SPLIT_VERSION} (about 2 minutes)"
    cargo install wasm_split_cli_support --version "${WASM_SPLIT_VERSION}" --features build-binary --locked
  fi
  local wbg
  wbg=$(wasm_bindgen_version)
  if ! grep -q "wasm_bindgen = \"${wbg}\"" Trunk.toml; then
    say "Trunk.toml pins a wasm-bindgen other than Cargo.lock's ${wbg}: update [tools] in Trunk.toml"
    exit 1
  fi
  if ! wasm-bindgen --version 2>/dev/null | grep -q " ${wbg}\$"; then
    say "installing wasm-bindgen-cli ${wbg} (about 2 minutes)"
    # No --locked: its lock file names a crate version the registry no longer serves.
    cargo install wasm-bindgen-cli --version "${wbg}"
  fi
}

npm_tools() {
  command -v npm >/dev/null || { say "Node.js 20 and npm are missing"; exit 1; }
  local stamp=node_modules/.ccp-lock-sha
  local want
  want=$(sha256sum package-lock.json | cut -d' ' -f1)
  if [ ! -x node_modules/.bin/wasm-opt ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    say "installing npm packages (npm ci)"
    npm ci --no-audit --no-fund
    echo "$want" > "$stamp"
  fi
  # Debian's binaryen 108 breaks wasm-bindgen's externref table; binaryen@132 from npm works.
  node_modules/.bin/wasm-opt --version | grep -q "version 132" || { say "wrong wasm-opt"; exit 1; }
}

browser_tools() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  # A CJK font only makes the screenshots readable; the tests pass without it.
  local font_missing=0
  fc-list 2>/dev/null | grep -qi 'wenquanyi\|noto sans cjk' || font_missing=1
  if [ "$(id -u)" -eq 0 ] && [ "$font_missing" -eq 1 ]; then
    missing+=(fonts-wqy-microhei)
  elif [ "$font_missing" -eq 1 ]; then
    say "no CJK font: screenshots will show boxes for Chinese (apt-get install fonts-wqy-microhei)"
  fi
  if [ ${#missing[@]} -gt 0 ]; then
    need_root "apt-get update && apt-get install -y ${missing[*]}"
    say "installing ${missing[*]} from Debian"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

webkit_tools() {
  if [ -x /usr/bin/WebKitWebDriver ] && [ -x /usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser ] && command -v xvfb-run >/dev/null; then
    return
  fi
  need_root "apt-get update && apt-get install -y webkit2gtk-driver libwebkit2gtk-4.1-0 xvfb"
  say "installing WebKitGTK and its WebDriver from Debian"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq webkit2gtk-driver libwebkit2gtk-4.1-0 xvfb >/dev/null
}

case "${1:-build}" in
  build) rust_tools; npm_tools ;;
  browser) browser_tools ;;
  webkit) webkit_tools ;;
  all) rust_tools; npm_tools; browser_tools ;;
  *) echo "usage: $0 [build|browser|webkit|all]"; exit 2 ;;
esac
