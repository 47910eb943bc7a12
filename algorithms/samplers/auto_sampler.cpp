// `auto`: the default sampler. For each trial it picks one of `sobol`, `tpe`, `gp` and
// `cmaes` from the search space, its settings, the trial's number and the history, and says
// which one and why (lastSource(); the engine stores both with the trial).
//
// The rule, in this order. Its thresholds are settings, declared in autoSamplerInfo() and
// read into AutoOptions, nowhere else; the defaults were chosen on the tuning set of
// bench/sota.py (issue 18; docs/algorithms.md says how).
//   1. Nothing to search (every parameter has one value): sobol.
//   2. Trials numbered below n_startup_trials: sobol, point `number` of the scrambled
//      sequence (the `sobol` sampler's point), so that the start covers the space evenly;
//      not for a continuous space that goes straight to cmaes (rule 5), which starts itself.
//   3. A conditional parameter while tpe_for_conditional holds, or a categorical one while
//      tpe_for_categorical holds (both false by default): tpe, which models each parameter
//      where it is active and categoricals by their choices.
//   4. At most gp_max_params searched parameters (fixed ones aside), trial number below
//      gp_max_trials: gp, the most sample-efficient on small budgets, categoricals one-hot
//      and inactive conditional parameters at a fixed coordinate. On the tuning set it beat
//      tpe on every conditional and categorical space at 100 trials (bench/sota.py).
//   5. Otherwise cmaes for float/int spaces (long runs and larger spaces: its cost stays
//      flat where gp's grows with the cube of the history), tpe for spaces with
//      categorical or conditional parameters.
//   A model needs values: while fewer than two finished trials carry one, tpe and gp give
//   way to sobol (point `number` again, so no point repeats).
//
// Several objectives: after the Sobol start, gp (ParEGO) without constraints or conditional
// parameters, within gp_max_params and before gp_max_trials; tpe (MOTPE: Pareto rank, then
// hypervolume) otherwise. Chosen on the multi-objective tuning set (multiObjectiveChoice()).
// Constraints: tpe ranks infeasible trials itself; gp and cmaes see constrainedView(), in
// which every infeasible trial ranks below every feasible one.
//
// Switching: each sub-sampler is the registry's, with its defaults, built on first use and
// given the whole history, pending trials included (tpe's constant liar, gp's kriging
// believer and cmaes's member numbers keep parallel suggestions apart). The start-ups are
// ours: tpe and gp get n_startup_trials 0 and model whatever finished trials exist, whoever
// made them. cmaes gets n_startup_trials = S, the trial number it takes over at
// (max(n_startup_trials, gp_max_trials); 0 for a continuous space too large for gp, which
// has no Sobol start), so every earlier trial, Sobol or GP, is a start-up trial to it: CMA-ES starts
// from the best of them as its mean, with its usual sigma0 (1/6 of each range), and forms
// its generations from the trials numbered S and later, as `cmaes` does. S depends only on
// the space and the settings, so a resumed experiment switches at the same trial.
//
// Repeats: a point that a finished or pending trial already has teaches a deterministic
// objective nothing. When the chosen sampler proposes one (ints, steps and categoricals
// make it possible; gp avoids it itself), the Sobol point of this number is taken instead
// if it is new, else the first new one of a few seeded uniform draws (source `random`; also
// for a Sobol point that repeats one in a small discrete space).

#include "samplers.h"
#include "../pareto.h"

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <memory>

namespace tb::algorithms {

namespace {

struct AutoOptions {
    std::int64_t startupTrials = 10;
    std::int64_t gpMaxParams = 16;
    std::int64_t gpMaxTrials = 200;
    bool tpeForCategorical = false;
    bool tpeForConditional = false;
};

// What the rule looks at in a space: the parameters with more than one value.
struct SpaceShape {
    std::int64_t searched = 0;
    std::int64_t categorical = 0; // of them, categoricals
    std::int64_t conditional = 0; // of them, conditional ones
};

SpaceShape shapeOf(const SearchSpace& space)
{
    SpaceShape shape;
    for (const Param& p : space.params()) {
        const bool searched = p.type == ParamType::Categorical ? p.choices.size() >= 2
            : p.type == ParamType::Fixed                       ? false
                                                               : p.low < p.high;
        if (!searched)
            continue;
        ++shape.searched;
        shape.categorical += p.type == ParamType::Categorical;
        shape.conditional += p.when.has_value();
    }
    return shape;
}

enum class Pick { Sobol, Tpe, Gp, Cmaes };

const char* pickName(Pick pick)
{
    switch (pick) {
    case Pick::Sobol: return "sobol";
    case Pick::Tpe: return "tpe";
    case Pick::Gp: return "gp";
    case Pick::Cmaes: return "cmaes";
    }
    return "";
}

// `text` with %1, %2, ... replaced by `parts` (the reasons are templates that the window
// matches and translates: widgets/models/engine_text.cpp).
std::string fill(const char* text, std::initializer_list<std::string> parts)
{
    std::string out;
    for (const char* c = text; *c; ++c) {
        const auto n = static_cast<std::size_t>(c[1] - '1');
        if (*c == '%' && c[1] >= '1' && n < parts.size()) {
            out += *(parts.begin() + n);
            ++c;
        } else {
            out += *c;
        }
    }
    return out;
}

std::string text(std::int64_t n) { return std::to_string(n); }

bool sameAssignment(const Assignment& a, const Assignment& b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].has_value() != b[i].has_value() || (a[i] && !sameValue(*a[i], *b[i])))
            return false;
    return true;
}

