#include "pipeline.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Parallel.h>
#include <ATen/autocast_mode.h>
#include <c10/core/DeviceGuard.h>
#ifdef TUNEBENCH_WITH_CUDA
#include <ATen/cuda/CUDAGeneratorImpl.h>
#endif

#include <chrono>
#include <limits>
#include <numeric>
#include <stdexcept>

namespace tb::train {

namespace sch = algorithms::schedules;

Checkpoint checkpointFromString(const std::string& name)
{
    if (name == "none")
        return Checkpoint::None;
    if (name == "except_last")
        return Checkpoint::ExceptLast;
    if (name == "always")
        return Checkpoint::Always;
    throw std::invalid_argument("unknown checkpoint mode '" + name + "'");
}

std::vector<int> balancedPartition(const std::vector<double>& weights, int parts)
{
    const int n = static_cast<int>(weights.size());
    if (parts < 1 || n < parts)
        throw std::invalid_argument("cannot split " + std::to_string(n) + " layers into " + std::to_string(parts)
                                    + " stages: a stage needs at least one layer");
    std::vector<double> prefix(n + 1, 0.0);
    for (int i = 0; i < n; ++i)
        prefix[i + 1] = prefix[i] + weights[i];
    const double inf = std::numeric_limits<double>::infinity();
    // best[k][i]: smallest possible largest part when the first i layers form k parts.
    std::vector<std::vector<double>> best(parts + 1, std::vector<double>(n + 1, inf));
    std::vector<std::vector<int>> cut(parts + 1, std::vector<int>(n + 1, 0));
    best[0][0] = 0.0;
    for (int k = 1; k <= parts; ++k)
        for (int i = k; i <= n - (parts - k); ++i)
            for (int j = k - 1; j < i; ++j) {
                const double cost = std::max(best[k - 1][j], prefix[i] - prefix[j]);
                if (cost < best[k][i]) {
                    best[k][i] = cost;
                    cut[k][i] = j;
                }
            }
    std::vector<int> bounds(parts + 1);
    bounds[parts] = n;
    for (int k = parts; k > 0; --k)
        bounds[k - 1] = cut[k][bounds[k]];
    return bounds;
}

std::vector<int> partitionLayers(Model& model, int stages, const std::string& method, const torch::Tensor& sample)
{
    const int n = static_cast<int>(model.layers.size());
    if (stages < 1 || n < stages)
        throw std::invalid_argument("the " + model.kind + " model has " + std::to_string(n) + " layers, fewer than the "
                                    + std::to_string(stages) + " pipeline stages");
    if (method == "uniform") {
        std::vector<int> bounds(stages + 1);
        for (int s = 0; s <= stages; ++s)
            bounds[s] = s * n / stages;
        return bounds;
    }
    std::vector<double> weights(n);
    if (method == "params") {
        for (int i = 0; i < n; ++i)
            weights[i] = static_cast<double>(model.parameterCount(i)) + 1.0; // +1: parameter-free layers still cost
    } else if (method == "time") {
        // Forward + backward of each layer alone on the sample, best of three.
        torch::Tensor x = sample;
        for (int i = 0; i < n; ++i) {
            torch::Tensor in = x.is_floating_point() ? x.detach().requires_grad_(true) : x;
            double bestSeconds = std::numeric_limits<double>::infinity();
            torch::Tensor y;
            for (int rep = 0; rep < 3; ++rep) {
                const auto t0 = std::chrono::steady_clock::now();
                y = model.layers[i]->forward(in);
                y.sum().backward();
                bestSeconds = std::min(bestSeconds, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
            }
            weights[i] = bestSeconds;
            x = y.detach();
        }
        for (torch::Tensor& p : model.parameters())
            p.mutable_grad() = torch::Tensor();
    } else {
        throw std::invalid_argument("unknown partition method '" + method + "' (uniform, params or time)");
    }
    return balancedPartition(weights, stages);
}

torch::Tensor crossEntropySum(const torch::Tensor& logits, const torch::Tensor& labels)
{
    return torch::nn::functional::cross_entropy(
        logits.reshape({-1, logits.size(-1)}).to(torch::kFloat), labels.reshape({-1}),
        torch::nn::functional::CrossEntropyFuncOptions().reduction(torch::kSum));
}

// ---- Mailbox ---------------------------------------------------------------------------

void Mailbox::put(Kind kind, int stage, int microbatch, Parcel parcel)
{
    {
        std::lock_guard lock(m_mutex);
        m_slots[{kind, stage, microbatch}] = std::move(parcel);
    }
    m_changed.notify_all();
}

Parcel Mailbox::take(Kind kind, int stage, int microbatch)
{
    std::unique_lock lock(m_mutex);
    const auto key = std::make_tuple(static_cast<int>(kind), stage, microbatch);
    m_changed.wait(lock, [&] { return m_aborted || m_slots.count(key) > 0; });
    if (m_aborted)
        throw std::runtime_error("pipeline aborted: another stage failed");
    Parcel parcel = std::move(m_slots[key]);
    m_slots.erase(key);
    return parcel;
}

void Mailbox::abort()
{
    {
        std::lock_guard lock(m_mutex);
        m_aborted = true;
    }
    m_changed.notify_all();
}

void Mailbox::reset()
{
    std::lock_guard lock(m_mutex);
    m_slots.clear();
    m_aborted = false;
}

// ---- RNG state for recomputation ----------------------------------------------------------
namespace {

// The default generators are process-wide: another worker drawing numbers between save and
// restore would shift the stream. None of our models draws random numbers in forward (no
// dropout), so this only has to be right for a single worker, as in torchgpipe.
std::vector<torch::Tensor> saveRng(const torch::Device& device)
{
    std::vector<torch::Tensor> states;
    {
        auto gen = at::detail::getDefaultCPUGenerator();
        std::lock_guard lock(gen.mutex());
        states.push_back(gen.get_state());
    }
#ifdef TUNEBENCH_WITH_CUDA
    if (device.is_cuda()) {
        auto gen = at::cuda::detail::getDefaultCUDAGenerator(device.index());
        std::lock_guard lock(gen.mutex());
        states.push_back(gen.get_state());
    }
#else
    (void)device;
#endif
    return states;
}

void restoreRng(const torch::Device& device, const std::vector<torch::Tensor>& states)
{
    {
        auto gen = at::detail::getDefaultCPUGenerator();
        std::lock_guard lock(gen.mutex());
        gen.set_state(states.at(0));
    }
#ifdef TUNEBENCH_WITH_CUDA
    if (device.is_cuda() && states.size() > 1) {
        auto gen = at::cuda::detail::getDefaultCUDAGenerator(device.index());
        std::lock_guard lock(gen.mutex());
        gen.set_state(states[1]);
    }
#else
    (void)device;
#endif
}

// Runs recomputation with the RNG state of the original forward, then puts back the state
// the generators had, so recomputation does not consume random numbers.
class RngFork {
public:
    RngFork(const torch::Device& device, const std::vector<torch::Tensor>& stashed)
        : m_device(device), m_current(saveRng(device))
    {
        restoreRng(device, stashed);
    }
    ~RngFork() { restoreRng(m_device, m_current); }

private:
    torch::Device m_device;
    std::vector<torch::Tensor> m_current;
};

std::int64_t bytesOf(const torch::Tensor& t)
{
    return t.defined() ? static_cast<std::int64_t>(t.numel() * t.element_size()) : 0;
}

} // namespace

// ---- Pipeline ----------------------------------------------------------------------------

struct Pipeline::Stash {
    torch::Tensor input;      // stage input (on the CPU when offloaded)
    torch::Tensor output;     // stage output, or the scaled loss on the last stage; empty when recomputed
    torch::Tensor gradOutput; // kept from B for W when W is split
    std::vector<torch::Tensor> rng;
    bool recompute = false;
    std::int64_t bytes = 0;
};

struct Pipeline::StageState {
    int first = 0, last = 0; // layers [first, last)
    int rank = 0;
    torch::Device device{torch::kCPU};
    std::vector<Stash> stash; // per micro-batch
    std::vector<torch::Tensor> parameters;
    int held = 0, peakHeld = 0;
    std::int64_t bytes = 0, peakBytes = 0;
};

Pipeline::Pipeline(Model& model, PipelineConfig config) : m_model(model), m_config(std::move(config))
{
    const sch::Schedule& schedule = m_config.schedule;
    const int S = schedule.stages;
    if (static_cast<int>(m_config.boundaries.size()) != S + 1 || m_config.boundaries.front() != 0
        || m_config.boundaries.back() != static_cast<int>(model.layers.size()))
        throw std::invalid_argument("stage boundaries do not cover the model's layers");
    if (static_cast<int>(m_config.rankDevices.size()) != schedule.devices)
        throw std::invalid_argument("need one device per schedule rank");
    if (m_config.l2l && S != 1)
        throw std::invalid_argument("L2L relays layers through one device: it needs one stage");
    for (int s = 0; s < S; ++s) {
        auto state = std::make_unique<StageState>();
        state->first = m_config.boundaries[s];
        state->last = m_config.boundaries[s + 1];
        if (state->last <= state->first)
            throw std::invalid_argument("stage " + std::to_string(s) + " has no layers");
        state->rank = schedule.stageDevice[s];
        state->device = m_config.rankDevices[state->rank];
        state->stash.resize(schedule.microbatches);
        for (int l = state->first; l < state->last; ++l) {
            if (!m_config.l2l) // L2L keeps the layers in CPU memory between visits
                model.layers[l]->to(state->device);
            for (const torch::Tensor& p : model.layers[l]->parameters())
                if (p.requires_grad())
                    state->parameters.push_back(p);
        }
        m_stages.push_back(std::move(state));
    }
    m_spans.resize(schedule.devices);
    m_rankLoss.resize(schedule.devices);
    m_errors.resize(schedule.devices);
    m_actionStart.resize(schedule.devices);
    m_clocks.resize(schedule.devices);
    if (schedule.devices > 1)
        for (int r = 0; r < schedule.devices; ++r)
            m_threads.emplace_back(&Pipeline::workerLoop, this, r);
}

Pipeline::~Pipeline()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    for (std::thread& t : m_threads)
        t.join();
}

torch::Device Pipeline::stageDevice(int stage) const
{
    return m_stages.at(stage)->device;
}

std::vector<int> Pipeline::peakStashed() const
{
    std::vector<int> out;
    for (const auto& s : m_stages)
        out.push_back(s->peakHeld);
    return out;
}

std::vector<std::int64_t> Pipeline::peakStashedBytes() const
{
    std::vector<std::int64_t> out;
    for (const auto& s : m_stages)
        out.push_back(s->peakBytes);
    return out;
}

std::vector<SpanRecord> Pipeline::spans() const
{
    std::vector<SpanRecord> out;
    for (const auto& rank : m_spans)
        out.insert(out.end(), rank.begin(), rank.end());
    return out;
}

bool Pipeline::checkpointed(int microbatch) const
{
    switch (m_config.checkpoint) {
    case Checkpoint::None:
        return false;
    case Checkpoint::Always:
        return true;
    case Checkpoint::ExceptLast: // torchgpipe: the last micro-batch is needed first by backward
        return microbatch != m_config.schedule.microbatches - 1;
    }
    return false;
}

torch::Tensor Pipeline::runLayers(int stage, const torch::Tensor& input)
{
    const StageState& st = *m_stages[stage];
    torch::Tensor x = input;
    for (int l = st.first; l < st.last; ++l)
        x = m_model.layers[l]->forward(x);
    return x;
}

double Pipeline::run(const torch::Tensor& inputs, const torch::Tensor& labels, double lossScale, bool recordSpans)
{
    const int m = m_config.schedule.microbatches;
    if (inputs.size(0) < m)
        throw std::invalid_argument("a mini-batch of " + std::to_string(inputs.size(0)) + " samples cannot make "
                                    + std::to_string(m) + " micro-batches");
    m_inputs = inputs.tensor_split(m, 0);
    m_labels = labels.tensor_split(m, 0);
    m_lossScale = lossScale;
    m_recordSpans = recordSpans;
    m_mailbox.reset();
    for (auto& spans : m_spans)
        spans.clear();
    for (auto& loss : m_rankLoss)
        loss = torch::Tensor();
    for (auto& error : m_errors)
        error = nullptr;
    m_runStart = std::chrono::steady_clock::now();

    if (m_config.l2l)
        return runL2L();
    if (m_threads.empty()) {
        execute(0);
    } else {
        {
            std::lock_guard lock(m_mutex);
            ++m_generation;
            m_pending = static_cast<int>(m_threads.size());
        }
        m_wake.notify_all();
        std::unique_lock lock(m_mutex);
        m_done.wait(lock, [&] { return m_pending == 0; });
    }
    // The first real failure, not the "aborted" it caused in the other workers.
    std::exception_ptr first;
    for (const auto& e : m_errors) {
        if (!e)
            continue;
        if (!first)
            first = e;
        try {
            std::rethrow_exception(e);
        } catch (const std::runtime_error& err) {
            if (std::string(err.what()).starts_with("pipeline aborted"))
                continue;
            first = e;
            break;
        } catch (...) {
            first = e;
            break;
        }
    }
    if (first)
        std::rethrow_exception(first);
    double total = 0.0;
    for (const torch::Tensor& loss : m_rankLoss)
        if (loss.defined())
            total += loss.item<double>();
    return total;
}

void Pipeline::workerLoop(int rank)
{
    at::set_num_threads(std::max(1, m_config.threadsPerWorker));
    std::uint64_t seen = 0;
    for (;;) {
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [&] { return m_stopping || m_generation != seen; });
            if (m_stopping)
                return;
            seen = m_generation;
        }
        try {
            execute(rank);
        } catch (...) {
            m_errors[rank] = std::current_exception();
            m_mailbox.abort();
        }
        {
            std::lock_guard lock(m_mutex);
            if (--m_pending == 0)
                m_done.notify_all();
        }
    }
}

