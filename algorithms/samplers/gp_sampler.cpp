// `gp`: Gaussian-process Bayesian optimisation.
//
// Model: a Matérn-5/2 kernel with one length scale per feature (ARD), a signal variance
// and a noise variance, over a feature vector built from the unit cube: floats and ints
// give one feature each (SearchSpace::toUnit), a categorical gives one feature per choice
// (one-hot), fixed parameters give none. Inactive conditional parameters are encoded at
// the fixed value 0.5 (every one-hot feature too): the kernel then sees all trials that
// lack a parameter as alike in it, which is a fallback, not a model of the conditional
// structure.
//
// Objective values are oriented (smaller is better), their upper tail is log-compressed
// (warp_outputs) and they are standardised. Hyperparameters maximise the log marginal
// likelihood plus weak log-normal priors, by projected L-BFGS with analytic gradients
// from several starts; beyond `max_fit_points` trials the fit uses a deterministic subset
// (every trial still enters the posterior).
//
// Acquisition: log expected improvement (stable for very negative z), maximised over a
// scrambled Sobol set plus perturbations of the best trials, then refined by projected
// L-BFGS on the float/int features from the best few candidates; ints are rounded at the
// end by fromUnit, and one-hot blocks are improved by trying each choice in turn.
//
// Pending trials are handled by the kriging believer: they join the posterior with the
// model's own mean as their value, which leaves the mean unchanged but removes their
// uncertainty, so parallel suggestions differ. A suggestion never repeats a finished or
// pending trial exactly (the next best distinct point is taken instead).
//
// Trials: completed trials and pruned trials that carry a value are observations (a
// pruned value is a pessimistic one, which keeps the model away from that region); failed
// trials are ignored. Until `n_startup_trials` observations exist, draws are uniform in the
// unit cube exactly as in `random`.
//
// Cost: the posterior is cubic in the number of trials, so this sampler is meant for
// budgets of up to a few hundred trials; candidate scoring skips exact variances that a
// cheap bound proves irrelevant (Posterior::logEiTop).

#include "samplers.h"
#include "../vector_state.h"

#include <boost/random/sobol.hpp>

#include <Eigen/Cholesky>
#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>
#include <numeric>
#include <string>

