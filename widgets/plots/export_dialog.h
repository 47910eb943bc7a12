#pragma once
// The export dialog of the plots: which plot (when several are shown), the file and its
// format (PNG, SVG, PDF), the size in pixels, the DPI, the title (on or off, and its
// words) and the legend. The plots' Export button and context menu open it for one panel;
// the window's Export > Plot... for the plots of the tab shown.
//
// Threading: GUI thread only.

#include "widgets/plots/plot_panel.h"

#include <QDialog>
#include <QList>
#include <QPointer>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace tb::widgets {

class PlotExportDialog : public QDialog {
    Q_OBJECT
public:
    // `panels`: what may be exported (a chooser shows when there are several); `current`:
    // the one chosen first (the first panel when null).
    PlotExportDialog(const QList<PlotPanel*>& panels, PlotPanel* current, QWidget* parent = nullptr);

    PlotPanel* panel() const;
    void setPanel(PlotPanel* panel);
    QString path() const;
    void setPath(const QString& path);
    // "png", "svg" or "pdf": also the path's suffix.
    QString format() const;
    void setFormat(const QString& format);
    PlotPanel::ExportOptions options() const;
    void setOptions(const PlotPanel::ExportOptions& options);

    // Writes the chosen panel as chosen; false with `error` set when that failed.
    bool exportNow(QString* error = nullptr);

    // The name a panel goes by: its title, else the tab that holds it, else its object name.
    static QString displayName(const PlotPanel* panel);
    // The plots shown inside `root` (the window's current tab), in layout order.
    static QList<PlotPanel*> shownPanels(QWidget* root);
    // Export > Plot...: the dialog for the plots shown inside `root`, preselecting the one
    // that has the focus or was clicked last; a message when none is shown.
    static void exportShown(QWidget* root, QWidget* parent);

public slots:
    void accept() override; // exports; stays open with a message when that fails

private:
    void browse();
    void panelChosen();
    void updateInches();
    void remember() const;

    QList<QPointer<PlotPanel>> m_panels;
    QComboBox* m_plotChooser;
    QLineEdit* m_path;
    QComboBox* m_format;
    QSpinBox* m_width;
    QSpinBox* m_height;
    QDoubleSpinBox* m_dpi;
    QLabel* m_inches;
    QCheckBox* m_title;
    QLineEdit* m_titleText;
    QCheckBox* m_legend;
};

} // namespace tb::widgets
