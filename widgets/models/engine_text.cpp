#include "widgets/models/engine_text.h"

#include <QCoreApplication>
#include <QSet>
#include <QRegularExpression>
#include <algorithm>
#include <functional>
#include <iterator>
#include <optional>
#include <vector>

namespace tb::widgets {

namespace {

constexpr char kContext[] = "tb::widgets::engineText";

// One message as the engine builds it: `text` with %1..%9 for the variable parts, and one
// letter per part, in the order of their numbers, saying what it holds:
//   i  an integer            n  a number as the engine prints doubles (1e-05, inf, nan)
//   w  one word (no space)   q  quoted words: "a", "b"
//   t  any text, kept as it is
//   m  a message: translated too, and hasTemplate() needs a template for it
//   o  a word or a message: translated when a template matches it ("PATH" stays)
//   l  messages joined by ", ", each translated (the reasons a trial waits for GPUs)
// A number used twice ("--experiment %1" after "experiment '%1'") must hold the same text.
struct Template {
    const char* text;
    const char* parts;
};

// Keep each group in step with the function named above it: a message the engine builds
// differently no longer matches and is shown in English (tst_engine_text feeds the real
// messages of the parser, the search space, the settings, the pruners, the outcome rules,
// the GPU allocator, the launch checks, the store and the lease through hasTemplate()).
const Template kTemplates[] = {
    // The "<path>: <what>" join of spec messages (engine/core/spec.cpp fail(), SpaceError, ...).
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "%1: %2"), "tt"},
    // The ", " join of the reasons a trial waits for GPUs (gpu_allocator.cpp request()).
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "%1, %2"), "tt"},

    // engine/core/spec.cpp: Reader (unknown and missing keys, expected(), integer(), word())
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "unknown key; known keys: %1"), "t"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "missing; it is required"), ""},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "expected %1, got %2"), "mo"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "at most %1"), "i"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "a non-empty string"), ""},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "a number"), ""},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "an integer >= %1"), "i"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "true or false"), ""},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "an object"), ""},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "an array"), ""},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "nothing"), ""},
    // spec.cpp: alternatives() ("\"a\", \"b\" or \"c\"")
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "%1 or %2"), "qq"},
    // spec.cpp: scalar(), parseParam()
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "a string, number or boolean"), ""},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "one of %1"), "t"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "give at least one value"), ""},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "missing; a fixed parameter needs its value"), ""},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "'when' needs exactly one parent, like {\"optimizer\": [\"sgd\"]}"), ""},
    // spec.cpp: checkPlaceholders(), commandList(), parseExternal()
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "contains a NUL character, which no program argument or environment value can carry"), ""},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "unknown placeholder ${%1}; known: %2"), "tt"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "is empty; give at least the program to run"), ""},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "missing; an external one needs its command as a list, like [\"python3\", \"my_sampler.py\"]"), ""},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "contains a NUL character, which no program argument can carry"), ""},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "seconds one answer may take, in (0, 86400]"), ""},
    // spec.cpp: parseMetricFormat(); metric_parser.cpp: checkMetricPattern() (after
    // "trial.metrics.patterns[0] \"<pattern>\": ")
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "only for \"format\": \"regex\""), ""},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "missing; give regular expressions with named groups, like [\"(?<name>\\\\w+): (?<value>[-+.\\\\deE]+)\"]"), ""},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "is empty; give at least one pattern"), ""},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "not a valid regular expression: %1 at character %2"), "ti"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "has no named group (?<%1>...); each pattern needs (?<name>...) and (?<value>...)"), "w"},
    // spec.cpp: unknownName()
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "unknown algorithm '%1'; known: %2"), "tt"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "unknown pruner '%1'; known: %2"), "tt"},
    // spec.cpp: parseObjective(), parseObjectives(), parseConstraints(), parseBudget(), and the
    // checks of samplers and pruners against several objectives
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "missing; give {\"metric\": \"loss\", \"direction\": \"minimize\"}, or \"objectives\": [...] for several"), ""},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "a finite number"), ""},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "give either \"objective\" (one) or \"objectives\" (a list), not both"), ""},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "expected 1 to %1 objectives, got %2"), "ii"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "expected an object like {\"metric\": \"loss\", \"direction\": \"minimize\"}, got %1"), "o"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "\"%1\" is objectives[%2] already; each objective needs a metric of its own"), "ti"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "expected an object like {\"metric\": \"peak_mem_gb\", \"max\": 10}, got %1"), "o"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "give \"min\", \"max\" or both: the bounds the metric must keep"), ""},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "%1 is below min %2; no value could keep both"), "nn"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "'%1' optimizes one objective and this spec has %2; use one of %3 (auto, the default, picks one)"), "wit"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "pruners stop a trial by one objective's curve, and this spec has %1 objectives; use \"none\""), "i"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "a positive number of seconds"), ""},
    // spec.cpp: parseResources()
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "a number of samples per second in (0, 20]"), ""},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "a GPU index (an integer 0..1023)"), ""},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "GPU %1 is listed twice"), "i"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "\"all\" or a non-empty list of GPU indices like [0, 1]"), ""},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "%1 GPUs per trial, but resources.gpus lists only %2"), "ii"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "an integer from %1 to %2 (higher goes first)"), "ii"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "only applies with resources.gpus (\"all\" or a list) or gpus_per_trial >= 1"), ""},
    // spec.cpp: parseTrial()
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "missing; give the command as a list, like [\"python3\", \"train.py\", \"--lr=${lr}\"]"), ""},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "a string"), ""},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "the program name is empty"), ""},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "not a valid variable name (it must be non-empty, without '=' or NUL)"), ""},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "rank %1, but trial.workers is %2 (ranks 0..%3)"), "iii"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "with trial.workers > 1 give resources.gpus_per_worker instead (a trial gets workers x gpus_per_worker GPUs)"), ""},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "only applies with trial.workers > 1; use gpus_per_trial"), ""},
    // spec.cpp: parseExecutor()
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "only applies with \"type\": \"slurm\""), ""},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "\"HH:MM:SS\" or \"D-HH:MM:SS\""), ""},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "a string without NUL"), ""},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "%1 is set by Tunebench (output files, job name); remove it"), "t"},
    // spec.cpp: parseSpace(), parseSpec(), loadSpecFile() (after "<file>: ")
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "is empty; give at least one parameter"), ""},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "\"%1\" holds control characters; use printable text"), "t"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "missing; give a list of parameters"), ""},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "missing; give {\"argv\": [...]} (only `tunebench-cli create` experiments, driven by ask/tell, may omit it)"), ""},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "line %1: invalid JSON: %2"), "it"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "the spec must be a JSON object"), ""},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "cannot read: %1"), "t"},

    // algorithms/space.cpp: SearchSpace::SearchSpace() (after "space[N] 'name': ", or "space[N]: ")
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "name '%1' must be non-empty and use only letters, digits, '_', '-' and '.'"), "t"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "names starting with 'trial.' are reserved; rename the parameter"), ""},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "duplicate name (also space[%1]); names must be unique"), "i"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "low and high must be finite numbers"), ""},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "int parameter bounds must lie within -2^53..2^53"), ""},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "int parameter needs an integer low, got %1"), "n"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "int parameter needs an integer high, got %1"), "n"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "low must not exceed high, got low %1 > high %2"), "nn"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "high must be greater than low, got low %1, high %2 (use type 'fixed' for a constant)"), "nn"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "log scale needs low >= 1, got %1"), "n"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "log scale needs low > 0, got %1"), "n"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "step and log cannot be combined; drop one of them"), ""},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "step must be positive, got %1"), "n"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "int parameter needs an integer step, got %1"), "n"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "step %1 splits the range into more than 2^53 values; use a larger step"), "n"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "the range %1..%2 is not a whole number of steps of %3; use high %4"), "nnnn"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "grid value %1 lies outside %2..%3"), "nnn"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "categorical parameter needs at least one choice"), ""},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "choice %1 contains a NUL character, which no program argument can carry"), "t"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "value %1 contains a NUL character, which no program argument can carry"), "t"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "choice %1 is listed twice; choices must be distinct"), "t"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "fixed parameter needs a value"), ""},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "condition names an unknown parent '%1'"), "t"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "a parameter cannot be conditional on itself"), ""},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "condition parent '%1' must be categorical, not %2"), "tw"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "condition on '%1' needs at least one value"), "t"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "condition value %1 is not a choice of '%2'"), "tt"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "conditions form a cycle; make one parameter unconditional"), ""},
    // space.cpp: SearchSpace::checkValue() (after "'name': "; ask/tell and external samplers)
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "an integer"), ""},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "%1 lies outside %2..%3"), "wnn"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "%1 is not one of its choices"), "t"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "is fixed to %1"), "t"},

    // algorithms/settings.cpp: coerce(), resolveSettings() (after "algorithm.settings.<name>: ")
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "unknown setting; this one takes no settings"), ""},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "unknown setting; known: %1"), "t"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "must be at least %1, got %2"), "tt"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "must be at most %1, got %2"), "tt"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "'%1' is not one of %2"), "tt"},

    // algorithms/samplers/grid_sampler.cpp: the grid's axes
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "too many grid values; add a step"), ""},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "too many grid values; use a larger step"), ""},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "at most %1 values per axis"), "i"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "grid search needs a finite set for a float: give it 'values' or a 'step', or set algorithm.settings.steps"), ""},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "the grid has more than %1 points (or %2 values); use fewer values"), "ii"},

    // algorithms/samplers/auto_sampler.cpp: AutoSampler's reasons, stored with each trial
    // (sampler_reason) and shown in the trial detail
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "Sobol start: point %1 of %2"), "ii"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "trials with a value so far: %1 of the %2 a model needs"), "ii"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "every parameter has one value"), ""},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "conditional parameters (%1): TPE models each where it is active"), "i"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "categorical parameters (%1): TPE models their choices"), "i"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "%1-dimensional continuous space, %2 trials so far; GP until %3 trials, then CMA-ES"), "iii"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "%1-dimensional mixed space, %2 trials so far; GP until %3 trials, then TPE"), "iii"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "%1 objectives, %2-dimensional space, %3 trials so far; GP (ParEGO) until %4 trials, then TPE"), "iiii"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "%1 objectives: TPE ranks the trials by Pareto front, then hypervolume"), "i"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "%1-dimensional continuous space, %2 trials so far; CMA-ES after %3 trials"), "iii"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "%1-dimensional mixed space, %2 trials so far; TPE after %3 trials"), "iii"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "%1-dimensional continuous space (GP takes up to %2 dimensions); CMA-ES"), "ii"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "%1-dimensional mixed space (GP takes up to %2 dimensions); TPE"), "ii"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "%1-dimensional space with conditional parameters, %2 trials so far; GP until %3 trials, then TPE"), "iii"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "%1-dimensional space with conditional parameters, %2 trials so far; TPE after %3 trials"), "iii"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "%1-dimensional space with conditional parameters (GP takes up to %2 dimensions); TPE"), "ii"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "%1 gave no new point; a Sobol point instead"), "w"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "%1 gave no new point; a random point instead"), "w"},

    // algorithms/samplers/hyperband_pruner.cpp: hyperbandPrunerInfo(), shouldPrune()
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "must be at least min_resource (%1), got %2"), "ii"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "hyperband bracket %1 of %2: %3"), "iim"},
    // asha_pruner.cpp halvingVerdict() (after "asha: ", kept), median_pruner.cpp shouldPrune():
    // why a trial was pruned
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "rung %1 (step %2)"), "ii"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "NaN at step %1 reached %2"), "im"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "%1 holds %2 values, and bootstrap_count %3 promotes nobody until more trials reach it"), "mii"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "%1 at step %2 is not among the best %3 of %4 values at %5 (cut-off %6)"), "wiiimw"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "median rule: every value up to step %1 is NaN"), "i"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "median rule: best value %1 by step %2 is worse than the median %3 of %4 completed trials at that step"), "wiwi"},

    // engine/core/outcome.cpp: classify() (a trial's reason)
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "interrupted: the engine was stopped"), ""},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "timed out after %1 s"), "t"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "stopped: the experiment's max_seconds budget ran out"), ""},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "could not start: %1"), "m"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "killed by signal %1 (%2)"), "iw"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "exit code %1"), "i"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "no objective: the trial never printed '%1=<number>'"), "t"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "the objective %1 is NaN"), "t"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "the objective %1 is infinite"), "t"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "no constraint value: the trial never printed '%1=<number>'"), "t"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "the constrained metric %1 is NaN"), "t"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "the constrained metric %1 is infinite"), "t"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "the objective %1 is not finite"), "t"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "%1 (attempt %2 of %3)"), "mii"},

    // engine/core/local_executor.cpp: LocalExecutor::start() (start errors); the end record of
    // a group of workers (engine/process/trial_supervisor.cpp describe(), failedTask(), main())
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "command not found: %1"), "t"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "%1 is not an executable file"), "t"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "tunebench-trial (the trial supervisor) is missing beside %1 and on PATH; reinstall Tunebench"), "t"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "cannot write %1: %2"), "tt"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "rank %1 exited with code %2"), "ii"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "rank %1 was killed by signal %2"), "ii"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "rank %1 did not exit within %2 s after the others finished"), "ii"},

    // engine/core/slurm_executor.cpp: a job's end (poll()), its wait (waiting), submit(), the
    // cluster check (SlurmExecutor(), after "executor.type slurm: "), slurm()
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "Slurm job %1 ended %2 (node %3)"), "wwt"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "Slurm job %1 was cancelled outside Tunebench (scancel)"), "w"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "Slurm job %1 reached its time limit (%2)"), "wt"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "Slurm job %1 ran out of memory"), "w"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "Slurm job %1 is gone from the cluster and left no end record"), "w"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "Slurm job %1 ended %2 (exit %3) without an end record"), "wwt"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "Slurm job %1 pending: %2"), "wt"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "cannot write the job file %1: %2"), "tt"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "the cluster cannot be used: %1"), "m"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "tunebench-trial (the trial supervisor jobs run) is missing"), ""},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "%1 is not installed here (Slurm's client commands: sbatch, squeue, scancel, scontrol); install them or use \"executor\": {\"type\": \"local\"}"), "w"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "%1 did not answer within %2 s: is the Slurm controller (slurmctld) reachable?"), "wt"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "%1 failed: %2"), "wt"},

    // engine/core/engine.cpp: Engine (the experiment's end, a trial queued again, the cap note
    // added to a reason in onEnded()); attempt.cpp: capNote(), the metric cap's notice
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "the max_seconds budget (%1 s) ran out"), "t"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "experiment '%1' has no trial command (it was created for ask/tell); drive it with tunebench-cli ask/tell or serve"), "t"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "interrupted: the engine stopped while it ran"), ""},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "stopped by request; resume to finish it"), ""},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "stopped on request (tunebench-cli stop, or Stop in a window); resume to finish it"), ""},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "another engine took over this experiment (this one had not renewed its lease for %1 s)"), "i"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "the %1 sampler has no more points (%2 trials)"), "ti"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "max_trials reached (%1 trials)"), "i"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "%1; metrics capped at trial.max_metric_rows = %2 (%3 more rows not stored)"), "mii"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "metrics capped at trial.max_metric_rows = %1 (%2 more rows not stored)"), "ii"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "this attempt reached trial.max_metric_rows (%1 rows); later metrics and events are not stored, the objective is still read"), "i"},

    // engine/core/study.cpp: Study::find() (after "<store>: "), Study(), overFailureBudget(),
    // budgetEnd() (how a finished budget ends: completed, or failed when every trial failed)
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "the store holds no experiment yet; start one with tunebench-cli run SPEC.json --db %1"), "t"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "no experiment named '%1'; experiments: %2"), "tt"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "experiment '%1' holds a spec this build rejects: %2"), "tm"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "%1 trials failed (max_failed %2); last: %3"), "iim"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "no reason given"), ""},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "its only trial failed: %1; see its log %2"), "mt"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "its only trial failed: %1"), "m"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "all %1 trials failed; the first: %2; see the trial logs, such as %3"), "imt"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "all %1 trials failed; the first: %2"), "im"},

    // engine/core/lease.cpp: Lease() (another engine runs the experiment), Lease::describe()
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "experiment '%1' is already being run by %2. Stop it with: tunebench-cli stop --db %3 --experiment %1 (or Stop in its window), then resume it"), "tmt"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "%1 (pid %2 on host %3, since %4, last heartbeat %5 s ago)"), "oitti"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "an engine"), ""},

    // engine/core/store.cpp: Store() opening a file, the lock check; store_experiments.cpp:
    // createExperiment() (after "<store>: ", or "name: ")
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "no such store; check the --db path"), ""},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "cannot open the store: %1"), "t"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "not a Tunebench store (%1)"), "t"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "not a Tunebench store (it belongs to another application, SQLite application id 0x%1); pick another --db file"), "w"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "not a Tunebench store (it holds other tables); pick another --db file"), ""},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "written by a newer Tunebench (schema %1; this build knows up to %2); upgrade Tunebench to open it"), "ii"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "the store's write-ahead log was deleted or replaced while this process had it open (its file locks were lost); nothing more is written, so that no result goes into a deleted file. Close this program and open the store again; trials that were running resume with tunebench-cli resume"), ""},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "an experiment named '%1' already exists in %2; resume it (tunebench-cli resume --db %2 --experiment %1) or choose another name"), "tt"},

    // engine/core/resources.cpp: planResources() (after "resources.gpus[k]: " or
    // "resources.gpus_per_trial: "); engine/telemetry/gpu_slots.cpp: GpuSlots()
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "GPU %1 is not visible; this machine has %2"), "im"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "GPUs 0..%1"), "i"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "no GPU"), ""},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "trials need %1 GPU(s) (%2), but no GPU is visible (no NVIDIA driver, or TUNEBENCH_FAKE_GPUS=0); set gpus_per_trial to 0 or remove resources.gpus to run trials on the CPU"), "io"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "the default with resources.gpus"), ""},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "%1 GPUs per trial, but only %2 GPU(s) are available"), "ii"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "cannot use the GPU slot folder %1 (%2); set TUNEBENCH_GPU_SLOTS_DIR to a folder every engine of this machine can write"), "tt"},
    // engine/telemetry/gpu_allocator.cpp: request(); gpu_slots.cpp: acquire(), blocker(),
    // SlotHolder::text() (why a trial waits for GPUs, or cannot get them)
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "needs %1 GPUs but resources.gpus has %2"), "ii"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "needs %1 GPUs, %2 usable: %3"), "iil"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "GPU %1 is not visible"), "i"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "GPU %1 held by %2 (trials_per_gpu %3)"), "ioi"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "GPU %1 runs %2 trial (trials_per_gpu %3)"), "iii"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "GPU %1 runs %2 trials (trials_per_gpu %3)"), "iii"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "GPU %1 busy with foreign processes (pid %2)"), "it"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "GPU %1 has %2 free < %3"), "itt"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "experiment '%1' in %2, trial %3"), "tti"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "%1 trial(s) of this experiment"), "i"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "GPU %1: experiment '%2' in %3 waits for it too and goes first (higher priority)"), "itt"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "GPU %1: experiment '%2' in %3 waits for it too and goes first (its turn)"), "itt"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "GPU %1: no free slot file in %2"), "it"},

    // engine/core/external_sampler.cpp: Channel::call() (the experiment stops), start(),
    // exchange(); ExternalSampler::suggest() and checkedSuggestion() (a trial fails);
    // ExternalPruner::shouldPrune(); json.cpp assignmentFromJson() (after "params.<name>: ")
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "the external sampler (%1) %2, after it had been started again once; its log: %3; it last wrote: %4"), "tmtt"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "the external sampler (%1) %2, after it had been started again once; its log: %3"), "tmt"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "the external pruner (%1) %2, after it had been started again once; its log: %3; it last wrote: %4"), "tmtt"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "the external pruner (%1) %2, after it had been started again once; its log: %3"), "tmt"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "could not be started: %1"), "t"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "crashed"), ""},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "exited with code %1"), "i"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "gave no answer within %1 s (algorithm.timeout_s)"), "t"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "the external sampler's answer for trial %1 is an error: %2"), "it"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "the external sampler's answer for trial %1 has no \"params\" object: %2"), "it"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "the external sampler's answer for trial %1: %2 (answer: %3)"), "imt"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "'%1' is given but inactive (its condition on '%2' does not hold); leave it out"), "tt"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "'%1' is missing; every active parameter needs a value"), "t"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "pruned by the external pruner"), ""},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "not a parameter of this experiment"), ""},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "expected a number, string or boolean"), ""},

    // engine/core/preflight.cpp: checkTrialProgram() (Launch refuses; after "trial.argv[0]: ")
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "program \"%1\" not found: it is %2. Install it, give its full path in trial.argv[0], or add its folder to %3"), "tmo"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "not on %1"), "o"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "neither on %1 nor in %2 (beside this program)"), "ot"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "the PATH of trial.env"), ""},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "program \"%1\" not found: there is no such file. Install it there, or give the right path"), "t"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "program \"%1\" not found: there is no %2 (relative paths start from trial.workdir, %3). Give the right path, or set trial.workdir"), "ttt"},
    {QT_TRANSLATE_NOOP("tb::widgets::engineText", "%1 is not an executable file. Make it executable (chmod +x), or run it through its interpreter, like [\"python3\", \"train.py\", ...]"), "t"},
};