namespace tb::algorithms {

namespace {

using Eigen::MatrixXd;
using Eigen::VectorXd;

constexpr double kSqrt5 = 2.23606797749978969641;
constexpr double kPi = 3.14159265358979323846;
constexpr double kJitter = 1e-9;
constexpr int kScoutIterations = 10; // per start of the hyperparameter fit
constexpr int kFitIterations = 200;  // for the best start
constexpr int kRefineIterations = 50;

// Random-number streams of one suggestion (rngFor(seed, number, stream)); stream 0 is the
// start-up draw, shared with `random`.
enum Stream : std::uint64_t { StartupStream = 0, FitStream = 1, SobolStream = 2, PerturbStream = 3 };

// ---------------------------------------------------------------------------------------
// Projected L-BFGS on a box. `f(x, grad)` returns the value to minimise and fills grad.
// Bound-constrained variables with the gradient pushing outwards are held fixed for the
// step; the line search backtracks along the projected path (Armijo condition).

template<class Objective>
double minimizeInBox(Objective&& f, VectorXd& x, const VectorXd& lo, const VectorXd& hi, int maxIterations)
{
    constexpr int kMemory = 8;
    const Eigen::Index n = x.size();
    x = x.cwiseMax(lo).cwiseMin(hi);
    VectorXd g(n), gNew(n), xNew(n);
    double fx = f(x, g);
    if (!std::isfinite(fx))
        return fx;

    std::deque<VectorXd> ss, ys;
    std::deque<double> rhos;
    for (int it = 0; it < maxIterations; ++it) {
        VectorXd pg = g;
        for (Eigen::Index i = 0; i < n; ++i)
            if ((x[i] <= lo[i] && g[i] > 0) || (x[i] >= hi[i] && g[i] < 0))
                pg[i] = 0.0;
        if (pg.lpNorm<Eigen::Infinity>() < 1e-7)
            break;

        // Two-loop recursion on the free variables.
        VectorXd q = pg;
        std::vector<double> a(ss.size());
        for (std::size_t j = ss.size(); j-- > 0;) {
            a[j] = rhos[j] * ss[j].dot(q);
            q -= a[j] * ys[j];
        }
        if (!ss.empty())
            q *= ss.back().dot(ys.back()) / ys.back().squaredNorm();
        for (std::size_t j = 0; j < ss.size(); ++j) {
            const double b = rhos[j] * ys[j].dot(q);
            q += (a[j] - b) * ss[j];
        }
        VectorXd d = -q;
        for (Eigen::Index i = 0; i < n; ++i)
            if (pg[i] == 0.0)
                d[i] = 0.0;
        double t = 1.0;
        if (ss.empty() || d.dot(pg) >= 0) {
            d = -pg;
            ss.clear(), ys.clear(), rhos.clear();
            t = std::min(1.0, 0.1 / pg.lpNorm<Eigen::Infinity>()); // first step: 0.1 at most
        }

        bool accepted = false;
        double fNew = fx;
        for (int k = 0; k < 30; ++k, t *= 0.5) {
            xNew = (x + t * d).cwiseMax(lo).cwiseMin(hi);
            fNew = f(xNew, gNew);
            if (std::isfinite(fNew) && fNew <= fx + 1e-4 * g.dot(xNew - x)) {
                accepted = true;
                break;
            }
        }
        if (!accepted)
            break;
        VectorXd s = xNew - x, y = gNew - g;
        const double sy = s.dot(y);
        if (sy > 1e-12 * s.norm() * y.norm()) {
            ss.push_back(std::move(s)), ys.push_back(std::move(y)), rhos.push_back(1.0 / sy);
            if (ss.size() > kMemory)
                ss.pop_front(), ys.pop_front(), rhos.pop_front();
        }
        const double decrease = fx - fNew;
        x = xNew, fx = fNew, g = gNew;
        if (decrease <= 1e-10 * (1.0 + std::fabs(fx)))
            break;
    }
    return fx;
}

// ---------------------------------------------------------------------------------------
// Log expected improvement for minimisation: log EI = log sigma + log h(z) with
// z = (best - mean) / sigma and h(z) = z Phi(z) + phi(z). Below z = -35 the direct form
// would lose precision to cancellation, so the asymptotic series
// h(z) = phi(z) / z^2 (1 - 3/z^2 + 15/z^4 - 105/z^6 + ...) takes over.
// Returns log h(z) and d log h / dz = Phi(z) / h(z).

struct LogH {
    double value;
    double slope;
};

LogH logH(double z)
{
    const double logPhiDensity = -0.5 * z * z - 0.5 * std::log(2.0 * kPi);
    if (z > -35.0) {
        const double cdf = 0.5 * std::erfc(-z / std::sqrt(2.0));
        const double h = z * cdf + std::exp(logPhiDensity);
        return {std::log(h), cdf / h};
    }
    const double w = 1.0 / (z * z);
    const double ratio = w * (1.0 - 3.0 * w + 15.0 * w * w - 105.0 * w * w * w); // h / phi
    const double cdfRatio = (1.0 / -z) * (1.0 - w + 3.0 * w * w - 15.0 * w * w * w); // Phi / phi
    return {logPhiDensity + std::log(ratio), cdfRatio / ratio};
}

double logEiAt(double best, double mean, double var)
{
    const double sd = std::sqrt(var);
    return std::log(sd) + logH((best - mean) / sd).value;
}

// Matérn 5/2 as a function of the scaled distance r (unit signal variance), and the
// factor f with dk/d(r^2) = -5/6 f, so that no division by r is ever needed.
inline double matern(double r, double e) { return (1.0 + kSqrt5 * r + (5.0 / 3.0) * r * r) * e; }
inline double maternSlope(double r, double e) { return (1.0 + kSqrt5 * r) * e; }

// ---------------------------------------------------------------------------------------
// Feature encoding of trials (see the file comment).

class Encoder {
public:
    explicit Encoder(const SearchSpace& space) : m_space(space)
    {
        for (std::size_t i = 0; i < space.size(); ++i) {
            const Param& p = space.params()[i];
            m_offset.push_back(m_features);
            if (p.type == ParamType::Float || p.type == ParamType::Int) {
                // Ints and stepped floats are only ever seen at their cells' centres.
                m_lower.push_back(space.toUnit(i, space.fromUnit(i, 0.0)));
                m_upper.push_back(space.toUnit(i, space.fromUnit(i, 1.0)));
                m_features += 1;
            } else if (p.type == ParamType::Categorical && p.choices.size() > 1) {
                m_lower.resize(m_lower.size() + p.choices.size(), 0.0);
                m_upper.resize(m_upper.size() + p.choices.size(), 1.0);
                m_features += static_cast<int>(p.choices.size());
            }
        }
    }

    // The range a feature's encoded values span: [0, 1] for plain floats, the first and
    // last cell centres for ints and stepped floats. Local refinement stays inside it,
    // where the model has data, instead of drifting to the cube's faces.
    double lower(int feature) const { return m_lower[static_cast<std::size_t>(feature)]; }
    double upper(int feature) const { return m_upper[static_cast<std::size_t>(feature)]; }

    int features() const { return m_features; }

    VectorXd encode(const Assignment& a) const
    {
        VectorXd x = VectorXd::Constant(m_features, 0.5);
        for (std::size_t i = 0; i < m_space.size(); ++i) {
            const Param& p = m_space.params()[i];
            if (i >= a.size() || !a[i])
                continue;
            if (p.type == ParamType::Float || p.type == ParamType::Int) {
                x[m_offset[i]] = m_space.toUnit(i, *a[i]);
            } else if (p.type == ParamType::Categorical && p.choices.size() > 1) {
                for (std::size_t c = 0; c < p.choices.size(); ++c)
                    x[m_offset[i] + static_cast<int>(c)] = sameValue(p.choices[c], *a[i]) ? 1.0 : 0.0;
            }
        }
        return x;
    }

