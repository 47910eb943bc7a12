#include "importance.h"

#include "sampler.h" // rngFor

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <numeric>
#include <thread>

namespace tb::algorithms {

namespace {

// scikit-learn's tolerances: feature values closer than this are not split apart, and a
// node whose (standardised) targets vary less than this is a leaf.
constexpr double kFeatureTolerance = 1e-7;
constexpr double kImpurityTolerance = 2.220446049250313e-16;

// A uniform integer in [0, n), the same on every standard library (unlike
// std::uniform_int_distribution); the modulo bias is below n / 2^64.
std::size_t below(std::mt19937_64& rng, std::size_t n)
{
    return static_cast<std::size_t>(rng() % n);
}

// The fitted data: one column per number, one per choice of a categorical, all in [0, 1].
struct Encoded {
    std::size_t rows = 0;
    std::size_t columns = 0;
    std::vector<double> x;                        // column-major: x[column * rows + row]
    std::vector<double> y;                        // standardised objective
    std::vector<std::vector<std::size_t>> groups; // per parameter, its columns (empty: not fitted)

    double at(std::size_t column, std::size_t row) const { return x[column * rows + row]; }
};

bool isSingle(const SearchSpace& space, std::size_t index)
{
    const Param& p = space.params()[index];
    switch (p.type) {
    case ParamType::Fixed: return true;
    case ParamType::Categorical: return p.choices.size() < 2;
    case ParamType::Int: return p.low == p.high || (p.step && *p.step > p.high - p.low);
    case ParamType::Float: return false;
    }
    return true;
}

Encoded encode(const SearchSpace& space, const std::vector<const TrialRecord*>& trials, std::uint64_t seed)
{
    Encoded e;
    e.rows = trials.size();
    e.groups.resize(space.size());
    for (std::size_t i = 0; i < space.size(); ++i) {
        if (isSingle(space, i))
            continue;
        const Param& p = space.params()[i];
        const std::size_t width = p.type == ParamType::Categorical ? p.choices.size() : 1;
        for (std::size_t k = 0; k < width; ++k)
            e.groups[i].push_back(e.columns++);
    }
    e.x.assign(e.columns * e.rows, 0.0);
    for (std::size_t r = 0; r < e.rows; ++r) {
        const Assignment& a = trials[r]->params;
        // Stand-ins for inactive parameters, one draw per parameter whether used or not so
        // that a trial's draws do not depend on which of its parameters are active.
        auto rng = rngFor(seed, trials[r]->number, 1);
        for (std::size_t i = 0; i < space.size(); ++i) {
            const double standIn = static_cast<double>(rng() >> 11) * 0x1.0p-53;
            if (e.groups[i].empty())
                continue;
            const Param& p = space.params()[i];
            const bool active = i < a.size() && a[i].has_value();
            if (p.type != ParamType::Categorical) {
                e.x[e.groups[i][0] * e.rows + r] = active ? space.toUnit(i, *a[i]) : standIn;
                continue;
            }
            std::size_t hot = std::min(static_cast<std::size_t>(standIn * static_cast<double>(p.choices.size())),
                                       p.choices.size() - 1);
            if (active)
                for (std::size_t c = 0; c < p.choices.size(); ++c)
                    if (sameValue(p.choices[c], *a[i]))
                        hot = c;
            e.x[e.groups[i][hot] * e.rows + r] = 1.0;
        }
    }

    // Standardising changes neither the splits nor the variance fractions, but makes the
    // purity tolerance independent of the objective's scale.
    e.y.resize(e.rows);
    double mean = 0.0;
    for (std::size_t r = 0; r < e.rows; ++r)
        mean += *trials[r]->value;
    mean /= static_cast<double>(e.rows);
    double var = 0.0;
    for (std::size_t r = 0; r < e.rows; ++r)
        var += (*trials[r]->value - mean) * (*trials[r]->value - mean);
    const double scale = var > 0.0 ? std::sqrt(var / static_cast<double>(e.rows)) : 1.0;
    for (std::size_t r = 0; r < e.rows; ++r)
        e.y[r] = (*trials[r]->value - mean) / scale;
    return e;
}

struct Node {
    int feature = -1; // split column, -1 for a leaf
    double threshold = 0.0;
    int left = -1;
    int right = -1;
    double value = 0.0; // leaf: weighted mean of its samples' targets
};

// One regression tree on a bootstrap sample, grown depth-first with scikit-learn's best
// splitter and all features considered at every node (max_features = 1.0, the default of
// the RandomForestRegressor that Optuna uses). Children always come after their parent.
std::vector<Node> growTree(const Encoded& data, const FanovaOptions& options, std::mt19937_64& rng)
{
    const std::size_t n = data.rows;
    const std::size_t d = data.columns;
    std::vector<double> weight(n, 0.0);
    for (std::size_t k = 0; k < n; ++k)
        weight[below(rng, n)] += 1.0;
    std::vector<std::uint32_t> samples;
    for (std::size_t i = 0; i < n; ++i)
        if (weight[i] > 0.0)
            samples.push_back(static_cast<std::uint32_t>(i));

    // order[f] holds the node's samples sorted by column f, node by node in one range each;
    // a split partitions every column's range stably, so no node sorts again.
    std::vector<std::vector<std::uint32_t>> order(d, samples);
    for (std::size_t f = 0; f < d; ++f)
        std::stable_sort(order[f].begin(), order[f].end(),
                         [&](std::uint32_t a, std::uint32_t b) { return data.at(f, a) < data.at(f, b); });
    std::vector<char> goesLeft(n, 0);
    std::vector<std::uint32_t> scratch(samples.size());
    std::vector<std::size_t> features(d);
    std::iota(features.begin(), features.end(), 0);

    struct Pending {
        int node;
        std::size_t begin, end;
        int depth;
    };
    std::vector<Node> nodes(1);
    std::vector<Pending> stack{{0, 0, samples.size(), 0}};
    const std::size_t minLeaf = static_cast<std::size_t>(std::max(1, options.minSamplesLeaf));
    const std::size_t minSplit = static_cast<std::size_t>(std::max(2, options.minSamplesSplit));
    while (!stack.empty()) {
        const Pending job = stack.back();
        stack.pop_back();
        const std::size_t count = job.end - job.begin;
        double w = 0.0, s = 0.0, ss = 0.0;
        for (std::size_t k = job.begin; k < job.end; ++k) {
            const std::uint32_t i = order[0][k];
            w += weight[i];
            s += weight[i] * data.y[i];
            ss += weight[i] * data.y[i] * data.y[i];
        }
        nodes[job.node].value = s / w;
        const double impurity = ss / w - (s / w) * (s / w);
        if ((options.maxDepth >= 0 && job.depth >= options.maxDepth) || count < minSplit || count < 2 * minLeaf
            || impurity <= kImpurityTolerance)
            continue;

        // Features in a random order, as scikit-learn visits them: among equally good
        // splits the first found wins, so the order decides ties.
        for (std::size_t k = d; k > 1; --k)
            std::swap(features[k - 1], features[below(rng, k)]);
        double bestProxy = -std::numeric_limits<double>::infinity();
        std::size_t bestFeature = d, bestPos = 0;
        for (std::size_t f : features) {
            const std::vector<std::uint32_t>& o = order[f];
            if (data.at(f, o[job.end - 1]) <= data.at(f, o[job.begin]) + kFeatureTolerance)
                continue; // constant here
            double wl = 0.0, sl = 0.0;
            for (std::size_t k = job.begin; k + 1 < job.end; ++k) {
                wl += weight[o[k]];
                sl += weight[o[k]] * data.y[o[k]];
                if (data.at(f, o[k + 1]) <= data.at(f, o[k]) + kFeatureTolerance)
                    continue;
                const std::size_t leftCount = k + 1 - job.begin;
                if (leftCount < minLeaf || count - leftCount < minLeaf)
                    continue;
                const double wr = w - wl, sr = s - sl;
                // Maximising this is minimising the children's weighted squared error.
                const double proxy = sl * sl / wl + sr * sr / wr;
                if (proxy > bestProxy) {
                    bestProxy = proxy;
                    bestFeature = f;
                    bestPos = k + 1;
                }
            }
        }
        if (bestFeature == d)
            continue;

        const std::vector<std::uint32_t>& o = order[bestFeature];
        Node& node = nodes[job.node];
        node.feature = static_cast<int>(bestFeature);
        node.threshold = 0.5 * (data.at(bestFeature, o[bestPos - 1]) + data.at(bestFeature, o[bestPos]));
        for (std::size_t k = job.begin; k < job.end; ++k)
            goesLeft[o[k]] = k < bestPos;
        for (std::size_t f = 0; f < d; ++f) {
            if (f == bestFeature)
                continue;
            std::vector<std::uint32_t>& of = order[f];
            std::size_t l = job.begin, r = 0;
            for (std::size_t k = job.begin; k < job.end; ++k) {
                if (goesLeft[of[k]])
                    of[l++] = of[k];
                else
                    scratch[r++] = of[k];
            }
            std::copy_n(scratch.begin(), r, of.begin() + static_cast<std::ptrdiff_t>(l));
        }
        const int left = static_cast<int>(nodes.size());
        nodes[job.node].left = left;
        nodes[job.node].right = left + 1;
        nodes.emplace_back();
        nodes.emplace_back();
        stack.push_back({left + 1, bestPos, job.end, job.depth + 1});
        stack.push_back({left, job.begin, bestPos, job.depth + 1});
    }
    return nodes;
}

// fANOVA of one tree over the unit cube. Each leaf is a box; the tree's function is
// uniform-averaged over the columns outside a group to get the group's marginal, whose
// variance over the group's cells (the grid cut by the tree's thresholds) is the group's
// main effect. Hutter et al. 2014, Algorithm 1; the same quantities as Optuna's
// _FanovaTree, computed in one pass over the tree per group instead of one per cell.
class TreeAnova {
public:
    TreeAnova(const std::vector<Node>& nodes, std::size_t columns)
        : m_nodes(nodes), m_leftShare(nodes.size(), 0.0), m_mean(nodes.size(), 0.0)
    {
        std::vector<double> lo(columns, 0.0), hi(columns, 1.0);
        shareOfLeft(0, lo, hi);
        // A node's average over its box: its children weighted by their share of it.
        for (std::size_t k = nodes.size(); k-- > 0;) {
            const Node& node = nodes[k];
            m_mean[k] = node.feature < 0 ? node.value
                                         : m_leftShare[k] * m_mean[node.left] + (1.0 - m_leftShare[k]) * m_mean[node.right];
        }
        m_variance = 0.0;
        leafVariance(0, 1.0);
    }