constexpr int kJoinPath = 0; // kTemplates[0]: "%1: %2"
constexpr int kJoinList = 1; // kTemplates[1]: "%1, %2"
constexpr int kMaxDepth = 6; // messages nest two or three deep; this bounds a hostile one

QString partPattern(QChar kind)
{
    switch (kind.unicode()) {
    case 'i': return QStringLiteral("[-+]?[0-9]+");
    case 'n': return QStringLiteral("[-+]?(?:inf|nan|(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?)");
    case 'w': return QStringLiteral("\\S+");
    case 'q': return QStringLiteral("\"[^\"]*\"(?:, \"[^\"]*\")*");
    case 't':
    case 'm':
    case 'o':
    case 'l': return QStringLiteral("[\\s\\S]*?");
    }
    return {};
}

bool nests(QChar kind) { return kind == QLatin1Char('m') || kind == QLatin1Char('o') || kind == QLatin1Char('l'); }

// The place of %N at `i` in a template or a translation: N (1..9), or 0 for no placeholder.
int placeholderAt(const QString& text, qsizetype i)
{
    if (text[i] != QLatin1Char('%') || i + 1 >= text.size())
        return 0;
    const int n = text[i + 1].digitValue();
    return n >= 1 ? n : 0;
}

// `pattern` with each %N replaced by parts[N - 1], in one pass (a part holding "%1" stays).
QString substitute(const QString& pattern, const QStringList& parts)
{
    QString out;
    out.reserve(pattern.size() + 64);
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const int n = placeholderAt(pattern, i);
        if (n >= 1 && n <= parts.size()) {
            out += parts[n - 1];
            ++i;
        } else {
            out += pattern[i];
        }
    }
    return out;
}

