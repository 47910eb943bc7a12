#include "experiment_list.h"

#include "widgets/models/engine_text.h"

#include <QMenu>

namespace tb::widgets {

ExperimentList::ExperimentList(StateLabel stateLabel, QWidget* parent) : QListWidget(parent), m_stateLabel(stateLabel)
{
    setTextElideMode(Qt::ElideMiddle);
    setContextMenuPolicy(Qt::CustomContextMenu);
    connect(this, &QListWidget::customContextMenuRequested, this, &ExperimentList::contextMenu);
    connect(this, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            emit showRequested(item(row)->data(Qt::UserRole).toString());
    });
}

void ExperimentList::setExperiments(const QVector<engine::ExperimentRow>& experiments, const QString& shown)
{
    QSignalBlocker block(this);
    clear();
    for (const engine::ExperimentRow& e : experiments) {
        auto* row = new QListWidgetItem(tr("%1 (%2)").arg(e.name, m_stateLabel(e.state)), this);
        row->setData(Qt::UserRole, e.name);
        row->setToolTip(e.reason.isEmpty() ? e.name : tr("%1: %2").arg(e.name, engineText(e.reason)));
        if (e.name == shown)
            setCurrentItem(row);
    }
}

void ExperimentList::setShown(const QString& name)
{
    QSignalBlocker block(this);
    for (int row = 0; row < count(); ++row)
        if (item(row)->data(Qt::UserRole).toString() == name) {
            setCurrentRow(row);
            return;
        }
    setCurrentRow(-1);
}

QString ExperimentList::currentName() const
{
    const QListWidgetItem* row = currentItem();
    return row ? row->data(Qt::UserRole).toString() : QString();
}

void ExperimentList::contextMenu(const QPoint& at)
{
    const QListWidgetItem* row = itemAt(at);
    if (!row)
        return;
    const QString name = row->data(Qt::UserRole).toString();
    QMenu menu(this);
    menu.addAction(tr("Edit as &New Experiment"), this, [this, name] { emit editAsNewRequested(name); })
        ->setObjectName(QStringLiteral("editAsNew"));
    menu.addAction(tr("&Resume"), this, [this, name] { emit resumeRequested(name); });
    menu.exec(viewport()->mapToGlobal(at));
}

} // namespace tb::widgets