    double variance() const { return m_variance; }

    double marginalVariance(const std::vector<std::size_t>& group)
    {
        // The group's cells: per column, the intervals between the tree's thresholds on it.
        const std::size_t g = group.size();
        m_bounds.assign(g, {});
        for (std::size_t j = 0; j < g; ++j) {
            std::vector<double>& b = m_bounds[j];
            for (const Node& node : m_nodes)
                if (node.feature == static_cast<int>(group[j]))
                    b.push_back(node.threshold);
            std::sort(b.begin(), b.end());
            b.erase(std::unique(b.begin(), b.end()), b.end());
            b.insert(b.begin(), 0.0);
            b.push_back(1.0);
        }
        m_inGroup.assign(m_nodes.size(), -1);
        m_splitsGroup.assign(m_nodes.size(), 0);
        for (std::size_t k = m_nodes.size(); k-- > 0;) {
            const Node& node = m_nodes[k];
            if (node.feature < 0)
                continue;
            const auto it = std::find(group.begin(), group.end(), static_cast<std::size_t>(node.feature));
            if (it != group.end())
                m_inGroup[k] = static_cast<int>(it - group.begin());
            m_splitsGroup[k] = m_inGroup[k] >= 0 || m_splitsGroup[node.left] || m_splitsGroup[node.right];
        }

        m_terminals.clear();
        std::vector<std::size_t> lo(g, 0), hi(g);
        for (std::size_t j = 0; j < g; ++j)
            hi[j] = m_bounds[j].size() - 1;
        collect(0, 1.0, lo, hi);

        return std::max(0.0, g == 1 ? varianceOnLine() : varianceOnGrid());
    }

private:
    // Where the uniform average over the other columns reaches a leaf, or a subtree that
    // never splits the group: its mean counts, with this weight, in every cell of its box.
    struct Terminal {
        double mass;
        std::vector<std::size_t> lo, hi; // cell index ranges per group column
    };

