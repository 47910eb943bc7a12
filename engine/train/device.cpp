#include "device.h"

#ifdef TUNEBENCH_WITH_CUDA
#include <ATen/cuda/CUDAContext.h>
#include <ATen/cuda/CUDAEvent.h>
#include <c10/cuda/CUDACachingAllocator.h>
#include <c10/cuda/CUDAGuard.h>
#include <c10/cuda/CUDAStream.h>
#endif

#include <optional>
#include <stdexcept>
#include <string>

namespace tb::train::device {

namespace {

std::int64_t microsSince(std::chrono::steady_clock::time_point origin)
{
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - origin).count();
}

[[noreturn]] void needCuda(const torch::Device& device, const char* what)
{
    throw std::invalid_argument(std::string(what) + " needs a CUDA device, not " + device.str());
}

#ifdef TUNEBENCH_WITH_CUDA
using Stream = c10::cuda::CUDAStream;
using Event = at::cuda::CUDAEvent;

c10::DeviceIndex indexOf(const torch::Device& device)
{
    return device.has_index() ? device.index() : c10::cuda::current_device();
}

// The caching allocator of a device exists once CUDA is initialised for the process; a
// first tensor does that (as Python's torch.cuda calls do with their lazy init).
void initialise(const torch::Device& device)
{
    (void)torch::empty({1}, torch::TensorOptions().device(device));
}
#endif

} // namespace

// ---- WorkerStream ----------------------------------------------------------------------------

struct WorkerStream::Impl {
#ifdef TUNEBENCH_WITH_CUDA
    std::optional<Stream> previous;
    std::optional<Stream> own;
#endif
};

WorkerStream::WorkerStream(const torch::Device& device) : m_impl(std::make_unique<Impl>())
{
#ifdef TUNEBENCH_WITH_CUDA
    if (!device.is_cuda())
        return;
    const c10::DeviceIndex index = indexOf(device);
    const Stream previous = c10::cuda::getCurrentCUDAStream(index);
    const Stream own = c10::cuda::getStreamFromPool(/*isHighPriority=*/false, index);
    Event queued;
    queued.record(previous);
    queued.block(own);
    c10::cuda::setCurrentCUDAStream(own);
    m_impl->previous = previous;
    m_impl->own = own;
#else
    (void)device;
#endif
}

WorkerStream::~WorkerStream()
{
#ifdef TUNEBENCH_WITH_CUDA
    if (!m_impl->own)
        return;
    Event done;
    done.record(*m_impl->own);
    done.block(*m_impl->previous);
    c10::cuda::setCurrentCUDAStream(*m_impl->previous);
#endif
}

// ---- Ready, receive, offload -----------------------------------------------------------------

Ready Ready::now(const torch::Device& device)
{
    Ready ready;
#ifdef TUNEBENCH_WITH_CUDA
    if (device.is_cuda()) {
        auto event = std::make_shared<Event>();
        event->record(c10::cuda::getCurrentCUDAStream(indexOf(device)));
        ready.m_event = std::move(event);
    }
#else
    (void)device;
#endif
    return ready;
}

void Ready::wait(const torch::Device& device) const
{
#ifdef TUNEBENCH_WITH_CUDA
    if (m_event && device.is_cuda())
        static_cast<Event*>(m_event.get())->block(c10::cuda::getCurrentCUDAStream(indexOf(device)));
#else
    (void)device;
#endif
}

torch::Tensor receive(const torch::Tensor& tensor, const Ready& ready, const torch::Device& to)
{
#ifdef TUNEBENCH_WITH_CUDA
    const torch::Device from = tensor.device();
    if (from.is_cuda() && from == to) {
        // Same device, another worker's stream: order after the producer, and keep the
        // memory from being reused before this stream is done with it.
        ready.wait(to);
        tensor.record_stream(c10::cuda::getCurrentCUDAStream(indexOf(to)));
        return tensor;
    }
    if (from.is_cuda()) {
        // ATen's cross-device copy runs on the source device's current stream and orders
        // the destination's current stream after it: make that a side stream.
        const Stream side = c10::cuda::getStreamFromPool(/*isHighPriority=*/true, indexOf(from));
        c10::cuda::CUDAStreamGuard guard(side);
        ready.wait(from);
        tensor.record_stream(side);
        return tensor.to(to, /*non_blocking=*/to.is_cuda());
    }
    return reload(tensor, to);
#else
    (void)ready;
    return tensor.to(to);
#endif
}

torch::Tensor offload(const torch::Tensor& tensor)
{
    if (!tensor.is_cuda())
        return tensor.detach();
    torch::Tensor host = torch::empty(tensor.sizes(), tensor.options().device(torch::kCPU).pinned_memory(true));
    host.copy_(tensor.detach(), /*non_blocking=*/true);
    return host;
}

