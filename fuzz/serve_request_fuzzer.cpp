// tunebench-cli serve's request lines.
#include "engine/cli/serve_request.h"
#include "engine/core/errors.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    try {
        tb::cli::parseServeRequest(QByteArray(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size)));
    } catch (const tb::engine::SpecError&) {
        // answered with an error: fine
    }
    return 0;
}