    void shareOfLeft(int k, std::vector<double>& lo, std::vector<double>& hi)
    {
        const Node& node = m_nodes[k];
        if (node.feature < 0)
            return;
        const auto f = static_cast<std::size_t>(node.feature);
        m_leftShare[k] = (node.threshold - lo[f]) / (hi[f] - lo[f]);
        const double keep = hi[f];
        hi[f] = node.threshold;
        shareOfLeft(node.left, lo, hi);
        hi[f] = keep;
        const double keepLo = lo[f];
        lo[f] = node.threshold;
        shareOfLeft(node.right, lo, hi);
        lo[f] = keepLo;
    }

    void leafVariance(int k, double volume)
    {
        const Node& node = m_nodes[k];
        if (node.feature < 0) {
            m_variance += volume * (node.value - m_mean[0]) * (node.value - m_mean[0]);
            return;
        }
        leafVariance(node.left, volume * m_leftShare[k]);
        leafVariance(node.right, volume * (1.0 - m_leftShare[k]));
    }

    void collect(int k, double weight, std::vector<std::size_t>& lo, std::vector<std::size_t>& hi)
    {
        const Node& node = m_nodes[k];
        if (node.feature < 0 || !m_splitsGroup[k]) {
            if (weight > 0.0)
                m_terminals.push_back({weight * m_mean[k], lo, hi});
            return;
        }
        const int j = m_inGroup[k];
        if (j < 0) { // averaged over: both sides, by their share of the node
            collect(node.left, weight * m_leftShare[k], lo, hi);
            collect(node.right, weight * (1.0 - m_leftShare[k]), lo, hi);
            return;
        }
        // The threshold is one of the cell bounds: cells below it go left.
        const std::vector<double>& b = m_bounds[static_cast<std::size_t>(j)];
        const auto cut = static_cast<std::size_t>(std::lower_bound(b.begin(), b.end(), node.threshold) - b.begin());
        const std::size_t keepHi = hi[static_cast<std::size_t>(j)], keepLo = lo[static_cast<std::size_t>(j)];
        hi[static_cast<std::size_t>(j)] = cut;
        collect(node.left, weight, lo, hi);
        hi[static_cast<std::size_t>(j)] = keepHi;
        lo[static_cast<std::size_t>(j)] = cut;
        collect(node.right, weight, lo, hi);
        lo[static_cast<std::size_t>(j)] = keepLo;
    }