bool alreadyTried(const History& history, const Assignment& a)
{
    return std::any_of(history.finished.begin(), history.finished.end(),
                       [&](const TrialRecord& t) { return sameAssignment(t.params, a); })
        || std::any_of(history.pending.begin(), history.pending.end(), [&](const Assignment& p) { return sameAssignment(p, a); });
}

// Finished trials with a value a model can use (as gp counts them), counted up to `enough`.
std::int64_t trialsWithValues(const History& history, std::int64_t enough)
{
    std::int64_t n = 0;
    for (const TrialRecord& t : history.finished)
        if (t.state != TrialState::Failed && t.value && std::isfinite(*t.value) && ++n >= enough)
            break;
    return n;
}

constexpr std::int64_t kModelMinimum = 2; // values a model needs (gp fits nothing on fewer)

// In place of a repeated point: the Sobol point, then uniform draws from
// rngFor(seed, number, kRepeatStream + k), k = 1 .. kRepeatDraws - 1 (streams no sampler uses).
constexpr int kRepeatDraws = 32;
constexpr std::uint64_t kRepeatStream = std::uint64_t{1} << 40;

class AutoSampler final : public Sampler {
public:
    AutoSampler(const SearchSpace& space, std::uint64_t seed, AutoOptions options)
        : m_space(space), m_seed(seed), m_options(options), m_shape(shapeOf(space)), m_sobol(space, seed)
    {
    }

    std::optional<Assignment> suggest(const History& history, std::int64_t number) override
    {
        const Choice choice = choose(history, number);
        m_last = {pickName(choice.pick), choice.reason};
        const bool sobol = choice.pick == Pick::Sobol;
        std::optional<Assignment> out;
        if (sobol)
            out = m_sobol.point(number);
        else if (history.constrained && (choice.pick == Pick::Gp || choice.pick == Pick::Cmaes))
            out = sampler(choice.pick).suggest(constrainedView(history), number);
        else
            out = sampler(choice.pick).suggest(history, number);
        if (out && !alreadyTried(history, *out))
            return out;
        // A new point instead: the Sobol point of this number, else uniform draws on streams
        // of their own. When none is new either, the space is nearly used up: the repeat stands.
        for (int k = sobol ? 1 : 0; k < kRepeatDraws; ++k) {
            Assignment instead = k == 0 ? m_sobol.point(number) : uniformDraw(m_space, m_seed, number, kRepeatStream + k);
            if (alreadyTried(history, instead))
                continue;
            m_last = k == 0 ? SuggestionSource{"sobol", fill("%1 gave no new point; a Sobol point instead", {pickName(choice.pick)})}
                            : SuggestionSource{"random", fill("%1 gave no new point; a random point instead", {pickName(choice.pick)})};
            return instead;
        }
        return out ? out : m_sobol.point(number);
    }

    SuggestionSource lastSource() const override { return m_last; }

    // autoPlan(): the rule at the trial numbers where it can switch, for a sequential run in
    // which every trial reports a value (before trial n at most n of them have one).
    std::vector<AutoStep> plan(std::size_t objectives, bool constrained) const
    {
        std::vector<std::int64_t> at{0, kModelMinimum, m_options.startupTrials, m_options.gpMaxTrials};
        std::sort(at.begin(), at.end());
        std::vector<AutoStep> out;
        for (const std::int64_t n : at) {
            const Choice c = choose({objectives, constrained, std::min(n, kModelMinimum)}, n);
            if (out.empty() || out.back().source.sampler != pickName(c.pick))
                out.push_back({n, {pickName(c.pick), c.reason}});
        }
        return out;
    }

private:
    struct Choice {
        Pick pick;
        std::string reason;
    };

    // What the rule looks at in the history.
    struct Situation {
        std::size_t objectives = 1;
        bool constrained = false;
        std::int64_t valued = 0; // finished trials with a value, counted up to kModelMinimum
    };

