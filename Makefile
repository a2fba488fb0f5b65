# tokenvet — build, demo and test targets. `make help` lists them.

GO        ?= go
BIN       := bin/tokenvet
DEMO      := testdata/demo
# Pinned tool versions: a build must not change because a tool released.
STATICCHECK_VERSION := v0.8.2
ACTIONLINT_VERSION := v1.7.12
GOLANGCI_LINT_VERSION := v2.15.0
GITLEAKS_VERSION    := v8.30.1
# gore2regex: gitleaks' rules run on a pure-Go RE2 (WebAssembly, no cgo),
# several times faster than regexp; upstream's release binaries use it.
# `go build ./cmd/tokenvet` without it works too, only slower.
GOTAGS    ?= gore2regex
# devtools: the development programs under internal/tools build only with
# this tag, so that `go install ./...` (what pre-commit's golang hook runs)
# installs the tokenvet command alone. vet, test and lint pass it so the
# programs are still checked.
DEVTOOLS  := -tags devtools

.PHONY: help build install demo test vet-demo lint bench bench-load bench-secrets docs clean lint-actions golangci-e2e pre-commit-ci

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-10s %s\n", $$1, $$2}'

build: ## build bin/tokenvet
	$(GO) build -tags '$(GOTAGS)' -o $(BIN) ./cmd/tokenvet

install: ## go install tokenvet into $(go env GOPATH)/bin
	$(GO) install -tags '$(GOTAGS)' ./cmd/tokenvet

# The demo project is full of planted mistakes, so tokenvet exits 1 on it:
# that is the expected result, and `make demo` then exits 0. Any other exit
# status (0: nothing found, 2: an error) fails the target.
demo: build ## scan testdata/demo, print findings, write tokenvet.sarif
	@cd $(DEMO) && ../../$(BIN) scan --also sarif=../../tokenvet.sarif ./... ; status=$$?; \
	if [ $$status -ne 1 ]; then echo "make demo: expected tokenvet to exit 1 on the demo's findings, got $$status" >&2; exit 1; fi
	@$(GO) run $(DEVTOOLS) ./internal/tools/sarifcheck tokenvet.sarif || [ $$? -eq 2 ]
	@echo "make demo: tokenvet found the demo's planted findings (exit status 1, as expected); SARIF written to tokenvet.sarif"

test: ## go vet, unit and end-to-end tests with -race (golangci-lint plugin and pre-commit e2e included), go vet -vettool on the demo, actionlint, bounded fuzzing (web engine, Go fallback, secrets engine)
	$(GO) vet $(DEVTOOLS) ./...
	$(MAKE) pre-commit-ci
	@test -z "$$(gofmt -l $$(git ls-files '*.go' | grep -v '^testdata/'))" || { echo "gofmt needed:"; gofmt -l $$(git ls-files '*.go' | grep -v '^testdata/'); exit 1; }
	TOKENVET_GOLANGCI_E2E=1 $(GO) test $(DEVTOOLS) -race -count=1 ./...
	$(MAKE) vet-demo
	$(MAKE) lint-actions
	$(MAKE) test-fuzz

# The pre-commit framework, for internal/e2e's TestPreCommitFramework: when
# it is missing, installed from Debian where this machine can (root or
# passwordless sudo, apt-get), so that a CI runner always runs the test.
# Elsewhere the test says it was skipped; with CI set it fails instead.
pre-commit-ci:
	@if ! command -v pre-commit >/dev/null 2>&1; then \
		if command -v apt-get >/dev/null 2>&1 && { [ "$$(id -u)" = 0 ] || sudo -n true 2>/dev/null; }; then \
			SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
			echo "installing pre-commit from Debian for the pre-commit end-to-end test"; \
			$$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pre-commit >/dev/null; \
		else \
			echo "pre-commit is not installed and cannot be installed here: TestPreCommitFramework will be skipped (it fails when CI is set)" >&2; \
		fi; \
	fi

# go vet exits 1 when the tool reports diagnostics; the demo must produce
# some, and only tokenvet's.
vet-demo: build ## run go vet -vettool=bin/tokenvet on the demo
	@cd $(DEMO) && $(GO) vet -vettool=$(abspath $(BIN)) ./... > ../../bin/vet-demo.txt 2>&1; status=$$?; \
	cat ../../bin/vet-demo.txt; \
	if [ $$status -ne 1 ] || ! grep -q 'none algorithm' ../../bin/vet-demo.txt; then echo "vet-demo: expected jwt-none-alg diagnostics and exit status 1, got $$status" >&2; exit 1; fi

lint: ## gofmt, go vet and staticcheck (pinned)
	@test -z "$$(gofmt -l $$(git ls-files '*.go' | grep -v '^testdata/'))" || { gofmt -l $$(git ls-files '*.go' | grep -v '^testdata/'); exit 1; }
	$(GO) vet $(DEVTOOLS) ./...
	$(GO) run honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION) $(DEVTOOLS) ./...
	$(MAKE) lint-actions

