#include "language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QSettings>
#include <QTranslator>

namespace tb::widgets {

QLocale windowLocale()
{
    const QString chosen = QSettings().value(QStringLiteral("language")).toString();
    return chosen.isEmpty() ? QLocale::system() : QLocale(chosen);
}

InstalledCatalogues installTranslations(const QLocale& locale)
{
    // Owned by the application object, so that they live as long as the texts they give.
    static QTranslator* qt = nullptr;
    static QTranslator* ours = nullptr;
    for (QTranslator** t : {&qt, &ours}) {
        if (*t) {
            QCoreApplication::removeTranslator(*t);
            delete *t;
            *t = nullptr;
        }
    }
    InstalledCatalogues installed;
    auto install = [&](QTranslator*& slot, const QString& name, const QString& folder) {
        auto* translator = new QTranslator(QCoreApplication::instance());
        if (!translator->load(locale, name, QStringLiteral("_"), folder)) {
            delete translator;
            return false;
        }
        QCoreApplication::installTranslator(translator);
        slot = translator;
        return true;
    };
    installed.qt = install(qt, QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    installed.tunebench = install(ours, QStringLiteral("tunebench"), QStringLiteral(":/i18n"));
    return installed;
}

} // namespace tb::widgets
