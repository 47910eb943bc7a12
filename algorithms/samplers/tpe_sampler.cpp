// `tpe`: Tree-structured Parzen Estimator (Bergstra et al., NeurIPS 2011) with the defaults and
// conventions of Optuna 3.1's TPESampler (10 start-up trials, 24 candidates, gamma, prior
// weight 1, recency weights, magic clip), and four changes of default that together measured
// better on every benchmark function (docs/performance.md, docs/algorithms.md): start-up trials from
// a scrambled Sobol sequence; multivariate (joint) models; their kernel widths from each
// kernel's neighbours, floored, instead of one shared width; and a categorical prior weight
// of 10. `multivariate: false, startup: random, categorical_prior_weight: 1` is Optuna 3.1's
// sampler (its next-suggestion distributions match on identical histories).
//
// Each suggestion ranks the finished trials (completed ones by value, then pruned ones by the
// last step they reached), splits them into the best gamma(n) ("below") and the rest
// ("above"), fits a Parzen estimator to each -- a weighted mixture with one kernel per trial
// plus a wide prior kernel -- draws n_ei_candidates points from the below mixture l(x) and
// keeps the one that maximises l(x) / g(x). Failed trials are ignored.
//
// Several objectives (MOTPE) and constraints change only the ranking (tpe_split.h), plus
// three things with several objectives: gamma(n) has no cap (gamma_max is ignored, as in
// Optuna), the below kernels weigh alike, and joint kernels are floored wider
// (kNeighbourFloorMultiObjective). With one objective and no constraints the sampler is the
// same as before either existed, bit for bit.
//
// Conditional parameters are modelled where they are active: a parameter (univariate), or a
// group of parameters active in exactly the same trials (multivariate; Optuna's group=True),
// is fitted on those trials only. Pending trials join the above set as constant liars, so
// that suggestions made while others run stay away from them.
//
// Models work in an internal coordinate: log(x) on log scales, the raw value otherwise, with
// int and stepped ranges widened by half a step on each side so that every grid point owns
// an equal cell (its kernel mass over that cell is its probability); categoricals use the
// choice index and a kernel that is a smoothed one-hot row.

#include "samplers.h"
#include "tpe_math.h"
#include "tpe_split.h"
#include "../vector_state.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <limits>
#include <map>

