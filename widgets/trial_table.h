#pragma once
// The trial table: one row per trial with state colours, value (a column per objective
// with several), feasibility (with constraints), duration and parameters; sorting, a text
// filter and a state filter. The text and state filter is the data's
// filter (ExperimentData::setFilter), so the plots show the trials the table shows; the
// table in turn shows only the trials that pass every filter (the parallel coordinates'
// brushes too).

#include <QAbstractTableModel>
#include <QPointer>
#include <QSortFilterProxyModel>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QToolButton;

namespace tb::widgets {

class ExperimentData;
struct TrialView;

class TrialTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    // What a column shows. With one objective and no constraints these are also the
    // columns' positions; otherwise Columns says where each is.
    enum Column { Id, Number, State, Value, Duration, Attempt, Reason, FirstParam, Feasible };
    static constexpr int TrialIdRole = Qt::UserRole + 1;
    static constexpr int SortRole = Qt::UserRole + 2;

    // The columns of an experiment: Id, #, State, one Value column per objective (the
    // metric's name), Feasible (with constraints), Duration, Attempt, Reason, then one per
    // parameter.
    struct Columns {
        int objectives = 1;
        bool feasibility = false;
        QStringList params;

        int count() const;
        // What column `column` shows and, for Value and FirstParam, which objective or parameter.
        std::pair<Column, int> at(int column) const;
        // Where `kind` (objective or parameter `index`) is; -1: not shown.
        int of(Column kind, int index = 0) const;
    };
    const Columns& columns() const { return m_columns; }

    explicit TrialTableModel(ExperimentData& data, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    static QColor stateColor(const QString& state);
    static QString stateLabel(const QString& state); // translated
    // What a cell of the trial shows (and the text filter searches, with the reason also as
    // the engine wrote it). The reason is shown in the window's language and sorted by its
    // English.
    static QString displayText(const TrialView& trial, int column, const Columns& columns);

private:
    void onReset();
    void onTrialsChanged(bool added);

    ExperimentData& m_data;
    Columns m_columns;
    int m_rows = 0;
};

// Publishes the state and text filter as the data's filter (a trial passes when its state
// matches and some cell contains the text) and accepts the rows of trials that pass the
// data's whole filter. The source model must be a TrialTableModel of the same data.
class TrialFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit TrialFilterModel(ExperimentData& data, QObject* parent = nullptr);
    ~TrialFilterModel() override;

    static QString filterSource();
    void setState(const QString& state);
    void setText(const QString& text);

protected:
    bool filterAcceptsRow(int row, const QModelIndex& parent) const override;

private:
    void publish();

    QPointer<ExperimentData> m_data; // may go first (the window's own member)
    QString m_state;
    QString m_text;
};

class TrialTable : public QWidget {
    Q_OBJECT
public:
    explicit TrialTable(ExperimentData& data, QWidget* parent = nullptr);

    QTableView* view() const { return m_view; }
    TrialTableModel* model() const { return m_model; }
    TrialFilterModel* filter() const { return m_filter; }

    QLineEdit* textFilter() const { return m_text; }
    QComboBox* stateFilter() const { return m_state; }
    // Clears every filter: the text, the state and the plots' (brushes).
    void showAll();

private:
    void onSelectionChanged(qint64 trialId);
    void updateFilterNote();

    ExperimentData& m_data;
    TrialTableModel* m_model;
    TrialFilterModel* m_filter;
    QTableView* m_view;
    QLineEdit* m_text;
    QComboBox* m_state;
    QLabel* m_filterNote;      // "Showing 3 of 30 trials" while filtered
    QToolButton* m_showAll;
};

} // namespace tb::widgets
