#pragma once
// The window's language: Qt's own catalogue (qtbase: standard buttons, file dialogs,
// context menus) and Tunebench's (embedded as :/i18n/tunebench_<lang>.qm), installed on
// the application for a locale. The system locale picks the language; View > Language (the
// "language" setting) overrides it.
//
// Threading: GUI thread, before the first window is built (translated texts are read when
// widgets are made).

#include <QLocale>

namespace tb::widgets {

// The locale the window uses: the "language" setting, else the system's.
QLocale windowLocale();

// Loads and installs both catalogues for `locale` (replacing ones installed by an earlier
// call). English needs none; for another language a catalogue that cannot be found is
// left out, and the return value says which were installed.
struct InstalledCatalogues {
    bool qt = false;
    bool tunebench = false;
};
InstalledCatalogues installTranslations(const QLocale& locale);

} // namespace tb::widgets
