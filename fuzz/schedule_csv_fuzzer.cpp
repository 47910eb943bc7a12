// PyTorch's per-rank schedule CSV (Pipeline > Import PyTorch CSV, tunebench-cli schedule).
#include "algorithms/schedules/schedule.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    namespace sc = tb::algorithms::schedules;
    try {
        const sc::Schedule s = sc::fromCsv(std::string(reinterpret_cast<const char*>(data), size));
        sc::toCsv(s); // what was read can be written back
    } catch (const sc::ScheduleError&) {
        // rejected with a message: fine
    }
    return 0;
}
