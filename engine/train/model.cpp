#include "model.h"

#include <cmath>
#include <limits>
#include <stdexcept>

namespace tb::train {
namespace {

class DenseLayer : public Layer {
public:
    DenseLayer(std::int64_t in, std::int64_t out, bool activation)
        : m_linear(register_module("linear", torch::nn::Linear(in, out))), m_activation(activation)
    {
    }
    torch::Tensor forward(const torch::Tensor& x) override
    {
        torch::Tensor y = m_linear->forward(x);
        return m_activation ? torch::tanh(y) : y;
    }

private:
    torch::nn::Linear m_linear;
    bool m_activation;
};

class GptEmbedding : public Layer {
public:
    GptEmbedding(int d, int block)
        : m_tok(register_module("tok", torch::nn::Embedding(256, d)))
        , m_pos(register_module("pos", torch::nn::Embedding(block, d)))
    {
    }
    torch::Tensor forward(const torch::Tensor& idx) override
    {
        auto positions = torch::arange(idx.size(1), torch::TensorOptions().dtype(torch::kLong).device(idx.device()));
        return m_tok->forward(idx) + m_pos->forward(positions);
    }

private:
    torch::nn::Embedding m_tok, m_pos;
};

class GptBlock : public Layer {
public:
    GptBlock(int d, int heads)
        : m_heads(heads)
        , m_ln1(register_module("ln1", torch::nn::LayerNorm(torch::nn::LayerNormOptions({d}))))
        , m_ln2(register_module("ln2", torch::nn::LayerNorm(torch::nn::LayerNormOptions({d}))))
        , m_qkv(register_module("qkv", torch::nn::Linear(d, 3 * d)))
        , m_proj(register_module("proj", torch::nn::Linear(d, d)))
        , m_fc(register_module("fc", torch::nn::Linear(d, 4 * d)))
        , m_out(register_module("out", torch::nn::Linear(4 * d, d)))
    {
    }
    torch::Tensor forward(const torch::Tensor& x) override
    {
        const auto B = x.size(0), T = x.size(1), C = x.size(2);
        auto qkv = m_qkv->forward(m_ln1->forward(x)).split(C, 2);
        auto heads = [&](const torch::Tensor& t) { return t.view({B, T, m_heads, C / m_heads}).transpose(1, 2); };
        torch::Tensor q = heads(qkv[0]), k = heads(qkv[1]), v = heads(qkv[2]);
#if TORCH_VERSION_MAJOR >= 2
        torch::Tensor y = torch::scaled_dot_product_attention(q, k, v, {}, 0.0, /*is_causal=*/true);
#else
        torch::Tensor att = torch::matmul(q, k.transpose(-2, -1)) / std::sqrt(static_cast<double>(C / m_heads));
        att = att.masked_fill(causalMask(T, x.device()), -std::numeric_limits<float>::infinity());
        torch::Tensor y = torch::matmul(att.softmax(-1), v);
#endif
        torch::Tensor h = x + m_proj->forward(y.transpose(1, 2).reshape({B, T, C}));
        return h + m_out->forward(torch::gelu(m_fc->forward(m_ln2->forward(h))));
    }

private:
    // Upper triangle above the diagonal: the future positions a token may not attend to.
    torch::Tensor causalMask(std::int64_t T, const torch::Device& device)
    {
        if (!m_mask.defined() || m_mask.size(0) != T || m_mask.device() != device)
            m_mask = torch::ones({T, T}, torch::TensorOptions().dtype(torch::kBool).device(device)).triu(1);
        return m_mask;
    }

