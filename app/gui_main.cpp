#include "widgets/main_window.h"
#include "widgets/models/language.h"
#include "widgets/plots/schedule_view.h"

#include "widgets/dashboard.h"
#include "widgets/sampler_log_view.h"
#include "widgets/models/engine_host.h"
#include "widgets/models/experiment_data.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QEventLoop>
#include <QTimer>
#include <QLocale>
#include <QSettings>
#include <cstdio>

namespace {

struct Options {
    QCommandLineOption demo{QStringLiteral("demo"), QCoreApplication::translate("main", "Launch the bundled demo experiment.")};
    QCommandLineOption shots{QStringLiteral("screenshots"),
                             QCoreApplication::translate("main", "Save a picture of each main view to DIR after SECONDS, then quit."), QStringLiteral("DIR")};
    QCommandLineOption shotDelay{QStringLiteral("screenshot-delay"), QCoreApplication::translate("main", "Seconds before --screenshots."),
                                 QStringLiteral("SECONDS"), QStringLiteral("8")};
    QCommandLineOption schedule{QStringLiteral("schedule"), QCoreApplication::translate("main", "Open the Pipeline view on a PyTorch per-rank schedule CSV."),
                                QStringLiteral("FILE.csv")};
    QCommandLineOption render{QStringLiteral("render"),
                              QCoreApplication::translate("main", "Draw VIEW (curves, history, parallel, importance, devices, pipeline, slice, "
                                                                  "contour, pareto) of an experiment to --output without a display, then exit."),
                              QStringLiteral("VIEW")};
    QCommandLineOption x{QStringLiteral("x"), QCoreApplication::translate("main", "With --render slice or contour: the parameter across; pareto: the objective."),
                         QStringLiteral("PARAM")};
    QCommandLineOption y{QStringLiteral("y"), QCoreApplication::translate("main", "With --render contour: the parameter up; pareto: the objective."),
                         QStringLiteral("PARAM")};
    QCommandLineOption db{QStringLiteral("db"), QCoreApplication::translate("main", "With --render: the store."), QStringLiteral("FILE")};
    QCommandLineOption experiment{QStringLiteral("experiment"), QCoreApplication::translate("main", "With --render: the experiment (default: the newest)."),
                                  QStringLiteral("NAME")};
    QCommandLineOption trial{QStringLiteral("trial"), QCoreApplication::translate("main", "With --render pipeline: the trial whose measured schedule to draw."),
                             QStringLiteral("ID")};
    QCommandLineOption output{QStringLiteral("output"), QCoreApplication::translate("main", "With --render: FILE.png, FILE.svg or FILE.pdf."),
                              QStringLiteral("FILE")};
    QCommandLineOption size{QStringLiteral("size"), QCoreApplication::translate("main", "With --render: the picture's size (default 1200x800)."),
                            QStringLiteral("WxH"), QStringLiteral("1200x800")};

    void addTo(QCommandLineParser& parser) const
    {
        parser.setApplicationDescription(QCoreApplication::translate("main", "Hyperparameter optimization workbench"));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOptions({demo, schedule, shots, shotDelay, render, db, experiment, trial, output, size, x, y});
        parser.addPositionalArgument(QStringLiteral("store"), QCoreApplication::translate("main", "The store to open (default: the one in your data folder)."));
    }
};

// --version and --help answer without a display (a server, a package build making man
// pages): a QCoreApplication is enough for them, and the window's needs one.
bool answeredWithoutDisplay(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray a(argv[i]);
        if (a == "--version" || a == "-v" || a == "--help" || a == "-h" || a == "--help-all") {
            QCoreApplication core(argc, argv);
            QCoreApplication::setApplicationName(QStringLiteral("tunebench"));
            QCoreApplication::setApplicationVersion(QStringLiteral(TUNEBENCH_VERSION));
            QCommandLineParser parser;
            Options().addTo(parser);
            parser.process(core); // prints and exits
            return true;
        }
    }
    return false;
}

} // namespace

// tunebench --render: no window is shown, so no display is needed.
bool rendering(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i)
        if (QByteArray(argv[i]) == "--render" || QByteArray(argv[i]).startsWith("--render="))
            return true;
    return false;
}

int render(tb::widgets::MainWindow& window, const QCommandLineParser& parser, const Options& o)
{
    auto fail = [](const QString& message) {
        std::fprintf(stderr, "tunebench --render: %s\n", qPrintable(message));
        return 2;
    };
    if (!parser.isSet(o.db) || !QFileInfo(parser.value(o.db)).isFile())
        return fail(parser.isSet(o.db) ? QStringLiteral("--db: no such store: %1").arg(parser.value(o.db)) : QStringLiteral("--db FILE is required"));
    if (!parser.isSet(o.output))
        return fail(QStringLiteral("--output FILE.png|svg|pdf is required"));
    static const QRegularExpression wxh(QStringLiteral("^(\\d{2,5})x(\\d{2,5})$"));
    const auto m = wxh.match(parser.value(o.size));
    if (!m.hasMatch())
        return fail(QStringLiteral("--size: expected WxH like 1200x800, got '%1'").arg(parser.value(o.size)));
    bool idOk = true;
    const qint64 trialId = parser.isSet(o.trial) ? parser.value(o.trial).toLongLong(&idOk) : 0;
    if (!idOk)
        return fail(QStringLiteral("--trial: expected a trial id, got '%1'").arg(parser.value(o.trial)));
    if (!window.openStore(parser.value(o.db)))
        return fail(QStringLiteral("--db: cannot open %1").arg(parser.value(o.db)));
    const QString error = window.renderView(parser.value(o.render), parser.value(o.experiment), trialId, parser.value(o.output),
                                            QSize(m.captured(1).toInt(), m.captured(2).toInt()), {parser.value(o.x), parser.value(o.y)});
    if (!error.isEmpty())
        return fail(error);
    return 0;
}

