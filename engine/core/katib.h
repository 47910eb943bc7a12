#pragma once
// A spec as a Kubeflow Katib Experiment (kubeflow.org/v1beta1; docs/interop.md): objective,
// algorithm, early stopping, parameters, trial counts, the StdOut metrics collector and a
// batch/v1 Job trial template running the trial's argv in a container image. What Katib
// cannot express is an error naming the spec field and the reason, or with allowLossy a
// warning per dropped item. The result follows the rules of Katib's validating webhook
// (pkg/webhook/v1beta1/experiment/validator).

#include "spec.h"

#include <QJsonObject>
#include <QStringList>

namespace tb::engine {

struct KatibOptions {
    QString image;           // the container image that holds the trial's program (required)
    QString ns;              // metadata.namespace; empty: none (kubectl's current one)
    QString name;            // metadata.name; empty: the spec's name
    bool allowLossy = false; // drop what does not map, with a warning each
    QStringList metrics;     // other metrics the trials report: objective.additionalMetricNames
};

struct KatibExport {
    QJsonObject experiment; // the Experiment object (render it as YAML or JSON)
    QStringList warnings;   // what allowLossy dropped
};

// Throws SpecError listing every field that does not map (one per line).
KatibExport toKatib(const ExperimentSpec& spec, const KatibOptions& options);

class Store;

struct KatibImport {
    QString experiment;
    int trials = 0;
    QStringList notes; // what did not map exactly
};

// Katib results as an experiment of `store`: `experiment` is what `kubectl get experiment
// NAME -o json` prints, `trials` what `kubectl get trials -l katib.kubeflow.org/experiment=NAME
// -o json` prints (a List, or one Trial). Parameter assignments, trial conditions (the last
// true one is the state) and observation metrics (the objective by its metric strategy,
// the others' latest value) are kept. `where` names the files in messages.
KatibImport importKatib(const QJsonObject& experiment, const QJsonObject& trials, Store& store, const QString& name, const QString& where);

} // namespace tb::engine
