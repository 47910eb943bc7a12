// `cmaes`: CMA-ES (Hansen's (mu/mu_w, lambda) evolution strategy with rank-one and rank-mu
// covariance updates) over the unit cube of the unconditional float and int parameters,
// with IPOP restarts (the population grows by `inc_popsize` each time the search
// converges or stagnates).
//
// Fallback: categorical, fixed and conditional parameters are not part of the search
// distribution; they are drawn independently and uniformly per trial (like Optuna's
// independent sampler beside its CmaEsSampler). Ints are searched as reals and rounded by
// SearchSpace::fromUnit; a rounded value is told back at the centre of its cell.
//
// Statelessness: each suggestion is the one a replay of the history gives (a memo of the last
// replay only saves the work where the history begins as it did; see Replay). The replay:
// finished trials (number order) that carry a value form generations of `popsize` each,
// and a generation is told once all of its members have finished. Trials still pending
// never enter a generation, so those of the current one are skipped over. The trial being
// suggested is member k = number - (first number after the last told generation) of the
// current generation g and draws from rngFor(seed, g, kSampleStream + k): parallel
// suggestions differ and a replay reproduces every draw.
//
// Trials: completed ones, and pruned ones that carry a value, are told with that value
// (a pruned value is the objective where the trial stopped); failed trials are ignored.
// The first `n_startup_trials` trials are uniform random draws, as in `random`; the best of
// them becomes the initial mean (else the centre of the cube).

#include "samplers.h"
#include "../vector_state.h"

#include <Eigen/Core>
#include <Eigen/Eigenvalues>

#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>
#include <numeric>
#include <optional>

namespace tb::algorithms {

namespace {

using Eigen::MatrixXd;
using Eigen::VectorXd;

// Random-number streams: rngFor(seed, number, kFallbackStream) for the parameters outside
// the distribution, rngFor(seed, generation, kSampleStream + member) for a CMA draw and
// rngFor(seed, generation, kRestartStream) for the mean after a restart.
constexpr std::uint64_t kFallbackStream = 1;
constexpr std::uint64_t kRestartStream = 2;
constexpr std::uint64_t kSampleStream = std::uint64_t{1} << 32;

constexpr int kMaxResamples = 100;

struct CmaOptions {
    int popsize = 0; // 0: 4 + floor(3 ln n)
    double sigma0 = 1.0 / 6.0;
    int startupTrials = 0;
    bool ipop = true;
    int incPopsize = 2;
};

// One CMA-ES run (between restarts) in n dimensions.
class Cma {
public:
    Cma(const VectorXd& mean, double sigma, int lambda) : m_mean(mean), m_sigma(sigma), m_sigma0(sigma)
    {
        const auto n = static_cast<double>(mean.size());
        m_lambda = lambda;
        const int mu = lambda / 2;
        m_weights.resize(mu);
        for (int i = 0; i < mu; ++i)
            m_weights[i] = std::log((lambda + 1) / 2.0) - std::log(i + 1.0);
        m_weights /= m_weights.sum();
        m_mueff = 1.0 / m_weights.squaredNorm();
        m_cc = (4.0 + m_mueff / n) / (n + 4.0 + 2.0 * m_mueff / n);
        m_cs = (m_mueff + 2.0) / (n + m_mueff + 5.0);
        m_c1 = 2.0 / ((n + 1.3) * (n + 1.3) + m_mueff);
        m_cmu = std::min(1.0 - m_c1, 2.0 * (m_mueff - 2.0 + 1.0 / m_mueff) / ((n + 2.0) * (n + 2.0) + m_mueff));
        m_damps = 1.0 + 2.0 * std::max(0.0, std::sqrt((m_mueff - 1.0) / (n + 1.0)) - 1.0) + m_cs;
        m_chiN = std::sqrt(n) * (1.0 - 1.0 / (4.0 * n) + 1.0 / (21.0 * n * n));
        m_c = MatrixXd::Identity(mean.size(), mean.size());
        m_b = m_c;
        m_d = VectorXd::Ones(mean.size());
        m_ps = m_pc = VectorXd::Zero(mean.size());
        m_historyLength = 10 + static_cast<int>(std::ceil(30.0 * n / lambda));
    }

    int lambda() const { return m_lambda; }

