#include "sampler_log_view.h"

#include "widgets/models/experiment_data.h"

#include "engine/core/trial_command.h"

#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QVBoxLayout>

namespace tb::widgets {

namespace {
constexpr qint64 kTailBytes = 256 * 1024;
}

SamplerLogView::SamplerLogView(ExperimentData& data, QString dbPath, QWidget* parent)
    : QWidget(parent), m_data(data), m_dbPath(std::move(dbPath)), m_where(new QLabel(this)), m_text(new QPlainTextEdit(this))
{
    m_where->setWordWrap(true);
    m_where->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_where->setForegroundRole(QPalette::PlaceholderText);
    m_text->setObjectName(QStringLiteral("samplerLog"));
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_text->setFont(QFont(QStringLiteral("monospace")));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_where);
    layout->addWidget(m_text);
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &SamplerLogView::refresh);
    connect(&m_data, &ExperimentData::experimentReset, this, &SamplerLogView::refresh);
}

void SamplerLogView::setDbPath(const QString& path)
{
    m_dbPath = path;
    refresh();
}

bool SamplerLogView::applies() const
{
    const auto& spec = m_data.spec();
    return spec && (!spec->algorithm.external.command.isEmpty() || !spec->pruner.external.command.isEmpty());
}

QStringList SamplerLogView::logPaths() const
{
    const auto& spec = m_data.spec();
    if (!spec || m_dbPath.isEmpty())
        return {};
    const engine::ExperimentRow& e = m_data.experiment();
    const QString folder = QFileInfo(engine::trialFolder(m_dbPath, e.name, e.id, 0)).path();
    QStringList out;
    if (!spec->algorithm.external.command.isEmpty())
        out << folder + QStringLiteral("/sampler.log");
    if (!spec->pruner.external.command.isEmpty())
        out << folder + QStringLiteral("/pruner.log");
    return out;
}

void SamplerLogView::refresh()
{
    const QStringList paths = logPaths();
    if (paths.isEmpty()) {
        m_where->setText(tr("This experiment uses built-in algorithms; an external sampler or pruner writes its log here."));
        m_text->clear();
        return;
    }
    m_where->setText(paths.join(QLatin1Char('\n')));
    QString text;
    for (const QString& path : paths) {
        QFile f(path);
        if (paths.size() > 1)
            text += QStringLiteral("--- %1\n").arg(QFileInfo(path).fileName());
        if (!f.open(QIODevice::ReadOnly)) {
            text += tr("(nothing yet: the process starts when the first trial is asked for)\n");
            continue;
        }
        if (f.size() > kTailBytes) {
            f.seek(f.size() - kTailBytes);
            f.readLine(); // from the start of a line
            text += tr("(earlier lines left out)\n");
        }
        text += QString::fromUtf8(f.readAll());
    }
    if (text == m_text->toPlainText())
        return;
    QScrollBar* bar = m_text->verticalScrollBar();
    const bool atEnd = bar->value() == bar->maximum();
    m_text->setPlainText(text);
    if (atEnd)
        bar->setValue(bar->maximum());
}

void SamplerLogView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    refresh();
    m_timer.start();
}

void SamplerLogView::hideEvent(QHideEvent* event)
{
    QWidget::hideEvent(event);
    m_timer.stop();
}

} // namespace tb::widgets
