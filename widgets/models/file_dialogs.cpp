#include "widgets/models/file_dialogs.h"

#include "engine/core/store.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFileIconProvider>
#include <QMessageBox>
#include <QMimeDatabase>

namespace tb::widgets::files {

namespace {

// Icons and type names from the name only: QFileIconProvider's own versions call
// QMimeDatabase::mimeTypeForFile(QFileInfo), which opens the file to read its magic.
class NameOnlyIconProvider final : public QFileIconProvider {
public:
    QIcon icon(IconType type) const override { return QFileIconProvider::icon(type); }
    QIcon icon(const QFileInfo& info) const override
    {
        if (info.isRoot())
            return QFileIconProvider::icon(Drive);
        return QFileIconProvider::icon(info.isDir() ? Folder : File);
    }
    QString type(const QFileInfo& info) const override
    {
        if (info.isDir())
            return QCoreApplication::translate("tb::widgets::files", "Folder");
        return QMimeDatabase().mimeTypeForFile(info.fileName(), QMimeDatabase::MatchExtension).comment();
    }
};

QString run(QWidget* parent, const QString& caption, const QString& start, const QString& filter, QFileDialog::AcceptMode accept,
            QFileDialog::FileMode mode, bool throughSqlite = false)
{
    static NameOnlyIconProvider provider; // outlives every dialog
    for (;;) {
        QFileDialog dialog(parent, caption, start, filter);
        dialog.setOption(QFileDialog::DontUseNativeDialog);
        dialog.setIconProvider(&provider);
        dialog.setAcceptMode(accept);
        dialog.setFileMode(mode);
        if (mode == QFileDialog::Directory)
            dialog.setOption(QFileDialog::ShowDirsOnly);
        if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
            return {};
        const QString path = dialog.selectedFiles().first();
        const QString why = mode == QFileDialog::Directory || throughSqlite ? QString() : refusal(path);
        if (why.isEmpty())
            return path;
        QMessageBox::warning(parent, caption, why);
    }
}

} // namespace

QString refusal(const QString& path)
{
    if (!engine::isOpenStoreFile(path))
        return {};
    return QCoreApplication::translate("tb::widgets::files",
                                       "%1 is a file of a store this window has open; Tunebench reads and writes it "
                                       "only through SQLite. Choose another file.")
        .arg(path);
}

QString openFileName(QWidget* parent, const QString& caption, const QString& dir, const QString& filter)
{
    return run(parent, caption, dir, filter, QFileDialog::AcceptOpen, QFileDialog::ExistingFile);
}

QString saveFileName(QWidget* parent, const QString& caption, const QString& path, const QString& filter)
{
    return run(parent, caption, path, filter, QFileDialog::AcceptSave, QFileDialog::AnyFile);
}

QString existingDirectory(QWidget* parent, const QString& caption, const QString& dir)
{
    return run(parent, caption, dir, {}, QFileDialog::AcceptOpen, QFileDialog::Directory);
}

QString storeFileName(QWidget* parent, const QString& caption, const QString& dir, bool create)
{
    const QString filter = QCoreApplication::translate("tb::widgets::files", "Tunebench stores (*.db);;All files (*)");
    if (!create)
        return run(parent, caption, dir, filter, QFileDialog::AcceptOpen, QFileDialog::ExistingFile, true);
    const QString path = run(parent, caption, dir, filter, QFileDialog::AcceptSave, QFileDialog::AnyFile, true);
    return path.isEmpty() ? path : withStoreSuffix(path);
}

QString withStoreSuffix(const QString& path)
{
    const QFileInfo info(path);
    static const QStringList kSuffixes{QStringLiteral("db"), QStringLiteral("sqlite"), QStringLiteral("sqlite3"), QStringLiteral("db3")};
    if (path.isEmpty() || info.exists() || kSuffixes.contains(info.suffix().toLower()))
        return path;
    return path + QStringLiteral(".db");
}

QString shippedFolder(const QString& sub, const char* envOverride)
{
    if (const QString set = qEnvironmentVariable(envOverride); !set.isEmpty())
        return set;
    const QDir app(QCoreApplication::applicationDirPath());
    for (const QString& share : {QStringLiteral("../share/tunebench/"), QStringLiteral("share/tunebench/")})
        if (app.exists(share + sub))
            return QDir::cleanPath(app.absoluteFilePath(share + sub));
    return {};
}

} // namespace tb::widgets::files