    // Unit-cube coordinates (one per parameter) of a feature vector; a one-hot block
    // picks its largest entry.
    std::vector<double> unitOf(const VectorXd& x) const
    {
        std::vector<double> u(m_space.size(), 0.5);
        for (std::size_t i = 0; i < m_space.size(); ++i) {
            const Param& p = m_space.params()[i];
            if (p.type == ParamType::Float || p.type == ParamType::Int) {
                u[i] = x[m_offset[i]];
            } else if (p.type == ParamType::Categorical && p.choices.size() > 1) {
                Eigen::Index best = 0;
                x.segment(m_offset[i], static_cast<int>(p.choices.size())).maxCoeff(&best);
                u[i] = (static_cast<double>(best) + 0.5) / static_cast<double>(p.choices.size());
            }
        }
        return u;
    }

    // Features that local refinement may move: float and int parameters that are active.
    std::vector<int> movable(const Assignment& a) const
    {
        std::vector<int> out;
        for (std::size_t i = 0; i < m_space.size(); ++i) {
            const ParamType t = m_space.params()[i].type;
            if ((t == ParamType::Float || t == ParamType::Int) && i < a.size() && a[i])
                out.push_back(m_offset[i]);
        }
        return out;
    }

private:
    const SearchSpace& m_space;
    std::vector<int> m_offset;
    std::vector<double> m_lower, m_upper; // per feature
    int m_features = 0;
};

// ---------------------------------------------------------------------------------------
// Hyperparameters, in log space: length scales (one per feature), signal and noise variance.

struct Hyper {
    VectorXd logLength;
    double logSignal = 0.0;
    double logNoise = 0.0;
};

struct Prior {
    double logLengthMean, logLengthSd = 1.5;
    double logSignalMean = 0.0, logSignalSd = 1.0;
    double logNoiseMean = std::log(1e-2), logNoiseSd = 2.0;
    // Bounds keep the kernel matrix well-conditioned and the scales meaningful on [0, 1].
    double logLengthLo = std::log(1e-2), logLengthHi = std::log(1e2);
    double logSignalLo = std::log(0.05), logSignalHi = std::log(20.0);
    double logNoiseLo = std::log(1e-6), logNoiseHi = std::log(1.0);

    explicit Prior(int features) : logLengthMean(std::log(0.5 * std::sqrt(static_cast<double>(features)))) {}
};

// Negative log marginal likelihood (plus priors) of standardised values, with its gradient.
class Likelihood {
public:
    Likelihood(const MatrixXd& x, const VectorXd& y, const Prior& prior) : m_y(y), m_prior(prior)
    {
        const Eigen::Index n = x.rows();
        m_n = n;
        m_sq.resize(n * (n - 1) / 2, x.cols());
        Eigen::Index p = 0;
        for (Eigen::Index i = 0; i < n; ++i)
            for (Eigen::Index j = i + 1; j < n; ++j, ++p)
                m_sq.row(p) = (x.row(i) - x.row(j)).array().square();
    }

    int parameters() const { return static_cast<int>(m_sq.cols()) + 2; }

    VectorXd pack(const Hyper& h) const
    {
        VectorXd t(parameters());
        t << h.logLength, h.logSignal, h.logNoise;
        return t;
    }
    Hyper unpack(const VectorXd& t) const
    {
        const Eigen::Index f = m_sq.cols();
        return {t.head(f), t[f], t[f + 1]};
    }
    void bounds(VectorXd& lo, VectorXd& hi) const
    {
        const Eigen::Index f = m_sq.cols();
        lo.resize(parameters()), hi.resize(parameters());
        lo.head(f).setConstant(m_prior.logLengthLo), hi.head(f).setConstant(m_prior.logLengthHi);
        lo[f] = m_prior.logSignalLo, hi[f] = m_prior.logSignalHi;
        lo[f + 1] = m_prior.logNoiseLo, hi[f + 1] = m_prior.logNoiseHi;
    }