# actionlint's shellcheck and pyflakes integrations are off so that the
# result does not depend on what else the machine has installed.
# actionlint reads action.yml only for its inputs when a workflow uses
# it; actionwf turns its steps into a workflow so they are checked too.
lint-actions: ## actionlint (pinned) on .github/workflows and action.yml
	$(GO) run github.com/rhysd/actionlint/cmd/actionlint@$(ACTIONLINT_VERSION) -shellcheck= -pyflakes= .github/workflows/*.yml
	@mkdir -p bin
	$(GO) run $(DEVTOOLS) ./internal/tools/actionwf action.yml > bin/action-as-workflow.yml
	$(GO) run github.com/rhysd/actionlint/cmd/actionlint@$(ACTIONLINT_VERSION) -shellcheck= -pyflakes= bin/action-as-workflow.yml

# Builds golangci-lint with tokenvet's module plugin from the module
# proxy (as `golangci-lint custom` would from a git clone) and checks it
# reports the demo's Go findings exactly as `tokenvet scan` does.
golangci-e2e: ## golangci-lint (pinned) with the tokenvet plugin, on the demo
	GOLANGCI_LINT_VERSION=$(GOLANGCI_LINT_VERSION) TOKENVET_GOLANGCI_E2E=1 $(GO) test -count=1 -run TestGolangciPlugin -v ./plugins/golangci

bench: ## benchmarks (pipeline on the demo, walk, secrets) and the gitleaks comparison; `make bench-load` times cold scans against go vet
	$(GO) test -run '^$$' -bench . -benchmem ./...
	$(MAKE) bench-secrets

# A generated module of LOADBENCH_PACKAGES packages importing much of the
# standard library and each other: go vet ./... and tokenvet scan, each
# with an empty GOCACHE (a temporary directory), then tokenvet warm and
# on an unchanged tree, with ratios. Peak RSS needs /usr/bin/time (on
# Debian: apt-get install time); without it only times are printed.
LOADBENCH_PACKAGES ?= 300
bench-load: build ## cold go vet vs cold, warm and repeated tokenvet scans on a generated module: times, ratios, peak RSS
	$(GO) run $(DEVTOOLS) ./internal/tools/loadbench -tokenvet $(BIN) -packages $(LOADBENCH_PACKAGES)

# gitleaks built from the module proxy at the pinned version, for the
# comparison: the same rules' upstream command on the same corpus.
bin/gitleaks-$(GITLEAKS_VERSION):
	GOBIN=$(abspath bin/gitleaks-tmp) $(GO) install github.com/zricethezav/gitleaks/v8@$(GITLEAKS_VERSION)
	mv bin/gitleaks-tmp/gitleaks $@ && rmdir bin/gitleaks-tmp

bench-secrets: build bin/gitleaks-$(GITLEAKS_VERSION) ## tokenvet vs gitleaks dir on a generated 50 MB corpus: time, MB/s, recall
	$(GO) run $(DEVTOOLS) ./internal/tools/secretsbench -tokenvet $(BIN) -gitleaks bin/gitleaks-$(GITLEAKS_VERSION) -size 50 -runs 2

.PHONY: test-fuzz bench-web

# Bounded fuzzing: arbitrary bytes as JS, TS, Vue, HTML and templates must
# never crash the browser-code engine, nor as a Go file the Go fallback
# path (tolerant parse, analyzers without types), nor as any file the
# secrets engine (which must still find a planted token, plain or
# encoded). `make test` calls it.
# The budgets are counts of executions (about 20 s each on an idle
# 2-core machine), not durations: with a duration, Go 1.26's fuzzing
# coordinator can report a spurious "context deadline exceeded" failure
# when the time runs out while a worker is busy (golang/go#75804, fixed
# in Go 1.27), which a loaded CI machine hits. FUZZTIME=30s (or 5000x)
# sets one budget for every target.
FUZZ_WEB     ?= 80000x
FUZZ_GO      ?= 20000x
FUZZ_SECRETS ?= 30000x
test-fuzz: ## fuzz the web engine, the Go fallback path and the secrets engine (bounded budgets)
	$(GO) test -run '^$$' -fuzz FuzzWebEngine -fuzztime $(or $(FUZZTIME),$(FUZZ_WEB)) ./rules/web/
	$(GO) test -run '^$$' -fuzz FuzzGoFallback -fuzztime $(or $(FUZZTIME),$(FUZZ_GO)) ./internal/goscan/
	$(GO) test -tags '$(GOTAGS)' -run '^$$' -fuzz FuzzSecretsEngine -fuzztime $(or $(FUZZTIME),$(FUZZ_SECRETS)) ./rules/secrets/

# The web engine against the bare parser on React DOM's development
# bundle (fetched once with npm pack into the user cache directory).
bench-web: ## web engine and raw parser MB/s on a real 1 MB bundle (needs npm)
	$(GO) test -run '^$$' -bench 'WebEngine|RawParse' -benchmem ./rules/web/

docs: ## regenerate docs/rules.md from the rule catalogue and docs/tokenvet.schema.json from the config's keys
	$(GO) run ./cmd/tokenvet rules --format markdown > docs/rules.md
	$(GO) test -count=1 -run TestSchemaUpToDate ./internal/config -update

clean:
	rm -rf bin tokenvet.sarif