struct Compiled {
    int index = 0;   // into kTemplates
    QRegularExpression re;
    QString kinds;   // kTemplates[index].parts
    QString anchor;  // the longest literal piece: a message without it cannot match
    qsizetype literal = 0;
    bool nested = false;
    bool leadingText = false; // begins with free text, which may swallow a path before it
};

Compiled compile(int index)
{
    const Template& t = kTemplates[index];
    const QString text = QString::fromUtf8(t.text);
    Compiled c;
    c.index = index;
    c.kinds = QString::fromLatin1(t.parts);
    QString pattern;
    QString piece;
    std::vector<bool> seen(static_cast<std::size_t>(c.kinds.size()), false);
    int highest = 0;
    auto endPiece = [&] {
        pattern += QRegularExpression::escape(piece);
        c.literal += piece.size();
        if (piece.size() > c.anchor.size())
            c.anchor = piece;
        piece.clear();
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const int n = placeholderAt(text, i);
        if (n == 0) {
            piece += text[i];
            continue;
        }
        if (n > c.kinds.size())
            qFatal("engine_text: \"%s\" uses %%%d but lists %d parts", t.text, n, static_cast<int>(c.kinds.size()));
        endPiece();
        const auto k = static_cast<std::size_t>(n - 1);
        pattern += seen[k] ? QStringLiteral("\\k<p%1>").arg(n) : QStringLiteral("(?<p%1>%2)").arg(n).arg(partPattern(c.kinds[n - 1]));
        seen[k] = true;
        highest = std::max(highest, n);
        ++i;
    }
    endPiece();
    if (highest != c.kinds.size() || std::find(seen.begin(), seen.end(), false) != seen.end())
        qFatal("engine_text: \"%s\" lists %d parts, but uses %%1..%%%d", t.text, static_cast<int>(c.kinds.size()), highest);
    c.re = QRegularExpression(QRegularExpression::anchoredPattern(pattern));
    if (!c.re.isValid())
        qFatal("engine_text: \"%s\": %s", t.text, qPrintable(c.re.errorString()));
    c.re.optimize();
    c.nested = std::any_of(c.kinds.begin(), c.kinds.end(), nests);
    c.leadingText = placeholderAt(text, 0) > 0 && QStringLiteral("tw").contains(c.kinds[placeholderAt(text, 0) - 1]);
    return c;
}