namespace tb::algorithms {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kTinySigma = 1e-12; // the floor when the magic clip is off (Optuna's EPS)

// Terms this far below the largest change a log-sum-exp by less than e^-40 relative, far
// under double precision; skipping them saves most of the exp() calls with many trials.
constexpr double kNegligible = 40.0;

// Multivariate kernels are at least this fraction of the shared Scott-like width wide (see
// ParzenEstimator::fit). Chosen on the benchmark functions (docs/performance.md): of 0.2, 0.3,
// 0.35 and 0.4, 0.4 had the lowest median regret over 200 seeds on four of five functions;
// 0.2 is sharper on branin but misses the categorical of mlp_surface more often.
constexpr double kNeighbourFloor = 0.4;
// With several objectives the good set spreads along a front instead of gathering at one
// optimum, and wider kernels keep the search moving along it. Chosen on the multi-objective
// tuning set (bench/mo_extra_functions.py: zdt1, dtlz2_3obj, bnh, srn, tnk, mlp_cost; 200
// trials, 21 seeds; docs/algorithms.md): of 0.4, 0.6, 0.7 and 1.0, 0.6 was never the worst and
// its median hypervolume within about 1 % of the best on all but tnk (4 %); 0.4 was 2-3 %
// below the best on zdt1 and dtlz2, 1.0 1-9 % below on srn and tnk.
constexpr double kNeighbourFloorMultiObjective = 0.6;

enum class Startup { Sobol, Random };
enum class Bandwidth { Neighbour, Scott };

struct Options {
    std::int64_t nStartup = 10;
    std::int64_t nCandidates = 24;
    std::int64_t gammaMax = 25;
    double priorWeight = 1.0;
    double categoricalPriorWeight = 10.0;
    bool multivariate = true;
    Bandwidth bandwidth = Bandwidth::Neighbour;
    Startup startup = Startup::Sobol;
    bool constantLiar = true;
    bool considerEndpoints = false;
    bool considerMagicClip = true;
};

// ---- Parzen estimator -----------------------------------------------------------------------

// acc[j] -= z^2 / 2 with z = (x - mu[j]) * inv[j]: the joint model's innermost loop (candidates
// x kernels x continuous dimensions). Built twice, for AVX2 and for the baseline, and picked
// at load time; AVX2 without FMA, so that both give the same bits.
__attribute__((target_clones("avx2", "default"))) void subtractHalfSquares(double* __restrict acc,
                                                                            const double* __restrict mu,
                                                                            const double* __restrict inv, double x,
                                                                            std::size_t k)
{
    for (std::size_t j = 0; j < k; ++j) {
        const double z = (x - mu[j]) * inv[j];
        acc[j] -= 0.5 * z * z;
    }
}

enum class Kernel { Continuous, Discrete, Categorical };

// How one parameter is modelled, in internal coordinates.
struct Dim {
    std::size_t param = 0;
    Kernel kind = Kernel::Continuous;
    double low = 0.0; // numeric: the kernels are truncated to [low, high]
    double high = 1.0;
    double step = 0.0; // Discrete: the cell each grid point owns
    std::size_t choices = 0; // Categorical
};

// A mixture over a group of dimensions: kernel j is the product of one kernel per dimension.
// Kernels 0..n-1 sit on the observations, the last is the prior (centred, as wide as the
// range; uniform for categoricals). Buffers persist between fits to avoid reallocation; a
// fit overwrites everything that results depend on.
//
// A single continuous dimension (the univariate default) keeps its observation kernels
// sorted by centre, so that a density only visits the kernels near the point: all others lie
// so many of their own widths away that their terms are negligible (see kNegligible).
class ParzenEstimator {
public:
    // `observations` holds one column of n values per dimension, `recency` their weights.
    void fit(const std::vector<Dim>& dims, const std::vector<double>& observations, const TpeWeights& recency,
             const Options& options, double neighbourFloor)
    {
        const std::size_t n = recency.n;
        m_dims = &dims;
        m_k = n + 1;
        m_weight.assign(recency.weight.begin(), recency.weight.end());
        m_weight.push_back(options.priorWeight);
        m_logWeight.assign(recency.logWeight.begin(), recency.logWeight.end());
        m_logWeight.push_back(std::log(options.priorWeight));
        m_sortedLayout = !options.multivariate && dims.size() == 1 && dims[0].kind == Kernel::Continuous;

        // Multivariate bandwidth: Optuna 3.1's Scott-like width shared by all kernels (as in
        // BOHB), or by default each kernel's own neighbour gaps per dimension (the univariate
        // rule), floored at a fraction of that width. Shared wide kernels blur the valleys of
        // correlated objectives (branin, rosenbrock); unfloored gaps shrink to nothing on
        // ties and stop a group of a categorical and its dependent float from moving.
        const double sigma0 = 0.2 * std::pow(static_cast<double>(std::max<std::size_t>(n, 1)),
                                             -1.0 / (static_cast<double>(dims.size()) + 4.0));
        const bool shared = options.multivariate && options.bandwidth == Bandwidth::Scott;
        m_kernels.resize(dims.size());
        for (std::size_t d = 0; d < dims.size(); ++d) {
            const Dim& dim = dims[d];
            DimKernels& K = m_kernels[d];
            const double* obs = observations.data() + d * n;
            if (dim.kind == Kernel::Categorical) {
                fitCategorical(K, dim.choices, obs, n, options.categoricalPriorWeight);
                continue;
            }
            const double range = dim.high - dim.low;
            K.mu.assign(obs, obs + n);
            K.mu.push_back(0.5 * (dim.low + dim.high));
            K.sigma.resize(m_k);
            if (shared)
                std::fill(K.sigma.begin(), K.sigma.end(), sigma0 * range);
            else
                neighbourBandwidths(K, dim, options.considerEndpoints);
            double minSigma = options.considerMagicClip
                ? range / std::min(100.0, 1.0 + static_cast<double>(m_k))
                : kTinySigma;
            if (options.multivariate && !shared)
                minSigma = std::max(minSigma, neighbourFloor * sigma0 * range);
            for (double& s : K.sigma)
                s = std::clamp(s, minSigma, range);
            K.sigma[n] = range;
        }
        if (m_sortedLayout)
            sortObservationKernels(m_kernels[0]);

        double total = 0.0;
        for (double w : m_weight)
            total += w;
        const double logTotal = std::log(total);
        m_cdf.resize(m_k);
        double cum = 0.0;
        for (std::size_t j = 0; j < m_k; ++j) {
            m_weight[j] /= total;
            m_logWeight[j] -= logTotal;
            cum += m_weight[j];
            m_cdf[j] = cum;
        }

        for (std::size_t d = 0; d < dims.size(); ++d) {
            const Dim& dim = dims[d];
            DimKernels& K = m_kernels[d];
            if (dim.kind == Kernel::Categorical)
                continue;
            K.invSigma.resize(m_k);
            K.logNorm.resize(m_k); // unused where lazy
            // A joint model's continuous normalisers are computed in logPdf(), for the kernels
            // that matter to some candidate only (most lie far from all of them).
            const bool lazy = !m_sortedLayout && dim.kind == Kernel::Continuous;
            for (std::size_t j = 0; j < m_k; ++j) {
                K.invSigma[j] = 1.0 / K.sigma[j];
                if (!lazy)
                    K.logNorm[j] = dim.kind == Kernel::Continuous ? continuousNorm(dim, K, j) : -logMassInRange(dim, K, j);
            }
        }
        if (m_sortedLayout)
            prepareWindows(m_kernels[0]);
    }

