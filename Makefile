# tokenvet — build, demo and test targets. `make help` lists them.

GO        ?= go
BIN       := bin/tokenvet
DEMO      := testdata/demo
# Pinned tool versions: a build must not change because a tool released.
STATICCHECK_VERSION := v0.8.2

.PHONY: help build install demo test vet-demo lint bench docs clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-10s %s\n", $$1, $$2}'

build: ## build bin/tokenvet
	$(GO) build -o $(BIN) ./cmd/tokenvet

install: ## go install tokenvet into $(go env GOPATH)/bin
	$(GO) install ./cmd/tokenvet

# The demo project is full of planted mistakes, so tokenvet exits 1 on it:
# that is the expected result, and `make demo` then exits 0. Any other exit
# status (0: nothing found, 2: an error) fails the target.
demo: build ## scan testdata/demo, print findings, write tokenvet.sarif
	@cd $(DEMO) && ../../$(BIN) scan ./... ; status=$$?; \
	if [ $$status -ne 1 ]; then echo "make demo: expected tokenvet to exit 1 on the demo's findings, got $$status" >&2; exit 1; fi
	@cd $(DEMO) && ../../$(BIN) scan -q --format sarif -o ../../tokenvet.sarif ./... ; status=$$?; \
	if [ $$status -ne 1 ]; then echo "make demo: SARIF run exited $$status" >&2; exit 1; fi
	@$(GO) run ./internal/tools/sarifcheck tokenvet.sarif || [ $$? -eq 2 ]
	@echo "make demo: tokenvet found the demo's planted findings (exit status 1, as expected); SARIF written to tokenvet.sarif"

test: ## go vet, unit and end-to-end tests with -race, go vet -vettool on the demo
	$(GO) vet ./...
	@test -z "$$(gofmt -l $$(git ls-files '*.go' | grep -v '^testdata/'))" || { echo "gofmt needed:"; gofmt -l $$(git ls-files '*.go' | grep -v '^testdata/'); exit 1; }
	$(GO) test -race -count=1 ./...
	$(MAKE) vet-demo

# go vet exits 1 when the tool reports diagnostics; the demo must produce
# some, and only tokenvet's.
vet-demo: build ## run go vet -vettool=bin/tokenvet on the demo
	@cd $(DEMO) && $(GO) vet -vettool=$(abspath $(BIN)) ./... > ../../bin/vet-demo.txt 2>&1; status=$$?; \
	cat ../../bin/vet-demo.txt; \
	if [ $$status -ne 1 ] || ! grep -q 'none algorithm' ../../bin/vet-demo.txt; then echo "vet-demo: expected jwt-none-alg diagnostics and exit status 1, got $$status" >&2; exit 1; fi

lint: ## gofmt, go vet and staticcheck (pinned)
	@test -z "$$(gofmt -l $$(git ls-files '*.go' | grep -v '^testdata/'))" || { gofmt -l $$(git ls-files '*.go' | grep -v '^testdata/'); exit 1; }
	$(GO) vet ./...
	$(GO) run honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION) ./...

bench: ## benchmarks (pipeline on the demo, walk)
	$(GO) test -run '^$$' -bench . -benchmem ./...

.PHONY: test-fuzz bench-web

# Bounded fuzzing of the browser-code engine: arbitrary bytes as JS, TS,
# Vue, HTML and templates must never crash it. `make test` calls it.
test-fuzz: ## fuzz the web engine for 30 s
	$(GO) test -run '^$$' -fuzz FuzzWebEngine -fuzztime 30s ./rules/web/

# The web engine against the bare parser on React DOM's development
# bundle (fetched once with npm pack into the user cache directory).
bench-web: ## web engine and raw parser MB/s on a real 1 MB bundle (needs npm)
	$(GO) test -run '^$$' -bench 'WebEngine|RawParse' -benchmem ./rules/web/

docs: ## regenerate docs/rules.md from the rule catalogue
	$(GO) run ./cmd/tokenvet rules --format markdown > docs/rules.md

clean:
	rm -rf bin tokenvet.sarif
