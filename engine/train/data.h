#pragma once
// Data sets as whole tensors in memory, split into training and validation parts.
// Samples are rows of X (any trailing shape) with labels in Y: class ids ([N]), or next
// byte ids ([N, T]) for text.

#include <torch/torch.h>

#include <cstdint>
#include <string>

namespace tb::train {

struct Dataset {
    torch::Tensor trainX, trainY, valX, valY;
    int classes = 0;
    std::int64_t tokensPerSample = 1; // labels per sample: T for text, else 1
    bool text = false;
    std::string description;
};

// Throws std::runtime_error with a message for the user (bad file, too little data).

// Two interleaved spirals in [-1, 1]^2, classes 0 and 1, shuffled with `seed`.
Dataset makeSpirals(int samples, std::uint64_t seed, double valFraction);
// Byte-level windows of `block` bytes; the label is the next byte. The last share of the
// file is the validation part (contiguous, so no window leaks into both).
Dataset loadText(const std::string& path, int block, double valFraction);
// MNIST-style IDX: unsigned-byte images [N, H, W] (scaled to [0, 1], one channel) and labels [N].
Dataset loadIdx(const std::string& images, const std::string& labels, std::uint64_t seed, double valFraction);
// Numbers separated by commas; the last column is an integer class id. A first line that
// does not parse as numbers is taken as a header.
Dataset loadCsv(const std::string& path, std::uint64_t seed, double valFraction);

} // namespace tb::train