    // `count` points, one column per dimension, in internal coordinates (not yet snapped to
    // the parameter's grid).
    void sample(std::mt19937_64& rng, std::size_t count, std::vector<double>& out) const
    {
        const std::vector<Dim>& dims = *m_dims;
        out.resize(dims.size() * count);
        std::uniform_real_distribution<double> unit(0.0, 1.0);
        std::normal_distribution<double> normal;
        for (std::size_t c = 0; c < count; ++c) {
            const double u = unit(rng) * m_cdf.back();
            const auto j = static_cast<std::size_t>(
                std::min<std::ptrdiff_t>(std::upper_bound(m_cdf.begin(), m_cdf.end(), u) - m_cdf.begin(),
                                         static_cast<std::ptrdiff_t>(m_k) - 1));
            for (std::size_t d = 0; d < dims.size(); ++d) {
                const Dim& dim = dims[d];
                const DimKernels& K = m_kernels[d];
                double x;
                if (dim.kind == Kernel::Categorical) {
                    const double* row = K.prob.data() + j * dim.choices;
                    double r = unit(rng);
                    std::size_t choice = 0;
                    while (choice + 1 < dim.choices && r >= row[choice])
                        r -= row[choice++];
                    x = static_cast<double>(choice);
                } else {
                    // Rejection from the untruncated normal: mu lies in [low, high] and sigma
                    // is at most the range, so at least a third of the draws land inside.
                    x = kNaN;
                    for (int attempt = 0; attempt < 100 && !(x >= dim.low && x <= dim.high); ++attempt)
                        x = K.mu[j] + K.sigma[j] * normal(rng);
                    if (!(x >= dim.low && x <= dim.high))
                        x = K.mu[j];
                }
                out[d * count + c] = x;
            }
        }
    }

    // Log score of `count` points laid out as sample() returns them: the log of the mixture's
    // density, with continuous kernels scored as in Optuna 3.1 (see fit()) and discrete and
    // categorical ones by their mass.
    void logPdf(const std::vector<double>& points, std::size_t count, std::vector<double>& out)
    {
        out.resize(count);
        if (m_sortedLayout) {
            for (std::size_t c = 0; c < count; ++c)
                out[c] = windowedLogPdf(points[c]);
            return;
        }
        const std::vector<Dim>& dims = *m_dims;
        const std::size_t k = m_k;
        m_acc.resize(count * k);
        for (std::size_t c = 0; c < count; ++c)
            std::copy(m_logWeight.begin(), m_logWeight.end(), m_acc.begin() + static_cast<std::ptrdiff_t>(c * k));

        // Continuous dimensions contribute -z^2/2 here and their normalisers below.
        std::size_t continuous = 0;
        for (std::size_t d = 0; d < dims.size(); ++d) {
            const Dim& dim = dims[d];
            DimKernels& K = m_kernels[d];
            const double* x = points.data() + d * count;
            switch (dim.kind) {
            case Kernel::Continuous:
                ++continuous;
                for (std::size_t c = 0; c < count; ++c)
                    subtractHalfSquares(m_acc.data() + c * k, K.mu.data(), K.invSigma.data(), x[c], k);
                break;
            case Kernel::Discrete:
                // Candidates often share a grid point; each distinct one is computed once.
                m_terms.resize(count * k);
                for (std::size_t c = 0; c < count; ++c) {
                    std::size_t same = 0;
                    while (same < c && x[same] != x[c])
                        ++same;
                    double* terms = m_terms.data() + same * k;
                    if (same == c) {
                        const double lo = std::max(x[c] - 0.5 * dim.step, dim.low);
                        const double hi = std::min(x[c] + 0.5 * dim.step, dim.high);
                        for (std::size_t j = 0; j < k; ++j)
                            terms[j] = logGaussMass((lo - K.mu[j]) * K.invSigma[j], (hi - K.mu[j]) * K.invSigma[j])
                                + K.logNorm[j];
                    }
                    double* acc = m_acc.data() + c * k;
                    for (std::size_t j = 0; j < k; ++j)
                        acc[j] += terms[j];
                }
                break;
            case Kernel::Categorical:
                for (std::size_t c = 0; c < count; ++c) {
                    double* acc = m_acc.data() + c * k;
                    const auto choice = static_cast<std::size_t>(x[c]);
                    const double* logProb = K.logProb.data() + choice;
                    for (std::size_t j = 0; j < k; ++j)
                        acc[j] += logProb[j * dim.choices];
                }
                break;
            }
        }
        // A continuous normaliser -log(sqrt(2 pi)) - log Z varies by less than kNormSpread
        // between kernels: Z <= 1, and since the kernel's centre is inside the range and its
        // width at most the range, Z >= Phi(1) - Phi(0). A kernel whose term cannot come within
        // kNegligible of the largest even with that spread is dropped without computing its
        // normalisers, which leaves the sum unchanged (sumExp() drops it too).
        constexpr double kNormSpread = 1.0761; // -log(0.3413) rounded up
        const double margin = static_cast<double>(continuous) * kNormSpread + kNegligible;
        m_normSum.assign(k, kNaN); // per kernel, computed once it is needed
        for (std::size_t c = 0; c < count; ++c) {
            double* acc = m_acc.data() + c * k;
            if (continuous > 0) {
                const double floor = *std::max_element(acc, acc + k) - margin;
                for (std::size_t j = 0; j < k; ++j) {
                    if (!(acc[j] >= floor)) {
                        acc[j] = -kInf;
                        continue;
                    }
                    double& norm = m_normSum[j];
                    if (std::isnan(norm)) {
                        norm = 0.0;
                        for (std::size_t d = 0; d < dims.size(); ++d)
                            if (dims[d].kind == Kernel::Continuous)
                                norm += continuousNorm(dims[d], m_kernels[d], j);
                    }
                    acc[j] += norm;
                }
            }
            out[c] = logSumExp(acc, k);
        }
    }

private:
    struct DimKernels {
        std::vector<double> mu, sigma, invSigma, logNorm; // numeric; logNorm not for lazy dims
        std::vector<double> prob, logProb;                // categorical: one row of `choices` per kernel
    };

