// The window in Chinese (issue 21, point 8): Qt's own dialogs translated through the qtbase
// catalogue, menu accelerators distinct in every menu, and axis titles that fit their axes at
// the smallest window size the layout supports (1280x720). Real MainWindow, real store,
// the real catalogues.

#include "plot_store.h"

#include "widgets/dashboard.h"
#include "widgets/main_window.h"
#include "widgets/models/language.h"
#include "widgets/plots/plots.h"
#include "widgets/plots/timeline_view.h"

#include <qcustomplot.h>

#include <QDialogButtonBox>
#include <QMenuBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QAction>
#include <QtTest>
#include <memory>

using namespace tb::widgets;

namespace {

bool hasChinese(const QString& text)
{
    return std::any_of(text.begin(), text.end(), [](QChar c) { return c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF; });
}

// The accelerator of a menu text ("文件(&F)" -> 'F'), or a null QChar.
QChar accelerator(const QString& text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text[i] != QLatin1Char('&'))
            continue;
        if (text[i + 1] == QLatin1Char('&')) {
            ++i; // "&&" is a literal ampersand
            continue;
        }
        return text[i + 1].toUpper();
    }
    return {};
}

// "menu: item" for every accelerator used twice among `actions` (and below, in submenus).
QStringList clashes(const QList<QAction*>& actions, const QString& where)
{
    QStringList out;
    QHash<QChar, QString> seen;
    for (QAction* a : actions) {
        if (a->isSeparator() || !a->isVisible())
            continue;
        const QChar key = accelerator(a->text());
        if (!key.isNull()) {
            if (seen.contains(key))
                out << QStringLiteral("%1: '%2' and '%3' both use %4").arg(where, seen.value(key), a->text(), key);
            else
                seen.insert(key, a->text());
        }
        if (QMenu* sub = a->menu())
            out << clashes(sub->actions(), where + QStringLiteral(" > ") + a->text());
    }
    return out;
}

} // namespace

class TestZhCn : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        const InstalledCatalogues installed = installTranslations(QLocale(QLocale::Chinese, QLocale::China));
        QVERIFY2(installed.qt, "qtbase_zh_CN.qm not found: install qt6-translations-l10n (scripts/setup.sh does)");
        QVERIFY(installed.tunebench);
    }

    void cleanupTestCase() { installTranslations(QLocale(QLocale::English)); }

    void qtDialogsAreTranslated()
    {
        QDialogButtonBox box(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::Save);
        for (auto which : {QDialogButtonBox::Ok, QDialogButtonBox::Cancel, QDialogButtonBox::Save})
            QVERIFY2(hasChinese(box.button(which)->text()), qPrintable(box.button(which)->text()));
        // English again once the language changes back (View > Language at the next start).
        installTranslations(QLocale(QLocale::English));
        QDialogButtonBox english(QDialogButtonBox::Cancel);
        QCOMPARE(english.button(QDialogButtonBox::Cancel)->text(), QStringLiteral("Cancel"));
        QVERIFY(installTranslations(QLocale(QLocale::Chinese, QLocale::China)).tunebench);
    }

    void menuAcceleratorsAreDistinct()
    {
        for (const QLocale& locale : {QLocale(QLocale::Chinese, QLocale::China), QLocale(QLocale::English)}) {
            installTranslations(locale);
            MainWindow window;
            const QList<QAction*> menus = window.menuBar()->actions();
            QVERIFY(menus.size() >= 4);
            for (QAction* menu : menus)
                QVERIFY2(!accelerator(menu->text()).isNull(), qPrintable(menu->text() + QStringLiteral(" has no accelerator")));
            const QStringList found = clashes(menus, locale.name());
            QVERIFY2(found.isEmpty(), qPrintable(found.join(QStringLiteral("; "))));
            if (locale.language() == QLocale::Chinese)
                QVERIFY2(hasChinese(menus.first()->text()), qPrintable(menus.first()->text()));
        }
        installTranslations(QLocale(QLocale::Chinese, QLocale::China));
    }

    void axisTitlesFitTheirAxes()
    {
        const QString db = m_dir.filePath(QStringLiteral("zh.db"));
        plotstore::writeStore(db);
        MainWindow window;
        window.resize(1280, 720);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(plotstore::showIn(window, db, static_cast<int>(plotstore::trials().size())));
        window.tabs()->setCurrentWidget(window.dashboard());
        Dashboard* d = window.dashboard();
        const std::pair<const char*, PlotPanel*> panels[] = {{"curves", d->curves()},   {"history", d->history()},
                                                             {"parallel", d->parallel()}, {"importance", d->importance()},
                                                             {"slice", d->slice()},     {"contour", d->contour()},
                                                             {"devices", d->timeline()}};
        int titles = 0;
        for (const auto& [name, panel] : panels) {
            // Each shown (its tab current) at the size it has in the window, as the user sees it.
            for (QWidget* w = panel; w->parentWidget(); w = w->parentWidget())
                if (auto* stack = qobject_cast<QStackedWidget*>(w->parentWidget()))
                    stack->setCurrentWidget(w);
            QVERIFY(QTest::qWaitFor([&] { return panel->isVisible(); }));
            QCoreApplication::processEvents();
            panel->refreshNow();
            // The plots' own texts are in Chinese too (their tr() context is the namespaced class).
            for (const QAction* action : panel->findChildren<QAction*>())
                QVERIFY2(action->text() != QLatin1String("Reset view") && action->text() != QLatin1String("Export"),
                         qPrintable(QStringLiteral("%1: '%2' is not translated").arg(QLatin1String(name), action->text())));
            QCustomPlot* plot = panel->plot();
            plot->replot(QCustomPlot::rpImmediateRefresh);
            for (QCPAxisRect* rect : plot->axisRects()) {
                for (QCPAxis* axis : rect->axes()) {
                    if (!axis->visible() || axis->label().isEmpty())
                        continue;
                    ++titles;
                    const int length = axis->orientation() == Qt::Horizontal ? rect->width() : rect->height();
                    const int needed = QFontMetrics(axis->labelFont()).horizontalAdvance(axis->label());
                    QVERIFY2(needed <= length, qPrintable(QStringLiteral("%1: the axis title '%2' needs %3 px, its axis is %4 px")
                                                              .arg(QLatin1String(name), axis->label())
                                                              .arg(needed)
                                                              .arg(length)));
                    // And it lies inside the plot (not cut at the widget's edge).
                    const int margin = axis->axisType() == QCPAxis::atLeft     ? rect->margins().left()
                                       : axis->axisType() == QCPAxis::atRight  ? rect->margins().right()
                                       : axis->axisType() == QCPAxis::atBottom ? rect->margins().bottom()
                                                                               : rect->margins().top();
                    QVERIFY2(margin >= QFontMetrics(axis->labelFont()).height(),
                             qPrintable(QStringLiteral("%1: no room beside the axis for '%2'").arg(QLatin1String(name), axis->label())));
                }
            }
        }
        QVERIFY(titles >= 8); // the plots do have axis titles to check
    }
};

QTEST_MAIN(TestZhCn)
#include "tst_zh_cn.moc"