    Choice choose(const History& history, std::int64_t number) const
    {
        return choose({history.objectiveCount(), history.constrained, trialsWithValues(history, kModelMinimum)}, number);
    }

    Choice choose(const Situation& now, std::int64_t number) const
    {
        if (m_shape.searched == 0)
            return {Pick::Sobol, "every parameter has one value"};
        if (number < m_options.startupTrials && !(now.objectives == 1 && straightToCmaes()))
            return {Pick::Sobol, fill("Sobol start: point %1 of %2", {text(number + 1), text(m_options.startupTrials)})};
        Choice model = now.objectives > 1 ? multiObjectiveChoice(now, number) : modelChoice(number);
        if (model.pick != Pick::Cmaes && now.valued < kModelMinimum)
            return {Pick::Sobol, fill("trials with a value so far: %1 of the %2 a model needs", {text(now.valued), text(kModelMinimum)})};
        return model;
    }

    // Several objectives (chosen on the tuning set of bench/mo_bench.py, 10 seeds, 200
    // trials): gp's ParEGO had the higher median hypervolume on every problem without
    // constraints (zdt1 10.76 against tpe's 10.21, dtlz2_3obj 14.86 against 14.72, mixed
    // mlp_cost 0.532 against 0.528), tpe on the constrained ones (srn, tnk; bnh even). So:
    // without constraints or conditional parameters, within gp's size and trial limits, gp;
    // else tpe. tpe_for_categorical: true sends categorical spaces to tpe here too.
    Choice multiObjectiveChoice(const Situation& now, std::int64_t number) const
    {
        const std::string objectives = text(static_cast<std::int64_t>(now.objectives));
        const bool categoricalToTpe = m_shape.categorical > 0 && m_options.tpeForCategorical;
        if (!now.constrained && !categoricalToTpe && m_shape.conditional == 0 && m_shape.searched <= m_options.gpMaxParams && number < m_options.gpMaxTrials)
            return {Pick::Gp, fill("%1 objectives, %2-dimensional space, %3 trials so far; GP (ParEGO) until %4 trials, then TPE",
                                   {objectives, text(m_shape.searched), text(number), text(m_options.gpMaxTrials)})};
        return {Pick::Tpe, fill("%1 objectives: TPE ranks the trials by Pareto front, then hypervolume", {objectives})};
    }

    // Rules 3-5 of the header.
    Choice modelChoice(std::int64_t number) const
    {
        const bool conditional = m_shape.conditional > 0;
        if (conditional && m_options.tpeForConditional)
            return {Pick::Tpe, fill("conditional parameters (%1): TPE models each where it is active", {text(m_shape.conditional)})};
        if (m_shape.categorical > 0 && m_options.tpeForCategorical)
            return {Pick::Tpe, fill("categorical parameters (%1): TPE models their choices", {text(m_shape.categorical)})};
        // Categoricals or conditional parameters: gp while it may, then tpe (never cmaes).
        const bool mixed = m_shape.categorical > 0 || conditional;
        const std::string dims = text(m_shape.searched);
        if (m_shape.searched > m_options.gpMaxParams) {
            const std::string limit = text(m_options.gpMaxParams);
            if (conditional)
                return {Pick::Tpe, fill("%1-dimensional space with conditional parameters (GP takes up to %2 dimensions); TPE", {dims, limit})};
            if (mixed)
                return {Pick::Tpe, fill("%1-dimensional mixed space (GP takes up to %2 dimensions); TPE", {dims, limit})};
            return {Pick::Cmaes, fill("%1-dimensional continuous space (GP takes up to %2 dimensions); CMA-ES", {dims, limit})};
        }
        const std::string soFar = text(number), until = text(laterStart());
        if (number < m_options.gpMaxTrials) {
            if (conditional)
                return {Pick::Gp, fill("%1-dimensional space with conditional parameters, %2 trials so far; GP until %3 trials, then TPE", {dims, soFar, until})};
            if (mixed)
                return {Pick::Gp, fill("%1-dimensional mixed space, %2 trials so far; GP until %3 trials, then TPE", {dims, soFar, until})};
            return {Pick::Gp, fill("%1-dimensional continuous space, %2 trials so far; GP until %3 trials, then CMA-ES", {dims, soFar, until})};
        }
        if (conditional)
            return {Pick::Tpe, fill("%1-dimensional space with conditional parameters, %2 trials so far; TPE after %3 trials", {dims, soFar, until})};
        if (mixed)
            return {Pick::Tpe, fill("%1-dimensional mixed space, %2 trials so far; TPE after %3 trials", {dims, soFar, until})};
        return {Pick::Cmaes, fill("%1-dimensional continuous space, %2 trials so far; CMA-ES after %3 trials", {dims, soFar, until})};
    }