    // Optuna 3.1 scores a continuous kernel by its standard normal density at z, without the
    // 1/sigma of the density at x (optuna#5109, changed in 3.5), so that wide kernels count
    // for more than their share. We keep 3.1's score: it is the baseline we compare with, and
    // it measured better on our benchmark functions (hartmann6 median regret 0.20 against
    // 0.39 over 20 seeds). Discrete kernels are scored by their mass either way.
    static double continuousNorm(const Dim& dim, const DimKernels& K, std::size_t j)
    {
        return -kLogSqrt2Pi - logMassInRange(dim, K, j);
    }

    // log Z: kernel j's mass inside the dimension's range.
    static double logMassInRange(const Dim& dim, const DimKernels& K, std::size_t j)
    {
        return logGaussMass((dim.low - K.mu[j]) * K.invSigma[j], (dim.high - K.mu[j]) * K.invSigma[j]);
    }

    // sum of exp(terms - top), top being their maximum.
    static double sumExp(const double* terms, std::size_t count, double top)
    {
        const double floor = top - kNegligible;
        double sum = 0.0;
        for (std::size_t j = 0; j < count; ++j)
            if (terms[j] > floor)
                sum += std::exp(terms[j] - top);
        return sum;
    }

    static double logSumExp(const double* terms, std::size_t count)
    {
        double top = -kInf;
        for (std::size_t j = 0; j < count; ++j)
            top = std::max(top, terms[j]);
        return std::isfinite(top) ? top + std::log(sumExp(terms, count, top)) : top;
    }

    // Univariate bandwidth (Optuna's rule): each kernel is as wide as the larger gap to its
    // sorted neighbours, the range ends counting as neighbours; with consider_endpoints off,
    // the outermost kernels use their inner gap only. Leaves the sorted kernels in m_sorted.
    void neighbourBandwidths(DimKernels& K, const Dim& dim, bool considerEndpoints)
    {
        m_sorted.resize(m_k);
        for (std::size_t j = 0; j < m_k; ++j)
            m_sorted[j] = {K.mu[j], j};
        sortKernels(m_sorted, m_scratch);
        const auto at = [&](std::size_t i) { // the sorted centres, padded with low and high
            return i == 0 ? dim.low : i == m_k + 1 ? dim.high : m_sorted[i - 1].first;
        };
        for (std::size_t i = 0; i < m_k; ++i)
            K.sigma[m_sorted[i].second] = std::max(at(i + 1) - at(i), at(i + 2) - at(i + 1));
        if (!considerEndpoints && m_k >= 2) {
            K.sigma[m_sorted.front().second] = at(2) - at(1);
            K.sigma[m_sorted.back().second] = at(m_k) - at(m_k - 1);
        }
    }

    // Reorders the observation kernels (and their weights) by centre, using the order that
    // neighbourBandwidths() left; the prior stays last.
    void sortObservationKernels(DimKernels& K)
    {
        const std::size_t prior = m_k - 1;
        m_tmpMu.resize(m_k);
        m_tmpSigma.resize(m_k);
        m_tmpWeight.resize(m_k);
        m_tmpLogWeight.resize(m_k);
        std::size_t to = 0;
        const auto keep = [&](std::size_t from) {
            m_tmpMu[to] = K.mu[from];
            m_tmpSigma[to] = K.sigma[from];
            m_tmpWeight[to] = m_weight[from];
            m_tmpLogWeight[to] = m_logWeight[from];
            ++to;
        };
        for (const auto& entry : m_sorted)
            if (entry.second != prior)
                keep(entry.second);
        keep(prior);
        K.mu.swap(m_tmpMu);
        K.sigma.swap(m_tmpSigma);
        m_weight.swap(m_tmpWeight);
        m_logWeight.swap(m_tmpLogWeight);
    }

