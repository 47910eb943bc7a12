#include "trainer.h"

#include "allreduce.h"
#include "blas_cores.h"
#include "data.h"
#include "device.h"
#include "model.h"
#include "pipeline.h"

#include "algorithms/trial_events.h"

#include <torch/cuda.h>
#include <torch/torch.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <future>
#include <iomanip>
#include <iostream>
#include <numeric>
#include <optional>
#include <random>
#include <sstream>

namespace tb::train {
namespace {

namespace sch = algorithms::schedules;
namespace events = algorithms::events;

std::atomic<bool> g_stopRequested{false};

void onSigterm(int)
{
    requestStop();
}

std::string deviceName(const torch::Device& d)
{
    return d.str();
}

// The devices of replica `replica`'s ranks: --devices lists one for all, one per rank (shared
// by the replicas) or one per rank of every replica, replica 0's first.
std::vector<torch::Device> resolveDevices(const Options& o, int replica)
{
    std::vector<torch::Device> out;
    const auto listed = static_cast<int>(o.devices.size());
    for (int r = 0; r < o.stages; ++r) {
        const std::string& name = listed == 1 ? o.devices[0] : listed == o.stages ? o.devices[r]
                                                                                  : o.devices[replica * o.stages + r];
        torch::Device device(name);
        if (device.is_cuda()) {
            if (!torch::cuda::is_available())
                throw UsageError("--devices " + name + ": CUDA is not available (no GPU visible, or libtorch built without CUDA)");
            const int index = device.has_index() ? device.index() : 0;
            if (index >= static_cast<int>(torch::cuda::device_count()))
                throw UsageError("--devices " + name + ": only " + std::to_string(torch::cuda::device_count())
                                 + " CUDA devices are visible");
            device = torch::Device(torch::kCUDA, static_cast<c10::DeviceIndex>(index));
        }
        out.push_back(device);
    }
    return out;
}

std::string labelsPathFor(const Options& o)
{
    if (!o.labels.empty())
        return o.labels;
    std::string path = o.data;
    if (auto at = path.rfind("images"); at != std::string::npos)
        return path.replace(at, 6, "labels");
    throw UsageError("--task idx: give --labels FILE (cannot derive it from '" + o.data + "': no \"images\" in the name)");
}

struct Checkpointer {
    std::filesystem::path dir;

    std::filesystem::path file() const { return dir / "checkpoint.pt"; }

    void save(const Model& model, torch::optim::Optimizer& optimizer, std::int64_t step) const
    {
        std::filesystem::create_directories(dir);
        torch::serialize::OutputArchive archive;
        const auto params = model.parameters();
        for (std::size_t i = 0; i < params.size(); ++i)
            archive.write("param/" + std::to_string(i), params[i]);
        torch::serialize::OutputArchive opt;
        optimizer.save(opt);
        archive.write("optimizer", opt);
        archive.write("step", torch::tensor(step, torch::kLong));
        // Write then rename: a kill during the save leaves the previous checkpoint intact.
        const auto tmp = dir / "checkpoint.pt.tmp";
        archive.save_to(tmp.string());
        std::filesystem::rename(tmp, file());
    }

