#pragma once
// The search space being edited: one JSON object per parameter, kept exactly as given so
// that import and export round-trip losslessly (keys, number forms, scalar or list
// `when` values). Every change goes through the model's QUndoStack, so each edit —
// from the table, the detail form or a drag — can be undone.
//
// Threading: GUI thread only.

#include <QAbstractTableModel>
#include <QJsonArray>
#include <QJsonObject>
#include <QVector>
#include <functional>

class QUndoStack;

namespace tb::engine {
class SpecPath;
}

namespace tb::widgets {

// The spec parser's message in the set-up's words. The path the message begins with
// ("space[2].low", "trial.argv[0]", "algorithm.settings.steps") is replaced by `place(path)`
// ("Parameter 3 (lr), low"), and each space[N] or trial.argv[N] in its text by the row the
// tables show ("parameter 3", "argument 1"), so that no JSON path is left for a person to
// decode. A message about the spec as a whole is returned as it is.
QString messageInWords(const QString& message, const engine::SpecPath& path,
                       const std::function<QString(const engine::SpecPath&)>& place);

class SpaceModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { NameColumn, TypeColumn, RangeColumn, ConditionColumn, ColumnCount };

    explicit SpaceModel(QObject* parent = nullptr);
    ~SpaceModel() override;

    QUndoStack* undoStack() const { return m_undo; }

    // Replaces everything and clears the undo history (a newly opened document).
    void setSpace(const QJsonArray& space);
    QJsonArray space() const;

    QJsonObject param(int row) const { return m_params.value(row); }
    int rowOf(const QString& name) const; // -1 when no parameter has that name
    QStringList names() const;

    // Undoable edits. Renaming a parameter also renames it in its children's conditions.
    void insertParam(int row, const QJsonObject& param, const QString& text = {});
    void addParam(); // a new float parameter with an unused name, at the end
    void removeParam(int row);
    void duplicateParam(int row); // inserted after the original, with an unused name
    void moveParam(int from, int to); // `to` is the row the parameter ends up in
    void setParam(int row, const QJsonObject& param, const QString& text = {});

    QString uniqueName(const QString& base) const;

    // Where a path into the space is, as the table shows it: "Search space", "Parameter 3
    // (lr)", "Parameter 3 (lr), low", "Parameter 2 (opt), choice 1"; empty outside the space.
    QString placeOf(const engine::SpecPath& path) const;

    // The row the current validation error is about (-1: none); shown marked in red.
    void setError(int row, const QString& message);
    int errorRow() const { return m_errorRow; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

    // Drag and drop reorders (one row at a time, through the undo stack).
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QModelIndexList& indexes) const override;
    bool canDropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                         const QModelIndex& parent) const override;
    bool dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column, const QModelIndex& parent) override;
    Qt::DropActions supportedDropActions() const override;
    Qt::DropActions supportedDragActions() const override;

    static QString rangeSummary(const QJsonObject& param);
    static QString conditionSummary(const QJsonObject& param);

signals:
    // After any change to the parameters (not to the error marking).
    void spaceChanged();

private:
    class InsertCommand;
    class RemoveCommand;
    class MoveCommand;
    class ReplaceCommand;

    void doInsert(int row, const QJsonObject& param);
    void doRemove(int row);
    void doMove(int from, int to);
    void doReplace(int row, const QJsonObject& param);

    QVector<QJsonObject> m_params;
    QUndoStack* m_undo;
    int m_errorRow = -1;
    QString m_errorMessage;
};

} // namespace tb::widgets