void Pipeline::execute(int rank)
{
    const torch::Device device = m_config.rankDevices[rank];
    c10::OptionalDeviceGuard guard;
    if (device.is_cuda())
        guard.reset_device(device);
    // A stream of this worker's own, so that workers sharing a device overlap.
    device::WorkerStream stream(device);
#if defined(TUNEBENCH_WITH_CUDA) && TORCH_VERSION_MAJOR >= 2
    // Autocast state is thread-local: each worker sets its own.
    if (m_config.bf16 && device.is_cuda()) {
        at::autocast::set_autocast_enabled(at::kCUDA, true);
        at::autocast::set_autocast_dtype(at::kCUDA, at::kBFloat16);
    }
#endif
    struct Open {
        const sch::Action* action;
        int start, end;
    };
    std::vector<Open> open;
    if (m_recordSpans)
        m_clocks[rank] = std::make_unique<device::SpanClock>(device, m_runStart);
    for (const sch::Action& action : m_config.schedule.perDevice[rank]) {
        if (m_recordSpans)
            m_actionStart[rank] = m_clocks[rank]->mark();
        switch (action.op) {
        case sch::Op::F:
            forward(action.stage, action.microbatch);
            break;
        case sch::Op::B:
            backward(action.stage, action.microbatch);
            break;
        case sch::Op::W:
            weightGradient(action.stage, action.microbatch);
            break;
        }
        if (m_recordSpans)
            open.push_back({&action, m_actionStart[rank], m_clocks[rank]->mark()});
    }
    if (m_recordSpans) {
        // Sampled steps only: on CUDA this waits for the device, so spans cover the work.
        const std::vector<std::int64_t> times = m_clocks[rank]->resolve();
        for (const Open& o : open)
            m_spans[rank].push_back({rank, o.action->stage, sch::opLetter(o.action->op), o.action->microbatch,
                                     times[o.start], times[o.end]});
        m_clocks[rank].reset();
    }
#if defined(TUNEBENCH_WITH_CUDA) && TORCH_VERSION_MAJOR >= 2
    if (m_config.bf16 && device.is_cuda()) {
        at::autocast::set_autocast_enabled(at::kCUDA, false);
        at::autocast::clear_cache();
    }
#endif
}

