#pragma once
// The welcome page: what the window shows while no store is open or the open store has no
// experiment yet. It offers the first steps (run the demo, start from a bundled example,
// set up an experiment, open or create a store) and the stores opened before; the window
// does them (the page only asks, through its signals).
//
// Threading: GUI thread only.

#include <QWidget>

class QLabel;
class QListWidget;
class QVBoxLayout;

namespace tb::widgets {

class WelcomePage : public QWidget {
    Q_OBJECT
public:
    explicit WelcomePage(QWidget* parent = nullptr);

    // The open store (empty: none), named in the page's first line.
    void setStore(const QString& path);
    // The stores opened before, newest first; the list hides when there are none.
    void setRecent(const QStringList& paths);

    // The bundled example specs (":/examples/*.json"), by resource path, sorted.
    static QStringList examples();

    QListWidget* recentList() const { return m_recent; }

signals:
    void demoRequested();
    void exampleRequested(const QString& resource);
    void setupRequested();
    void pipelineRequested();
    void newStoreRequested();
    void openStoreRequested();
    void recentRequested(const QString& path);

private:
    QLabel* m_store;
    QWidget* m_recentBox;
    QListWidget* m_recent;
};

} // namespace tb::widgets