    // A draw from N(mean, sigma^2 C) inside the unit cube: resampled while outside, then
    // clipped after kMaxResamples tries.
    VectorXd sample(std::mt19937_64& rng) const
    {
        std::normal_distribution<double> normal(0.0, 1.0);
        VectorXd x(m_mean.size());
        for (int attempt = 0; attempt < kMaxResamples; ++attempt) {
            VectorXd z(m_mean.size());
            for (Eigen::Index i = 0; i < z.size(); ++i)
                z[i] = normal(rng);
            x = m_mean + m_sigma * (m_b * m_d.cwiseProduct(z));
            if ((x.array() >= 0.0).all() && (x.array() <= 1.0).all())
                return x;
        }
        return x.cwiseMax(0.0).cwiseMin(1.0);
    }

    // One generation: `xs` (lambda points) with their values, smaller better.
    void tell(const std::vector<VectorXd>& xs, const std::vector<double>& values)
    {
        const Eigen::Index n = m_mean.size();
        std::vector<std::size_t> order(xs.size());
        std::iota(order.begin(), order.end(), std::size_t{0});
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });

        const VectorXd old = m_mean;
        MatrixXd y(n, m_weights.size());
        for (Eigen::Index i = 0; i < m_weights.size(); ++i)
            y.col(i) = (xs[order[static_cast<std::size_t>(i)]] - old) / m_sigma;
        const VectorXd step = y * m_weights;
        m_mean = old + m_sigma * step;

        // C^-1/2 step, from the eigendecomposition C = B D^2 B^T.
        const VectorXd whitened = m_b * (m_b.transpose() * step).cwiseQuotient(m_d);
        m_ps = (1.0 - m_cs) * m_ps + std::sqrt(m_cs * (2.0 - m_cs) * m_mueff) * whitened;
        ++m_generation;
        const double psNorm = m_ps.norm() / std::sqrt(1.0 - std::pow(1.0 - m_cs, 2.0 * m_generation));
        const bool hsig = psNorm / m_chiN < 1.4 + 2.0 / (static_cast<double>(n) + 1.0);
        m_pc = (1.0 - m_cc) * m_pc + (hsig ? std::sqrt(m_cc * (2.0 - m_cc) * m_mueff) : 0.0) * step;

        const double keep = 1.0 - m_c1 - m_cmu + (hsig ? 0.0 : m_c1 * m_cc * (2.0 - m_cc));
        m_c = keep * m_c + m_c1 * m_pc * m_pc.transpose() + m_cmu * y * m_weights.asDiagonal() * y.transpose();
        m_sigma *= std::exp((m_cs / m_damps) * (m_ps.norm() / m_chiN - 1.0));
        m_sigma = std::min(m_sigma, 1e4 * m_sigma0);

        m_c = 0.5 * (m_c + m_c.transpose());
        const Eigen::SelfAdjointEigenSolver<MatrixXd> eig(m_c);
        if (eig.info() != Eigen::Success || !m_c.allFinite()) {
            m_broken = true;
            return;
        }
        m_b = eig.eigenvectors();
        m_d = eig.eigenvalues().cwiseMax(1e-30 * std::max(eig.eigenvalues().maxCoeff(), 1e-300)).cwiseSqrt();

        m_bestHistory.push_back(values[order[0]]);
        if (static_cast<int>(m_bestHistory.size()) > m_historyLength)
            m_bestHistory.pop_front();
        const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
        m_lastRange = *hi - *lo;
    }

    // Hansen's termination criteria (converged, stagnated or numerically exhausted).
    bool shouldStop() const
    {
        if (m_broken || !std::isfinite(m_sigma))
            return true;
        const Eigen::Index n = m_mean.size();
        constexpr double tolFun = 1e-12, tolConditionCov = 1e14;
        const double tolX = 1e-12 * m_sigma0;
        if (static_cast<int>(m_bestHistory.size()) >= m_historyLength) {
            const auto [lo, hi] = std::minmax_element(m_bestHistory.begin(), m_bestHistory.end());
            if (*hi - *lo < tolFun && m_lastRange < tolFun)
                return true;
        }
        const VectorXd sd = m_sigma * m_c.diagonal().cwiseSqrt();
        if ((sd.array() < tolX).all() && ((m_sigma * m_pc).array().abs() < tolX).all())
            return true;
        if (m_sigma * m_d.maxCoeff() > 1e4 * m_sigma0)
            return true;
        for (Eigen::Index i = 0; i < n; ++i)
            if (m_mean[i] == m_mean[i] + 0.2 * sd[i])
                return true;
        const Eigen::Index axis = m_generation % n;
        if ((m_mean.array() == (m_mean + 0.1 * m_sigma * m_d[axis] * m_b.col(axis)).array()).all())
            return true;
        return m_d.maxCoeff() / m_d.minCoeff() > std::sqrt(tolConditionCov);
    }

private:
    VectorXd m_mean;
    double m_sigma, m_sigma0;
    int m_lambda = 0;
    VectorXd m_weights;
    double m_mueff, m_cc, m_cs, m_c1, m_cmu, m_damps, m_chiN;
    MatrixXd m_c, m_b; // covariance and its eigenvectors
    VectorXd m_d;      // square roots of the eigenvalues
    VectorXd m_ps, m_pc;
    int m_generation = 0; // since the last restart
    int m_historyLength = 0;
    std::deque<double> m_bestHistory; // best value of each recent generation
    double m_lastRange = 0.0;
    bool m_broken = false;
};

