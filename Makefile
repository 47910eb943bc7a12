# The two commands of the README. Each installs what is missing, builds, then runs.
BUILD ?= build
JOBS ?= 2

.PHONY: run test setup build clean asan fuzz deb bundle

run: build
	./scripts/run-main.sh $(BUILD)

test: build
	cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

setup:
	./scripts/setup.sh

build: setup
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
	cmake --build $(BUILD) -j$(JOBS)

# Not part of `make test`: the sanitizer build of every test, and the fuzzers (docs/testing.md).
asan:
	./scripts/asan.sh

fuzz:
	./scripts/fuzz.sh

# The Debian packages (tunebench, tunebench-train and their -dbgsym) in $(BUILD)/packages.
deb: build
	./scripts/deb.sh $(BUILD)

# A relocatable tunebench-<version>-linux-x86_64.tar.gz (its own Qt) in $(BUILD).
bundle: build
	./scripts/bundle.sh $(BUILD)

clean:
	rm -rf $(BUILD)
