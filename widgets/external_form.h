#pragma once
// The set-up of an external sampler or pruner (docs/spec.md, "External samplers and
// pruners"): its command, with the shipped ones (resources/samplers) one click away, and
// its settings as free JSON, checked as it is typed. Keys it has no editor for (workdir,
// timeout_s) are kept as loaded, so a spec comes back unchanged.

#include <QJsonObject>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QToolButton;

namespace tb::widgets {

class ExternalForm : public QWidget {
    Q_OBJECT
public:
    explicit ExternalForm(QWidget* parent = nullptr);

    // The algorithm or pruner object's own keys: command, settings, workdir, timeout_s.
    void setJson(const QJsonObject& object);
    // command (split like a shell would, without running one), settings (the text as a
    // string when it is not a JSON object, so that the spec parser names the problem), and
    // the kept keys.
    QJsonObject toJson() const;

    // Empty, or what is wrong with the typed text.
    QString problem() const;

    QLineEdit* commandEdit() const { return m_command; }
    QPlainTextEdit* settingsEdit() const { return m_settings; }

    // Where the shipped samplers are: $TUNEBENCH_SAMPLERS_DIR, else
    // ../share/tunebench/samplers from the program's folder (installed, and in the build tree).
    static QString shippedFolder();

signals:
    void changed();

private:
    void check();

    QLineEdit* m_command;
    QToolButton* m_shipped;
    QPlainTextEdit* m_settings;
    QLabel* m_status;
    QJsonObject m_kept;
    bool m_filling = false;
};

// The words of a command as one line: arguments with spaces or quotes in double quotes.
QString commandLine(const QStringList& words);

} // namespace tb::widgets