class CmaesSampler final : public Sampler {
public:
    CmaesSampler(const SearchSpace& space, std::uint64_t seed, CmaOptions options)
        : m_space(space), m_seed(seed), m_options(options)
    {
        for (std::size_t i = 0; i < space.size(); ++i) {
            const Param& p = space.params()[i];
            if ((p.type == ParamType::Float || p.type == ParamType::Int) && !p.when)
                m_searched.push_back(i);
        }
    }

    std::optional<Assignment> suggest(const History& history, std::int64_t number) override
    {
        clearUpperVectorState(); // see vector_state.h
        if (number < m_options.startupTrials || m_searched.empty())
            return uniformDraw(m_space, m_seed, number);

        std::vector<const TrialRecord*> trials;
        for (const TrialRecord& t : history.finished)
            if (t.number < number)
                trials.push_back(&t);
        std::sort(trials.begin(), trials.end(),
                  [](const TrialRecord* a, const TrialRecord* b) { return a->number < b->number; });

        // Observations: the initial mean comes from the start-up trials, generations from the rest.
        const auto n = static_cast<Eigen::Index>(m_searched.size());
        Replay now;
        now.mean = VectorXd::Constant(n, 0.5);
        double bestStartup = std::numeric_limits<double>::infinity();
        std::size_t same = 0; // leading observations equal to the last replay's (number, value, parameters)
        for (const TrialRecord* t : trials) {
            if (t->state == TrialState::Failed || !t->value || !std::isfinite(*t->value))
                continue;
            const double v = history.oriented(*t->value);
            const std::size_t k = now.numbers.size();
            if (t->number >= m_options.startupTrials && same == k && k < m_replay.numbers.size() && m_replay.numbers[k] == t->number
                && m_replay.values[k] == v && m_replay.params[k] == t->params) {
                // The observation the last replay had here: its point as converted then.
                now.xs.push_back(std::move(m_replay.xs[k]));
                now.params.push_back(std::move(m_replay.params[k]));
                now.values.push_back(v);
                now.numbers.push_back(t->number);
                ++same;
                continue;
            }
            const auto x = unitPoint(*t);
            if (!x)
                continue;
            if (t->number < m_options.startupTrials) {
                if (v < bestStartup)
                    bestStartup = v, now.mean = *x;
                continue;
            }
            now.xs.push_back(*x);
            now.params.push_back(t->params);
            now.values.push_back(v);
            now.numbers.push_back(t->number);
        }

        // The generations told: resumed from the last replay where its observations are a
        // prefix of these (the usual case, one generation more at most), else from the start.
        // Either way the state is the one a full replay reaches, so suggestions do not depend
        // on what this object saw before.
        const int lambda0 = m_options.popsize > 0
            ? m_options.popsize
            : 4 + static_cast<int>(std::floor(3.0 * std::log(static_cast<double>(n))));
        const bool resume = m_replay.cma && m_replay.mean == now.mean && m_replay.consumed <= same;
        Cma cma = resume ? *m_replay.cma : Cma(now.mean, m_options.sigma0, lambda0);
        std::int64_t generation = resume ? m_replay.generation : 0;
        std::int64_t base = resume ? m_replay.base : m_options.startupTrials; // first trial number of the current generation
        std::size_t start = resume ? m_replay.consumed : 0;
        const auto& xs = now.xs;
        const auto& values = now.values;
        const auto& numbers = now.numbers;
        while (start + static_cast<std::size_t>(cma.lambda()) <= xs.size()) {
            const auto end = start + static_cast<std::size_t>(cma.lambda());
            cma.tell({xs.begin() + static_cast<std::ptrdiff_t>(start), xs.begin() + static_cast<std::ptrdiff_t>(end)},
                     {values.begin() + static_cast<std::ptrdiff_t>(start),
                      values.begin() + static_cast<std::ptrdiff_t>(end)});
            base = numbers[end - 1] + 1;
            start = end;
            ++generation;
            if (m_options.ipop && cma.shouldStop()) {
                auto rng = rngFor(m_seed, generation, kRestartStream);
                const std::vector<double> restartMean = uniformUnitPoint(static_cast<std::size_t>(n), rng);
                cma = Cma(Eigen::Map<const VectorXd>(restartMean.data(), n), m_options.sigma0,
                          cma.lambda() * m_options.incPopsize);
            }
        }
        now.cma = cma;
        now.generation = generation;
        now.base = base;
        now.consumed = start;
        m_replay = std::move(now);

        const std::int64_t member = std::max<std::int64_t>(number - base, 0);
        auto sampleRng = rngFor(m_seed, generation, kSampleStream + static_cast<std::uint64_t>(member));
        const VectorXd x = cma.sample(sampleRng);

        auto fallbackRng = rngFor(m_seed, number, kFallbackStream);
        std::vector<double> u = uniformUnitPoint(m_space.size(), fallbackRng);
        for (Eigen::Index i = 0; i < n; ++i)
            u[m_searched[static_cast<std::size_t>(i)]] = x[i];
        return m_space.fromUnitVector(u);
    }

private:
    // The searched coordinates of a finished trial, or nullopt when it has no usable value
    // (failed, no value, not finite) or lacks a searched parameter.
    std::optional<VectorXd> unitPoint(const TrialRecord& t) const
    {
        if (t.state == TrialState::Failed || !t.value || !std::isfinite(*t.value))
            return std::nullopt;
        VectorXd x(static_cast<Eigen::Index>(m_searched.size()));
        for (std::size_t i = 0; i < m_searched.size(); ++i) {
            const std::size_t p = m_searched[i];
            if (p >= t.params.size() || !t.params[p])
                return std::nullopt;
            x[static_cast<Eigen::Index>(i)] = m_space.toUnit(p, *t.params[p]);
        }
        return x;
    }