// Tried in this order: templates with a message inside first (a suffix such as
// " (attempt 1 of 2)" or a prefix such as "could not start: " wraps another message, which a
// template ending in free text would otherwise swallow), then the more literal text first
// ("\"HH:MM:SS\" or \"D-HH:MM:SS\"" before "%1 or %2").
const std::vector<Compiled>& table()
{
    static const std::vector<Compiled> compiled = [] {
        std::vector<Compiled> out;
        QSet<QString> texts;
        for (int i = 0; i < static_cast<int>(std::size(kTemplates)); ++i) {
            if (texts.contains(QString::fromUtf8(kTemplates[i].text)))
                qFatal("engine_text: \"%s\" is listed twice", kTemplates[i].text);
            texts.insert(QString::fromUtf8(kTemplates[i].text));
            if (i != kJoinPath && i != kJoinList)
                out.push_back(compile(i));
        }
        std::stable_sort(out.begin(), out.end(), [](const Compiled& a, const Compiled& b) {
            if (a.nested != b.nested)
                return a.nested;
            return a.literal > b.literal;
        });
        return out;
    }();
    return compiled;
}

QString translated(int index)
{
    return QCoreApplication::translate(kContext, kTemplates[index].text);
}

struct Result {
    QString text;
    bool complete = true; // every nested message had a template
    bool changed = false; // some translation differs from its English
    bool leadingText = false;
};