int main(int argc, char** argv)
{
    if (answeredWithoutDisplay(argc, argv))
        return 0;
    if (rendering(argc, argv) && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("tunebench"));
    QApplication::setApplicationName(QStringLiteral("tunebench"));
    QApplication::setApplicationDisplayName(QStringLiteral("Tunebench"));
    QApplication::setDesktopFileName(QStringLiteral("io.tunebench.Tunebench")); // the desktop file, named after the AppStream id
    QApplication::setApplicationVersion(QStringLiteral(TUNEBENCH_VERSION));

    // The system locale picks the language; View > Language (a setting) overrides it.
    tb::widgets::installTranslations(tb::widgets::windowLocale());

    QCommandLineParser parser;
    const Options options;
    options.addTo(parser);
    parser.process(app);

    tb::widgets::MainWindow window;
    if (parser.isSet(options.render))
        return render(window, parser, options);
    // As the user left it: layout, set-up draft, and the last store unless one is given.
    const QStringList positional = parser.positionalArguments();
    window.startUp(positional.value(0));
    window.show();
    if (parser.isSet(options.demo))
        window.runDemo();
    if (parser.isSet(options.schedule))
        window.openScheduleFile(parser.value(options.schedule));
    if (parser.isSet(options.shots)) {
        // docs/ screenshots (scripts/screenshots.sh): every main view, as the user sees it.
        const QString dir = parser.value(options.shots);
        QDir().mkpath(dir);
        QTimer::singleShot(static_cast<int>(parser.value(options.shotDelay).toDouble() * 1000), &window, [&window, dir] {
            auto save = [&](const QString& name) {
                // Let the shown panels take their throttled redraw (33 ms ticks) first.
                QEventLoop settle;
                QTimer::singleShot(400, &settle, &QEventLoop::quit);
                settle.exec();
                window.grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
            };
            if (window.isWelcomeShown()) { // started without a store: the first start's page only
                save(QStringLiteral("welcome"));
                QApplication::quit();
                return;
            }
            window.showDashboard();
            if (const auto best = window.data().bestTrial())
                window.data().select(*best);
            else if (window.data().multiObjective() && !window.data().paretoSet().trials.empty())
                window.data().select(window.data().paretoSet().trials.front().id); // a member of the Pareto set
            window.dashboard()->showBottomTab(0);
            save(QStringLiteral("dashboard"));
            window.dashboard()->showBottomTab(1);
            save(QStringLiteral("importance"));
            window.dashboard()->showBottomTab(2);
            save(QStringLiteral("devices"));
            if (window.dashboard()->samplerLog()->applies()) {
                window.dashboard()->showBottomTab(3);
                save(QStringLiteral("sampler-log"));
            }
            window.dashboard()->showBottomTab(4);
            save(QStringLiteral("slice"));
            window.dashboard()->showBottomTab(5);
            save(QStringLiteral("contour"));
            if (window.dashboard()->isBottomTabShown(tb::widgets::Dashboard::ParetoTab)) { // several objectives
                window.dashboard()->showBottomTab(tb::widgets::Dashboard::ParetoTab);
                save(QStringLiteral("pareto"));
            }
            window.dashboard()->showBottomTab(0);
            // --demo leaves the set-up alone: show the demo's spec there, as Edit as New would.
            if (!window.editAsNew(window.data().experiment().name))
                window.showSetup();
            save(QStringLiteral("setup"));
            // GPipe, 1F1B and interleaved 1F1B (v = 2) for p = 4, m = 8 on one time axis.
            tb::widgets::ScheduleView* pipeline = window.pipeline();
            tb::widgets::ScheduleView::Settings settings;
            settings.kind = QStringLiteral("gpipe");
            settings.stages = 4;
            settings.microbatches = 8;
            settings.virtualStages = 2;
            pipeline->setSettings(settings);
            pipeline->setCompareKinds({QStringLiteral("1f1b"), QStringLiteral("interleaved")});
            window.showPipeline();
            save(QStringLiteral("pipeline"));
            // Quit once the demo has ended, so that closing does not ask whether to stop it.
            auto* ended = new QTimer(&window);
            QObject::connect(ended, &QTimer::timeout, &window, [&window] {
                if (!window.host()->isRunning())
                    QApplication::quit();
            });
            ended->start(500);
        });
    }
    return QApplication::exec();
}
