# CSP Migration Planner. Two commands do everything, set-up included:
#   make run    build the app and serve it on http://127.0.0.1:$(PORT)
#   make test   every test layer, then a size report of dist/
# Each installs what is missing first (scripts/setup.sh), from the package registries only.

PORT ?= 8080
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver

.PHONY: run test setup setup-test build test-native test-wasm test-e2e test-firefox size bench clean

run: setup
	trunk serve --release --address 127.0.0.1 --port $(PORT)

test: setup-test
	scripts/test-all.sh

setup:
	scripts/setup.sh build

setup-test:
	scripts/setup.sh test

# The release app in dist/ (relative asset paths: deploy it at any path).
build: setup
	trunk build --release

# Each test layer alone (after `make setup-test` once).
test-native:
	cargo test

test-wasm:
	cargo test --target wasm32-unknown-unknown --test wasm_ui

test-e2e: build
	node --test --test-concurrency=1 tests/e2e/

test-firefox: build
	node --test --test-concurrency=1 tests/firefox/

size:
	scripts/size-report.sh dist

# Speed and size figures (issue 8): native, in headless Chromium against PapaParse, and dist/.
bench: setup-test
	scripts/bench.sh

clean:
	rm -rf dist target/e2e