    double operator()(const VectorXd& t, VectorXd& grad) const
    {
        const Eigen::Index n = m_n, f = m_sq.cols();
        const VectorXd invL2 = (-2.0 * t.head(f)).array().exp();
        const double signal = std::exp(t[f]), noise = std::exp(t[f + 1]);

        const VectorXd r2 = m_sq * invL2;
        VectorXd r(r2.size()), e(r2.size());
        MatrixXd k(n, n);
        Eigen::Index p = 0;
        for (Eigen::Index i = 0; i < n; ++i) {
            k(i, i) = signal + noise + kJitter;
            for (Eigen::Index j = i + 1; j < n; ++j, ++p) {
                r[p] = std::sqrt(r2[p]);
                e[p] = std::exp(-kSqrt5 * r[p]);
                k(j, i) = signal * matern(r[p], e[p]);
            }
        }
        const Eigen::LLT<MatrixXd> llt(k);
        if (llt.info() != Eigen::Success)
            return std::numeric_limits<double>::infinity();
        const VectorXd alpha = llt.solve(m_y);
        const MatrixXd& l = llt.matrixLLT();
        const double logDet = 2.0 * l.diagonal().array().log().sum();
        double nll = 0.5 * m_y.dot(alpha) + 0.5 * logDet + 0.5 * static_cast<double>(n) * std::log(2.0 * kPi);

        // d nll / d theta = -1/2 tr((alpha alpha^T - K^-1) dK/d theta).
        MatrixXd w = MatrixXd::Identity(n, n);
        llt.solveInPlace(w);
        w = alpha * alpha.transpose() - w;
        VectorXd m(r2.size());
        double gSignal = 0.0;
        p = 0;
        for (Eigen::Index i = 0; i < n; ++i)
            for (Eigen::Index j = i + 1; j < n; ++j, ++p) {
                m[p] = w(j, i) * signal * (5.0 / 3.0) * maternSlope(r[p], e[p]);
                gSignal += w(j, i) * signal * matern(r[p], e[p]);
            }
        const double trW = w.diagonal().sum();
        grad.resize(t.size());
        grad.head(f) = -(m_sq.transpose() * m).cwiseProduct(invL2);
        grad[f] = -(gSignal + 0.5 * trW * signal);
        grad[f + 1] = -0.5 * trW * noise;

        // Log-normal priors (as normal priors on the log parameters).
        auto prior = [&](double v, double mean, double sd, double& g) {
            const double d = (v - mean) / sd;
            nll += 0.5 * d * d;
            g += d / sd;
        };
        for (Eigen::Index d = 0; d < f; ++d)
            prior(t[d], m_prior.logLengthMean, m_prior.logLengthSd, grad[d]);
        prior(t[f], m_prior.logSignalMean, m_prior.logSignalSd, grad[f]);
        prior(t[f + 1], m_prior.logNoiseMean, m_prior.logNoiseSd, grad[f + 1]);
        return nll;
    }

private:
    Eigen::Index m_n = 0;
    MatrixXd m_sq; // squared feature differences of each pair i < j
    const VectorXd& m_y;
    const Prior& m_prior;
};

// ---------------------------------------------------------------------------------------
// The posterior of a GP with fixed hyperparameters.

class Posterior {
public:
    Posterior(MatrixXd x, const VectorXd& y, const Hyper& h)
        : m_x(std::move(x)), m_invL2((-2.0 * h.logLength).array().exp()), m_signal(std::exp(h.logSignal))
    {
        MatrixXd k = cross(m_x);
        m_diagonal = m_signal + std::exp(h.logNoise) + kJitter;
        k.diagonal().setConstant(m_diagonal);
        m_llt.compute(k);
        for (double extra = 1e-8; m_llt.info() != Eigen::Success && extra < 1.0; extra *= 10.0) {
            m_diagonal += extra;
            k.diagonal().setConstant(m_diagonal);
            m_llt.compute(k);
        }
        m_alpha = m_llt.solve(y);
    }

    // Kernel matrix between the rows of `a` and the training points.
    MatrixXd cross(const MatrixXd& a) const
    {
        const VectorXd s = m_invL2.cwiseSqrt();
        const MatrixXd as = a * s.asDiagonal(), xs = m_x * s.asDiagonal();
        MatrixXd k = -2.0 * as * xs.transpose();
        k.colwise() += as.rowwise().squaredNorm();
        k.rowwise() += xs.rowwise().squaredNorm().transpose();
        double* v = k.data();
        for (Eigen::Index i = 0; i < k.size(); ++i) {
            const double r = std::sqrt(std::max(v[i], 0.0));
            v[i] = m_signal * matern(r, std::exp(-kSqrt5 * r));
        }
        return k;
    }

    // Means at the rows of `a`.
    VectorXd mean(const MatrixXd& a) const { return cross(a) * m_alpha; }

    // log EI at each row of `a`, computed exactly only where it can reach the `keep` best:
    // the variance given a single training point bounds the variance given all of them,
    // so a cheap upper bound ranks the rows, and exact variances (a triangular solve each,
    // the expensive part) go in batches down that ranking until the bound falls below
    // the keep-th best exact score. The others stay at -infinity.
    VectorXd logEiTop(const MatrixXd& a, double best, int keep) const
    {
        const MatrixXd ks = cross(a);
        const VectorXd mean = ks * m_alpha;
        const Eigen::Index m = a.rows();
        VectorXd bound(m);
        for (Eigen::Index i = 0; i < m; ++i) {
            const double var = std::max(m_signal - ks.row(i).cwiseAbs2().maxCoeff() / m_diagonal, 1e-12);
            bound[i] = logEiAt(best, mean[i], var);
        }
        std::vector<Eigen::Index> order(static_cast<std::size_t>(m));
        std::iota(order.begin(), order.end(), Eigen::Index{0});
        std::stable_sort(order.begin(), order.end(), [&](Eigen::Index i, Eigen::Index j) { return bound[i] > bound[j]; });

        constexpr Eigen::Index kBatch = 64;
        VectorXd scores = VectorXd::Constant(m, -std::numeric_limits<double>::infinity());
        std::vector<double> top; // the `keep` best exact scores, ascending
        for (Eigen::Index start = 0; start < m; start += kBatch) {
            if (static_cast<int>(top.size()) >= keep && bound[order[static_cast<std::size_t>(start)]] <= top.front())
                break;
            const Eigen::Index count = std::min(kBatch, m - start);
            MatrixXd columns(m_x.rows(), count);
            for (Eigen::Index c = 0; c < count; ++c)
                columns.col(c) = ks.row(order[static_cast<std::size_t>(start + c)]).transpose();
            m_llt.matrixL().solveInPlace(columns);
            for (Eigen::Index c = 0; c < count; ++c) {
                const Eigen::Index i = order[static_cast<std::size_t>(start + c)];
                scores[i] = logEiAt(best, mean[i], std::max(m_signal - columns.col(c).squaredNorm(), 1e-12));
                top.insert(std::upper_bound(top.begin(), top.end(), scores[i]), scores[i]);
                if (static_cast<int>(top.size()) > keep)
                    top.erase(top.begin());
            }
        }
        return scores;
    }