    // One column: the marginal is a step function; a difference array adds up the boxes.
    double varianceOnLine() const
    {
        const std::vector<double>& b = m_bounds[0];
        const std::size_t cells = b.size() - 1;
        std::vector<double> delta(cells + 1, 0.0);
        for (const Terminal& t : m_terminals) {
            delta[t.lo[0]] += t.mass;
            delta[t.hi[0]] -= t.mass;
        }
        std::vector<double> value(cells);
        double running = 0.0;
        for (std::size_t c = 0; c < cells; ++c)
            value[c] = running += delta[c];
        double mean = 0.0;
        for (std::size_t c = 0; c < cells; ++c)
            mean += (b[c + 1] - b[c]) * value[c];
        double var = 0.0;
        for (std::size_t c = 0; c < cells; ++c)
            var += (b[c + 1] - b[c]) * (value[c] - mean) * (value[c] - mean);
        return var;
    }

    // Several columns (a one-hot categorical): E[a^2] - E[a]^2 from the boxes' pairwise
    // overlaps, which avoids enumerating a grid that doubles with every split choice.
    double varianceOnGrid() const
    {
        const std::size_t g = m_bounds.size();
        auto volume = [&](const Terminal& a, const Terminal* b) {
            double v = 1.0;
            for (std::size_t j = 0; j < g && v > 0.0; ++j) {
                const std::size_t lo = b ? std::max(a.lo[j], b->lo[j]) : a.lo[j];
                const std::size_t hi = b ? std::min(a.hi[j], b->hi[j]) : a.hi[j];
                v *= hi > lo ? m_bounds[j][hi] - m_bounds[j][lo] : 0.0;
            }
            return v;
        };
        double mean = 0.0, square = 0.0;
        for (std::size_t s = 0; s < m_terminals.size(); ++s) {
            const Terminal& a = m_terminals[s];
            mean += a.mass * volume(a, nullptr);
            square += a.mass * a.mass * volume(a, nullptr);
            for (std::size_t t = s + 1; t < m_terminals.size(); ++t)
                square += 2.0 * a.mass * m_terminals[t].mass * volume(a, &m_terminals[t]);
        }
        return square - mean * mean;
    }

