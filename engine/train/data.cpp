#include "data.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>
#include <numeric>
#include <random>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace tb::train {
namespace {

// Shuffles with a std generator, so the split does not depend on libtorch's RNG stream.
Dataset splitShuffled(torch::Tensor x, torch::Tensor y, std::uint64_t seed, double valFraction)
{
    const std::int64_t n = x.size(0);
    std::vector<std::int64_t> order(static_cast<std::size_t>(n));
    std::iota(order.begin(), order.end(), 0);
    std::mt19937_64 rng(seed ^ 0x5eedda7aULL);
    std::shuffle(order.begin(), order.end(), rng);
    torch::Tensor index = torch::tensor(order, torch::kLong);
    x = x.index_select(0, index);
    y = y.index_select(0, index);
    const std::int64_t nVal = std::max<std::int64_t>(1, static_cast<std::int64_t>(std::llround(n * valFraction)));
    if (n - nVal < 1)
        throw std::runtime_error("too few samples (" + std::to_string(n) + ") for a training and a validation part");
    Dataset d;
    d.trainX = x.slice(0, 0, n - nVal).contiguous();
    d.trainY = y.slice(0, 0, n - nVal).contiguous();
    d.valX = x.slice(0, n - nVal).contiguous();
    d.valY = y.slice(0, n - nVal).contiguous();
    d.classes = static_cast<int>(y.max().item<std::int64_t>()) + 1;
    return d;
}

std::vector<unsigned char> readFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot open " + path);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::uint32_t bigEndian(const std::vector<unsigned char>& bytes, std::size_t at)
{
    return (std::uint32_t(bytes[at]) << 24) | (std::uint32_t(bytes[at + 1]) << 16) | (std::uint32_t(bytes[at + 2]) << 8)
        | std::uint32_t(bytes[at + 3]);
}

} // namespace

Dataset makeSpirals(int samples, std::uint64_t seed, double valFraction)
{
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::normal_distribution<double> noise(0.0, 0.02);
    constexpr double pi = 3.14159265358979323846;
    std::vector<float> points;
    std::vector<std::int64_t> labels;
    for (int i = 0; i < samples; ++i) {
        const int cls = i % 2;
        const double t = std::sqrt(unit(rng)) * 3.0 * pi; // sqrt: even density along the arm
        const double r = t / (3.0 * pi);
        points.push_back(static_cast<float>(r * std::cos(t + cls * pi) + noise(rng)));
        points.push_back(static_cast<float>(r * std::sin(t + cls * pi) + noise(rng)));
        labels.push_back(cls);
    }
    Dataset d = splitShuffled(torch::tensor(points).view({samples, 2}), torch::tensor(labels, torch::kLong), seed,
                              valFraction);
    d.classes = 2;
    d.description = "two spirals, " + std::to_string(samples) + " points";
    return d;
}

Dataset loadText(const std::string& path, int block, double valFraction)
{
    const std::vector<unsigned char> bytes = readFile(path);
    const std::int64_t windows = (static_cast<std::int64_t>(bytes.size()) - 1) / block;
    if (windows < 2)
        throw std::runtime_error(path + " has " + std::to_string(bytes.size()) + " bytes: need at least "
                                 + std::to_string(2 * block + 1) + " for two windows of --block-size "
                                 + std::to_string(block));
    torch::Tensor all = torch::empty({static_cast<std::int64_t>(bytes.size())}, torch::kLong);
    auto* p = all.data_ptr<std::int64_t>();
    for (std::size_t i = 0; i < bytes.size(); ++i)
        p[i] = bytes[i];
    const std::int64_t used = windows * block;
    torch::Tensor x = all.slice(0, 0, used).view({windows, block});
    torch::Tensor y = all.slice(0, 1, used + 1).view({windows, block});
    const std::int64_t nVal = std::max<std::int64_t>(1, static_cast<std::int64_t>(std::llround(windows * valFraction)));
    Dataset d;
    d.trainX = x.slice(0, 0, windows - nVal).contiguous();
    d.trainY = y.slice(0, 0, windows - nVal).contiguous();
    d.valX = x.slice(0, windows - nVal).contiguous();
    d.valY = y.slice(0, windows - nVal).contiguous();
    d.classes = 256;
    d.tokensPerSample = block;
    d.text = true;
    d.description = path + ", " + std::to_string(bytes.size()) + " bytes";
    return d;
}