std::optional<Result> matchWhole(const QString& message, int depth);
std::optional<Result> matchSingle(const QString& message, int depth);
std::optional<Result> matchList(const QString& message, int depth);

Result translateAny(const QString& message, int depth)
{
    if (auto r = matchSingle(message, depth))
        return *r;
    if (auto r = matchList(message, depth))
        return *r;
    return {message, false, false};
}

// The message as a whole, or as "<path>: <what>" with `what` matched as a whole (the first
// ": " that gives one: a path's keys may hold ": " themselves, a message's text after it).
// A template that begins with free text ("%1 is not an executable file") matches a message
// with a path too, taking the path for its text: a path and a template of the rest win.
std::optional<Result> matchSingle(const QString& message, int depth)
{
    std::optional<Result> whole = matchWhole(message, depth);
    if (whole && !whole->leadingText)
        return whole;
    for (qsizetype at = message.indexOf(QLatin1String(": ")); at > 0; at = message.indexOf(QLatin1String(": "), at + 1)) {
        if (auto what = matchWhole(message.mid(at + 2), depth)) {
            const QString join = translated(kJoinPath);
            what->text = substitute(join, {message.left(at), what->text});
            what->changed = what->changed || join != QLatin1String(kTemplates[kJoinPath].text);
            what->leadingText = false;
            return what;
        }
    }
    return whole;
}