    // Mean, variance and their gradients at one point.
    void predict(const VectorXd& a, double& mean, double& var, VectorXd& dMean, VectorXd& dVar) const
    {
        const Eigen::Index n = m_x.rows();
        VectorXd k(n), slope(n);
        for (Eigen::Index i = 0; i < n; ++i) {
            const double r = std::sqrt((m_x.row(i).transpose() - a).array().square().matrix().dot(m_invL2));
            const double e = std::exp(-kSqrt5 * r);
            k[i] = m_signal * matern(r, e);
            slope[i] = -m_signal * (5.0 / 3.0) * maternSlope(r, e); // dk/d(r^2) times 2
        }
        mean = k.dot(m_alpha);
        VectorXd v = m_llt.matrixL().solve(k);
        var = std::max(m_signal - v.squaredNorm(), 1e-12);
        m_llt.matrixU().solveInPlace(v); // now K^-1 k
        // dk_i/da = slope_i (a - x_i) invL2, so sum_i c_i dk_i/da = (sum c_i slope_i (a - x_i)) invL2.
        auto gradOf = [&](const VectorXd& c) {
            const VectorXd cs = c.cwiseProduct(slope);
            return VectorXd(((a * cs.sum() - m_x.transpose() * cs).cwiseProduct(m_invL2)));
        };
        dMean = gradOf(m_alpha);
        dVar = -2.0 * gradOf(v);
    }

private:
    MatrixXd m_x;
    VectorXd m_invL2;
    double m_signal;
    double m_diagonal = 0.0; // of the kernel matrix: signal, noise and jitter
    Eigen::LLT<MatrixXd> m_llt;
    VectorXd m_alpha;
};

// log EI and its gradient at one point (only the `movable` entries of grad are used).
double logEi(const Posterior& gp, double best, const VectorXd& a, VectorXd* grad)
{
    double mean, var;
    VectorXd dMean, dVar;
    gp.predict(a, mean, var, dMean, dVar);
    const double sd = std::sqrt(var);
    const double z = (best - mean) / sd;
    const LogH h = logH(z);
    if (grad) {
        const VectorXd dSd = dVar / (2.0 * sd);
        const VectorXd dz = (-dMean - z * dSd) / sd;
        *grad = dSd / sd + h.slope * dz;
    }
    return std::log(sd) + h.value;
}

// ---------------------------------------------------------------------------------------

struct GpOptions {
    int startupTrials = 10;
    int candidates = 1000;
    int restarts = 4;
    int localStarts = 5;
    int maxFitPoints = 64;
    bool warp = true;
};

double median(std::vector<double> v)
{
    const auto mid = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
    std::nth_element(v.begin(), mid, v.end());
    if (v.size() % 2 == 1)
        return *mid;
    return 0.5 * (*mid + *std::max_element(v.begin(), mid));
}

// Values more than two robust scales s (the scaled median absolute deviation) above the
// median are compressed logarithmically, continuously and with slope 1 at the joint:
// y -> t + s log((y - t) / s + 1) above t = median + 2 s. The order of the values, hence
// the optimum, is kept, but a few huge values no longer inflate the standard deviation
// and leave the differences among good trials looking like noise. (On the bench functions
// this helps the mixed training-run surface a lot and costs a little on rosenbrock4.)
void warpUpperTail(VectorXd& y)
{
    const std::vector<double> values(y.data(), y.data() + y.size());
    const double m = median(values);
    std::vector<double> deviations(values.size());
    for (std::size_t i = 0; i < values.size(); ++i)
        deviations[i] = std::fabs(values[i] - m);
    const double s = 1.4826 * median(deviations);
    if (!(s > 1e-12 * (1.0 + std::fabs(m))))
        return;
    const double threshold = m + 2.0 * s;
    for (double& v : y)
        if (v > threshold)
            v = threshold + s * std::log1p((v - threshold) / s);
}

class GpSampler final : public Sampler {
public:
    GpSampler(const SearchSpace& space, std::uint64_t seed, GpOptions options)
        : m_space(space), m_seed(seed), m_options(options), m_encoder(m_space)
    {
    }
    GpSampler(const GpSampler&) = delete; // m_encoder refers to m_space
    GpSampler& operator=(const GpSampler&) = delete;