    // What the last suggest() replayed: the observations in order (the trials' numbers,
    // oriented values and points) and the state after the first `consumed` of them. A memo
    // only: the next call uses it where its observations begin with exactly these (number,
    // value and point alike), which gives the state a full replay would (at 1000 trials it
    // saves ~80 generations' eigendecompositions per suggestion).
    struct Replay {
        VectorXd mean; // the initial mean, from the start-up trials
        std::vector<VectorXd> xs;
        std::vector<Assignment> params; // the trials' own, to tell the same observation from another
        std::vector<double> values;
        std::vector<std::int64_t> numbers;
        std::optional<Cma> cma;
        std::int64_t generation = 0, base = 0;
        std::size_t consumed = 0;
    };

    SearchSpace m_space;
    std::uint64_t m_seed;
    CmaOptions m_options;
    std::vector<std::size_t> m_searched; // unconditional float and int parameters
    Replay m_replay;
};

} // namespace

SamplerInfo cmaesSamplerInfo()
{
    using Kind = SettingSpec::Kind;
    return {"cmaes",
            "CMA-ES with IPOP restarts over the float and int parameters; strong on continuous problems with "
            "budgets of hundreds of trials and more. Categorical, fixed and conditional parameters fall back to "
            "independent uniform draws.",
            {{"popsize", Kind::Int, std::int64_t{0}, 0.0, 100000.0, {},
              "Trials per generation; 0 picks 4 + floor(3 ln n) for n searched parameters (1 acts as 2)."},
             {"sigma0", Kind::Float, 1.0 / 6.0, 1e-6, 1.0, {},
              "Initial step size, as a fraction of each parameter's range (the unit cube)."},
             {"n_startup_trials", Kind::Int, std::int64_t{0}, 0.0, {}, {},
              "Uniform random trials first; the best of them becomes the initial mean."},
             {"restart_strategy", Kind::String, std::string("ipop"), {}, {}, {"ipop", "none"},
              "'ipop' restarts from a random mean with a larger population when the search converges or "
              "stagnates; 'none' keeps the one run going."},
             {"inc_popsize", Kind::Int, std::int64_t{2}, 1.0, 16.0, {},
              "Factor by which each IPOP restart multiplies the population."}},
            [](const SearchSpace& space, std::uint64_t seed, const Settings& settings) {
                CmaOptions o;
                o.popsize = static_cast<int>(settingNumber(settings, "popsize"));
                if (o.popsize == 1)
                    o.popsize = 2; // one parent needs two offspring to rank
                o.sigma0 = settingNumber(settings, "sigma0");
                o.startupTrials = static_cast<int>(settingNumber(settings, "n_startup_trials"));
                o.ipop = settingString(settings, "restart_strategy") == "ipop";
                o.incPopsize = static_cast<int>(settingNumber(settings, "inc_popsize"));
                return std::make_unique<CmaesSampler>(space, seed, o);
            }};
}

} // namespace tb::algorithms