std::optional<Result> matchWhole(const QString& message, int depth)
{
    if (depth > kMaxDepth)
        return std::nullopt;
    for (const Compiled& c : table()) {
        if (!message.contains(c.anchor))
            continue;
        const QRegularExpressionMatch m = c.re.match(message);
        if (!m.hasMatch())
            continue;
        Result out;
        QStringList parts;
        for (qsizetype k = 0; k < c.kinds.size(); ++k) {
            const QString part = m.captured(QStringLiteral("p%1").arg(k + 1));
            const QChar kind = c.kinds[k];
            std::optional<Result> inner;
            if (kind == QLatin1Char('m') || kind == QLatin1Char('o'))
                inner = matchSingle(part, depth + 1);
            else if (kind == QLatin1Char('l'))
                inner = matchList(part, depth + 1);
            if (!inner && kind == QLatin1Char('l'))
                inner = matchSingle(part, depth + 1); // a list of one
            if (inner) {
                out.complete = out.complete && inner->complete;
                out.changed = out.changed || inner->changed;
                parts << inner->text;
            } else {
                if ((kind == QLatin1Char('m') || kind == QLatin1Char('l')) && !part.isEmpty())
                    out.complete = false;
                parts << part;
            }
        }
        const QString pattern = translated(c.index);
        out.changed = out.changed || pattern != QLatin1String(kTemplates[c.index].text);
        out.text = substitute(pattern, parts);
        out.leadingText = c.leadingText;
        return out;
    }
    return std::nullopt;
}

