// A stand-in for a training script: prints a noisy, decaying loss curve in the Katib
// form (`epoch=3 loss=0.41 accuracy=0.77`), with a shape set by the hyperparameters.
// Usage: tunebench-demo-objective --lr=X --layers N --optimizer=adam|sgd [--momentum=M]
//        [--epochs=E] [--epoch-ms=MS] [--seed=S]

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <thread>

namespace {

struct Options {
    double lr = 1e-3;
    int layers = 2;
    std::string optimizer = "adam";
    double momentum = 0.9;
    int epochs = 12;
    int epochMs = 25;
    unsigned seed = 0;
};

bool take(int& i, int argc, char** argv, const std::string& name, std::string& value)
{
    const std::string arg = argv[i];
    if (arg.rfind(name + "=", 0) == 0) {
        value = arg.substr(name.size() + 1);
        return true;
    }
    if (arg == name && i + 1 < argc) {
        value = argv[++i];
        return true;
    }
    return false;
}

} // namespace

int main(int argc, char** argv)
{
    Options o;
    if (const char* id = std::getenv("TUNEBENCH_TRIAL_ID"))
        o.seed = static_cast<unsigned>(std::strtoul(id, nullptr, 10));
    for (int i = 1; i < argc; ++i) {
        std::string v;
        if (take(i, argc, argv, "--lr", v)) o.lr = std::stod(v);
        else if (take(i, argc, argv, "--layers", v)) o.layers = std::stoi(v);
        else if (take(i, argc, argv, "--optimizer", v)) o.optimizer = v;
        else if (take(i, argc, argv, "--momentum", v)) o.momentum = std::stod(v);
        else if (take(i, argc, argv, "--epochs", v)) o.epochs = std::stoi(v);
        else if (take(i, argc, argv, "--epoch-ms", v)) o.epochMs = std::stoi(v);
        else if (take(i, argc, argv, "--seed", v)) o.seed = static_cast<unsigned>(std::stoul(v));
        else {
            std::fprintf(stderr, "tunebench-demo-objective: unknown argument '%s'\n", argv[i]);
            return 2;
        }
    }
    if (!(o.lr > 0) || o.layers < 1 || o.epochs < 1) {
        std::fprintf(stderr, "tunebench-demo-objective: --lr must be > 0, --layers and --epochs >= 1\n");
        return 2;
    }

    // Best around lr 3e-3 for adam, 3e-2 for sgd (better with high momentum), 4 layers.
    const double bestLr = o.optimizer == "sgd" ? 3e-2 : 3e-3;
    const double lrGap = std::log10(o.lr / bestLr);
    const double floor = 0.05 + 0.08 * lrGap * lrGap + 0.01 * (o.layers - 4) * (o.layers - 4)
        + (o.optimizer == "sgd" ? 0.1 * (0.99 - o.momentum) : 0.0);
    const double speed = std::clamp(0.6 - 0.15 * std::fabs(lrGap), 0.05, 0.6);
    std::mt19937 rng(o.seed);
    std::normal_distribution<double> noise(0.0, 0.01);
    const bool diverges = o.lr > 0.5 && o.optimizer == "adam";

    for (int epoch = 1; epoch <= o.epochs; ++epoch) {
        std::this_thread::sleep_for(std::chrono::milliseconds(o.epochMs));
        double loss = floor + (2.3 - floor) * std::exp(-speed * epoch) + noise(rng);
        if (diverges && epoch > 2)
            loss = std::nan("");
        const double accuracy = std::clamp(1.0 - loss / 2.3, 0.0, 1.0);
        std::printf("epoch=%d loss=%.6g accuracy=%.4f\n", epoch, loss, accuracy);
        std::fflush(stdout);
    }
    return 0;
}
