# KeldyshKit: two commands for a fresh machine.
#   make demo   builds the CLI and runs it on the bundled example
#   make test   runs the test suite, then checks every command and output shown in README.md and docs/
# Both install the system libraries they need (Debian/Ubuntu apt) when missing.
# make docs-check runs the commands shown in README.md and docs/ and compares their output.

APT_PACKAGES := libgmp-dev libmpfr-dev libopenblas-dev liblapacke-dev pkg-config
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
SWIFT ?= swift

.PHONY: deps build test demo docs-check bench clean

deps:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi

build: deps
	$(SWIFT) build -c release --product keldysh

test: deps
	$(SWIFT) test
	$(SWIFT) build --product keldysh
	python3 scripts/check-docs.py "$$($(SWIFT) build --show-bin-path)/keldysh"

demo: build
	@./scripts/demo.sh "$$($(SWIFT) build -c release --show-bin-path)/keldysh"

# Runs every command shown in README.md and docs/*.md with the release CLI and compares
# the output with the one shown (convention: top of scripts/check-docs.py).
docs-check: deps
	$(SWIFT) build -c release --product keldysh
	python3 scripts/check-docs.py "$$($(SWIFT) build -c release --show-bin-path)/keldysh"

clean:
	rm -rf .build
