#!/usr/bin/env bash
# Runs the fuzz targets (cargo-fuzz on the nightly toolchain), each for SECONDS (default 300),
# starting from the committed seeds in fuzz/seeds/ and the growing corpus in fuzz/corpus/.
#   scripts/fuzz.sh [SECONDS] [TARGET…]
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
seconds=${1:-300}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(parse_number json_import csv_import link_decode)
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
rustup toolchain list | grep -q nightly || { echo "needs the nightly toolchain: rustup toolchain install nightly"; exit 1; }
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t"
  echo "== $t for ${seconds}s"
  cargo +nightly fuzz run "$t" "corpus/$t" "seeds/$t" -- -max_total_time="$seconds" -max_len=65536 2>&1 \
    | grep -E "^(#[0-9]+[[:space:]]+DONE|Done|==[0-9]+== ERROR|SUMMARY|thread .* panicked)" || true
  echo "== $t: exit ${PIPESTATUS[0]}"
done
