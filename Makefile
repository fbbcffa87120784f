# coo-advisor: `make run` to try it, `make test` before every commit,
# `make help` for the rest.
GO        ?= go
BIN       := bin/coo-advisor
VERSION   ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS   := -s -w -X main.version=$(VERSION)
FUZZTIME  ?= 1m
# make test fuzzes each target for a number of inputs, not a time: with a
# time, Go 1.26's fuzz coordinator can fail a target that found nothing
# ("context deadline exceeded" at the deadline, go.dev/issue/75804).
TEST_FUZZTIME ?= 10000x
# The fuzz targets, each run by `make test` (briefly) and `make fuzz`.
FUZZ_TARGETS := FuzzParseAnswers FuzzLoad FuzzParseInput FuzzReportsWithHostileText FuzzIndentJSON
GOBIN     := $(shell $(GO) env GOPATH)/bin
GOLANGCI_LINT_VERSION := v2.15.0
GOLANGCI_LINT ?= $(shell command -v golangci-lint 2>/dev/null || echo $(GOBIN)/golangci-lint)
GORELEASER ?= $(shell command -v goreleaser 2>/dev/null || echo $(GOBIN)/goreleaser)
FREEZE     ?= $(shell command -v freeze 2>/dev/null || echo $(GOBIN)/freeze)
# A static binary: no dynamic loader at start-up.
export CGO_ENABLED ?= 0

.PHONY: help run build test lint tools bench fuzz generate man screenshots release-check clean

## help: list the targets
help:
	@sed -n 's/^## //p' Makefile | awk -F': ' '{ printf "  %-15s %s\n", $$1, $$2 }'

## run: build and start the interactive advisor
run: build
	./$(BIN)

## build: build bin/coo-advisor
build:
	$(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/coo-advisor

## test: lint, every test (tmux and browser ones included), each benchmark once, and a short run of each fuzz target
test: lint
	$(GO) test -count=1 ./...
	$(GO) test -run='^$$' -bench=. -benchtime=1x ./advisor ./data ./tui
	@$(MAKE) --no-print-directory fuzz FUZZTIME=$(TEST_FUZZTIME)

## lint: gofmt, go vet and golangci-lint (make tools installs it)
lint:
	@test -z "$$(gofmt -l .)" || { echo "gofmt needed:"; gofmt -l .; exit 1; }
	$(GO) vet ./...
	@test -x "$(GOLANGCI_LINT)" || { echo "golangci-lint $(GOLANGCI_LINT_VERSION) is not installed: run make tools"; exit 1; }
	$(GOLANGCI_LINT) run ./...

## tools: install golangci-lint, goreleaser and freeze
tools:
	$(GO) install github.com/golangci/golangci-lint/v2/cmd/golangci-lint@$(GOLANGCI_LINT_VERSION)
	$(GO) install github.com/goreleaser/goreleaser/v2@v2.15.1
	$(GO) install github.com/charmbracelet/freeze@v0.2.2

## bench: benchmarks of scoring, reports, the built-in definitions and keypresses
bench:
	$(GO) test -run='^$$' -bench=. -benchmem ./advisor ./data ./tui

## fuzz: each fuzz target for FUZZTIME (FUZZTIME=10m make fuzz for longer, 100000x for a count)
fuzz:
	@for t in $(FUZZ_TARGETS); do \
		$(GO) test -run='^$$' -fuzz="^$$t$$" -fuzztime=$(FUZZTIME) -fuzzminimizetime=2s ./advisor || exit 1; \
	done

## generate: compile the built-in definitions to Go data (after editing data/*.yaml)
generate:
	$(GO) generate ./data

## man: write the manual page, coo-advisor.1
man:
	$(GO) run ./cmd/coo-advisor man > coo-advisor.1

## screenshots: draw the README's pictures from the screens' golden files
screenshots:
	@test -x "$(FREEZE)" || { echo "freeze is not installed: run make tools"; exit 1; }
	@mkdir -p docs
	@for s in welcome question-multi results compare; do \
		$(FREEZE) --language ansi --window --padding 20 --font.size 14 -o docs/$$s.svg tui/testdata/$$s-120x40.golden || exit 1; \
		sha256sum tui/testdata/$$s-120x40.golden | cut -d' ' -f1 > docs/$$s.svg.golden-sha256; \
	done
	@chmod 644 docs/*

## release-check: check the release configuration, .goreleaser.yaml
release-check:
	@test -x "$(GORELEASER)" || { echo "goreleaser is not installed: run make tools"; exit 1; }
	$(GORELEASER) check

## clean: remove what the build and make man leave
clean:
	rm -rf bin coo-advisor.1 dist
