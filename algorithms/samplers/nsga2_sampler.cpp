// `nsga2`: NSGA-II (Deb, Pratap, Agarwal and Meyarivan, IEEE TEC 2002) for several objectives
// with Deb's constraint domination; with one objective it is an elitist genetic algorithm.
//
// Generations: trial `number` belongs to generation number / population_size. Generation 0
// is the start-up: Sobol points (or the `random` sampler's draws). The parents of generation
// g are chosen by NSGA-II's elitist survival, replayed from the history: parents(0) is
// empty, parents(h + 1) = the best population_size of parents(h) and the completed trials
// of generation h, by non-dominated rank (constraint domination: feasible before
// infeasible, less infeasible before more) and, within the front that does not fit whole,
// by crowding distance (ties: the earlier trial). This is Optuna's NSGAIISampler's rule,
// with generations fixed by trial numbers instead of by the order trials finish, so that a
// replay gives the same parents. Trials still pending do not hold a generation back: it
// breeds from whatever of the earlier ones has finished; a trial that finishes late joins
// its generation at the next replay. Failed and pruned trials, and completed ones without
// every value, take no part.
//
// Breeding, per trial, from rngFor(seed, number, kBreedStream): two parents by binary
// tournament (lower rank wins, then larger crowding distance); with crossover_prob a child
// by crossover, else a copy of the first. Per parameter, in topological order so that a
// condition is decided before its children:
//   - active in both parents: a categorical takes the second parent's value with
//     swapping_prob (uniform crossover); a float or int is recombined by bounded SBX in the
//     unit cube with probability 1/2 per parameter (Deb's rate; one of the two offspring
//     values, at random), else taken like a categorical;
//   - active in one parent only: that parent's value; in neither: a uniform draw;
//   - then, with mutation_prob (default 1/d for d searched parameters), mutated: floats and
//     ints by polynomial mutation in the unit cube, categoricals reset to another choice at
//     random; an int or stepped value that the mutation leaves in its cell is reset
//     uniformly instead, so that a mutation of a coarse grid changes something.
// Values go through SearchSpace::fromUnit, which rounds ints and steps and handles log
// scales; an untouched value is the parent's own. A child that repeats a finished or
// pending trial is bred again (a few times), since a repeat teaches a deterministic
// objective nothing.

#include "samplers.h"
#include "../pareto.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace tb::algorithms {

namespace {

constexpr std::uint64_t kBreedStream = 1;
constexpr int kBreedAttempts = 10;
constexpr int kResetAttempts = 8;
constexpr double kSbxPerParameter = 0.5;

struct Nsga2Options {
    std::int64_t populationSize = 50;
    double crossoverProb = 0.9;
    double mutationProb = 0.0; // 0: 1/d
    double swappingProb = 0.5;
    double sbxEta = 20.0;
    double mutationEta = 20.0;
    bool sobolStartup = true;
};

// A parent: a completed trial with its oriented values, its rank and crowding distance
// from the survival that kept it.
struct Member {
    const TrialRecord* trial = nullptr;
    Point values;
    double violation = 0;
    std::size_t rank = 0;
    double crowding = 0;
};

// NSGA-II's survival: the best `size` of `pool`, by rank and then crowding distance.
std::vector<Member> survivors(std::vector<Member> pool, std::size_t size)
{
    std::vector<Point> points;
    std::vector<double> violations;
    for (const Member& m : pool) {
        points.push_back(m.values);
        violations.push_back(m.violation);
    }
    std::vector<Member> kept;
    const auto fronts = nondominatedSort(points, violations, size);
    for (std::size_t r = 0; r < fronts.size() && kept.size() < size; ++r) {
        std::vector<std::size_t> front = fronts[r];
        const std::vector<double> crowding = crowdingDistance(points, front);
        std::vector<std::size_t> order(front.size());
        std::iota(order.begin(), order.end(), std::size_t{0});
        const auto number = [&](std::size_t j) { return pool[front[j]].trial->number; };
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return crowding[a] != crowding[b] ? crowding[a] > crowding[b] : number(a) < number(b);
        });
        for (std::size_t j = 0; j < order.size() && kept.size() < size; ++j) {
            Member m = pool[front[order[j]]];
            m.rank = r;
            m.crowding = crowding[order[j]];
            kept.push_back(std::move(m));
        }
    }
    return kept;
}

double unit(std::mt19937_64& rng) { return std::uniform_real_distribution<double>(0.0, 1.0)(rng); }

// Bounded simulated binary crossover in [0, 1] (Deb and Agrawal 1995; the bounded form of
// Deb's NSGA-II code): two offspring spread around the parents by a polynomial
// distribution of index `eta`, kept inside the bounds.
std::pair<double, double> sbx(double a, double b, double eta, std::mt19937_64& rng)
{
    const double y1 = std::min(a, b), y2 = std::max(a, b);
    if (y2 - y1 < 1e-14)
        return {a, b};
    const double r = unit(rng);
    const auto spread = [&](double beta) {
        const double alpha = 2.0 - std::pow(beta, -(eta + 1.0));
        return r <= 1.0 / alpha ? std::pow(r * alpha, 1.0 / (eta + 1.0))
                                : std::pow(1.0 / (2.0 - r * alpha), 1.0 / (eta + 1.0));
    };
    const double c1 = 0.5 * (y1 + y2 - spread(1.0 + 2.0 * y1 / (y2 - y1)) * (y2 - y1));
    const double c2 = 0.5 * (y1 + y2 + spread(1.0 + 2.0 * (1.0 - y2) / (y2 - y1)) * (y2 - y1));
    return {std::clamp(c1, 0.0, 1.0), std::clamp(c2, 0.0, 1.0)};
}