    // For windowedLogPdf(): each kernel's constant term, the largest among observations, and
    // the widest observation kernel at or beyond each position on either side.
    void prepareWindows(const DimKernels& K)
    {
        const std::size_t n = m_k - 1;
        m_constant.resize(m_k);
        m_window.resize(m_k);
        m_widestBelow.resize(n);
        m_widestAbove.resize(n);
        double top = -kInf; // locals, not members, so that the loops stay in registers
        double widest = 0.0;
        for (std::size_t j = 0; j < n; ++j) {
            m_constant[j] = m_logWeight[j] + K.logNorm[j];
            top = std::max(top, m_constant[j]);
            m_widestBelow[j] = widest = std::max(widest, K.sigma[j]);
        }
        m_constant[n] = m_logWeight[n] + K.logNorm[n];
        m_obsConstantMax = top;
        widest = 0.0;
        for (std::size_t j = n; j-- > 0;)
            m_widestAbove[j] = widest = std::max(widest, K.sigma[j]);
    }

    // The prior's term bounds the log density from below; an observation kernel z of its
    // widths away adds at most m_obsConstantMax - z^2/2, negligible once that is kNegligible
    // under the prior's term. Walking out from x, the first kernel beyond that distance in
    // units of the widest kernel further out ends the walk.
    double windowedLogPdf(double x)
    {
        const DimKernels& K = m_kernels[0];
        const std::size_t n = m_k - 1;
        const double zPrior = (x - K.mu[n]) * K.invSigma[n];
        const double prior = m_constant[n] - 0.5 * zPrior * zPrior;
        double* terms = m_window.data();
        std::size_t count = 0;
        double top = prior;
        terms[count++] = prior;
        const double reach2 = 2.0 * (m_obsConstantMax - prior + kNegligible);
        if (reach2 > 0.0) {
            const double reach = std::sqrt(reach2);
            const auto first = static_cast<std::size_t>(
                std::lower_bound(K.mu.begin(), K.mu.begin() + static_cast<std::ptrdiff_t>(n), x) - K.mu.begin());
            const auto term = [&](std::size_t j) {
                const double z = (x - K.mu[j]) * K.invSigma[j];
                const double t = m_constant[j] - 0.5 * z * z;
                terms[count++] = t;
                top = std::max(top, t);
            };
            for (std::size_t j = first; j < n && K.mu[j] - x <= reach * m_widestAbove[j]; ++j)
                term(j);
            for (std::size_t j = first; j-- > 0 && x - K.mu[j] <= reach * m_widestBelow[j];)
                term(j);
        }
        return top + std::log(sumExp(terms, count, top));
    }

    // Kernel j puts priorWeight / k on every choice plus 1 on its observation, normalised.
    // Optuna 3.1 uses prior_weight (1) here; our default categorical_prior_weight (10) keeps
    // about half of a kernel's mass off its own choice while the good set is small, so that
    // a categorical whose best choice needs other values of its group is still tried.
    void fitCategorical(DimKernels& K, std::size_t choices, const double* obs, std::size_t n, double priorWeight)
    {
        const double base = priorWeight / static_cast<double>(m_k);
        K.prob.assign(m_k * choices, base);
        for (std::size_t j = 0; j < n; ++j)
            K.prob[j * choices + static_cast<std::size_t>(obs[j])] += 1.0;
        K.logProb.resize(K.prob.size());
        for (std::size_t j = 0; j < m_k; ++j) {
            double* row = K.prob.data() + j * choices;
            double total = 0.0;
            for (std::size_t c = 0; c < choices; ++c)
                total += row[c];
            for (std::size_t c = 0; c < choices; ++c) {
                row[c] /= total;
                K.logProb[j * choices + c] = std::log(row[c]);
            }
        }
    }

    const std::vector<Dim>* m_dims = nullptr; // the caller keeps the fitted dims alive
    std::size_t m_k = 0; // kernels, the prior included
    bool m_sortedLayout = false;
    std::vector<double> m_weight, m_logWeight, m_cdf;
    std::vector<DimKernels> m_kernels;
    Kernels m_sorted, m_scratch;
    std::vector<double> m_tmpMu, m_tmpSigma, m_tmpWeight, m_tmpLogWeight;
    std::vector<double> m_constant, m_widestBelow, m_widestAbove, m_window; // sorted layout
    double m_obsConstantMax = -kInf;
    std::vector<double> m_acc, m_terms; // logPdf scratch: candidates x kernels
    std::vector<double> m_normSum;      // logPdf: each kernel's continuous normalisers, summed
};

// ---- the sampler ----------------------------------------------------------------------------

class TpeSampler final : public Sampler {
public:
    TpeSampler(const SearchSpace& space, std::uint64_t seed, const Options& options)
        : m_space(space), m_seed(seed), m_options(options), m_sobol(space, seed)
    {
        m_dimOf.assign(space.size(), kConstant);
        for (std::size_t i = 0; i < space.size(); ++i)
            if (auto dim = dimFor(i)) {
                m_dimOf[i] = m_modelled.size();
                m_modelled.push_back(*dim);
            }
    }

