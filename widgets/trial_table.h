#pragma once
// The trial table: one row per trial with state colours, value, duration and parameters;
// sorting, a text filter and a state filter.

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>
#include <QWidget>

class QComboBox;
class QLineEdit;
class QTableView;

namespace tb::widgets {

class ExperimentData;

class TrialTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Id, Number, State, Value, Duration, Attempt, Reason, FirstParam };
    static constexpr int TrialIdRole = Qt::UserRole + 1;
    static constexpr int SortRole = Qt::UserRole + 2;

    explicit TrialTableModel(ExperimentData& data, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    static QColor stateColor(const QString& state);
    static QString stateLabel(const QString& state); // translated

private:
    void onReset();
    void onTrialsChanged(bool added);

    ExperimentData& m_data;
    QStringList m_params;
    int m_rows = 0;
};

// Accepts rows whose state matches and whose text contains the filter.
class TrialFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setState(const QString& state);
    void setText(const QString& text);

protected:
    bool filterAcceptsRow(int row, const QModelIndex& parent) const override;

private:
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

private:
    void onSelectionChanged(qint64 trialId);

    ExperimentData& m_data;
    TrialTableModel* m_model;
    TrialFilterModel* m_filter;
    QTableView* m_view;
    QLineEdit* m_text;
    QComboBox* m_state;
};

} // namespace tb::widgets
