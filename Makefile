# KeldyshKit: two commands for a fresh machine.
#   make demo   builds the CLI and runs it on the bundled example
#   make test   runs the test suite
# Both install the system libraries they need (Debian/Ubuntu apt) when missing.

APT_PACKAGES := libgmp-dev libmpfr-dev libopenblas-dev liblapacke-dev pkg-config
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
SWIFT ?= swift

.PHONY: deps build test demo bench clean

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

demo: build
	@./scripts/demo.sh "$$($(SWIFT) build -c release --show-bin-path)/keldysh"

clean:
	rm -rf .build