    std::optional<Assignment> suggest(const History& history, std::int64_t number) override
    {
        clearUpperVectorState(); // see vector_state.h
        std::vector<const TrialRecord*> observed;
        for (const TrialRecord& t : history.finished)
            if (t.state != TrialState::Failed && t.value && std::isfinite(*t.value))
                observed.push_back(&t);
        std::sort(observed.begin(), observed.end(),
                  [](const TrialRecord* a, const TrialRecord* b) { return a->number < b->number; });
        const auto n = static_cast<Eigen::Index>(observed.size());
        if (n < std::max(m_options.startupTrials, 2) || m_encoder.features() == 0)
            return randomDraw(number);

        // Observations, oriented, warped and standardised.
        const int f = m_encoder.features();
        MatrixXd x(n, f);
        VectorXd y(n);
        for (Eigen::Index i = 0; i < n; ++i) {
            x.row(i) = m_encoder.encode(observed[i]->params).transpose();
            y[i] = history.oriented(*observed[i]->value);
        }
        if (m_options.warp)
            warpUpperTail(y);
        const double mean = y.mean();
        const double sd = std::sqrt((y.array() - mean).square().sum() / static_cast<double>(n));
        y = (y.array() - mean) / (sd > 1e-12 ? sd : 1.0);

        const Hyper hyper = fit(x, y, number);
        Posterior gp(x, y, hyper);

        // Kriging believer: pending trials join with the posterior mean as their value.
        if (!history.pending.empty()) {
            const auto np = static_cast<Eigen::Index>(history.pending.size());
            MatrixXd xp(np, f);
            for (Eigen::Index i = 0; i < np; ++i)
                xp.row(i) = m_encoder.encode(history.pending[i]).transpose();
            const VectorXd mp = gp.mean(xp);
            MatrixXd xAll(n + np, f);
            xAll << x, xp;
            VectorXd yAll(n + np);
            yAll << y, mp;
            gp = Posterior(std::move(xAll), yAll, hyper);
        }

        const Eigen::Index bestIndex = [&] {
            Eigen::Index i = 0;
            y.minCoeff(&i);
            return i;
        }();
        return maximizeAcquisition(gp, y[bestIndex], observed, y, triedKeys(history), number);
    }

private:
    Assignment randomDraw(std::int64_t number) const { return uniformDraw(m_space, m_seed, number, StartupStream); }

    // Rows used to fit the hyperparameters: all of them up to maxFitPoints, else the most
    // recent half of that budget (where the search concentrates) and an even spread of
    // the older trials.
    std::vector<Eigen::Index> fitRows(Eigen::Index n) const
    {
        const auto budget = static_cast<Eigen::Index>(m_options.maxFitPoints);
        std::vector<Eigen::Index> rows;
        if (n <= budget) {
            rows.resize(static_cast<std::size_t>(n));
            std::iota(rows.begin(), rows.end(), Eigen::Index{0});
            return rows;
        }
        const Eigen::Index recent = budget / 2, spread = budget - recent, older = n - recent;
        for (Eigen::Index i = 0; i < spread; ++i)
            rows.push_back(i * older / spread);
        for (Eigen::Index i = older; i < n; ++i)
            rows.push_back(i);
        return rows;
    }

    Hyper fit(const MatrixXd& xAll, const VectorXd& yAll, std::int64_t number) const
    {
        const std::vector<Eigen::Index> rows = fitRows(xAll.rows());
        MatrixXd x(static_cast<Eigen::Index>(rows.size()), xAll.cols());
        VectorXd y(x.rows());
        for (std::size_t i = 0; i < rows.size(); ++i) {
            x.row(static_cast<Eigen::Index>(i)) = xAll.row(rows[i]);
            y[static_cast<Eigen::Index>(i)] = yAll[rows[i]];
        }
        const Prior prior(static_cast<int>(x.cols()));
        const Likelihood nll(x, y, prior);
        VectorXd lo, hi;
        nll.bounds(lo, hi);

        // First start at the priors' centres, the others drawn from the priors. Each start
        // gets a few iterations; the best one then runs to convergence.
        auto rng = rngFor(m_seed, number, FitStream);
        std::normal_distribution<double> normal(0.0, 1.0);
        VectorXd best;
        double bestValue = std::numeric_limits<double>::infinity();
        const int scout = m_options.restarts > 1 ? kScoutIterations : kFitIterations;
        for (int s = 0; s < m_options.restarts; ++s) {
            Hyper h{VectorXd::Constant(x.cols(), prior.logLengthMean), prior.logSignalMean, prior.logNoiseMean};
            if (s > 0) {
                for (Eigen::Index d = 0; d < x.cols(); ++d)
                    h.logLength[d] += prior.logLengthSd * normal(rng);
                h.logSignal += prior.logSignalSd * normal(rng);
                h.logNoise += prior.logNoiseSd * normal(rng);
            }
            VectorXd t = nll.pack(h);
            const double value = minimizeInBox(nll, t, lo, hi, scout);
            if (value < bestValue || best.size() == 0)
                bestValue = value, best = t;
        }
        if (m_options.restarts > 1)
            minimizeInBox(nll, best, lo, hi, kFitIterations);
        return nll.unpack(best);
    }

