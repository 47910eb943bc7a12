// The experiment spec parser and validator (tunebench-cli run, Import Spec, the stored spec).
#include "engine/core/errors.h"
#include "engine/core/spec.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    try {
        tb::engine::parseSpec(QByteArray(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size)));
    } catch (const tb::engine::SpecError&) {
        // rejected with a message: fine
    }
    return 0;
}
