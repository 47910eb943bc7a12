#include "widgets/models/registry_text.h"

#include <QCoreApplication>

namespace tb::widgets {

namespace {
// Marks the texts for lupdate; they are looked up by their English text at run time.
[[maybe_unused]] const char* const kRegistryTexts[] = {
    QT_TRANSLATE_NOOP("tb::algorithms::registry", "'ipop' restarts from a random mean with a larger population when the search converges or stagnates; 'none' keeps the one run going."),
    QT_TRANSLATE_NOOP("tb::algorithms::registry", "Asynchronous successive halving: at steps min_resource * reduction_factor^k a trial goes on only if it is among the best 1/reduction_factor of all trials that reached that step."),
    QT_TRANSLATE_NOOP("tb::algorithms::registry", "At most this many trials form the good set (it holds 10% of the trials, rounded up)."),
    QT_TRANSLATE_NOOP("tb::algorithms::registry", "Best candidates refined by gradient ascent of the acquisition."),
    QT_TRANSLATE_NOOP("tb::algorithms::registry", "CMA-ES with IPOP restarts over the float and int parameters; strong on continuous problems with budgets of hundreds of trials and more. Categorical, fixed and conditional parameters fall back to independent uniform draws."),
    QT_TRANSLATE_NOOP("tb::algorithms::registry", "Candidates drawn from the good-trial model per suggestion; the best ratio l/g wins."),
    QT_TRANSLATE_NOOP("tb::algorithms::registry", "Chance that a child is bred from two parents rather than copied from one (then mutated)."),
    QT_TRANSLATE_NOOP("tb::algorithms::registry", "Chance that a child takes a parameter from its second parent (uniform crossover of categoricals, and of numbers that SBX does not recombine)."),
    QT_TRANSLATE_NOOP("tb::algorithms::registry", "Chance that each parameter of a child is mutated; 0: one over the number of searched parameters."),
    QT_TRANSLATE_NOOP("tb::algorithms::registry", "Compress values far above the median logarithmically before fitting, so that a few very bad trials do not flatten the model where the good ones are."),
    QT_TRANSLATE_NOOP("tb::algorithms::registry", "Count running trials as bad results so that parallel suggestions spread out."),
    QT_TRANSLATE_NOOP("tb::algorithms::registry", "Each rung keeps the best 1/reduction_factor; rungs are this factor apart in steps."),
    QT_TRANSLATE_NOOP("tb::algorithms::registry", "Every combination once, in a seeded order; the experiment ends when the grid is exhausted."),
    QT_TRANSLATE_NOOP("tb::algorithms::registry", "Factor by which each IPOP restart multiplies the population."),
    QT_TRANSLATE_NOOP("tb::algorithms::registry", "GP suggests the trials before this many; later ones come from CMA-ES (continuous spaces) or TPE."),
    QT_TRANSLATE_NOOP("tb::algorithms::registry", "GP takes spaces of at most this many searched parameters; larger continuous spaces go to CMA-ES after the Sobol start, larger mixed ones to TPE."),
    QT_TRANSLATE_NOOP("tb::algorithms::registry", "Gaussian-process Bayesian optimisation (Matérn-5/2 ARD kernel, log expected improvement, kriging believer for parallel trials). The most sample-efficient choice for small budgets on smooth, low-dimensional problems; categoricals are one-hot encoded, inactive conditional parameters sit at a fixed value."),
    QT_TRANSLATE_NOOP("tb::algorithms::registry", "Give every space with a categorical parameter to TPE; false lets GP (one-hot) take them within the limits above, and TPE after them."),
    QT_TRANSLATE_NOOP("tb::algorithms::registry", "Give every space with a conditional parameter to TPE; false lets GP take them within the limits above (an inactive parameter sits at a fixed coordinate), and TPE after them. With several objectives, conditional spaces always go to TPE."),
    QT_TRANSLATE_NOOP("tb::algorithms::registry", "How the first generation is drawn: scrambled Sobol points (sobol) or uniform at random (random)."),
    QT_TRANSLATE_NOOP("tb::algorithms::registry", "How the start-up trials are drawn: scrambled Sobol points (sobol) or uniform at random (random, Optuna)."),
    QT_TRANSLATE_NOOP("tb::algorithms::registry", "Hyperband: trials are spread over successive-halving brackets that stop trials early to different degrees, hedging against rankings that change late in training."),
    QT_TRANSLATE_NOOP("tb::algorithms::registry", "Independent uniform draws (log scales respected). A robust baseline for any budget."),
    QT_TRANSLATE_NOOP("tb::algorithms::registry", "Initial step size, as a fraction of each parameter's range (the unit cube)."),
    QT_TRANSLATE_NOOP("tb::algorithms::registry", "Keep kernels at least range/min(100, n+2) wide, so that the model does not collapse."),
    QT_TRANSLATE_NOOP("tb::algorithms::registry", "Let the range ends widen the outermost kernels (univariate, or bandwidth: neighbour)."),
    QT_TRANSLATE_NOOP("tb::algorithms::registry", "Median stopping rule: stops a trial whose best value so far is worse than the median of completed trials at the same step."),
    QT_TRANSLATE_NOOP("tb::algorithms::registry", "Model parameters jointly (grouped by which trials they are active in), which captures correlations; false models each parameter on its own (Optuna's default)."),
    QT_TRANSLATE_NOOP("tb::algorithms::registry", "Multivariate kernel widths: each kernel's gaps to its neighbours, floored (neighbour), or one Scott-like width for all (scott, Optuna 3.1)."),
    QT_TRANSLATE_NOOP("tb::algorithms::registry", "NSGA-II genetic algorithm: Pareto ranking with crowding, constraint domination, SBX crossover and polynomial mutation for numbers, uniform crossover and reset for categoricals. For several objectives and long runs (thousands of trials); also a plain genetic algorithm for one objective."),
    QT_TRANSLATE_NOOP("tb::algorithms::registry", "Never stops a trial early."),
    QT_TRANSLATE_NOOP("tb::algorithms::registry", "No pruning at a step where fewer completed trials reported a value."),
    QT_TRANSLATE_NOOP("tb::algorithms::registry", "No pruning before a trial reaches this step (steps count from 0)."),
    QT_TRANSLATE_NOOP("tb::algorithms::registry", "No pruning until this many trials have completed."),
    QT_TRANSLATE_NOOP("tb::algorithms::registry", "Picks a sampler for each trial from the space and the history: Sobol points first, then GP for small spaces while the run is short, CMA-ES for long continuous runs and larger continuous spaces, TPE for long runs and larger spaces with categorical or conditional parameters. Each trial records which one made it and why."),
    QT_TRANSLATE_NOOP("tb::algorithms::registry", "Points per float that has neither 'values' nor a 'step' (log-spaced on log scales); 0: required."),
    QT_TRANSLATE_NOOP("tb::algorithms::registry", "Polynomial mutation index: larger makes smaller moves."),
    QT_TRANSLATE_NOOP("tb::algorithms::registry", "Randomise the sequence by the seed (digital shift)."),
    QT_TRANSLATE_NOOP("tb::algorithms::registry", "SBX distribution index: larger keeps children closer to their parents."),
    QT_TRANSLATE_NOOP("tb::algorithms::registry", "Scrambled Sobol quasi-random points: even coverage of the space; good for a first sweep."),
    QT_TRANSLATE_NOOP("tb::algorithms::registry", "Skips the first rungs: the first rung sits at min_resource * reduction_factor^rate."),
    QT_TRANSLATE_NOOP("tb::algorithms::registry", "Sobol candidates scored per suggestion (a quarter as many again are drawn near the best trials)."),
    QT_TRANSLATE_NOOP("tb::algorithms::registry", "Sobol points first; a model takes over after this many trials, once two trials have a value."),
    QT_TRANSLATE_NOOP("tb::algorithms::registry", "Start-up trials (see startup) before the model takes over (completed and pruned ones count)."),
    QT_TRANSLATE_NOOP("tb::algorithms::registry", "Starts of the hyperparameter fit (the first at the priors' centres)."),
    QT_TRANSLATE_NOOP("tb::algorithms::registry", "Step of the first rung of the first bracket."),
    QT_TRANSLATE_NOOP("tb::algorithms::registry", "Step of the first rung."),
    QT_TRANSLATE_NOOP("tb::algorithms::registry", "Steps between checks, counted from n_warmup_steps."),
    QT_TRANSLATE_NOOP("tb::algorithms::registry", "Steps of a full trial; with min_resource it sets the number of brackets, floor(log_reduction_factor(max_resource / min_resource)) + 1."),
    QT_TRANSLATE_NOOP("tb::algorithms::registry", "Tree-structured Parzen Estimator: models good and bad trials, samples where good ones are likely. Handles log, int, categorical and conditional parameters; quasi-random (Sobol) for the first trials."),
    QT_TRANSLATE_NOOP("tb::algorithms::registry", "Trials per generation; 0 picks 4 + floor(3 ln n) for n searched parameters (1 acts as 2)."),
    QT_TRANSLATE_NOOP("tb::algorithms::registry", "Trials per generation; the first generation is the start-up (see startup)."),
    QT_TRANSLATE_NOOP("tb::algorithms::registry", "Trials that reach a rung before more than this many have are stopped there."),
    QT_TRANSLATE_NOOP("tb::algorithms::registry", "Trials that reach a rung before more than this many of their bracket have are stopped there."),
    QT_TRANSLATE_NOOP("tb::algorithms::registry", "Trials used to fit the hyperparameters (recent half plus an even spread); all trials enter the posterior. Bounds the cost of a suggestion on long runs."),
    QT_TRANSLATE_NOOP("tb::algorithms::registry", "Uniform mass each categorical kernel spreads over all choices (Optuna 3.1 uses prior_weight, 1 by default); larger tries other choices more often."),
    QT_TRANSLATE_NOOP("tb::algorithms::registry", "Uniform random trials before the model is used (at least 2 are always random)."),
    QT_TRANSLATE_NOOP("tb::algorithms::registry", "Uniform random trials first; the best of them becomes the initial mean."),
    QT_TRANSLATE_NOOP("tb::algorithms::registry", "Weight of the wide prior kernel in each mixture; larger explores more."),
};
} // namespace

QString registryText(const std::string& english)
{
    return QCoreApplication::translate("tb::algorithms::registry", english.c_str());
}

} // namespace tb::widgets