// Polynomial mutation in [0, 1] (Deb's bounded form): small moves likely, the whole range
// reachable.
double polynomialMutation(double y, double eta, std::mt19937_64& rng)
{
    const double r = unit(rng);
    const double power = 1.0 / (eta + 1.0);
    double delta;
    if (r < 0.5) {
        const double v = 2.0 * r + (1.0 - 2.0 * r) * std::pow(1.0 - y, eta + 1.0);
        delta = std::pow(v, power) - 1.0;
    } else {
        const double v = 2.0 * (1.0 - r) + 2.0 * (r - 0.5) * std::pow(y, eta + 1.0);
        delta = 1.0 - std::pow(v, power);
    }
    return std::clamp(y + delta, 0.0, 1.0);
}

class Nsga2Sampler final : public Sampler {
public:
    Nsga2Sampler(const SearchSpace& space, std::uint64_t seed, const Nsga2Options& options)
        : m_space(space), m_seed(seed), m_options(options), m_sobol(space, seed)
    {
        std::size_t searched = 0;
        for (const Param& p : space.params())
            searched += p.type == ParamType::Categorical ? p.choices.size() > 1
                : p.type == ParamType::Fixed             ? false
                                                         : p.low < p.high;
        m_mutationProb = m_options.mutationProb > 0 ? m_options.mutationProb
                                                    : 1.0 / static_cast<double>(std::max<std::size_t>(searched, 1));
    }

    std::optional<Assignment> suggest(const History& history, std::int64_t number) override
    {
        const std::int64_t generation = number / m_options.populationSize;
        std::vector<Member> parents;
        if (generation > 0)
            parents = parentsOf(history, generation);
        if (parents.empty()) // the start-up, or no earlier trial has finished yet
            return m_options.sobolStartup ? m_sobol.point(number) : uniformDraw(m_space, m_seed, number);

        auto rng = rngFor(m_seed, number, kBreedStream);
        const std::unordered_set<std::string> tried = triedKeys(history);
        Assignment child;
        for (int attempt = 0; attempt < kBreedAttempts; ++attempt) {
            child = breed(parents, rng);
            if (!tried.count(assignmentKey(child)))
                break;
        }
        return child;
    }

private:
    // Replays the survival of every generation before `generation` (see the header).
    std::vector<Member> parentsOf(const History& history, std::int64_t generation) const
    {
        std::vector<std::vector<Member>> byGeneration(static_cast<std::size_t>(generation));
        for (const TrialRecord& t : history.finished) {
            const std::int64_t g = t.number / m_options.populationSize;
            if (t.state != TrialState::Completed || g >= generation || t.number < 0)
                continue;
            Point values = history.orientedValues(t);
            if (values.empty())
                continue;
            byGeneration[static_cast<std::size_t>(g)].push_back({&t, std::move(values), t.violation, 0, 0.0});
        }
        const auto size = static_cast<std::size_t>(m_options.populationSize);
        std::vector<Member> parents;
        for (std::vector<Member>& offspring : byGeneration) {
            if (offspring.empty())
                continue; // nothing new: the same parents
            for (Member& m : offspring)
                parents.push_back(std::move(m));
            parents = survivors(std::move(parents), size);
        }
        return parents;
    }

    // Binary tournament: the lower rank, then the larger crowding distance, then the first drawn.
    std::size_t tournament(const std::vector<Member>& parents, std::mt19937_64& rng, std::size_t excluded) const
    {
        const std::size_t n = parents.size() - (excluded < parents.size() ? 1 : 0);
        std::uniform_int_distribution<std::size_t> pick(0, n - 1);
        const auto draw = [&] {
            const std::size_t k = pick(rng);
            return excluded < parents.size() && k >= excluded ? k + 1 : k;
        };
        const std::size_t a = draw(), b = draw();
        const Member &ma = parents[a], &mb = parents[b];
        if (mb.rank != ma.rank)
            return mb.rank < ma.rank ? b : a;
        return mb.crowding > ma.crowding ? b : a;
    }

    // The parent's value of parameter i when it is active there and valid in this space.
    std::optional<Value> valueOf(const Member& parent, std::size_t i) const
    {
        const Assignment& a = parent.trial->params;
        if (i >= a.size() || !a[i] || m_space.checkValue(i, *a[i]))
            return std::nullopt;
        return a[i];
    }

