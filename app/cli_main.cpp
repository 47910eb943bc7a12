#include "engine/cli/commands.h"

#include <QCoreApplication>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("tunebench"));
    QCoreApplication::setApplicationName(QStringLiteral("tunebench"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TUNEBENCH_VERSION));
    return tb::cli::runCommand(QCoreApplication::arguments().mid(1));
}