    std::optional<Assignment> suggest(const History& history, std::int64_t number) override
    {
        clearUpperVectorState(); // see vector_state.h
        // Several objectives: Optuna's gamma without a cap, since the good set must cover a
        // front that grows with the run; the good set's kernels weigh alike.
        m_gammaMax = history.multiObjective() ? std::numeric_limits<std::int64_t>::max() : m_options.gammaMax;
        m_flatBelow = history.multiObjective();
        m_neighbourFloor = history.multiObjective() ? kNeighbourFloorMultiObjective : kNeighbourFloor;
        collect(history);
        if (static_cast<std::int64_t>(m_ranking.best.size()) < m_options.nStartup)
            // startup: random is the `random` sampler's draw, as in Optuna.
            return m_options.startup == Startup::Sobol ? m_sobol.point(number) : uniformDraw(m_space, m_seed, number);
        formGroups();

        // Parents come first in topological order, so a group is sampled only once one of its
        // parameters is known to be active.
        Assignment out(m_space.size());
        std::vector<double> chosen(m_modelled.size(), kNaN);
        std::vector<bool> done(m_groups.size(), false);
        auto rng = rngFor(m_seed, number, 1); // stream 0 is the startup draw
        for (std::size_t i : m_space.topologicalOrder()) {
            if (!m_space.isActive(i, out))
                continue;
            if (m_dimOf[i] == kConstant) {
                out[i] = m_space.fromUnit(i, 0.5);
                continue;
            }
            const std::size_t g = m_groupOf[m_dimOf[i]];
            if (!done[g]) {
                sampleGroup(g, rng, chosen);
                done[g] = true;
            }
            out[i] = fromInternal(i, chosen[m_dimOf[i]]);
        }
        return out;
    }

private:
    static constexpr std::size_t kConstant = static_cast<std::size_t>(-1);

    // nullopt for parameters with a single possible value: nothing to model.
    std::optional<Dim> dimFor(std::size_t i) const
    {
        const Param& p = m_space.params()[i];
        Dim dim;
        dim.param = i;
        switch (p.type) {
        case ParamType::Fixed:
            return std::nullopt;
        case ParamType::Categorical:
            if (p.choices.size() < 2)
                return std::nullopt;
            dim.kind = Kernel::Categorical;
            dim.choices = p.choices.size();
            return dim;
        case ParamType::Float:
        case ParamType::Int:
            if (!(p.low < p.high))
                return std::nullopt;
            if (p.log) {
                const double pad = p.type == ParamType::Int ? 0.5 : 0.0;
                dim.low = std::log(p.low - pad);
                dim.high = std::log(p.high + pad);
            } else if (p.step || p.type == ParamType::Int) {
                dim.kind = Kernel::Discrete;
                dim.step = p.step.value_or(1.0);
                dim.low = p.low - 0.5 * dim.step;
                dim.high = p.high + 0.5 * dim.step;
            } else {
                dim.low = p.low;
                dim.high = p.high;
            }
            return dim;
        }
        return std::nullopt;
    }

    // NaN when the value does not fit the parameter (a trial told by hand under an older
    // space); the trial then counts as one where the parameter was inactive.
    double toInternal(std::size_t i, const Value& value) const
    {
        const Param& p = m_space.params()[i];
        if (p.type == ParamType::Categorical) {
            for (std::size_t c = 0; c < p.choices.size(); ++c)
                if (sameValue(p.choices[c], value))
                    return static_cast<double>(c);
            return kNaN;
        }
        const auto x = numericValue(value);
        if (!x || !(*x >= p.low && *x <= p.high))
            return kNaN;
        return p.log ? std::log(*x) : *x;
    }

    Value fromInternal(std::size_t i, double s) const
    {
        const Param& p = m_space.params()[i];
        if (p.type == ParamType::Categorical) {
            const auto c = std::clamp<std::int64_t>(std::llround(s), 0, static_cast<std::int64_t>(p.choices.size()) - 1);
            return p.choices[static_cast<std::size_t>(c)];
        }
        const double x = m_space.quantize(i, p.log ? std::exp(s) : s);
        if (p.type == ParamType::Int)
            return static_cast<std::int64_t>(std::llround(x));
        return x;
    }

    // Rows of the observation table: finished trials that count (see rankForTpe()), in
    // chronological order, then the pending ones as constant liars.
    void collect(const History& history)
    {
        rankForTpe(history, m_gammaMax, m_ranking);
        m_rows.clear();
        for (const TrialRecord* t : m_ranking.trials)
            m_rows.push_back(&t->params);
        if (m_options.constantLiar)
            for (const Assignment& a : history.pending)
                m_rows.push_back(&a);

        // Internal values, one column of rows per modelled parameter; NaN where inactive.
        const std::size_t rows = m_rows.size();
        m_values.assign(m_modelled.size() * rows, kNaN);
        for (std::size_t r = 0; r < rows; ++r) { // row-major reads: each trial's values once
            const Assignment& a = *m_rows[r];
            for (std::size_t d = 0; d < m_modelled.size(); ++d) {
                const std::size_t i = m_modelled[d].param;
                if (i < a.size() && a[i])
                    m_values[d * rows + r] = toInternal(i, *a[i]);
            }
        }
    }