void Pipeline::markStart(int rank)
{
    if (m_recordSpans)
        m_clocks[rank]->remark(m_actionStart[rank]);
}

void Pipeline::send(Mailbox::Kind kind, int stage, int microbatch, const torch::Tensor& tensor,
                    const torch::Device& from)
{
    m_mailbox.put(kind, stage, microbatch, Parcel{tensor, device::Ready::now(from)});
}

torch::Tensor Pipeline::receive(Mailbox::Kind kind, int stage, int microbatch, const torch::Device& to)
{
    Parcel parcel = m_mailbox.take(kind, stage, microbatch);
    return device::receive(parcel.tensor, parcel.ready, to);
}

void Pipeline::forward(int stage, int microbatch)
{
    StageState& st = *m_stages[stage];
    Stash& stash = st.stash[microbatch];
    const bool last = stage == stageCount() - 1;

    torch::Tensor input;
    if (stage == 0) {
        input = m_inputs[microbatch].to(st.device);
    } else {
        input = receive(Mailbox::Activation, stage, microbatch, st.device);
        if (input.is_floating_point())
            input = input.detach().requires_grad_(true);
        markStart(st.rank);
    }
    stash = Stash{};
    stash.recompute = checkpointed(microbatch);
    st.peakHeld = std::max(st.peakHeld, ++st.held);

    torch::Tensor output;
    if (stash.recompute) {
        stash.rng = saveRng(st.device);
        torch::NoGradGuard noGrad;
        output = runLayers(stage, input);
        stash.input = m_config.offloadActivations ? device::offload(input) : input.detach();
    } else {
        output = runLayers(stage, input);
        stash.input = input;
    }
    if (last) {
        torch::Tensor loss = m_config.loss(output, m_labels[microbatch].to(st.device));
        torch::Tensor& total = m_rankLoss[st.rank];
        total = total.defined() ? total + loss.detach() : loss.detach();
        if (!stash.recompute)
            stash.output = loss * m_lossScale;
    } else {
        send(Mailbox::Activation, stage + 1, microbatch, output.detach(), st.device);
        if (!stash.recompute)
            stash.output = output;
    }
    stash.bytes = bytesOf(stash.input) + (last ? 0 : bytesOf(stash.output));
    st.bytes += stash.bytes;
    st.peakBytes = std::max(st.peakBytes, st.bytes);
}

