#pragma once
// Models as a sequence of layers, the unit the partitioner assigns to pipeline stages.
// A layer maps one tensor to one tensor; the first layer takes the task's input (floats
// or token ids), the last gives logits ([N, C], or [B, T, V] for the language model).

#include <torch/torch.h>

#include <memory>
#include <string>
#include <vector>

namespace tb::train {

class Layer : public torch::nn::Module {
public:
    virtual torch::Tensor forward(const torch::Tensor& input) = 0;
};
using LayerPtr = std::shared_ptr<Layer>;

struct Model {
    std::string kind;              // mlp | gpt | cnn
    std::vector<LayerPtr> layers;
    std::vector<std::string> layerNames;

    std::vector<torch::Tensor> parameters() const;
    std::int64_t parameterCount(std::size_t layer) const;
    std::int64_t parameterCount() const;
};

struct GptConfig {
    int nLayer = 4;
    int d = 128;
    int heads = 4;
    int block = 64;
    int batch = 32;
};
// tiny, small, gpu exactly as shared/bench/torch_ref_gpt.py. Throws std::invalid_argument.
GptConfig gptConfig(const std::string& size);

// Each seeds nothing: call torch::manual_seed first for reproducible weights.
// mlp: inputs -> hidden (tanh) x depth -> classes; depth + 1 layers.
Model makeMlp(int inputs, int hidden, int depth, int classes);
// Byte-level GPT: [embedding] [block] x nLayer [layer norm + head], vocabulary 256.
Model makeGpt(const GptConfig& config);
// Two conv+pool layers, a hidden linear layer and the classifier; input [C, H, W].
Model makeCnn(std::int64_t channels, std::int64_t height, std::int64_t width, int classes);

} // namespace tb::train