    // S of the header: the trial number from which cmaes (or, mixed, tpe) follows the start
    // or gp. Only the space and the settings decide it.
    std::int64_t laterStart() const
    {
        if (straightToCmaes())
            return 0;
        if (m_shape.searched > m_options.gpMaxParams)
            return m_options.startupTrials;
        return std::max(m_options.startupTrials, m_options.gpMaxTrials);
    }

    // A continuous space too large for gp: cmaes from the first trial, with its own start
    // (the centre), no Sobol start. On the tuning set (BBOB d = 20, 200 evaluations) a
    // Sobol start and a CMA-ES mean at its best point were worse than plain cmaes on 19 of
    // 24 functions (bench/results-sota-bbob-d20-tuning.jsonl.gz).
    bool straightToCmaes() const
    {
        return m_shape.searched > m_options.gpMaxParams && m_shape.categorical == 0 && m_shape.conditional == 0;
    }

    Sampler& sampler(Pick pick)
    {
        auto make = [&](const SamplerInfo& info, std::int64_t startup) {
            const Settings given{{"n_startup_trials", startup}};
            return info.create(m_space, m_seed, resolveSettings(info.settings, given, "algorithm.settings"));
        };
        switch (pick) {
        case Pick::Tpe:
            if (!m_tpe)
                m_tpe = make(tpeSamplerInfo(), 0);
            return *m_tpe;
        case Pick::Gp:
            if (!m_gp)
                m_gp = make(gpSamplerInfo(), 0);
            return *m_gp;
        case Pick::Cmaes:
        case Pick::Sobol: // never asked for: suggest() draws Sobol points itself
            if (!m_cmaes)
                m_cmaes = make(cmaesSamplerInfo(), laterStart());
            return *m_cmaes;
        }
        return *m_cmaes;
    }

    SearchSpace m_space;
    std::uint64_t m_seed;
    AutoOptions m_options;
    SpaceShape m_shape;
    ScrambledSobol m_sobol;
    std::unique_ptr<Sampler> m_tpe, m_gp, m_cmaes; // built on first use; stateless like this one
    SuggestionSource m_last;
};

AutoOptions optionsFrom(const Settings& settings)
{
    AutoOptions o;
    o.startupTrials = settingInt(settings, "n_startup_trials");
    o.gpMaxParams = settingInt(settings, "gp_max_params");
    o.gpMaxTrials = settingInt(settings, "gp_max_trials");
    o.tpeForCategorical = settingBool(settings, "tpe_for_categorical");
    o.tpeForConditional = settingBool(settings, "tpe_for_conditional");
    return o;
}

} // namespace

std::vector<AutoStep> autoPlan(const SearchSpace& space, const Settings& given, std::size_t objectives, bool constrained)
{
    const Settings settings = resolveSettings(autoSamplerInfo().settings, given, "algorithm.settings");
    return AutoSampler(space, 0, optionsFrom(settings)).plan(objectives, constrained);
}

SamplerInfo autoSamplerInfo()
{
    using Kind = SettingSpec::Kind;
    return {"auto",
            "Picks a sampler for each trial from the space and the history: Sobol points first, then GP for "
            "small spaces while the run is short, CMA-ES for long continuous runs and larger continuous spaces, "
            "TPE for long runs and larger spaces with categorical or conditional parameters. Each trial records "
            "which one made it and why.",
            {intSetting("n_startup_trials", 10, 0, std::nullopt,
                        "Sobol points first; a model takes over after this many trials, once two trials have a value."),
             intSetting("gp_max_params", 16, 0, std::nullopt,
                        "GP takes spaces of at most this many searched parameters; larger continuous spaces go to "
                        "CMA-ES after the Sobol start, larger mixed ones to TPE."),
             intSetting("gp_max_trials", 200, 0, std::nullopt,
                        "GP suggests the trials before this many; later ones come from CMA-ES (continuous spaces) "
                        "or TPE."),
             {"tpe_for_categorical", Kind::Bool, false, {}, {}, {},
              "Give every space with a categorical parameter to TPE; false lets GP (one-hot) take them within "
              "the limits above, and TPE after them."},
             {"tpe_for_conditional", Kind::Bool, false, {}, {}, {},
              "Give every space with a conditional parameter to TPE; false lets GP take them within the limits "
              "above (an inactive parameter sits at a fixed coordinate), and TPE after them. With several "
              "objectives, conditional spaces always go to TPE."}},
            [](const SearchSpace& space, std::uint64_t seed, const Settings& settings) {
                return std::make_unique<AutoSampler>(space, seed, optionsFrom(settings));
            },
            true}; // several objectives: gp (ParEGO) or tpe, see multiObjectiveChoice(); constraints: see the header
}

} // namespace tb::algorithms