    // Univariate: one group per parameter. Multivariate: parameters active in exactly the same
    // finished trials form one group, modelled jointly (Optuna's group decomposition).
    void formGroups()
    {
        m_groups.clear();
        m_groupOf.assign(m_modelled.size(), 0);
        if (!m_options.multivariate) {
            for (std::size_t d = 0; d < m_modelled.size(); ++d) {
                m_groups.push_back({d});
                m_groupOf[d] = d;
            }
            return;
        }
        const std::size_t rows = m_rows.size();
        std::map<std::vector<bool>, std::size_t> bySignature;
        for (std::size_t d = 0; d < m_modelled.size(); ++d) {
            std::vector<bool> signature(m_ranking.best.size());
            for (std::size_t r = 0; r < m_ranking.best.size(); ++r)
                signature[r] = !std::isnan(m_values[d * rows + r]);
            const auto [it, added] = bySignature.emplace(std::move(signature), m_groups.size());
            if (added)
                m_groups.push_back({});
            m_groups[it->second].push_back(d);
            m_groupOf[d] = it->second;
        }
    }

    void sampleGroup(std::size_t g, std::mt19937_64& rng, std::vector<double>& chosen)
    {
        const std::vector<std::size_t>& members = m_groups[g];
        const std::size_t rows = m_rows.size();
        m_groupDims.clear();
        for (std::size_t d : members)
            m_groupDims.push_back(m_modelled[d]);

        // Rows where the whole group is active; the best gamma(n) finished ones are below.
        m_side.assign(rows, kSkip);
        std::size_t finished = 0;
        for (std::size_t r = 0; r < rows; ++r) {
            bool active = true;
            for (std::size_t d : members)
                active = active && !std::isnan(m_values[d * rows + r]);
            if (active) {
                m_side[r] = kAbove;
                finished += r < m_ranking.best.size();
            }
        }
        std::size_t wanted = tpeBelowCount(finished, m_gammaMax);
        for (std::size_t q = 0; q < m_ranking.best.size() && wanted > 0; ++q)
            if (m_side[m_ranking.best[q]] == kAbove) {
                m_side[m_ranking.best[q]] = kBelow;
                --wanted;
            }
        m_belowRows.clear();
        m_aboveRows.clear();
        for (std::size_t r = 0; r < rows; ++r)
            if (m_side[r] != kSkip)
                (m_side[r] == kBelow ? m_belowRows : m_aboveRows).push_back(r);

        fit(members, m_belowRows, m_below, m_flatBelow);
        fit(members, m_aboveRows, m_above, false);

        const auto count = static_cast<std::size_t>(m_options.nCandidates);
        m_below.sample(rng, count, m_candidates);
        for (std::size_t m = 0; m < members.size(); ++m) {
            const std::size_t i = m_groupDims[m].param;
            for (std::size_t c = 0; c < count; ++c) {
                double& x = m_candidates[m * count + c];
                x = toInternal(i, fromInternal(i, x)); // snap to the parameter's grid
            }
        }
        m_below.logPdf(m_candidates, count, m_logL);
        m_above.logPdf(m_candidates, count, m_logG);

        std::size_t best = 0;
        double bestScore = -kInf;
        for (std::size_t c = 0; c < count; ++c) {
            const double score = m_logL[c] - m_logG[c];
            if (score > bestScore) {
                bestScore = score;
                best = c;
            }
        }
        for (std::size_t m = 0; m < members.size(); ++m)
            chosen[members[m]] = m_candidates[m * count + best];
    }

    // Fits `estimator` to the group's values in `rows` (chronological), with recency weights
    // or, `flat`, equal ones.
    void fit(const std::vector<std::size_t>& members, const std::vector<std::size_t>& rows, ParzenEstimator& estimator,
             bool flat)
    {
        const std::size_t n = rows.size();
        m_observations.resize(members.size() * n);
        for (std::size_t m = 0; m < members.size(); ++m) {
            const double* column = m_values.data() + members[m] * m_rows.size();
            double* out = m_observations.data() + m * n;
            for (std::size_t r : rows)
                *out++ = column[r];
        }
        estimator.fit(m_groupDims, m_observations, weights(n, flat), m_options, m_neighbourFloor);
    }

    const TpeWeights& weights(std::size_t n, bool flat)
    {
        for (const TpeWeights& w : m_weights)
            if (w.n == n && w.flat == flat && w.weight.size() == n)
                return w;
        TpeWeights& w = m_weights[m_weightsNext];
        m_weightsNext ^= 1;
        if (flat)
            w.fillFlat(n);
        else
            w.fill(n);
        return w;
    }

    static constexpr char kSkip = 0;
    static constexpr char kBelow = 1;
    static constexpr char kAbove = 2;

    SearchSpace m_space;
    std::uint64_t m_seed;
    Options m_options;
    ScrambledSobol m_sobol; // startup: sobol, the `sobol` sampler's points: every choice of a
                            // categorical and every region of a range seen before the model starts
    std::vector<Dim> m_modelled;     // parameters with more than one possible value
    std::vector<std::size_t> m_dimOf; // space index -> m_modelled index, or kConstant

