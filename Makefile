# The two commands of the README. Each installs what is missing, builds, then runs.
BUILD ?= build
JOBS ?= 2

.PHONY: run test setup build clean

run: build
	./scripts/run-main.sh $(BUILD)

test: build
	cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

setup:
	./scripts/setup.sh

build: setup
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
	cmake --build $(BUILD) -j$(JOBS)

clean:
	rm -rf $(BUILD)