    std::int64_t load(const Model& model, torch::optim::Optimizer& optimizer) const
    {
        torch::serialize::InputArchive archive;
        archive.load_from(file().string());
        auto params = model.parameters();
        for (std::size_t i = 0; i < params.size(); ++i) {
            torch::Tensor stored;
            archive.read("param/" + std::to_string(i), stored);
            if (stored.sizes() != params[i].sizes())
                throw UsageError("--resume: " + file().string() + " was written for a different model");
            torch::NoGradGuard noGrad;
            params[i].copy_(stored);
        }
        torch::serialize::InputArchive opt;
        archive.read("optimizer", opt);
        optimizer.load(opt);
        torch::Tensor step;
        archive.read("step", step);
        return step.item<std::int64_t>();
    }
};

std::vector<std::int64_t> epochOrder(std::int64_t n, std::uint64_t seed, std::int64_t epoch)
{
    std::vector<std::int64_t> order(static_cast<std::size_t>(n));
    std::iota(order.begin(), order.end(), 0);
    std::mt19937_64 rng(seed * 0x9E3779B97F4A7C15ULL + static_cast<std::uint64_t>(epoch) + 1);
    std::shuffle(order.begin(), order.end(), rng);
    return order;
}

struct Evaluation {
    double loss = 0.0;
    double accuracy = 0.0;
};

Evaluation evaluate(Pipeline& pipeline, const Dataset& data, int batch)
{
    double lossSum = 0.0, correct = 0.0, count = 0.0;
    const std::int64_t n = data.valX.size(0);
    for (std::int64_t at = 0; at < n; at += batch) {
        torch::Tensor x = data.valX.slice(0, at, std::min(n, at + batch));
        torch::Tensor logits = pipeline.predict(x).to(torch::kFloat);
        torch::Tensor y = data.valY.slice(0, at, std::min(n, at + batch)).to(logits.device());
        lossSum += crossEntropySum(logits, y).item<double>();
        correct += logits.argmax(-1).eq(y).sum().item<double>();
        count += static_cast<double>(y.numel());
    }
    return {lossSum / count, correct / count};
}

double gradientNorm(const std::vector<torch::Tensor>& params)
{
    double squared = 0.0;
    for (const torch::Tensor& p : params)
        if (p.grad().defined())
            squared += p.grad().to(torch::kDouble).pow(2).sum().item<double>();
    return std::sqrt(squared);
}

void scaleGradients(const std::vector<torch::Tensor>& params, double factor)
{
    torch::NoGradGuard noGrad;
    for (const torch::Tensor& p : params)
        if (p.grad().defined())
            p.grad().mul_(factor);
}

} // namespace

void requestStop()
{
    g_stopRequested.store(true);
}

RunSummary train(const Options& o, std::ostream& out)
{
    g_stopRequested.store(false);
    if (const std::string problem = checkStatic(o); !problem.empty())
        throw UsageError(problem);
    if (o.threads > 0)
        torch::set_num_threads(o.threads);
    std::vector<std::vector<torch::Device>> replicaDevices;
    std::vector<torch::Device> usedDevices; // each device once, in order of first use
    for (int r = 0; r < o.replicas; ++r) {
        replicaDevices.push_back(resolveDevices(o, r));
        for (const torch::Device& d : replicaDevices.back())
            if (std::find(usedDevices.begin(), usedDevices.end(), d) == usedDevices.end())
                usedDevices.push_back(d);
    }
    const bool anyCuda = std::any_of(usedDevices.begin(), usedDevices.end(), [](const torch::Device& d) { return d.is_cuda(); });
    if (o.gpuMemoryLimitGb > 0.0) {
        if (!anyCuda)
            throw UsageError("--gpu-memory-limit caps CUDA devices: give --devices cuda:N");
        for (const torch::Device& d : usedDevices) {
            if (!d.is_cuda())
                continue;
            try {
                device::limitMemory(d, static_cast<std::int64_t>(o.gpuMemoryLimitGb * 1073741824.0));
            } catch (const std::invalid_argument& e) {
                throw UsageError(std::string("--gpu-memory-limit: ") + e.what());
            }
            out << "memory limit: " << d.str() << " capped at " << o.gpuMemoryLimitGb << " GiB of "
                << device::totalMemory(d) / 1073741824.0 << std::endl;
        }
    }
    if (o.precision == "bf16") {
#if defined(TUNEBENCH_WITH_CUDA) && TORCH_VERSION_MAJOR >= 2
        if (!anyCuda)
            throw UsageError("--precision bf16 needs CUDA devices (bf16 autocast runs on CUDA only)");
#else
        (void)anyCuda;
        throw UsageError("--precision bf16 needs a libtorch 2.x built with CUDA");
#endif
    }

    // Data and model.
    Dataset data;
    GptConfig gpt = gptConfig(o.size);
    if (o.blockSize > 0)
        gpt.block = o.blockSize;
    if (o.task == "spirals")
        data = makeSpirals(o.samples, o.seed, o.valFraction);
    else if (o.task == "text")
        data = loadText(o.data, gpt.block, o.valFraction);
    else if (o.task == "idx")
        data = loadIdx(o.data, labelsPathFor(o), o.seed, o.valFraction);
    else
        data = loadCsv(o.data, o.seed, o.valFraction);

    if (o.model == "mlp" && data.trainX.dim() != 2)
        throw UsageError("--model mlp needs flat samples; use --model cnn for images");
    auto makeModel = [&] {
        if (o.model == "gpt")
            return makeGpt(gpt);
        if (o.model == "cnn")
            return makeCnn(data.trainX.size(1), data.trainX.size(2), data.trainX.size(3), data.classes);
        return makeMlp(static_cast<int>(data.trainX.size(1)), o.hidden, o.depth, data.classes);
    };
    torch::manual_seed(o.seed);
    Model model = makeModel();

    const int batch = o.batch > 0 ? o.batch : (o.model == "gpt" ? gpt.batch : 64);
    if (batch < o.microbatches * o.replicas)
        throw UsageError("--batch " + std::to_string(batch) + " is smaller than --microbatches "
                         + std::to_string(o.microbatches)
                         + (o.replicas > 1 ? " x --replicas " + std::to_string(o.replicas) : std::string()));
    const sch::Schedule schedule = sch::makeSchedule(o.schedule, o.stages, o.microbatches, o.virtualStages);
    if (static_cast<int>(model.layers.size()) < schedule.stages)
        throw UsageError("the " + o.model + " model has " + std::to_string(model.layers.size()) + " layers, fewer than the "
                         + std::to_string(schedule.stages) + " pipeline stages (--stages x --virtual-stages)");
    const std::int64_t nTrain = data.trainX.size(0);
    const std::int64_t stepsPerEpoch = nTrain / (static_cast<std::int64_t>(batch) * o.accumulate);
    if (stepsPerEpoch < 1)
        throw UsageError("--batch " + std::to_string(batch) + " x --accumulate " + std::to_string(o.accumulate)
                         + " is more than the " + std::to_string(nTrain) + " training samples");
    const std::int64_t totalSteps = o.steps > 0 ? o.steps : std::max(1, o.epochs) * stepsPerEpoch;

    // Pipeline.
    PipelineConfig config;
    config.schedule = schedule;
    config.boundaries = partitionLayers(model, schedule.stages, o.partition,
                                        data.trainX.slice(0, 0, std::max(1, batch / o.microbatches)));
    config.checkpoint = checkpointFromString(o.checkpoint);
    config.offloadActivations = o.offload == "activations";
    config.bf16 = o.precision == "bf16";
    config.l2l = o.offload == "l2l";
    const int totalThreads = o.threads > 0 ? o.threads : at::get_num_threads();
    config.threadsPerWorker = std::max(1, totalThreads / (schedule.devices * o.replicas));

    // Replicas: replica 0 is `model`; the others are built the same way and start from its
    // parameters. Each has its pipeline and its optimizer; identical summed gradients keep
    // them identical.
    auto makeOptimizer = [&](const Model& m) -> std::unique_ptr<torch::optim::Optimizer> {
        if (o.optimizer == "sgd")
            return std::make_unique<torch::optim::SGD>(
                m.parameters(), torch::optim::SGDOptions(o.lr).momentum(o.momentum).weight_decay(o.weightDecay));
        return std::make_unique<torch::optim::AdamW>(m.parameters(),
                                                     torch::optim::AdamWOptions(o.lr).weight_decay(o.weightDecay));
    };
    struct Replica {
        Model* model = nullptr;
        std::unique_ptr<Pipeline> pipeline;
        std::unique_ptr<torch::optim::Optimizer> optimizer;
    };
    std::vector<std::unique_ptr<Model>> extraModels;
    std::vector<Replica> replicas;
    for (int r = 0; r < o.replicas; ++r) {
        Model* m = &model;
        if (r > 0) {
            extraModels.push_back(std::make_unique<Model>(makeModel()));
            m = extraModels.back().get();
            torch::NoGradGuard noGrad;
            const auto from = model.parameters(), to = m->parameters();
            for (std::size_t i = 0; i < from.size(); ++i)
                to[i].copy_(from[i]);
        }
        PipelineConfig replicaConfig = config;
        replicaConfig.rankDevices = replicaDevices[r];
        replicas.push_back({m, std::make_unique<Pipeline>(*m, replicaConfig), nullptr});
        replicas.back().optimizer = makeOptimizer(*m);
    }
    Pipeline& pipeline = *replicas[0].pipeline;
    std::vector<std::vector<torch::Tensor>> replicaParams;
    for (const Replica& replica : replicas)
        replicaParams.push_back(replica.model->parameters());
    GradientReducer reducer(replicaParams);
    for (const torch::Device& d : usedDevices)
        device::resetPeak(d);

    std::optional<Checkpointer> checkpointer;
    if (!o.out.empty())
        checkpointer = Checkpointer{o.out};
    std::int64_t step = 0;
    if (o.resume) {
        if (std::filesystem::exists(checkpointer->file())) {
            for (const Replica& replica : replicas)
                step = checkpointer->load(*replica.model, *replica.optimizer);
            out << "resumed from " << checkpointer->file().string() << " at step " << step << std::endl;
        } else {
            out << "no checkpoint in " << o.out << ": starting from step 0" << std::endl;
        }
    }

    // Partition event: what the GUI needs to draw and label the stages.
    {
        events::Partition e;
        e.method = o.partition;
        e.schedule = schedule.kind;
        e.ranks = schedule.devices;
        e.microbatches = schedule.microbatches;
        e.virtualStages = schedule.virtualStages;
        e.checkpoint = o.checkpoint;
        e.replicas = o.replicas;
        e.gradientReduction = reducer.method();
        e.parameters = model.parameterCount();
        for (int s = 0; s < schedule.stages; ++s) {
            events::PartitionStage& stage = e.stages.emplace_back();
            stage.stage = s;
            stage.rank = schedule.stageDevice[s];
            stage.device = deviceName(pipeline.stageDevice(s));
            for (int l = config.boundaries[s]; l < config.boundaries[s + 1]; ++l) {
                stage.layers.push_back(model.layerNames[l]);
                stage.parameters += model.parameterCount(l);
            }
        }
        out << events::line(e) << std::endl;
    }
    out << "data: " << data.description << ", " << nTrain << " training and " << data.valX.size(0)
        << " validation samples; " << stepsPerEpoch << " steps per epoch" << std::endl;
    if (const auto core = openblasCore()) {
        out << "blas: OpenBLAS, " << *core << " kernels";
        const char* fell = std::getenv("TUNEBENCH_BLAS_RESTARTED");
        const char* chosen = std::getenv("OPENBLAS_CORETYPE");
        if (fell && chosen)
            out << " (OpenBLAS chose its " << fell << " kernels for this CPU; restarted with OPENBLAS_CORETYPE="
                << chosen << ")";
        out << std::endl;
    }

    RunSummary summary;
    const double samplesPerStep = static_cast<double>(batch) * o.accumulate;
    const double lossScale = 1.0 / (samplesPerStep * static_cast<double>(data.tokensPerSample));
    std::int64_t orderEpoch = -1;
    std::vector<std::int64_t> order;
    auto report = [&](std::int64_t epoch) {
        const Evaluation ev = evaluate(pipeline, data, batch);
        summary.valLoss = ev.loss;
        summary.valAccuracy = ev.accuracy;
        // Per stage: on CUDA the caching allocator's peak of the stage's device (shared by the
        // stages on that device), else the bytes the stage stashed; both with the stash figures.
        // The largest of them is a metric too (peak_memory_mb, MiB), which a spec can
        // constrain (issue 17: resources/examples/pipeline_tuning.json).
        const auto peaks = pipeline.peakStashed();
        const auto bytes = pipeline.peakStashedBytes();
        std::vector<events::Memory> memory;
        std::int64_t largest = 0;
        for (int s = 0; s < pipeline.stageCount(); ++s) {
            const torch::Device d = pipeline.stageDevice(s);
            const std::int64_t allocated = device::peakAllocatedBytes(d);
            memory.push_back(events::Memory{s, deviceName(d), allocated >= 0 ? allocated : bytes[s], bytes[s], peaks[s],
                                            allocated >= 0 ? "cuda_allocator" : "stash"});
            largest = std::max(largest, memory.back().peakBytes);
        }
        out << "epoch=" << epoch << " val_loss=" << ev.loss << " val_accuracy=" << ev.accuracy
            << " peak_memory_mb=" << static_cast<double>(largest) / (1024.0 * 1024.0) << std::endl;
        for (const events::Memory& m : memory)
            out << events::line(m) << std::endl;
    };

    out << std::setprecision(6);
    while (step < totalSteps) {
        ++step;
        const std::int64_t epoch = (step - 1) / stepsPerEpoch;
        const std::int64_t inEpoch = (step - 1) % stepsPerEpoch;
        if (epoch != orderEpoch) {
            order = epochOrder(nTrain, o.seed, epoch);
            orderEpoch = epoch;
        }
        const bool sampled = step == 1 || step % o.spanEvery == 0;
        const auto t0 = std::chrono::steady_clock::now();
        // Gradients set to none, as PyTorch's zero_grad(set_to_none=True): the first
        // backward contribution is stored instead of added to zeros.
        for (auto& params : replicaParams)
            for (torch::Tensor& p : params)
                p.mutable_grad() = torch::Tensor();
        double lossSum = 0.0;
        std::vector<SpanRecord> spans;
        for (int k = 0; k < o.accumulate; ++k) {
            const std::int64_t first = (inEpoch * o.accumulate + k) * batch;
            torch::Tensor index = torch::tensor(
                std::vector<std::int64_t>(order.begin() + first, order.begin() + first + batch), torch::kLong);
            const bool record = sampled && k == 0;
            // Each replica its contiguous share of the mini-batch, all at once (one replica:
            // the whole mini-batch on this thread).
            const std::vector<torch::Tensor> shares = index.tensor_split(static_cast<std::int64_t>(replicas.size()));
            std::vector<std::future<double>> running;
            for (std::size_t r = 1; r < replicas.size(); ++r)
                running.push_back(std::async(std::launch::async, [&, r] {
                    return replicas[r].pipeline->run(data.trainX.index_select(0, shares[r]),
                                                     data.trainY.index_select(0, shares[r]), lossScale, false);
                }));
            std::exception_ptr failure;
            try {
                lossSum += pipeline.run(data.trainX.index_select(0, shares[0]), data.trainY.index_select(0, shares[0]),
                                        lossScale, record);
            } catch (...) {
                failure = std::current_exception();
            }
            for (auto& f : running) {
                try {
                    lossSum += f.get();
                } catch (...) {
                    if (!failure)
                        failure = std::current_exception();
                }
            }
            if (failure)
                std::rethrow_exception(failure);
            if (record)
                spans = pipeline.spans();
        }
        reducer.reduce();
        // After the reduction every replica holds the same gradients: one norm clips them all.
        const double norm = o.clip > 0.0 ? gradientNorm(replicaParams[0]) : 0.0;
        for (std::size_t r = 0; r < replicas.size(); ++r) {
            if (o.clip > 0.0 && norm > o.clip)
                scaleGradients(replicaParams[r], o.clip / (norm + 1e-6));
            replicas[r].optimizer->step();
        }
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        const double loss = lossSum / (samplesPerStep * static_cast<double>(data.tokensPerSample));
        summary.losses.push_back(loss);
        summary.lastStep = step;
        if (step % o.logEvery == 0 || step == totalSteps) {
            out << "step=" << step << " loss=" << loss << " lr=" << o.lr;
            if (data.text)
                out << " tokens_per_s=" << std::fixed << std::setprecision(0)
                    << samplesPerStep * static_cast<double>(data.tokensPerSample) / seconds;
            else
                out << " samples_per_s=" << std::fixed << std::setprecision(0) << samplesPerStep / seconds;
            out << std::defaultfloat << std::setprecision(6) << std::endl;
        }
        for (const SpanRecord& span : spans)
            out << events::line(events::Span{step, span.device, span.stage, std::string(1, span.op), span.microbatch,
                                             static_cast<double>(span.startUs), static_cast<double>(span.endUs)})
                << std::endl;

        const bool epochEnd = step % stepsPerEpoch == 0 || step == totalSteps;
        if (epochEnd) {
            report(step % stepsPerEpoch == 0 ? epoch + 1 : epoch);
            if (checkpointer)
                checkpointer->save(model, *replicas[0].optimizer, step);
        }
        if (g_stopRequested.load() && step < totalSteps) {
            if (checkpointer && !epochEnd)
                checkpointer->save(model, *replicas[0].optimizer, step);
            out << "stopped by request at step " << step
                << (checkpointer ? ", checkpoint saved to " + checkpointer->file().string() : std::string()) << std::endl;
            summary.exitCode = 143;
            return summary;
        }
    }
    return summary;
}

int runCli(int argc, char** argv)
{
    const ParseResult parsed = parseArgs(std::vector<std::string>(argv + 1, argv + argc));
    if (parsed.help) {
        std::cout << usage();
        return 0;
    }
    if (parsed.version) {
        std::cout << "tunebench-train " << TUNEBENCH_VERSION << "\n";
        return 0;
    }
    if (!parsed.error.empty()) {
        std::cerr << "tunebench-train: " << parsed.error << "\n";
        return 2;
    }
    struct sigaction action {};
    action.sa_handler = onSigterm;
    sigemptyset(&action.sa_mask);
    sigaction(SIGTERM, &action, nullptr);
    try {
        return train(parsed.options, std::cout).exitCode;
    } catch (const UsageError& e) {
        std::cerr << "tunebench-train: " << e.what() << "\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "tunebench-train: error: " << e.what() << "\n";
        return 1;
    }
}

} // namespace tb::train
