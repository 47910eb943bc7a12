#pragma once
// Numerics of `tpe`'s Parzen estimators, apart from the sampler so that tpe_sampler.cpp
// stays readable: Gaussian masses in log space, so that far tails stay finite, and the sort
// of kernel centres. Inline, for the estimator's inner loops; used by tpe_sampler.cpp only.

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

namespace tb::algorithms {

inline constexpr double kLogSqrt2Pi = 0.918938533204672741780329736406;
inline constexpr double kSqrtHalf = 0.707106781186547524400844362105;

inline double ndtr(double x) { return 0.5 * std::erfc(-x * kSqrtHalf); }

// log Phi(x); below -20 Phi underflows soon, so use the asymptotic series of the Mills ratio:
// Phi(x) ~ phi(x) / -x * (1 - 1/x^2 + 3/x^4 - 15/x^6 + ...).
inline double logNdtr(double x)
{
    if (x > 6.0)
        return -ndtr(-x); // log(1 - e) = -e to double precision
    if (x > -20.0)
        return std::log(ndtr(x));
    const double inv2 = 1.0 / (x * x);
    double sum = 1.0;
    double term = 1.0;
    for (int i = 1; i < 64; ++i) {
        term *= -(2.0 * i - 1.0) * inv2;
        if (sum + term == sum)
            break;
        sum += term;
    }
    return -0.5 * x * x - std::log(-x) - kLogSqrt2Pi + std::log(sum);
}

// log(exp(lp) - exp(lq)).
inline double logDiff(double lp, double lq)
{
    if (!(lq < lp))
        return -std::numeric_limits<double>::infinity();
    return lp + std::log1p(-std::exp(lq - lp));
}

// log of the standard normal mass in [a, b]. Works in whichever tail avoids cancellation.
inline double logGaussMass(double a, double b)
{
    if (b <= 0.0)
        return logDiff(logNdtr(b), logNdtr(a));
    if (a > 0.0)
        return logDiff(logNdtr(-a), logNdtr(-b));
    // A tail beyond 8.5 holds less than 1e-17, under half an ulp of the terms this is added
    // to; skipping its erfc() saves most of the work for narrow kernels.
    const double left = a < -8.5 ? 0.0 : ndtr(a);
    const double right = b > 8.5 ? 0.0 : ndtr(-b);
    return left + right == 0.0 ? 0.0 : std::log1p(-left - right);
}

using Kernels = std::vector<std::pair<double, std::size_t>>; // (mu, kernel index)

// Sorts like std::sort but in linear time for the common case, since the univariate model
// sorts every parameter's observations on every suggestion: a stable LSD radix sort on the top
// 32 bits of each value's order-preserving bit pattern, then an insertion sort that orders
// the rare values those bits cannot tell apart.
inline void sortKernels(Kernels& items, Kernels& scratch)
{
    const std::size_t n = items.size();
    if (n < 64) {
        std::sort(items.begin(), items.end());
        return;
    }
    const auto digit = [](double x, int shift) {
        auto bits = std::bit_cast<std::uint64_t>(x + 0.0); // -0.0 sorts as 0.0, like operator<
        bits = bits >> 63 ? ~bits : bits | (std::uint64_t{1} << 63);
        return static_cast<std::size_t>((bits >> (32 + shift)) & 0xff);
    };
    std::array<std::array<std::size_t, 257>, 4> start{}; // per byte of the key, from the lowest
    for (const auto& item : items)
        for (int byte = 0; byte < 4; ++byte)
            ++start[byte][digit(item.first, 8 * byte) + 1];
    scratch.resize(n);
    for (int byte = 0; byte < 4; ++byte) {
        auto& at = start[byte];
        if (at[digit(items.front().first, 8 * byte) + 1] == n)
            continue; // every value shares this byte
        for (std::size_t b = 1; b < at.size(); ++b)
            at[b] += at[b - 1];
        for (const auto& item : items)
            scratch[at[digit(item.first, 8 * byte)]++] = item;
        items.swap(scratch);
    }
    for (std::size_t i = 1; i < n; ++i) {
        const auto item = items[i];
        std::size_t j = i;
        for (; j > 0 && item < items[j - 1]; --j)
            items[j] = items[j - 1];
        items[j] = item;
    }
}

} // namespace tb::algorithms