    // Per-suggest working state, kept as members only to reuse their allocations.
    std::int64_t m_gammaMax = 0; // the cap on the good set for this history
    bool m_flatBelow = false;    // several objectives: the good set's kernels weigh alike
    double m_neighbourFloor = kNeighbourFloor;
    TpeRanking m_ranking;        // the finished rows (the first of m_rows), ranked best first
    std::vector<const Assignment*> m_rows;
    std::vector<double> m_values;      // m_modelled.size() columns of m_rows.size()
    std::vector<std::vector<std::size_t>> m_groups;
    std::vector<std::size_t> m_groupOf;
    std::vector<Dim> m_groupDims;
    std::vector<char> m_side;
    std::vector<std::size_t> m_belowRows, m_aboveRows;
    std::vector<double> m_observations, m_candidates, m_logL, m_logG;
    std::array<TpeWeights, 2> m_weights; // the below and above weights of the last fits, a pure cache
    std::size_t m_weightsNext = 0;
    ParzenEstimator m_below, m_above;
};

const std::vector<SettingSpec>& tpeSettings()
{
    using Kind = SettingSpec::Kind;
    static const std::vector<SettingSpec> specs = {
        {"n_startup_trials", Kind::Int, std::int64_t{10}, 0.0, {}, {},
         "Start-up trials (see startup) before the model takes over (completed and pruned ones count)."},
        {"n_ei_candidates", Kind::Int, std::int64_t{24}, 1.0, 10000.0, {},
         "Candidates drawn from the good-trial model per suggestion; the best ratio l/g wins."},
        {"gamma_max", Kind::Int, std::int64_t{25}, 1.0, {}, {},
         "At most this many trials form the good set (it holds 10% of the trials, rounded up)."},
        {"prior_weight", Kind::Float, 1.0, 1e-6, {}, {},
         "Weight of the wide prior kernel in each mixture; larger explores more."},
        {"categorical_prior_weight", Kind::Float, 10.0, 1e-6, {}, {},
         "Uniform mass each categorical kernel spreads over all choices (Optuna 3.1 uses "
         "prior_weight, 1 by default); larger tries other choices more often."},
        {"multivariate", Kind::Bool, true, {}, {}, {},
         "Model parameters jointly (grouped by which trials they are active in), which captures "
         "correlations; false models each parameter on its own (Optuna's default)."},
        {"bandwidth", Kind::String, std::string("neighbour"), {}, {}, {"neighbour", "scott"},
         "Multivariate kernel widths: each kernel's gaps to its neighbours, floored (neighbour), "
         "or one Scott-like width for all (scott, Optuna 3.1)."},
        {"startup", Kind::String, std::string("sobol"), {}, {}, {"sobol", "random"},
         "How the start-up trials are drawn: scrambled Sobol points (sobol) or uniform at "
         "random (random, Optuna)."},
        {"constant_liar", Kind::Bool, true, {}, {}, {},
         "Count running trials as bad results so that parallel suggestions spread out."},
        {"consider_endpoints", Kind::Bool, false, {}, {}, {},
         "Let the range ends widen the outermost kernels (univariate, or bandwidth: neighbour)."},
        {"consider_magic_clip", Kind::Bool, true, {}, {}, {},
         "Keep kernels at least range/min(100, n+2) wide, so that the model does not collapse."},
    };
    return specs;
}

} // namespace

SamplerInfo tpeSamplerInfo()
{
    return {"tpe",
            "Tree-structured Parzen Estimator: models good and bad trials, samples where good "
            "ones are likely. Handles log, int, categorical and conditional parameters; "
            "quasi-random (Sobol) for the first trials.",
            tpeSettings(),
            [](const SearchSpace& space, std::uint64_t seed, const Settings& given) {
                const Settings s = resolveSettings(tpeSettings(), given, "algorithm.settings");
                Options o;
                o.nStartup = settingInt(s, "n_startup_trials");
                o.nCandidates = settingInt(s, "n_ei_candidates");
                o.gammaMax = settingInt(s, "gamma_max");
                o.priorWeight = settingNumber(s, "prior_weight");
                o.categoricalPriorWeight = settingNumber(s, "categorical_prior_weight");
                o.multivariate = settingBool(s, "multivariate");
                o.bandwidth = settingString(s, "bandwidth") == "scott" ? Bandwidth::Scott : Bandwidth::Neighbour;
                o.startup = settingString(s, "startup") == "random" ? Startup::Random : Startup::Sobol;
                o.constantLiar = settingBool(s, "constant_liar");
                o.considerEndpoints = settingBool(s, "consider_endpoints");
                o.considerMagicClip = settingBool(s, "consider_magic_clip");
                return std::make_unique<TpeSampler>(space, seed, o);
            },
            true}; // several objectives (MOTPE) and constraints: tpe_split.h
}

} // namespace tb::algorithms
