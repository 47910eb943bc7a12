#pragma once
// The search-space editor: a table of parameters (SpaceModel) and a detail form for the
// selected one, with a prior preview. Errors are the spec parser's own messages, shown
// under the table in the table's terms (row numbers and names, not JSON paths) with the
// offending row marked. Every edit is undoable (undoStack()). The wheel changes a combo
// box only once it has focus (WheelGuard).
//
// Threading: GUI thread only.

#include <QJsonArray>
#include <QJsonObject>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QTableView;
class QToolButton;
class QUndoStack;

namespace tb::widgets {

class PriorPreview;
class SpaceModel;

class SpaceEditor : public QWidget {
    Q_OBJECT
public:
    explicit SpaceEditor(QWidget* parent = nullptr);
    ~SpaceEditor() override;

    // Lossless: setJson(x) then toJson() gives x back, keys and value types as given.
    // Loading clears the undo history.
    QJsonArray toJson() const;
    void setJson(const QJsonArray& space);

    QUndoStack* undoStack() const;
    SpaceModel* model() const { return m_model; }
    QStringList paramNames() const;

    bool isValid() const { return m_message.isEmpty(); }
    QString errorMessage() const { return m_message; } // the parser's message, or empty (shown in words)

    int currentRow() const;
    void setCurrentRow(int row);

signals:
    void changed();
    void validityChanged(bool ok, const QString& message);

private:
    void buildForm(QWidget* host);
    void onSpaceChanged();
    void validate();
    void showParam(int row); // fills the form from the model; row -1 clears it

    // Form edits: each turns the widget's state into a new parameter object.
    void commitName();
    void commitType(int index);
    void commitScalar(const QString& key, QLineEdit* edit);
    void commitLog(bool on);
    void commitGridValues();
    void commitChoices();
    void addChoice();
    void removeChoice();
    void commitParent(int index);
    void commitConditionValues();
    void commit(const QJsonObject& param, const QString& what);

    SpaceModel* m_model;
    QTableView* m_table;
    QLabel* m_error;
    QToolButton* m_remove;
    QToolButton* m_duplicate;
    QToolButton* m_up;
    QToolButton* m_down;

    QWidget* m_form;
    QFormLayout* m_formLayout;
    QLineEdit* m_name;
    QComboBox* m_type;
    QLineEdit* m_low;
    QLineEdit* m_high;
    QCheckBox* m_log;
    QLineEdit* m_step;
    QLineEdit* m_gridValues;
    QWidget* m_choicesBox;
    QListWidget* m_choices;
    QLineEdit* m_fixedValue;
    QComboBox* m_parent;
    QListWidget* m_whenValues;
    PriorPreview* m_preview;

    int m_formRow = -1;     // the row the form shows (edits go there even if the selection moved)
    bool m_filling = false; // true while showParam() sets widgets, so their signals are not edits
    QString m_message;
};

} // namespace tb::widgets
