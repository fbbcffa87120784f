# coo-advisor: `make run` to try it, `make test` before every commit.
GO       ?= go
BIN      := bin/coo-advisor
VERSION  ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS  := -s -w -X main.version=$(VERSION)
FUZZTIME ?= 5s
# A static binary: no dynamic loader at start-up, which is most of the
# difference between coo-advisor and a hello-world program.
export CGO_ENABLED ?= 0

.PHONY: run build test lint bench fuzz clean

## run: build and start the interactive advisor
run: build
	./$(BIN)

## build: build bin/coo-advisor
build:
	$(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/coo-advisor

## test: vet, every test, and a short run of each fuzz target
test:
	$(GO) vet ./...
	$(GO) test -count=1 ./...
	$(GO) test -run='^$$' -fuzz='^FuzzParseAnswers$$' -fuzztime=$(FUZZTIME) -fuzzminimizetime=2s ./advisor
	$(GO) test -run='^$$' -fuzz='^FuzzLoad$$' -fuzztime=$(FUZZTIME) -fuzzminimizetime=2s ./advisor
	$(GO) test -run='^$$' -fuzz='^FuzzParseInput$$' -fuzztime=$(FUZZTIME) -fuzzminimizetime=2s ./advisor
	$(GO) test -run='^$$' -fuzz='^FuzzReportsWithHostileText$$' -fuzztime=$(FUZZTIME) -fuzzminimizetime=2s ./advisor

## lint: gofmt, go vet, and golangci-lint when it is installed
lint:
	@test -z "$$(gofmt -l .)" || { echo "gofmt needed:"; gofmt -l .; exit 1; }
	$(GO) vet ./...
	@if command -v golangci-lint >/dev/null; then golangci-lint run; else echo "golangci-lint not installed; skipped"; fi

## bench: benchmarks of scoring, reports and keypresses
bench:
	$(GO) test -run='^$$' -bench=. -benchmem ./advisor ./tui

## fuzz: a longer fuzzing session (FUZZTIME=10m make fuzz)
fuzz: FUZZTIME = 1m
fuzz:
	$(GO) test -run='^$$' -fuzz='^FuzzParseAnswers$$' -fuzztime=$(FUZZTIME) -fuzzminimizetime=2s ./advisor
	$(GO) test -run='^$$' -fuzz='^FuzzLoad$$' -fuzztime=$(FUZZTIME) -fuzzminimizetime=2s ./advisor
	$(GO) test -run='^$$' -fuzz='^FuzzParseInput$$' -fuzztime=$(FUZZTIME) -fuzzminimizetime=2s ./advisor
	$(GO) test -run='^$$' -fuzz='^FuzzReportsWithHostileText$$' -fuzztime=$(FUZZTIME) -fuzzminimizetime=2s ./advisor

clean:
	rm -rf bin