torch::Tensor reload(const torch::Tensor& host, const torch::Device& to)
{
    return host.to(to, /*non_blocking=*/to.is_cuda() && host.is_pinned());
}

// ---- SpanClock ---------------------------------------------------------------------------------

struct SpanClock::Impl {
    std::chrono::steady_clock::time_point origin;
    std::vector<std::int64_t> host; // CPU: the times themselves
#ifdef TUNEBENCH_WITH_CUDA
    bool cuda = false;
    std::int64_t referenceUs = 0; // host time of `reference`, taken with the stream idle
    std::optional<Event> reference;
    std::vector<Event> events;
#endif
};

SpanClock::SpanClock(const torch::Device& device, std::chrono::steady_clock::time_point origin)
    : m_impl(std::make_unique<Impl>())
{
    m_impl->origin = origin;
#ifdef TUNEBENCH_WITH_CUDA
    if (device.is_cuda()) {
        const Stream stream = c10::cuda::getCurrentCUDAStream(indexOf(device));
        stream.synchronize(); // an idle stream: the reference event fires when it is recorded
        m_impl->cuda = true;
        m_impl->referenceUs = microsSince(origin);
        m_impl->reference.emplace(cudaEventDefault);
        m_impl->reference->record(stream);
    }
#else
    (void)device;
#endif
}

SpanClock::~SpanClock() = default;

int SpanClock::mark()
{
#ifdef TUNEBENCH_WITH_CUDA
    if (m_impl->cuda) {
        m_impl->events.emplace_back(cudaEventDefault);
        m_impl->events.back().record(c10::cuda::getCurrentCUDAStream());
        return static_cast<int>(m_impl->events.size()) - 1;
    }
#endif
    m_impl->host.push_back(microsSince(m_impl->origin));
    return static_cast<int>(m_impl->host.size()) - 1;
}

void SpanClock::remark(int id)
{
#ifdef TUNEBENCH_WITH_CUDA
    if (m_impl->cuda) {
        Event fresh(cudaEventDefault);
        fresh.record(c10::cuda::getCurrentCUDAStream());
        m_impl->events.at(id) = std::move(fresh);
        return;
    }
#endif
    m_impl->host.at(id) = microsSince(m_impl->origin);
}

std::vector<std::int64_t> SpanClock::resolve()
{
#ifdef TUNEBENCH_WITH_CUDA
    if (m_impl->cuda) {
        std::vector<std::int64_t> out;
        out.reserve(m_impl->events.size());
        for (Event& event : m_impl->events) {
            event.synchronize();
            const double ms = m_impl->reference->elapsed_time(event);
            out.push_back(m_impl->referenceUs + static_cast<std::int64_t>(ms * 1000.0));
        }
        return out;
    }
#endif
    return m_impl->host;
}

// ---- allocator -----------------------------------------------------------------------------------

std::int64_t peakAllocatedBytes(const torch::Device& device)
{
#ifdef TUNEBENCH_WITH_CUDA
    if (device.is_cuda()) {
        initialise(device);
        const auto stats = c10::cuda::CUDACachingAllocator::getDeviceStats(indexOf(device));
        return stats.allocated_bytes[0].peak; // index 0: the aggregate over pool types
    }
#else
    (void)device;
#endif
    return -1;
}

void resetPeak(const torch::Device& device)
{
#ifdef TUNEBENCH_WITH_CUDA
    if (device.is_cuda()) {
        initialise(device);
        c10::cuda::CUDACachingAllocator::resetPeakStats(indexOf(device));
    }
#else
    (void)device;
#endif
}

std::int64_t totalMemory(const torch::Device& device)
{
#ifdef TUNEBENCH_WITH_CUDA
    if (device.is_cuda())
        return static_cast<std::int64_t>(at::cuda::getDeviceProperties(indexOf(device))->totalGlobalMem);
#endif
    needCuda(device, "a device memory size");
}

void limitMemory(const torch::Device& device, std::int64_t bytes)
{
#ifdef TUNEBENCH_WITH_CUDA
    if (device.is_cuda()) {
        const std::int64_t total = totalMemory(device);
        if (bytes <= 0 || bytes > total)
            throw std::invalid_argument("a memory limit of " + std::to_string(bytes) + " bytes on " + device.str()
                                        + " is not between 1 byte and the device's " + std::to_string(total));
        initialise(device);
        c10::cuda::CUDACachingAllocator::setMemoryFraction(static_cast<double>(bytes) / static_cast<double>(total),
                                                           indexOf(device));
        return;
    }
#else
    (void)bytes;
#endif
    needCuda(device, "a device memory limit");
}

} // namespace tb::train::device
