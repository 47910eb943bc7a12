#include "welcome_page.h"

#include <QCommandLinkButton>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QGroupBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QScrollArea>
#include <QVBoxLayout>
#include <algorithm>

namespace tb::widgets {

namespace {

QCommandLinkButton* step(const QString& name, const QString& text, const QString& description, QWidget* parent)
{
    auto* button = new QCommandLinkButton(text, description, parent);
    button->setObjectName(name);
    return button;
}

} // namespace

QStringList WelcomePage::examples()
{
    QStringList found;
    QDirIterator it(QStringLiteral(":/examples"), {QStringLiteral("*.json")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        found << it.next();
    found.sort();
    return found;
}

WelcomePage::WelcomePage(QWidget* parent) : QWidget(parent), m_store(new QLabel(this))
{
    // A column of readable width in the middle; a scroll area when the window is small.
    auto* column = new QWidget;
    column->setMaximumWidth(760);
    auto* layout = new QVBoxLayout(column);

    auto* title = new QLabel(tr("Welcome to Tunebench"), column);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    title->setFont(big);
    layout->addWidget(title);
    m_store->setWordWrap(true);
    m_store->setObjectName(QStringLiteral("welcomeStore"));
    layout->addWidget(m_store);

    auto* start = new QGroupBox(tr("Start"), column);
    auto* startLayout = new QVBoxLayout(start);
    QCommandLinkButton* demo = step(QStringLiteral("runDemo"), tr("Run the demo"),
                                    tr("Tunes a simulated training run in this store: 30 trials of a few seconds, 4 at a time, "
                                       "with the auto sampler. Watch the dashboard fill in."),
                                    start);
    connect(demo, &QCommandLinkButton::clicked, this, &WelcomePage::demoRequested);
    startLayout->addWidget(demo);
    QCommandLinkButton* setup = step(QStringLiteral("setUp"), tr("Set up an experiment"),
                                     tr("Describe the search space, the objective and the trial command in the Set-up tab, "
                                        "then launch it (F5)."),
                                     start);
    connect(setup, &QCommandLinkButton::clicked, this, &WelcomePage::setupRequested);
    startLayout->addWidget(setup);
    for (const QString& resource : examples()) {
        QFile file(resource);
        const QJsonObject spec = file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll()).object() : QJsonObject();
        const QString name = spec.value(QStringLiteral("name")).toString(QFileInfo(resource).baseName());
        QCommandLinkButton* example = step(QStringLiteral("example:") + QFileInfo(resource).fileName(),
                                           tr("Start from the example '%1'").arg(name),
                                           spec.value(QStringLiteral("description")).toString(), start);
        connect(example, &QCommandLinkButton::clicked, this, [this, resource] { emit exampleRequested(resource); });
        startLayout->addWidget(example);
    }
    QCommandLinkButton* pipeline = step(QStringLiteral("pipeline"), tr("Explore pipeline schedules"),
                                        tr("Draw and compare GPipe, 1F1B and interleaved schedules in the Pipeline tab."), start);
    connect(pipeline, &QCommandLinkButton::clicked, this, &WelcomePage::pipelineRequested);
    startLayout->addWidget(pipeline);
    layout->addWidget(start);

    auto* stores = new QGroupBox(tr("Stores"), column);
    auto* storesLayout = new QVBoxLayout(stores);
    QCommandLinkButton* open = step(QStringLiteral("openStore"), tr("Open a store..."),
                                    tr("A .db file written by this window or by tunebench-cli, to follow its experiments."), stores);
    connect(open, &QCommandLinkButton::clicked, this, &WelcomePage::openStoreRequested);
    storesLayout->addWidget(open);
    QCommandLinkButton* create = step(QStringLiteral("newStore"), tr("New store..."),
                                      tr("An empty store: one SQLite file that keeps every trial, metric and log."), stores);
    connect(create, &QCommandLinkButton::clicked, this, &WelcomePage::newStoreRequested);
    storesLayout->addWidget(create);
    m_recentBox = new QWidget(stores);
    auto* recentLayout = new QVBoxLayout(m_recentBox);
    recentLayout->setContentsMargins(0, 0, 0, 0);
    recentLayout->addWidget(new QLabel(tr("Recent stores (double-click to open):"), m_recentBox));
    m_recent = new QListWidget(m_recentBox);
    m_recent->setObjectName(QStringLiteral("recentStores"));
    connect(m_recent, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { emit recentRequested(item->data(Qt::UserRole).toString()); });
    recentLayout->addWidget(m_recent);
    storesLayout->addWidget(m_recentBox);
    layout->addWidget(stores);
    layout->addStretch(1);

    auto* centred = new QWidget;
    auto* row = new QHBoxLayout(centred);
    row->addStretch(1);
    row->addWidget(column, 4);
    row->addStretch(1);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(centred);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    setStore({});
    setRecent({});
}

void WelcomePage::setStore(const QString& path)
{
    m_store->setText(path.isEmpty() ? tr("No store is open. Open or create one, or run the demo, which uses the store in your "
                                         "data folder.")
                                    : tr("%1 has no experiments yet.").arg(QDir::toNativeSeparators(path)));
}

void WelcomePage::setRecent(const QStringList& paths)
{
    m_recent->clear();
    for (const QString& path : paths) {
        auto* item = new QListWidgetItem(QDir::toNativeSeparators(path), m_recent);
        item->setData(Qt::UserRole, path);
        if (!QFileInfo::exists(path)) {
            item->setText(tr("%1 (missing)").arg(QDir::toNativeSeparators(path)));
            item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
        }
    }
    // As tall as its rows (up to eight), not a block of empty lines under one store.
    const int rows = static_cast<int>(std::min<qsizetype>(paths.size(), 8));
    m_recent->setFixedHeight(rows * m_recent->fontMetrics().lineSpacing() * 3 / 2 + 2 * m_recent->frameWidth() + 4);
    m_recentBox->setVisible(!paths.isEmpty());
}

} // namespace tb::widgets