    int m_heads;
    torch::nn::LayerNorm m_ln1, m_ln2;
    torch::nn::Linear m_qkv, m_proj, m_fc, m_out;
    torch::Tensor m_mask; // cached per (T, device); only the owning stage's worker calls forward
};

class GptHead : public Layer {
public:
    explicit GptHead(int d)
        : m_ln(register_module("ln", torch::nn::LayerNorm(torch::nn::LayerNormOptions({d}))))
        , m_head(register_module("head", torch::nn::Linear(d, 256)))
    {
    }
    torch::Tensor forward(const torch::Tensor& x) override { return m_head->forward(m_ln->forward(x)); }

private:
    torch::nn::LayerNorm m_ln;
    torch::nn::Linear m_head;
};

class ConvLayer : public Layer {
public:
    ConvLayer(std::int64_t in, std::int64_t out)
        : m_conv(register_module("conv", torch::nn::Conv2d(torch::nn::Conv2dOptions(in, out, 3).padding(1))))
    {
    }
    torch::Tensor forward(const torch::Tensor& x) override
    {
        return torch::max_pool2d(torch::relu(m_conv->forward(x)), 2);
    }

private:
    torch::nn::Conv2d m_conv;
};

class FlattenDense : public Layer {
public:
    FlattenDense(std::int64_t in, std::int64_t out) : m_linear(register_module("linear", torch::nn::Linear(in, out))) {}
    torch::Tensor forward(const torch::Tensor& x) override { return torch::relu(m_linear->forward(x.flatten(1))); }

private:
    torch::nn::Linear m_linear;
};

class Classifier : public Layer {
public:
    Classifier(std::int64_t in, std::int64_t out) : m_linear(register_module("linear", torch::nn::Linear(in, out))) {}
    torch::Tensor forward(const torch::Tensor& x) override { return m_linear->forward(x); }

private:
    torch::nn::Linear m_linear;
};

} // namespace

std::vector<torch::Tensor> Model::parameters() const
{
    std::vector<torch::Tensor> out;
    for (const LayerPtr& layer : layers)
        for (const torch::Tensor& p : layer->parameters())
            out.push_back(p);
    return out;
}

std::int64_t Model::parameterCount(std::size_t layer) const
{
    std::int64_t n = 0;
    for (const torch::Tensor& p : layers.at(layer)->parameters())
        n += p.numel();
    return n;
}

std::int64_t Model::parameterCount() const
{
    std::int64_t n = 0;
    for (std::size_t i = 0; i < layers.size(); ++i)
        n += parameterCount(i);
    return n;
}

GptConfig gptConfig(const std::string& size)
{
    if (size == "tiny")
        return {4, 128, 4, 64, 32};
    if (size == "small")
        return {8, 256, 8, 128, 32};
    if (size == "gpu")
        return {12, 768, 12, 1024, 16};
    throw std::invalid_argument("unknown gpt size '" + size + "' (tiny, small or gpu)");
}

Model makeMlp(int inputs, int hidden, int depth, int classes)
{
    Model model;
    model.kind = "mlp";
    model.layers.push_back(std::make_shared<DenseLayer>(inputs, hidden, true));
    model.layerNames.push_back("dense0");
    for (int i = 1; i < depth; ++i) {
        model.layers.push_back(std::make_shared<DenseLayer>(hidden, hidden, true));
        model.layerNames.push_back("dense" + std::to_string(i));
    }
    model.layers.push_back(std::make_shared<Classifier>(hidden, classes));
    model.layerNames.push_back("classifier");
    return model;
}

Model makeGpt(const GptConfig& config)
{
    if (config.d % config.heads != 0)
        throw std::invalid_argument("gpt width must be a multiple of the head count");
    Model model;
    model.kind = "gpt";
    model.layers.push_back(std::make_shared<GptEmbedding>(config.d, config.block));
    model.layerNames.push_back("embedding");
    for (int i = 0; i < config.nLayer; ++i) {
        model.layers.push_back(std::make_shared<GptBlock>(config.d, config.heads));
        model.layerNames.push_back("block" + std::to_string(i));
    }
    model.layers.push_back(std::make_shared<GptHead>(config.d));
    model.layerNames.push_back("head");
    return model;
}

Model makeCnn(std::int64_t channels, std::int64_t height, std::int64_t width, int classes)
{
    Model model;
    model.kind = "cnn";
    model.layers.push_back(std::make_shared<ConvLayer>(channels, 16));
    model.layers.push_back(std::make_shared<ConvLayer>(16, 32));
    const std::int64_t flat = 32 * (height / 4) * (width / 4);
    if (flat <= 0)
        throw std::invalid_argument("cnn needs images of at least 4x4 pixels");
    model.layers.push_back(std::make_shared<FlattenDense>(flat, 128));
    model.layers.push_back(std::make_shared<Classifier>(128, classes));
    model.layerNames = {"conv0", "conv1", "dense", "classifier"};
    return model;
}

} // namespace tb::train
