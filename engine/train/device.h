#pragma once
// What the pipeline runtime needs from CUDA beyond tensor operations: a compute stream per
// worker, events that order work across streams and devices, copies on side streams,
// event-timed spans, the caching allocator's statistics and a cap on its memory. Only
// device.cpp includes the CUDA headers. On the CPU, and in builds without CUDA, ordering
// calls do nothing and times come from the host clock, so the CPU path is unchanged.

#include <torch/torch.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <vector>

namespace tb::train::device {

// While it lives, the calling thread's current stream on `device` is a stream of its own
// from the device's pool, ordered after everything already queued on the thread's previous
// stream (parameters the optimizer just stepped); on destruction the previous stream is
// ordered after it (gradients and losses the caller reads next) and made current again.
class WorkerStream {
public:
    explicit WorkerStream(const torch::Device& device);
    ~WorkerStream();
    WorkerStream(const WorkerStream&) = delete;
    WorkerStream& operator=(const WorkerStream&) = delete;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

// A point in the current stream of a device, recorded by the producer of a tensor; the
// consumer orders its own work after it. Empty (always ready) on the CPU.
class Ready {
public:
    static Ready now(const torch::Device& device);
    // Makes the calling thread's current stream on `device` wait for this point.
    void wait(const torch::Device& device) const;

private:
    std::shared_ptr<void> m_event; // at::cuda::CUDAEvent
};

// `tensor` on `to`, usable by the calling thread's current stream there. A copy between
// CUDA devices runs on a side stream of the source device, after `ready`; the allocator is
// told the source is in use by that stream until the copy ends.
torch::Tensor receive(const torch::Tensor& tensor, const Ready& ready, const torch::Device& to);

// Activation offload: a copy in pinned CPU memory, made asynchronously on the current stream
// (a plain detached alias when the tensor is already on the CPU); reload() brings it back.
torch::Tensor offload(const torch::Tensor& tensor);
torch::Tensor reload(const torch::Tensor& host, const torch::Device& to);

// Span times for one worker: on CUDA, timing events on the current stream (what the device
// did, not when the host launched it); on the CPU, the host clock. Times are microseconds
// since `origin`.
class SpanClock {
public:
    SpanClock(const torch::Device& device, std::chrono::steady_clock::time_point origin);
    ~SpanClock();
    SpanClock(const SpanClock&) = delete;
    SpanClock& operator=(const SpanClock&) = delete;
    int mark(); // records the current point; returns its id
    void remark(int id); // moves an earlier mark to the current point
    std::vector<std::int64_t> resolve(); // every mark's time; waits for the device

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

// The caching allocator's peak of allocated bytes on a CUDA device since the last reset
// (-1 on the CPU), and the reset.
std::int64_t peakAllocatedBytes(const torch::Device& device);
void resetPeak(const torch::Device& device);
// Total memory of a CUDA device in bytes; caps the caching allocator of that device at
// `bytes` (CUDACachingAllocator::setMemoryFraction). Both throw std::invalid_argument on
// the CPU.
std::int64_t totalMemory(const torch::Device& device);
void limitMemory(const torch::Device& device, std::int64_t bytes);

} // namespace tb::train::device
