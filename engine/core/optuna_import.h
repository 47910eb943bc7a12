#pragma once
// Opens an Optuna study (an RDB storage in SQLite, schema of Optuna 3.x, 4.x and 5.x) as a
// Tunebench experiment (docs/interop.md): its directions, trials with their states,
// parameters with their distributions, values, intermediate values and user attributes.
// The storage is opened read-only and never written.

#include <QString>
#include <QStringList>

namespace tb::engine {

class Store;

struct OptunaImport {
    QString experiment;     // the name it got in the store
    QString optunaVersion;  // the library version that last wrote the storage
    int trials = 0;
    int objectives = 1;
    QStringList notes;      // what did not map exactly (widened ranges, ...)
};

// Imports study `study` (empty: the only one) of `storagePath` into `store` as experiment
// `name` (empty: the study's name). Throws SpecError naming the file and the fix for an
// unknown schema version, a missing study or an existing experiment of that name.
OptunaImport importOptunaStudy(const QString& storagePath, const QString& study, Store& store, const QString& name = {});

} // namespace tb::engine
