// Skeleton, filled in by the issue-21 work of this session.
#include <QtTest>

class Skeleton : public QObject {
    Q_OBJECT
};

QTEST_MAIN(Skeleton)
#include "tst_engine_text.moc"