    const std::vector<Node>& m_nodes;
    std::vector<double> m_leftShare; // internal node: the left child's share of its box
    std::vector<double> m_mean;      // every node: its function's average over its box
    double m_variance = 0.0;

    // Per group, reused across calls.
    std::vector<std::vector<double>> m_bounds; // per group column: 0, thresholds, 1
    std::vector<int> m_inGroup;                // node's split column's index in the group, or -1
    std::vector<char> m_splitsGroup;           // node's subtree splits a group column
    std::vector<Terminal> m_terminals;
};

} // namespace

ImportanceResult fanovaImportance(const SearchSpace& space, const std::vector<TrialRecord>& trials,
                                  const FanovaOptions& options)
{
    ImportanceResult result;
    for (const Param& p : space.params())
        result.names.push_back(p.name);
    result.importance.assign(space.size(), 0.0);

    std::vector<const TrialRecord*> used;
    for (const TrialRecord& t : trials)
        if (t.state == TrialState::Completed && t.value && std::isfinite(*t.value))
            used.push_back(&t);
    result.trialsUsed = used.size();
    if (used.size() < 2)
        return result;
    const Encoded data = encode(space, used, options.seed);
    if (data.columns == 0)
        return result;

    const auto treeCount = static_cast<std::size_t>(std::max(1, options.trees));
    // Per tree: each parameter's fraction of the tree's variance; empty if the tree is flat.
    std::vector<std::vector<double>> fractions(treeCount);
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t t; (t = next++) < treeCount;) {
            auto rng = rngFor(options.seed, static_cast<std::int64_t>(t));
            const std::vector<Node> nodes = growTree(data, options, rng);
            TreeAnova anova(nodes, data.columns);
            if (!(anova.variance() > 0.0))
                continue;
            fractions[t].assign(space.size(), 0.0);
            for (std::size_t i = 0; i < space.size(); ++i)
                if (!data.groups[i].empty())
                    fractions[t][i] = anova.marginalVariance(data.groups[i]) / anova.variance();
        }
    };
    const unsigned hardware = std::max(1u, std::thread::hardware_concurrency());
    const std::size_t threadCount =
        std::min<std::size_t>(treeCount, options.threads > 0 ? static_cast<std::size_t>(options.threads) : hardware);
    std::vector<std::thread> pool;
    for (std::size_t k = 1; k < threadCount; ++k)
        pool.emplace_back(work);
    work();
    for (std::thread& thread : pool)
        thread.join();

    std::size_t informative = 0;
    for (const auto& f : fractions) {
        if (f.empty())
            continue;
        ++informative;
        for (std::size_t i = 0; i < f.size(); ++i)
            result.importance[i] += f[i];
    }
    const double total = std::accumulate(result.importance.begin(), result.importance.end(), 0.0);
    if (informative == 0 || !(total > 0.0)) {
        std::fill(result.importance.begin(), result.importance.end(), 0.0);
        return result;
    }
    for (double& share : result.importance)
        share /= total; // the mean over trees cancels out
    return result;
}

} // namespace tb::algorithms