    Assignment maximizeAcquisition(const Posterior& gp, double best, const std::vector<const TrialRecord*>& observed,
                                   const VectorXd& y, const std::unordered_set<std::string>& tried,
                                   std::int64_t number) const
    {
        const int f = m_encoder.features();
        const std::size_t dims = std::max<std::size_t>(m_space.size(), 1);

        // Candidates: scrambled Sobol points, plus perturbations of the best trials.
        std::vector<Assignment> candidates;
        {
            auto rng = rngFor(m_seed, number, SobolStream);
            std::vector<std::uint64_t> shift(dims);
            for (auto& s : shift)
                s = rng();
            boost::random::sobol engine(dims);
            std::vector<double> u(m_space.size());
            for (int c = 0; c < m_options.candidates; ++c) {
                for (std::size_t d = 0; d < dims; ++d) {
                    const std::uint64_t bits = engine() ^ shift[d];
                    const double v = (static_cast<double>(bits >> 11) + 0.5) * 0x1.0p-53;
                    if (d < u.size())
                        u[d] = v;
                }
                candidates.push_back(m_space.fromUnitVector(u));
            }
        }
        {
            std::vector<Eigen::Index> order(static_cast<std::size_t>(y.size()));
            std::iota(order.begin(), order.end(), Eigen::Index{0});
            const std::size_t top = std::min<std::size_t>(5, order.size());
            std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(top), order.end(),
                              [&](Eigen::Index a, Eigen::Index b) { return y[a] < y[b]; });
            auto rng = rngFor(m_seed, number, PerturbStream);
            std::normal_distribution<double> normal(0.0, 1.0);
            std::uniform_real_distribution<double> unit(0.0, 1.0);
            const int perturbed = std::max(m_options.candidates / 4, 1);
            for (int c = 0; c < perturbed; ++c) {
                const Assignment& base = observed[static_cast<std::size_t>(order[static_cast<std::size_t>(c) % top])]->params;
                std::vector<double> u(m_space.size());
                const double scale = c % 2 == 0 ? 0.02 : 0.1;
                for (std::size_t i = 0; i < m_space.size(); ++i) {
                    const Param& p = m_space.params()[i];
                    const bool active = i < base.size() && base[i].has_value();
                    u[i] = active ? m_space.toUnit(i, *base[i]) : unit(rng);
                    if (p.type == ParamType::Float || p.type == ParamType::Int)
                        u[i] = std::clamp(u[i] + scale * normal(rng), 0.0, 1.0);
                    else if (p.type == ParamType::Categorical && unit(rng) < 0.2)
                        u[i] = unit(rng);
                }
                candidates.push_back(m_space.fromUnitVector(u));
            }
        }

        MatrixXd a(static_cast<Eigen::Index>(candidates.size()), f);
        for (std::size_t c = 0; c < candidates.size(); ++c)
            a.row(static_cast<Eigen::Index>(c)) = m_encoder.encode(candidates[c]).transpose();
        const VectorXd scores = gp.logEiTop(a, best, std::max(m_options.localStarts, 1));

        std::vector<Eigen::Index> order(candidates.size());
        std::iota(order.begin(), order.end(), Eigen::Index{0});
        std::stable_sort(order.begin(), order.end(), [&](Eigen::Index i, Eigen::Index j) { return scores[i] > scores[j]; });
        const std::size_t starts = std::min<std::size_t>(static_cast<std::size_t>(m_options.localStarts), order.size());

        // The refined starts, then the candidates, best first; the first one that repeats
        // no earlier or pending trial wins (rounding makes exact repeats common, and a
        // repeat teaches a deterministic objective nothing).
        std::vector<std::pair<double, Assignment>> options;
        for (std::size_t s = 0; s < starts; ++s) {
            Assignment refined = refine(gp, best, candidates[static_cast<std::size_t>(order[s])]);
            double score = logEi(gp, best, m_encoder.encode(refined), nullptr);
            refined = sweepCategoricals(gp, best, std::move(refined), score);
            options.emplace_back(score, std::move(refined));
        }
        for (Eigen::Index i : order)
            if (std::isfinite(scores[i]))
                options.emplace_back(scores[i], candidates[static_cast<std::size_t>(i)]);
        std::stable_sort(options.begin(), options.end(),
                         [](const auto& a, const auto& b) { return a.first > b.first; });
        for (auto& [score, assignment] : options)
            if (!tried.count(assignmentKey(assignment)))
                return std::move(assignment);
        return randomDraw(number);
    }

