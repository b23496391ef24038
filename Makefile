# Customer Cost Planner: the two commands a new user needs are `make serve` and `make test`.
# Each installs what is missing (scripts/tools.sh) and skips what is present.

SHELL := /bin/bash
.DEFAULT_GOAL := help
# wasm-opt from npm's binaryen@132 must come first: Debian's binaryen 108 breaks the build.
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CARGO_TERM_COLOR ?= never

.PHONY: help tools serve build test check lint unit e2e bench fuzz clean

FUZZ_SECONDS ?= 300

help:
	@echo "make serve   build and serve the app on http://127.0.0.1:8080 (example plan loaded)"
	@echo "make test    fmt, clippy (native + wasm32), native tests, release build, browser tests"
	@echo "make build   release build into dist/ (static files, works from any sub-path)"
	@echo "make bench   print size and speed figures (not a gate)"

tools:
	@scripts/tools.sh build

serve: tools
	@mkdir -p target
	trunk serve --offline

build: tools
	trunk build --release --offline

# Natively the crate is built without the browser app (`--no-default-features`): the model,
# the session, the formats and `ccp` are all the native tests need, and leaving Leptos and
# web-sys out of the native builds takes a cold lint and test from 249 s to 39 s. The app's
# code is linted where it runs, for wasm32.
NATIVE := --no-default-features

lint: tools
	cargo fmt --all -- --check
	cargo clippy $(NATIVE) --all-targets -- -D warnings
	cargo clippy --all-targets --target wasm32-unknown-unknown -- -D warnings

unit:
	cargo test $(NATIVE) --all-targets
	cargo test $(NATIVE) --doc

e2e: build
	@scripts/tools.sh browser
	cargo build $(NATIVE) --bin ccp
	npx playwright test --config e2e/playwright.config.mjs

test: lint unit e2e

# Figures, not a gate: CI prints them after the tests. Sizes, Lighthouse (mobile and desktop),
# start-up, keystroke latency and memory in the browser (scripts/bench.mjs), then the model and
# the session natively.
bench: build
	@scripts/tools.sh browser
	@scripts/tools.sh webkit || echo "no WebKitGTK: WebKit's downloads are not measured"
	node scripts/bench.mjs
	cargo run --release --no-default-features --example bench_model
	cargo run --release --no-default-features --example bench_session
	cargo run --release --no-default-features --example bench_analysis

fuzz:
	scripts/fuzz.sh $(FUZZ_SECONDS)

clean:
	cargo clean
	rm -rf dist e2e/artifacts test-results
