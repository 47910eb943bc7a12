#include "external_form.h"

#include "engine/core/spec.h"
#include "widgets/models/file_dialogs.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QProcess>
#include <QRegularExpression>
#include <QToolButton>

namespace tb::widgets {

namespace {

namespace key = engine::key;

// The first line of a script's docstring or leading comment, for the menu.
QString summaryOf(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    for (QString line : QString::fromUtf8(f.read(4096)).split(QLatin1Char('\n'))) {
        line = line.trimmed().remove(QStringLiteral("\"\"\"")).remove(QRegularExpression(QStringLiteral("^#+\\s*")));
        if (!line.isEmpty() && !line.startsWith(QLatin1Char('!')))
            return line;
    }
    return {};
}

} // namespace

QString commandLine(const QStringList& words)
{
    QStringList out;
    for (QString w : words) {
        if (w.isEmpty() || w.contains(QRegularExpression(QStringLiteral("[\\s\"']"))))
            w = QLatin1Char('"') + w.replace(QLatin1Char('"'), QStringLiteral("\"\"\"")) + QLatin1Char('"');
        out << w;
    }
    return out.join(QLatin1Char(' '));
}

QString ExternalForm::shippedFolder()
{
    return files::shippedFolder(QStringLiteral("samplers"), "TUNEBENCH_SAMPLERS_DIR");
}

ExternalForm::ExternalForm(QWidget* parent)
    : QWidget(parent), m_command(new QLineEdit(this)), m_shipped(new QToolButton(this)), m_settings(new QPlainTextEdit(this)),
      m_status(new QLabel(this))
{
    m_command->setObjectName(QStringLiteral("externalCommand"));
    m_command->setPlaceholderText(tr("python3 my_sampler.py"));
    m_command->setToolTip(tr("The program and its arguments, started without a shell in the spec's folder. It reads one JSON "
                             "request per line and answers one JSON line each (docs/spec.md)."));
    m_shipped->setText(tr("Shipped"));
    m_shipped->setObjectName(QStringLiteral("externalShipped"));
    m_shipped->setPopupMode(QToolButton::InstantPopup);
    m_shipped->setToolTip(tr("Samplers that come with Tunebench"));
    auto* menu = new QMenu(m_shipped);
    const QString folder = shippedFolder();
    for (const QString& file : QDir(folder).entryList({QStringLiteral("*.py")}, QDir::Files, QDir::Name)) {
        const QString path = QDir(folder).absoluteFilePath(file);
        QAction* action = menu->addAction(file);
        action->setToolTip(summaryOf(path));
        action->setStatusTip(summaryOf(path));
        connect(action, &QAction::triggered, this, [this, path] {
            m_command->setText(commandLine({QStringLiteral("python3"), path}));
            m_command->setCursorPosition(0); // the program, not the end of a long path
        });
    }
    m_shipped->setMenu(menu);
    m_shipped->setEnabled(!menu->isEmpty());
    m_settings->setObjectName(QStringLiteral("externalSettings"));
    m_settings->setPlaceholderText(QStringLiteral("{\"sampler\": \"tpe\"}"));
    m_settings->setToolTip(tr("A JSON object, passed to the process in its requests as \"settings\""));
    m_settings->setFixedHeight(m_settings->fontMetrics().lineSpacing() * 4 + 12);
    m_status->setObjectName(QStringLiteral("externalStatus"));
    m_status->setWordWrap(true);
    m_status->setStyleSheet(QStringLiteral("color: #c0392b;"));
    // Two lines always held: what follows (the seed, the pruner) does not jump while typing.
    m_status->setFixedHeight(m_status->fontMetrics().lineSpacing() * 2);

    auto* commandRow = new QHBoxLayout;
    commandRow->setContentsMargins(0, 0, 0, 0);
    commandRow->addWidget(m_command, 1);
    commandRow->addWidget(m_shipped);
    auto* form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Command"), commandRow);
    form->addRow(tr("Settings"), m_settings);
    form->addRow(m_status);

    connect(m_command, &QLineEdit::textChanged, this, [this] { check(); });
    connect(m_settings, &QPlainTextEdit::textChanged, this, [this] { check(); });
    check();
}

void ExternalForm::setJson(const QJsonObject& object)
{
    m_filling = true;
    QStringList words;
    for (const QJsonValue& w : object.value(key::command).toArray())
        words << w.toString();
    m_command->setText(commandLine(words));
    m_command->setCursorPosition(0);
    const QJsonValue settings = object.value(key::settings);
    m_settings->setPlainText(settings.isObject() ? QString::fromUtf8(QJsonDocument(settings.toObject()).toJson(QJsonDocument::Compact))
                             : settings.isString() ? settings.toString()
                                                   : QString());
    m_kept = {};
    for (key::Name k : {key::workdir, key::timeoutS})
        if (object.contains(k))
            m_kept.insert(k, object.value(k));
    m_filling = false;
    check();
}

QJsonObject ExternalForm::toJson() const
{
    QJsonObject out = m_kept;
    out.insert(key::command, QJsonArray::fromStringList(QProcess::splitCommand(m_command->text())));
    const QString text = m_settings->toPlainText().trimmed();
    if (!text.isEmpty()) {
        const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8());
        out.insert(key::settings, doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(text));
    }
    return out;
}

QString ExternalForm::problem() const
{
    if (QProcess::splitCommand(m_command->text()).isEmpty())
        return tr("Give the command that starts the sampler, or choose a shipped one.");
    const QString text = m_settings->toPlainText().trimmed();
    if (text.isEmpty())
        return {};
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        return tr("Settings: %1 at character %2.").arg(error.errorString()).arg(error.offset + 1);
    if (!doc.isObject())
        return tr("Settings: give a JSON object, like {\"sampler\": \"tpe\"}.");
    return {};
}

void ExternalForm::check()
{
    const QString why = problem();
    m_status->setText(why);
    m_status->setToolTip(why);
    m_settings->setStyleSheet(why.startsWith(tr("Settings")) ? QStringLiteral("QPlainTextEdit { border: 1px solid #c0392b; }") : QString());
    if (!m_filling)
        emit changed();
}

} // namespace tb::widgets