    // Local gradient ascent of log EI over the active float/int features of `start`.
    Assignment refine(const Posterior& gp, double best, const Assignment& start) const
    {
        const std::vector<int> movable = m_encoder.movable(start);
        const VectorXd base = m_encoder.encode(start);
        if (movable.empty())
            return start;
        const auto m = static_cast<Eigen::Index>(movable.size());
        VectorXd t(m), lo(m), hi(m);
        for (Eigen::Index i = 0; i < m; ++i) {
            const int feature = movable[static_cast<std::size_t>(i)];
            t[i] = base[feature];
            lo[i] = m_encoder.lower(feature);
            hi[i] = m_encoder.upper(feature);
        }
        auto objective = [&](const VectorXd& v, VectorXd& grad) {
            VectorXd point = base, full;
            for (Eigen::Index i = 0; i < m; ++i)
                point[movable[static_cast<std::size_t>(i)]] = v[i];
            const double value = logEi(gp, best, point, &full);
            grad.resize(m);
            for (Eigen::Index i = 0; i < m; ++i)
                grad[i] = -full[movable[static_cast<std::size_t>(i)]];
            return -value;
        };
        minimizeInBox(objective, t, lo, hi, kRefineIterations);
        VectorXd point = base;
        for (Eigen::Index i = 0; i < m; ++i)
            point[movable[static_cast<std::size_t>(i)]] = t[i];
        return m_space.fromUnitVector(m_encoder.unitOf(point));
    }

    // One pass over the categoricals: each takes the choice with the best log EI, the
    // others held; `score` follows. Conditional children keep their unit coordinate (0.5
    // when inactive).
    Assignment sweepCategoricals(const Posterior& gp, double best, Assignment current, double& score) const
    {
        for (std::size_t i = 0; i < m_space.size(); ++i) {
            const Param& p = m_space.params()[i];
            if (p.type != ParamType::Categorical || p.choices.size() < 2 || !current[i])
                continue;
            std::vector<double> u = m_encoder.unitOf(m_encoder.encode(current));
            for (std::size_t c = 0; c < p.choices.size(); ++c) {
                u[i] = (static_cast<double>(c) + 0.5) / static_cast<double>(p.choices.size());
                Assignment trial = m_space.fromUnitVector(u);
                const double s = logEi(gp, best, m_encoder.encode(trial), nullptr);
                if (s > score)
                    current = std::move(trial), score = s;
            }
        }
        return current;
    }

    SearchSpace m_space;
    std::uint64_t m_seed;
    GpOptions m_options;
    Encoder m_encoder;
};

} // namespace

SamplerInfo gpSamplerInfo()
{
    using Kind = SettingSpec::Kind;
    return {"gp",
            "Gaussian-process Bayesian optimisation (Matérn-5/2 ARD kernel, log expected improvement, kriging "
            "believer for parallel trials). The most sample-efficient choice for small budgets on smooth, "
            "low-dimensional problems; categoricals are one-hot encoded, inactive conditional parameters sit at a "
            "fixed value.",
            {{"n_startup_trials", Kind::Int, std::int64_t{10}, 0.0, {}, {},
              "Uniform random trials before the model is used (at least 2 are always random)."},
             {"n_candidates", Kind::Int, std::int64_t{1000}, 16.0, 100000.0, {},
              "Sobol candidates scored per suggestion (a quarter as many again are drawn near the best trials)."},
             {"n_restarts", Kind::Int, std::int64_t{4}, 1.0, 32.0, {},
              "Starts of the hyperparameter fit (the first at the priors' centres)."},
             {"n_local_starts", Kind::Int, std::int64_t{5}, 0.0, 100.0, {},
              "Best candidates refined by gradient ascent of the acquisition."},
             {"max_fit_points", Kind::Int, std::int64_t{64}, 10.0, 100000.0, {},
              "Trials used to fit the hyperparameters (recent half plus an even spread); all trials enter the "
              "posterior. Bounds the cost of a suggestion on long runs."},
             {"warp_outputs", Kind::Bool, true, {}, {}, {},
              "Compress values far above the median logarithmically before fitting, so that a few very bad "
              "trials do not flatten the model where the good ones are."}},
            [](const SearchSpace& space, std::uint64_t seed, const Settings& settings) {
                GpOptions o;
                o.startupTrials = static_cast<int>(settingNumber(settings, "n_startup_trials"));
                o.candidates = static_cast<int>(settingNumber(settings, "n_candidates"));
                o.restarts = static_cast<int>(settingNumber(settings, "n_restarts"));
                o.localStarts = static_cast<int>(settingNumber(settings, "n_local_starts"));
                o.maxFitPoints = static_cast<int>(settingNumber(settings, "max_fit_points"));
                o.warp = settingBool(settings, "warp_outputs");
                // Several objectives by ParEGO; constraints through constrainedView().
                return scalarized(std::make_unique<GpSampler>(space, seed, o), seed);
            },
            /*multiObjective=*/true};
}

} // namespace tb::algorithms
