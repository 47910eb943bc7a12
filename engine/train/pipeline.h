#pragma once
// The pipeline runtime: a model's layers split into stages, one worker thread per rank
// (schedule device) executing that rank's action list from the schedule IR.
//
// Threading contract: Pipeline's public functions are called from one thread (the
// training loop). run() hands the step to the workers and returns when all have
// finished; during run() each stage, its layers and its stash are touched only by the
// worker of the rank that owns the stage, and tensors cross ranks only through the
// Mailbox. Parameters may be read and stepped by the caller between run() calls.

#include "algorithms/schedules/schedule.h"
#include "device.h"
#include "model.h"

#include <torch/torch.h>

#include <chrono>
#include <condition_variable>
#include <exception>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

namespace tb::train {

enum class Checkpoint { None, ExceptLast, Always };
Checkpoint checkpointFromString(const std::string& name);

// Contiguous split of `weights` into `parts` non-empty groups minimising the largest
// group sum. Returns parts + 1 boundaries (first 0, last weights.size()).
std::vector<int> balancedPartition(const std::vector<double>& weights, int parts);
// Layer boundaries for `stages` stages: "uniform" (equal layer counts), "params" (balanced
// parameter counts) or "time" (balanced measured forward+backward time of each layer on
// `sample`, a micro-batch, on the CPU). Throws std::invalid_argument.
std::vector<int> partitionLayers(Model& model, int stages, const std::string& method, const torch::Tensor& sample);

// Summed (not averaged) loss of logits against labels; the runtime scales it.
using LossFn = std::function<torch::Tensor(const torch::Tensor& logits, const torch::Tensor& labels)>;
torch::Tensor crossEntropySum(const torch::Tensor& logits, const torch::Tensor& labels);

struct PipelineConfig {
    algorithms::schedules::Schedule schedule;
    std::vector<int> boundaries;          // stage s runs layers [boundaries[s], boundaries[s+1])
    std::vector<torch::Device> rankDevices; // one per schedule rank
    Checkpoint checkpoint = Checkpoint::None;
    bool offloadActivations = false;      // keep checkpointed stage inputs in CPU memory
    bool bf16 = false;                    // autocast on CUDA ranks
    // L2L relay (arXiv 2002.05645): parameters, gradients and optimizer state stay in CPU
    // memory; each layer visits the device once for the forward over all micro-batches and
    // once for the backward (recomputing its forward), then its gradients go back to the
    // CPU. Layer inputs wait in CPU memory between the two passes. One rank, one stage.
    bool l2l = false;
    int threadsPerWorker = 1;
    LossFn loss = crossEntropySum;
};

struct SpanRecord {
    int device = 0;
    int stage = 0;
    char op = 'F';
    int microbatch = 0;
    std::int64_t startUs = 0; // from the start of run()
    std::int64_t endUs = 0;
};

// A tensor in flight between stages, with the point in its producer's stream after which
// it is complete (CUDA; always ready on the CPU).
struct Parcel {
    torch::Tensor tensor;
    device::Ready ready;
};

// Activations and gradients in flight between stages, keyed by (kind, stage, micro-batch).
// take() blocks until the tensor is there; abort() wakes every waiter with an exception,
// so one failing worker cannot leave the others waiting forever.
class Mailbox {
public:
    enum Kind { Activation = 0, Gradient = 1 };
    void put(Kind kind, int stage, int microbatch, Parcel parcel);
    Parcel take(Kind kind, int stage, int microbatch);
    void abort();
    void reset();

private:
    std::mutex m_mutex; // guards m_slots and m_aborted
    std::condition_variable m_changed;
    std::map<std::tuple<int, int, int>, Parcel> m_slots;
    bool m_aborted = false;
};

class Pipeline {
public:
    // Moves each stage's layers to its rank's device. Throws std::invalid_argument when the
    // boundaries do not fit the model or the schedule.
    Pipeline(Model& model, PipelineConfig config);
    ~Pipeline();
    Pipeline(const Pipeline&) = delete;
    Pipeline& operator=(const Pipeline&) = delete;

    // Forward and backward of one mini-batch split into the schedule's micro-batches.
    // Gradients of loss(mb) * lossScale accumulate into the parameters' .grad. Returns the
    // summed, unscaled loss over the mini-batch. Rethrows the first worker's exception.
    double run(const torch::Tensor& inputs, const torch::Tensor& labels, double lossScale, bool recordSpans = false);

    // Logits of `inputs` through all stages, without autograd (evaluation).
    torch::Tensor predict(const torch::Tensor& inputs);

    const PipelineConfig& config() const { return m_config; }
    int stageCount() const { return m_config.schedule.stages; }
    torch::Device stageDevice(int stage) const;
    // Per stage, since construction: most micro-batches whose activations were held at
    // once (F start to B end) and most bytes of stashed tensors (stage inputs, outputs).
    std::vector<int> peakStashed() const;
    std::vector<std::int64_t> peakStashedBytes() const;
    // Spans of the last run() that had recordSpans, per rank in execution order.
    std::vector<SpanRecord> spans() const;

private:
    struct Stash;
    struct StageState;
    struct Worker;

    torch::Tensor runLayers(int stage, const torch::Tensor& input);
    void execute(int rank);
    void forward(int stage, int microbatch);
    void backward(int stage, int microbatch);
    void weightGradient(int stage, int microbatch);
    bool checkpointed(int microbatch) const;
    void workerLoop(int rank);
    void markStart(int rank); // a span starts when the action's input has arrived
    void send(Mailbox::Kind kind, int stage, int microbatch, const torch::Tensor& tensor, const torch::Device& from);
    torch::Tensor receive(Mailbox::Kind kind, int stage, int microbatch, const torch::Device& to);
    double runL2L();

    Model& m_model;
    PipelineConfig m_config;
    Mailbox m_mailbox;
    std::vector<std::unique_ptr<StageState>> m_stages;

    // Per-run inputs, set before the workers start and read-only while they run.
    std::vector<torch::Tensor> m_inputs, m_labels;
    double m_lossScale = 1.0;
    bool m_recordSpans = false;
    std::chrono::steady_clock::time_point m_runStart;

    // Written by the rank's worker during run(), read by the caller after it.
    std::vector<std::vector<SpanRecord>> m_spans;
    std::vector<torch::Tensor> m_rankLoss; // summed loss of the last stage's micro-batches, per rank
    std::vector<std::exception_ptr> m_errors;
    std::vector<std::unique_ptr<device::SpanClock>> m_clocks; // per rank, sampled steps only
    std::vector<int> m_actionStart;                          // per rank: the open span's start mark

    std::vector<std::thread> m_threads;
    std::mutex m_mutex; // guards m_generation, m_pending, m_stopping
    std::condition_variable m_wake, m_done;
    std::uint64_t m_generation = 0;
    int m_pending = 0;
    bool m_stopping = false;
};

} // namespace tb::train
