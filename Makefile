# coo-advisor: `make run` to try it, `make test` to test it, `make check`
# (the linter, then the tests) before every commit, `make help` for the rest.
GO        ?= go
BIN       := bin/coo-advisor
VERSION   ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS   := -s -w -X main.version=$(VERSION)
FUZZTIME  ?= 1m
# make test fuzzes each target for a number of inputs, not a time: with a
# time, Go 1.26's fuzz coordinator can fail a target that found nothing
# ("context deadline exceeded" at the deadline, go.dev/issue/75804).
TEST_FUZZTIME ?= 10000x
# The fuzz targets, each run by `make test` (briefly) and `make fuzz`, as
# package:Func: every `func FuzzX(f *testing.F)` in a test file, so that a
# new one cannot be left out.
FUZZ_TARGETS := $(shell grep -rEo --include='*_test.go' --exclude-dir=testdata --exclude-dir=.tools \
	'^func Fuzz[A-Za-z0-9_]*\([A-Za-z_]* \*testing\.F\)' . | sed -E 's|/[^/]*:func (Fuzz[A-Za-z0-9_]*).*|:\1|' | sort)
# The programs the targets use beyond Go, each at its pinned version in
# the project's own folder: never one found on PATH, which may be another
# version with other checks.
TOOLS     := $(CURDIR)/.tools/bin
GOLANGCI_LINT_VERSION := v2.15.0
FREEZE_VERSION        := v0.2.2
GORELEASER_VERSION    := v2.15.1
# A static binary: no dynamic loader at start-up.
export CGO_ENABLED ?= 0

# $(call tool,NAME,PACKAGE,VERSION) installs PACKAGE@VERSION as
# .tools/bin/NAME, unless that version is there already: `go version -m`
# reads the module version the binary was built from.
define tool
@have=$$($(GO) version -m "$(TOOLS)/$(1)" 2>/dev/null | awk '$$1 == "mod" { print $$3; exit }'); \
if [ "$$have" != "$(3)" ]; then \
	echo "installing $(1) $(3) into .tools/bin$${have:+ (found $$have)}"; \
	GOBIN="$(TOOLS)" $(GO) install $(2)@$(3); \
fi
endef

.PHONY: help run build test lint check tools golangci-lint freeze goreleaser bench fuzz man screenshots release-check clean

## help: list the targets
help:
	@sed -n 's/^## //p' Makefile | awk -F': ' '{ printf "  %-15s %s\n", $$1, $$2 }'

## run: build and start the advisor in the directory make was started from (ARGS='...' for its flags)
# It runs where you are, as the installed binary would: exports and saved
# answers land in your directory, not in the repository (make -C sets
# CURDIR to the repository; the shell's PWD is where you started it).
# Started from the repository's top, they land there, and .gitignore keeps
# the names the advisor suggests out of git.
ARGS ?=
run: build
	cd "$(or $(PWD),$(CURDIR))" && "$(abspath $(BIN))" $(ARGS)

## build: build bin/coo-advisor
build:
	$(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/coo-advisor

## test: gofmt, go vet, every test, each benchmark once, short fuzzing; ends with what it skipped and why
# go test hides a passing package's output, so the tests also write what
# they skipped (tmux or chromium missing) to a file, printed last.
test:
	@test -z "$$(gofmt -l .)" || { echo "gofmt needed:"; gofmt -l .; exit 1; }
	$(GO) vet ./...
	@skipped=$$(mktemp) && trap 'rm -f "$$skipped"' EXIT && \
	echo '$(GO) test -count=1 ./...' && COO_ADVISOR_SKIPPED="$$skipped" $(GO) test -count=1 ./... && \
	echo "$(GO) test -run='^\$$' -bench=. -benchtime=1x ./..." && $(GO) test -run='^$$' -bench=. -benchtime=1x ./... && \
	$(MAKE) --no-print-directory fuzz FUZZTIME=$(TEST_FUZZTIME); \
	status=$$?; cat "$$skipped"; exit $$status

## lint: golangci-lint with .golangci.yml, the pinned version (installed into .tools/bin on first use)
lint: golangci-lint
	"$(TOOLS)/golangci-lint" run ./...

## check: make lint, then make test (before every commit, and in CI)
check:
	@$(MAKE) --no-print-directory lint
	@$(MAKE) --no-print-directory test

## tools: install every pinned tool into .tools/bin (each target also installs what it needs by itself)
tools: golangci-lint freeze goreleaser

golangci-lint:
	$(call tool,golangci-lint,github.com/golangci/golangci-lint/v2/cmd/golangci-lint,$(GOLANGCI_LINT_VERSION))

freeze:
	$(call tool,freeze,github.com/charmbracelet/freeze,$(FREEZE_VERSION))

goreleaser:
	$(call tool,goreleaser,github.com/goreleaser/goreleaser/v2,$(GORELEASER_VERSION))

## bench: benchmarks of scoring, reports, the built-in definitions and keypresses
bench:
	$(GO) test -run='^$$' -bench=. -benchmem ./...

## fuzz: each fuzz target for FUZZTIME (FUZZTIME=10m make fuzz for longer, 100000x for a count)
fuzz:
	@for t in $(FUZZ_TARGETS); do \
		echo "fuzz $$t"; \
		$(GO) test -run='^$$' -fuzz="^$${t#*:}$$" -fuzztime=$(FUZZTIME) -fuzzminimizetime=2s "$${t%%:*}" || exit 1; \
	done

## man: write the manual page, coo-advisor.1
man:
	$(GO) run ./cmd/coo-advisor man > coo-advisor.1

## screenshots: draw the README's pictures from the screens' golden files
screenshots: freeze
	@mkdir -p docs
	@for s in welcome question-multi results compare; do \
		"$(TOOLS)/freeze" --language ansi --window --padding 20 --font.size 14 -o docs/$$s.svg tui/testdata/$$s-120x40.golden || exit 1; \
		sha256sum tui/testdata/$$s-120x40.golden | cut -d' ' -f1 > docs/$$s.svg.golden-sha256; \
	done
	@chmod 644 docs/*

## release-check: check the release configuration, .goreleaser.yaml
release-check: goreleaser
	"$(TOOLS)/goreleaser" check

## clean: remove what the build and make man leave
clean:
	rm -rf bin coo-advisor.1 dist