void Pipeline::backward(int stage, int microbatch)
{
    StageState& st = *m_stages[stage];
    Stash& stash = st.stash[microbatch];
    const bool last = stage == stageCount() - 1;

    torch::Tensor gradOutput;
    if (!last) {
        gradOutput = receive(Mailbox::Gradient, stage, microbatch, st.device);
        markStart(st.rank);
    }
    torch::Tensor input = stash.input;
    torch::Tensor output = stash.output;
    if (stash.recompute) {
        input = device::reload(input, st.device);
        if (stage > 0 && input.is_floating_point())
            input = input.detach().requires_grad_(true);
        RngFork fork(st.device, stash.rng);
        output = runLayers(stage, input);
        if (last)
            output = m_config.loss(output, m_labels[microbatch].to(st.device)) * m_lossScale;
    }
    const std::vector<torch::Tensor> grads = gradOutput.defined() ? std::vector<torch::Tensor>{gradOutput}
                                                                  : std::vector<torch::Tensor>{};
    const bool sendInputGrad = stage > 0 && input.requires_grad();

    if (m_config.schedule.splitW) {
        // B: the input gradient only; the graph is kept for W.
        if (sendInputGrad) {
            auto g = torch::autograd::grad({output}, {input}, grads, /*retain_graph=*/true);
            send(Mailbox::Gradient, stage - 1, microbatch, g[0], st.device);
        }
        stash.input = input;
        stash.output = output;
        stash.gradOutput = gradOutput;
    } else {
        torch::autograd::backward({output}, grads);
        if (sendInputGrad)
            send(Mailbox::Gradient, stage - 1, microbatch, input.grad(), st.device);
        st.bytes -= stash.bytes;
        stash = Stash{};
    }
    --st.held;
}

