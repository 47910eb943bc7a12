// The engine's reasons in the window's language (issue 21): a failed trial's reason in the
// trial table (cell and tooltip) and the trial detail, an experiment's reason in the list's
// tooltip. Shown in Chinese with translations installed, exactly as the engine wrote them
// without; the table sorts by the English and its filter finds both. Real MainWindow, real
// store.

#include "widgets/dashboard.h"
#include "widgets/experiment_list.h"
#include "widgets/main_window.h"
#include "widgets/models/experiment_data.h"
#include "widgets/models/language.h"
#include "widgets/models/store_session.h"
#include "widgets/trial_detail.h"
#include "widgets/trial_table.h"

#include "engine/core/store.h"

#include <QHash>
#include <QLineEdit>
#include <QListWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>
#include <algorithm>
#include <memory>

using namespace tb::widgets;
using tb::algorithms::TrialState;

namespace {

constexpr char kEngineText[] = "tb::widgets::engineText";

// As the engine writes them (engine/core/outcome.cpp, study.cpp).
const QString kExitReason = QStringLiteral("exit code 1 (attempt 2 of 2)");
const QString kTimeoutReason = QStringLiteral("timed out after 60 s");
const QString kExperimentReason = QStringLiteral("all 2 trials failed; the first: exit code 1 (attempt 2 of 2)");

// Chinese for the engine templates these reasons use, as the zh_CN catalogue gives them once
// it holds the engine's texts; until then this stands in for it.
class EngineChinese : public QTranslator {
public:
    bool isEmpty() const override { return false; }
    QString translate(const char* context, const char* source, const char* = nullptr, int = -1) const override
    {
        static const QHash<QByteArray, QString> chinese{
            {"exit code %1", QStringLiteral("退出码 %1")},
            {"%1 (attempt %2 of %3)", QStringLiteral("%1（第 %2 次尝试，共 %3 次）")},
            {"timed out after %1 s", QStringLiteral("%1 秒后超时")},
            {"all %1 trials failed; the first: %2", QStringLiteral("全部 %1 个试验均失败；第一个：%2")},
        };
        return qstrcmp(context, kEngineText) == 0 ? chinese.value(source) : QString();
    }
};

const QString kExitChinese = QStringLiteral("退出码 1（第 2 次尝试，共 2 次）");

bool hasChinese(const QString& text)
{
    return std::any_of(text.begin(), text.end(), [](QChar c) { return c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF; });
}

// Experiment "reasons": a trial failed with kExitReason, one timed out, one completed; the
// experiment failed with kExperimentReason. Returns the trials' ids in that order.
QList<qint64> writeStore(const QString& path)
{
    tb::engine::Store store(path);
    const QByteArray spec = R"({"name": "reasons", "objective": {"metric": "loss", "direction": "minimize"},
        "space": [{"name": "lr", "type": "float", "low": 0.001, "high": 1.0}], "trial": {"argv": ["train", "--lr=${lr}"]}})";
    const qint64 id = store.createExperiment(QStringLiteral("reasons"), spec);
    QList<qint64> ids;
    const auto add = [&](double lr, TrialState state, std::optional<double> value, std::optional<int> exitCode, const QString& reason) {
        const tb::engine::TrialRow row = store.createTrial(id, QStringLiteral("{\"lr\": %1}").arg(lr).toUtf8(), TrialState::Running);
        store.finishTrial(row.id, state, value, exitCode, reason);
        ids << row.id;
    };
    add(0.01, TrialState::Failed, std::nullopt, 1, kExitReason);
    add(0.1, TrialState::Failed, std::nullopt, std::nullopt, kTimeoutReason);
    add(0.5, TrialState::Completed, 0.25, 0, QString());
    store.setExperimentState(id, tb::engine::ExperimentState::Failed, kExperimentReason);
    return ids;
}

// What the window shows of the trial `id`.
struct Shown {
    QString cell;    // the table's Reason cell
    QString tip;     // its tooltip
    QString sorted;  // what the table sorts it by
    QString summary; // the trial detail's summary
};

Shown shownFor(MainWindow& window, qint64 id)
{
    const int row = window.data().indexOf(id);
    if (row < 0)
        return {};
    const QModelIndex reason = window.dashboard()->table()->model()->index(row, TrialTableModel::Reason);
    window.data().select(id);
    return {reason.data(Qt::DisplayRole).toString(), reason.data(Qt::ToolTipRole).toString(),
            reason.data(TrialTableModel::SortRole).toString(), window.dashboard()->detail()->summaryText()};
}

// The ids of the trials the table shows with `text` in its filter.
QList<qint64> filtered(MainWindow& window, const QString& text)
{
    TrialTable* table = window.dashboard()->table();
    table->textFilter()->setText(text);
    QList<qint64> ids;
    const QAbstractItemModel* view = table->view()->model();
    for (int row = 0; row < view->rowCount(); ++row)
        ids << view->index(row, 0).data(TrialTableModel::TrialIdRole).toLongLong();
    table->textFilter()->clear();
    std::sort(ids.begin(), ids.end());
    return ids;
}

} // namespace

