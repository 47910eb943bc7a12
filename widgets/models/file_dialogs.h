#pragma once
// Every file dialog of the window, and every path a user picks, goes through these.
//
// Why: POSIX locks belong to the whole process, so anything that opens and closes a file
// of an open store drops SQLite's locks on it (see Store::Keeper in engine/core/store.cpp).
// Qt's default icon provider reads the first bytes of every listed file to guess its type,
// and a native dialog may load GTK into the process, which does the same. These dialogs
// are Qt's own, with an icon provider that names types from the file name alone, and a
// picked path that is a file of an open store is refused with a message.
//
// Threading: GUI thread only.

#include <QString>

class QWidget;

namespace tb::widgets::files {

QString openFileName(QWidget* parent, const QString& caption, const QString& dir, const QString& filter = {});
QString saveFileName(QWidget* parent, const QString& caption, const QString& path, const QString& filter = {});
QString existingDirectory(QWidget* parent, const QString& caption, const QString& dir);
// A store to open through SQLite (Open Store, New Store): any store file may be picked.
// With `create`, a new file's name gets withStoreSuffix().
QString storeFileName(QWidget* parent, const QString& caption, const QString& dir, bool create);
// `path` with ".db" added when it names no existing file and has no SQLite suffix (.db,
// .sqlite, .sqlite3, .db3): "study" becomes "study.db", "study.sqlite" stays.
QString withStoreSuffix(const QString& path);

// The message for a path that must not be opened outside SQLite; empty when it may be.
QString refusal(const QString& path);

// The folder `sub` of what Tunebench ships (share/tunebench/<sub>, beside the program in an
// install and in the build tree), or `envOverride` when that variable is set; empty if none.
QString shippedFolder(const QString& sub, const char* envOverride);

} // namespace tb::widgets::files