void Pipeline::weightGradient(int stage, int microbatch)
{
    StageState& st = *m_stages[stage];
    Stash& stash = st.stash[microbatch];
    if (!st.parameters.empty()) {
        const std::vector<torch::Tensor> grads = stash.gradOutput.defined()
            ? std::vector<torch::Tensor>{stash.gradOutput}
            : std::vector<torch::Tensor>{};
        auto g = torch::autograd::grad({stash.output}, st.parameters, grads, /*retain_graph=*/false,
                                       /*create_graph=*/false, /*allow_unused=*/true);
        torch::NoGradGuard noGrad;
        for (std::size_t i = 0; i < g.size(); ++i) {
            if (!g[i].defined())
                continue;
            torch::Tensor& grad = st.parameters[i].mutable_grad();
            if (grad.defined())
                grad.add_(g[i]);
            else
                grad = g[i].detach().clone();
        }
    }
    st.bytes -= stash.bytes;
    stash = Stash{};
}

double Pipeline::runL2L()
{
    const torch::Device device = m_config.rankDevices[0];
    const torch::Device host(torch::kCPU);
    c10::OptionalDeviceGuard guard;
    if (device.is_cuda())
        guard.reset_device(device);
    const int L = static_cast<int>(m_model.layers.size());
    const int M = static_cast<int>(m_inputs.size());
    StageState& st = *m_stages[0];

    // Forward relay, without autograd: only each layer's inputs are kept (in CPU memory).
    // The last layer runs in the backward relay, where its output meets the loss.
    std::vector<std::vector<torch::Tensor>> inputs(L, std::vector<torch::Tensor>(M));
    for (int k = 0; k < M; ++k)
        inputs[0][k] = m_inputs[k];
    {
        torch::NoGradGuard noGrad;
        for (int l = 0; l + 1 < L; ++l) {
            m_model.layers[l]->to(device);
            for (int k = 0; k < M; ++k)
                inputs[l + 1][k] = m_model.layers[l]->forward(inputs[l][k].to(device)).to(host);
            m_model.layers[l]->to(host);
        }
    }
    std::int64_t bytes = 0;
    for (const auto& layer : inputs)
        for (const auto& t : layer)
            bytes += bytesOf(t);
    st.peakHeld = std::max(st.peakHeld, M);
    st.peakBytes = std::max(st.peakBytes, bytes);

    // Backward relay, last layer first: recompute the layer's forward with autograd,
    // back-propagate every micro-batch, return the gradients to the CPU.
    std::vector<torch::Tensor> gradients(M);
    torch::Tensor lossSum;
    for (int l = L - 1; l >= 0; --l) {
        const LayerPtr& layer = m_model.layers[l];
        std::vector<torch::Tensor> params = layer->parameters();
        std::vector<torch::Tensor> accumulated; // gradients from earlier run() calls (--accumulate)
        for (torch::Tensor& p : params) {
            accumulated.push_back(p.grad());
            p.mutable_grad() = torch::Tensor();
        }
        layer->to(device);
        for (int k = 0; k < M; ++k) {
            torch::Tensor input = inputs[l][k].to(device);
            if (l > 0 && input.is_floating_point())
                input = input.detach().requires_grad_(true);
            torch::Tensor output = layer->forward(input);
            if (l == L - 1) {
                torch::Tensor loss = m_config.loss(output, m_labels[k].to(device));
                lossSum = lossSum.defined() ? lossSum + loss.detach() : loss.detach();
                (loss * m_lossScale).backward();
            } else {
                output.backward(gradients[k].to(device));
            }
            gradients[k] = l > 0 && input.requires_grad() ? input.grad().to(host) : torch::Tensor();
            inputs[l][k] = torch::Tensor();
        }
        std::vector<torch::Tensor> fresh;
        for (torch::Tensor& p : params) {
            fresh.push_back(p.grad());
            p.mutable_grad() = torch::Tensor();
        }
        layer->to(host);
        torch::NoGradGuard noGrad;
        for (std::size_t i = 0; i < params.size(); ++i) {
            torch::Tensor g = fresh[i].defined() ? fresh[i].to(host) : torch::Tensor();
            if (accumulated[i].defined() && g.defined())
                g = accumulated[i].add_(g);
            else if (accumulated[i].defined())
                g = accumulated[i];
            params[i].mutable_grad() = g;
        }
    }
    return lossSum.defined() ? lossSum.item<double>() : 0.0;
}

torch::Tensor Pipeline::predict(const torch::Tensor& inputs)
{
    torch::NoGradGuard noGrad;
    torch::Tensor x = inputs;
    if (m_config.l2l) {
        const torch::Device device = m_config.rankDevices[0];
        for (const LayerPtr& layer : m_model.layers) {
            layer->to(device);
            x = layer->forward(x.to(device));
            layer->to(torch::kCPU);
        }
        return x;
    }
    for (int s = 0; s < stageCount(); ++s)
        x = runLayers(s, x.to(m_stages[s]->device));
    return x;
}

} // namespace tb::train