Dataset loadIdx(const std::string& images, const std::string& labels, std::uint64_t seed, double valFraction)
{
    const std::vector<unsigned char> img = readFile(images);
    const std::vector<unsigned char> lab = readFile(labels);
    if (img.size() < 16 || bigEndian(img, 0) != 0x00000803)
        throw std::runtime_error(images + " is not an IDX file of unsigned-byte images (magic 0x00000803)");
    if (lab.size() < 8 || bigEndian(lab, 0) != 0x00000801)
        throw std::runtime_error(labels + " is not an IDX file of unsigned-byte labels (magic 0x00000801)");
    const std::int64_t n = bigEndian(img, 4), h = bigEndian(img, 8), w = bigEndian(img, 12);
    if (static_cast<std::int64_t>(bigEndian(lab, 4)) != n)
        throw std::runtime_error(images + " and " + labels + " hold different numbers of items");
    if (static_cast<std::int64_t>(img.size()) < 16 + n * h * w || static_cast<std::int64_t>(lab.size()) < 8 + n)
        throw std::runtime_error(images + " or " + labels + " is shorter than its header says");
    torch::Tensor x = torch::from_blob(const_cast<unsigned char*>(img.data()) + 16, {n, 1, h, w}, torch::kUInt8)
                          .to(torch::kFloat)
                          .div_(255.0);
    torch::Tensor y = torch::from_blob(const_cast<unsigned char*>(lab.data()) + 8, {n}, torch::kUInt8).to(torch::kLong);
    Dataset d = splitShuffled(x, y, seed, valFraction);
    d.description = images + ", " + std::to_string(n) + " images " + std::to_string(h) + "x" + std::to_string(w);
    return d;
}

Dataset loadCsv(const std::string& path, std::uint64_t seed, double valFraction)
{
    std::ifstream in(path);
    if (!in)
        throw std::runtime_error("cannot open " + path);
    std::vector<float> features;
    std::vector<std::int64_t> labels;
    std::size_t columns = 0;
    std::string line;
    int lineNo = 0;
    while (std::getline(in, line)) {
        ++lineNo;
        if (line.empty() || line == "\r")
            continue;
        std::vector<double> row;
        std::stringstream stream(line);
        std::string cell;
        bool numeric = true;
        while (std::getline(stream, cell, ',')) {
            try {
                std::size_t used = 0;
                row.push_back(std::stod(cell, &used));
            } catch (...) {
                numeric = false;
                break;
            }
        }
        if (!numeric) {
            if (labels.empty() && columns == 0)
                continue; // header
            throw std::runtime_error(path + " line " + std::to_string(lineNo) + ": not a number");
        }
        if (row.size() < 2)
            throw std::runtime_error(path + " line " + std::to_string(lineNo) + ": need features and a class column");
        if (columns == 0)
            columns = row.size();
        if (row.size() != columns)
            throw std::runtime_error(path + " line " + std::to_string(lineNo) + ": " + std::to_string(row.size())
                                     + " columns, expected " + std::to_string(columns));
        const double cls = row.back();
        if (cls < 0 || cls != std::floor(cls))
            throw std::runtime_error(path + " line " + std::to_string(lineNo) + ": class must be an integer >= 0");
        for (std::size_t i = 0; i + 1 < row.size(); ++i)
            features.push_back(static_cast<float>(row[i]));
        labels.push_back(static_cast<std::int64_t>(cls));
    }
    if (labels.size() < 2)
        throw std::runtime_error(path + ": need at least two rows");
    const auto n = static_cast<std::int64_t>(labels.size());
    Dataset d = splitShuffled(torch::tensor(features).view({n, static_cast<std::int64_t>(columns - 1)}),
                              torch::tensor(labels, torch::kLong), seed, valFraction);
    d.description = path + ", " + std::to_string(n) + " rows";
    return d;
}

} // namespace tb::train