// "A, B, C" where each of two or more pieces is a message with a template. A piece may hold
// ", " itself ("held by experiment 'x' in s.db, trial 3"), so every cut is tried.
std::optional<Result> matchList(const QString& message, int depth)
{
    if (depth > kMaxDepth)
        return std::nullopt;
    std::vector<qsizetype> cuts;
    for (qsizetype at = message.indexOf(QLatin1String(", ")); at > 0; at = message.indexOf(QLatin1String(", "), at + 2))
        cuts.push_back(at);
    if (cuts.empty())
        return std::nullopt;
    cuts.push_back(message.size());
    const QString join = translated(kJoinList);
    const bool joinChanged = join != QLatin1String(kTemplates[kJoinList].text);
    std::vector<bool> dead(cuts.size() + 1, false); // starts (by cut) that lead to no full list
    // From the piece starting after cut `from` (-1: the start) to the end.
    std::function<std::optional<Result>(int)> from = [&](int start) -> std::optional<Result> {
        if (dead[static_cast<std::size_t>(start + 1)])
            return std::nullopt;
        const qsizetype begin = start < 0 ? 0 : cuts[static_cast<std::size_t>(start)] + 2;
        for (int end = start + 1; end < static_cast<int>(cuts.size()); ++end) {
            const qsizetype stop = cuts[static_cast<std::size_t>(end)];
            if (start < 0 && stop == message.size())
                break; // one piece is no list
            auto piece = matchSingle(message.mid(begin, stop - begin), depth + 1);
            if (!piece || !piece->complete)
                continue;
            if (stop == message.size())
                return piece;
            if (auto rest = from(end)) {
                rest->text = substitute(join, {piece->text, rest->text});
                rest->changed = rest->changed || piece->changed || joinChanged;
                return rest;
            }
        }
        dead[static_cast<std::size_t>(start + 1)] = true;
        return std::nullopt;
    };
    return from(-1);
}

} // namespace

QString engineText(const QString& english)
{
    const Result r = translateAny(english, 0);
    return r.changed ? r.text : english;
}

QString engineWhat(const QString& english)
{
    const auto r = matchWhole(english, 0);
    return r && r->changed ? r->text : english;
}

bool hasTemplate(const QString& english)
{
    const auto r = matchSingle(english, 0);
    if (r)
        return r->complete;
    const auto list = matchList(english, 0);
    return list && list->complete;
}

} // namespace tb::widgets