    Assignment breed(const std::vector<Member>& parents, std::mt19937_64& rng) const
    {
        const std::size_t first = tournament(parents, rng, parents.size());
        const std::size_t second = parents.size() > 1 ? tournament(parents, rng, first) : first;
        const bool cross = unit(rng) < m_options.crossoverProb;
        const Member &p1 = parents[first], &p2 = parents[second];

        Assignment child(m_space.size());
        for (std::size_t i : m_space.topologicalOrder()) {
            if (!m_space.isActive(i, child))
                continue;
            const Param& param = m_space.params()[i];
            if (param.type == ParamType::Fixed) {
                child[i] = *param.fixed;
                continue;
            }
            const std::optional<Value> a = valueOf(p1, i);
            const std::optional<Value> b = cross ? valueOf(p2, i) : std::nullopt;
            std::optional<Value> value;
            if (a && b) {
                const bool numeric = param.type != ParamType::Categorical;
                if (numeric && unit(rng) < kSbxPerParameter) {
                    const auto [c1, c2] = sbx(m_space.toUnit(i, *a), m_space.toUnit(i, *b), m_options.sbxEta, rng);
                    value = m_space.fromUnit(i, unit(rng) < 0.5 ? c1 : c2);
                } else {
                    value = unit(rng) < m_options.swappingProb ? b : a;
                }
            } else if (a || b) {
                value = a ? a : b;
            } else {
                value = m_space.fromUnit(i, unit(rng));
            }
            if (unit(rng) < m_mutationProb)
                value = mutate(i, *value, rng);
            child[i] = std::move(value);
        }
        return child;
    }

    Value mutate(std::size_t i, const Value& value, std::mt19937_64& rng) const
    {
        const Param& param = m_space.params()[i];
        if (param.type == ParamType::Categorical) {
            if (param.choices.size() < 2)
                return value;
            // Another choice, uniformly: the current one's index is skipped.
            std::size_t current = 0;
            while (current < param.choices.size() && !sameValue(param.choices[current], value))
                ++current;
            const std::size_t others = param.choices.size() - (current < param.choices.size() ? 1 : 0);
            std::size_t k = std::uniform_int_distribution<std::size_t>(0, others - 1)(rng);
            if (current < param.choices.size() && k >= current)
                ++k;
            return param.choices[k];
        }
        const Value moved = m_space.fromUnit(i, polynomialMutation(m_space.toUnit(i, value), m_options.mutationEta, rng));
        const bool discrete = param.type == ParamType::Int || param.step;
        if (!discrete || !sameValue(moved, value) || !(param.low < param.high))
            return moved;
        for (int attempt = 0; attempt < kResetAttempts; ++attempt) {
            Value reset = m_space.fromUnit(i, unit(rng));
            if (!sameValue(reset, value))
                return reset;
        }
        return moved;
    }

    SearchSpace m_space;
    std::uint64_t m_seed;
    Nsga2Options m_options;
    ScrambledSobol m_sobol;
    double m_mutationProb = 0.0;
};

} // namespace

SamplerInfo nsga2SamplerInfo()
{
    using Kind = SettingSpec::Kind;
    SamplerInfo info{
        "nsga2",
        "NSGA-II genetic algorithm: Pareto ranking with crowding, constraint domination, SBX crossover and "
        "polynomial mutation for numbers, uniform crossover and reset for categoricals. For several objectives "
        "and long runs (thousands of trials); also a plain genetic algorithm for one objective.",
        {intSetting("population_size", 50, 2, 100000,
                    "Trials per generation; the first generation is the start-up (see startup)."),
         {"crossover_prob", Kind::Float, 0.9, 0.0, 1.0, {}, "Chance that a child is bred from two parents rather "
                                                            "than copied from one (then mutated)."},
         {"mutation_prob", Kind::Float, 0.0, 0.0, 1.0, {},
          "Chance that each parameter of a child is mutated; 0: one over the number of searched parameters."},
         {"swapping_prob", Kind::Float, 0.5, 0.0, 1.0, {},
          "Chance that a child takes a parameter from its second parent (uniform crossover of categoricals, and of "
          "numbers that SBX does not recombine)."},
         {"sbx_eta", Kind::Float, 20.0, 0.0, 1000.0, {},
          "SBX distribution index: larger keeps children closer to their parents."},
         {"mutation_eta", Kind::Float, 20.0, 0.0, 1000.0, {},
          "Polynomial mutation index: larger makes smaller moves."},
         {"startup", Kind::String, std::string("sobol"), {}, {}, {"sobol", "random"},
          "How the first generation is drawn: scrambled Sobol points (sobol) or uniform at random (random)."}},
        [](const SearchSpace& space, std::uint64_t seed, const Settings& settings) {
            Nsga2Options o;
            o.populationSize = settingInt(settings, "population_size");
            o.crossoverProb = settingNumber(settings, "crossover_prob");
            o.mutationProb = settingNumber(settings, "mutation_prob");
            o.swappingProb = settingNumber(settings, "swapping_prob");
            o.sbxEta = settingNumber(settings, "sbx_eta");
            o.mutationEta = settingNumber(settings, "mutation_eta");
            o.sobolStartup = settingString(settings, "startup") == "sobol";
            return std::make_unique<Nsga2Sampler>(space, seed, o);
        }};
    info.multiObjective = true;
    return info;
}

} // namespace tb::algorithms