class TestTrialReasons : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db;
    QList<qint64> m_trials; // failed (exit code), failed (timed out), completed

    // A window on the store, once its list and its data hold the experiment and its trials.
    std::unique_ptr<MainWindow> openWindow()
    {
        auto window = std::make_unique<MainWindow>();
        if (!window->openStore(m_db))
            return nullptr;
        window->session()->showExperiment(QStringLiteral("reasons"));
        window->session()->pollNow();
        if (!QTest::qWaitFor([&] { return window->data().trials().size() == 3 && window->experimentList()->count() == 1; }, 15000))
            return nullptr;
        return window;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(QStringLiteral("reasons.db"));
        m_trials = writeStore(m_db);
    }

    void cleanupTestCase() { installTranslations(QLocale(QLocale::English)); }

    // Without a translation the window shows the engine's words exactly.
    void englishAsTheEngineWroteIt()
    {
        installTranslations(QLocale(QLocale::English));
        const auto window = openWindow();
        QVERIFY(window);
        const Shown failed = shownFor(*window, m_trials[0]);
        QCOMPARE(failed.cell, kExitReason);
        QCOMPARE(failed.tip, kExitReason);
        QCOMPARE(failed.sorted, kExitReason);
        QVERIFY2(failed.summary.contains(QStringLiteral("Reason: ") + kExitReason), qPrintable(failed.summary));
        QCOMPARE(window->experimentList()->item(0)->toolTip(), QStringLiteral("reasons: ") + kExperimentReason);
        QCOMPARE(filtered(*window, QStringLiteral("exit code")), QList<qint64>{m_trials[0]});
        QCOMPARE(filtered(*window, QStringLiteral("timed out")), QList<qint64>{m_trials[1]});
    }

    // With the window in Chinese: the reasons in Chinese, sorted by the English, and found by
    // the filter in the words shown and in the engine's.
    void chineseWithTranslations()
    {
        installTranslations(QLocale(QLocale::Chinese, QLocale::China));
        EngineChinese engine;
        QCoreApplication::installTranslator(&engine);
        const auto window = openWindow();
        QVERIFY(window);
        const Shown failed = shownFor(*window, m_trials[0]);
        QCOMPARE(failed.cell, kExitChinese);
        QCOMPARE(failed.tip, kExitChinese);
        QCOMPARE(failed.sorted, kExitReason);
        QVERIFY2(failed.summary.contains(kExitChinese) && !failed.summary.contains(kExitReason), qPrintable(failed.summary));
        QCOMPARE(shownFor(*window, m_trials[1]).cell, QStringLiteral("60 秒后超时"));
        const QString listTip = window->experimentList()->item(0)->toolTip(); // "%1: %2" is the catalogue's
        QVERIFY2(listTip.startsWith(QStringLiteral("reasons")) && listTip.endsWith(QStringLiteral("全部 2 个试验均失败；第一个：") + kExitChinese),
                 qPrintable(listTip));
        QCOMPARE(filtered(*window, QStringLiteral("退出码")), QList<qint64>{m_trials[0]});
        QCOMPARE(filtered(*window, QStringLiteral("exit code")), QList<qint64>{m_trials[0]});
        QCOMPARE(filtered(*window, QStringLiteral("超时")), QList<qint64>{m_trials[1]});
        QCoreApplication::removeTranslator(&engine);
    }

    // The shipped catalogue, once it holds the engine's texts (translations/zh_CN.py).
    void chineseFromTheCatalogue()
    {
        QVERIFY(installTranslations(QLocale(QLocale::Chinese, QLocale::China)).tunebench);
        if (QCoreApplication::translate(kEngineText, "exit code %1") == QLatin1String("exit code %1"))
            QSKIP("the zh_CN catalogue has no engine texts yet (translations/zh_CN.py)");
        const auto window = openWindow();
        QVERIFY(window);
        const Shown failed = shownFor(*window, m_trials[0]);
        QVERIFY2(hasChinese(failed.cell) && !failed.cell.contains(QStringLiteral("exit code")) && failed.cell.contains(QLatin1Char('1')),
                 qPrintable(failed.cell));
        QCOMPARE(failed.sorted, kExitReason);
        QVERIFY2(failed.summary.contains(failed.cell), qPrintable(failed.summary));
        const QString listTip = window->experimentList()->item(0)->toolTip();
        QVERIFY2(hasChinese(listTip) && !listTip.contains(kExperimentReason), qPrintable(listTip));
    }
};

QTEST_MAIN(TestTrialReasons)
#include "tst_trial_reasons.moc"
