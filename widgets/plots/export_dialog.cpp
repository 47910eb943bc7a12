#include "widgets/plots/export_dialog.h"

#include "widgets/models/file_dialogs.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTabWidget>
#include <qcustomplot.h>

namespace tb::widgets {

namespace {

constexpr int kMaxPixels = 20000;
const char* const kFolderKey = "plotExport/folder";
const char* const kFormatKey = "plotExport/format";
const char* const kDpiKey = "plotExport/dpi";

const struct {
    const char* suffix;
    const char* label;
} kFormats[] = {
    {"png", QT_TRANSLATE_NOOP("tb::widgets::PlotExportDialog", "PNG image")},
    {"svg", QT_TRANSLATE_NOOP("tb::widgets::PlotExportDialog", "SVG drawing")},
    {"pdf", QT_TRANSLATE_NOOP("tb::widgets::PlotExportDialog", "PDF document")},
};

QString withSuffix(const QString& path, const QString& suffix)
{
    if (path.isEmpty())
        return path;
    const QFileInfo info(path);
    const QString known = info.suffix().toLower();
    if (known == QLatin1String("png") || known == QLatin1String("svg") || known == QLatin1String("pdf"))
        return path.left(path.size() - known.size()) + suffix;
    return path + QLatin1Char('.') + suffix;
}

} // namespace

PlotExportDialog::PlotExportDialog(const QList<PlotPanel*>& panels, PlotPanel* current, QWidget* parent)
    : QDialog(parent), m_plotChooser(new QComboBox(this)), m_path(new QLineEdit(this)), m_format(new QComboBox(this)),
      m_width(new QSpinBox(this)), m_height(new QSpinBox(this)), m_dpi(new QDoubleSpinBox(this)), m_inches(new QLabel(this)),
      m_title(new QCheckBox(tr("Title"), this)), m_titleText(new QLineEdit(this)), m_legend(new QCheckBox(tr("Legend"), this))
{
    setWindowTitle(tr("Export Plot"));
    for (PlotPanel* p : panels)
        if (p) {
            m_panels << p;
            m_plotChooser->addItem(displayName(p));
        }
    m_plotChooser->setObjectName(QStringLiteral("plot"));
    m_path->setObjectName(QStringLiteral("path"));
    m_format->setObjectName(QStringLiteral("format"));
    m_width->setObjectName(QStringLiteral("width"));
    m_height->setObjectName(QStringLiteral("height"));
    m_dpi->setObjectName(QStringLiteral("dpi"));
    m_title->setObjectName(QStringLiteral("title"));
    m_titleText->setObjectName(QStringLiteral("titleText"));
    m_legend->setObjectName(QStringLiteral("legend"));

    for (const auto& f : kFormats)
        m_format->addItem(tr(f.label), QString::fromLatin1(f.suffix));
    for (QSpinBox* box : {m_width, m_height}) {
        box->setRange(16, kMaxPixels);
        box->setSuffix(tr(" px"));
    }
    m_dpi->setRange(24, 1200);
    m_dpi->setDecimals(0);
    m_dpi->setSingleStep(24);
    m_dpi->setToolTip(tr("Dots per inch, stored in the file. Text and lines keep their point sizes at this DPI, "
                         "so a higher DPI at the same pixel size means larger text."));
    m_titleText->setPlaceholderText(tr("the plot's title"));
    m_legend->setToolTip(tr("What the colours and marks mean"));

    auto* browse = new QPushButton(tr("Browse..."), this);
    auto* fileRow = new QHBoxLayout;
    fileRow->addWidget(m_path, 1);
    fileRow->addWidget(browse);
    auto* sizeRow = new QHBoxLayout;
    sizeRow->addWidget(m_width);
    sizeRow->addWidget(new QLabel(QStringLiteral("\u00d7"), this));
    sizeRow->addWidget(m_height);
    sizeRow->addStretch(1);
    auto* dpiRow = new QHBoxLayout;
    dpiRow->addWidget(m_dpi);
    dpiRow->addWidget(m_inches, 1);
    auto* titleRow = new QHBoxLayout;
    titleRow->addWidget(m_title);
    titleRow->addWidget(m_titleText, 1);

    auto* form = new QFormLayout;
    if (m_panels.size() > 1)
        form->addRow(tr("Plot:"), m_plotChooser);
    else
        m_plotChooser->hide();
    form->addRow(tr("File:"), fileRow);
    form->addRow(tr("Format:"), m_format);
    form->addRow(tr("Size:"), sizeRow);
    form->addRow(tr("DPI:"), dpiRow);
    form->addRow(tr("Show:"), titleRow);
    form->addRow(QString(), m_legend);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &PlotExportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(browse, &QPushButton::clicked, this, &PlotExportDialog::browse);
    connect(m_format, &QComboBox::currentIndexChanged, this, [this] { m_path->setText(withSuffix(m_path->text(), format())); });
    connect(m_path, &QLineEdit::editingFinished, this, [this] {
        const int i = m_format->findData(QFileInfo(m_path->text()).suffix().toLower());
        if (i >= 0)
            m_format->setCurrentIndex(i);
    });
    connect(m_width, &QSpinBox::valueChanged, this, &PlotExportDialog::updateInches);
    connect(m_height, &QSpinBox::valueChanged, this, &PlotExportDialog::updateInches);
    connect(m_dpi, &QDoubleSpinBox::valueChanged, this, &PlotExportDialog::updateInches);
    connect(m_title, &QCheckBox::toggled, m_titleText, &QWidget::setEnabled);
    connect(m_plotChooser, &QComboBox::currentIndexChanged, this, &PlotExportDialog::panelChosen);

    const QSettings settings;
    m_dpi->setValue(settings.value(QLatin1String(kDpiKey), PlotPanel::kScreenDpi).toDouble());
    const int format = m_format->findData(settings.value(QLatin1String(kFormatKey), QStringLiteral("png")).toString());
    m_format->setCurrentIndex(std::max(0, format));
    const int chosen = current ? static_cast<int>(m_panels.indexOf(QPointer<PlotPanel>(current))) : 0;
    m_plotChooser->setCurrentIndex(std::max(0, chosen));
    panelChosen(); // fills the rest from the panel
}

PlotPanel* PlotExportDialog::panel() const
{
    const int i = m_plotChooser->currentIndex();
    return i >= 0 && i < m_panels.size() ? m_panels[i].data() : nullptr;
}

void PlotExportDialog::setPanel(PlotPanel* panel)
{
    const int i = static_cast<int>(m_panels.indexOf(QPointer<PlotPanel>(panel)));
    if (i >= 0)
        m_plotChooser->setCurrentIndex(i);
}

QString PlotExportDialog::path() const
{
    return m_path->text();
}

void PlotExportDialog::setPath(const QString& path)
{
    m_path->setText(path);
    const int i = m_format->findData(QFileInfo(path).suffix().toLower());
    if (i >= 0) {
        const QSignalBlocker block(m_format);
        m_format->setCurrentIndex(i);
    }
}

QString PlotExportDialog::format() const
{
    return m_format->currentData().toString();
}

void PlotExportDialog::setFormat(const QString& format)
{
    const int i = m_format->findData(format.toLower());
    if (i >= 0)
        m_format->setCurrentIndex(i); // the path's suffix follows
}

PlotPanel::ExportOptions PlotExportDialog::options() const
{
    PlotPanel::ExportOptions o;
    o.size = QSize(m_width->value(), m_height->value());
    o.dpi = m_dpi->value();
    o.title = m_title->isChecked();
    o.titleText = m_titleText->text().trimmed();
    o.legend = m_legend->isEnabled() && m_legend->isChecked();
    return o;
}

void PlotExportDialog::setOptions(const PlotPanel::ExportOptions& o)
{
    if (o.size.isValid()) {
        m_width->setValue(o.size.width());
        m_height->setValue(o.size.height());
    }
    if (o.dpi > 0)
        m_dpi->setValue(o.dpi);
    if (o.title)
        m_title->setChecked(*o.title);
    m_titleText->setText(o.titleText);
    if (o.legend)
        m_legend->setChecked(*o.legend);
}

void PlotExportDialog::panelChosen()
{
    PlotPanel* p = panel();
    if (!p)
        return;
    const QSize shown = p->plot()->isVisible() ? p->plot()->size() : QSize(800, 600);
    // The size shown, at the DPI chosen: the same layout, as many pixels as that needs.
    const double scale = m_dpi->value() / PlotPanel::kScreenDpi;
    m_width->setValue(std::clamp(qRound(shown.width() * scale), 16, kMaxPixels));
    m_height->setValue(std::clamp(qRound(shown.height() * scale), 16, kMaxPixels));
    m_title->setChecked(!p->title().isEmpty());
    m_titleText->setText(p->title());
    m_titleText->setEnabled(m_title->isChecked());
    const bool legend = p->hasLegend();
    m_legend->setEnabled(legend);
    m_legend->setChecked(legend);
    const QString name = p->objectName().isEmpty() ? QStringLiteral("plot") : p->objectName();
    const QString folder = QSettings().value(QLatin1String(kFolderKey), QDir::homePath()).toString();
    const QString current = m_path->text();
    m_path->setText(QDir(current.isEmpty() ? folder : QFileInfo(current).absolutePath()).filePath(name + QLatin1Char('.') + format()));
    updateInches();
}

void PlotExportDialog::updateInches()
{
    const double dpi = m_dpi->value();
    m_inches->setText(tr("%1 \u00d7 %2 in").arg(m_width->value() / dpi, 0, 'f', 2).arg(m_height->value() / dpi, 0, 'f', 2));
}

void PlotExportDialog::browse()
{
    QStringList filters;
    for (const auto& f : kFormats)
        filters << tr("%1 (*.%2)").arg(tr(f.label), QString::fromLatin1(f.suffix));
    const QString chosen = files::saveFileName(this, tr("Export Plot"), m_path->text(), filters.join(QLatin1String(";;")));
    if (chosen.isEmpty())
        return;
    const QString suffix = QFileInfo(chosen).suffix().toLower();
    setPath(m_format->findData(suffix) >= 0 ? chosen : withSuffix(chosen, format()));
}

bool PlotExportDialog::exportNow(QString* error)
{
    PlotPanel* p = panel();
    if (!p) {
        if (error)
            *error = tr("The plot is gone.");
        return false;
    }
    QString path = m_path->text().trimmed();
    if (path.isEmpty()) {
        if (error)
            *error = tr("Choose a file to write.");
        return false;
    }
    if (QFileInfo(path).suffix().isEmpty())
        path = withSuffix(path, format());
    const QString refused = files::refusal(path);
    if (!refused.isEmpty()) {
        if (error)
            *error = refused;
        return false;
    }
    if (!p->exportTo(path, options(), error))
        return false;
    m_path->setText(path);
    remember();
    return true;
}

void PlotExportDialog::accept()
{
    QString error;
    if (!exportNow(&error)) {
        QMessageBox::warning(this, tr("Export Plot"), error);
        return;
    }
    QDialog::accept();
}

void PlotExportDialog::remember() const
{
    QSettings settings;
    settings.setValue(QLatin1String(kFolderKey), QFileInfo(m_path->text()).absolutePath());
    settings.setValue(QLatin1String(kFormatKey), format());
    settings.setValue(QLatin1String(kDpiKey), m_dpi->value());
}

QString PlotExportDialog::displayName(const PlotPanel* panel)
{
    if (!panel->title().isEmpty())
        return panel->title();
    // The page of a tab widget: its tab's text.
    for (const QWidget* w = panel; w && w->parentWidget(); w = w->parentWidget()) {
        const auto* stack = qobject_cast<const QStackedWidget*>(w->parentWidget());
        const auto* tabs = stack ? qobject_cast<const QTabWidget*>(stack->parentWidget()) : nullptr;
        if (tabs) {
            const int i = tabs->indexOf(const_cast<QWidget*>(w));
            if (i >= 0)
                return tabs->tabText(i).remove(QLatin1Char('&'));
        }
    }
    return panel->objectName();
}

QList<PlotPanel*> PlotExportDialog::shownPanels(QWidget* root)
{
    QList<PlotPanel*> out;
    if (!root)
        return out;
    if (auto* self = qobject_cast<PlotPanel*>(root); self && self->isVisible())
        out << self;
    for (PlotPanel* p : root->findChildren<PlotPanel*>())
        if (p->isVisible())
            out << p;
    return out;
}

void PlotExportDialog::exportShown(QWidget* root, QWidget* parent)
{
    const QList<PlotPanel*> panels = shownPanels(root);
    if (panels.isEmpty()) {
        QMessageBox::information(parent, tr("Export Plot"), tr("No plot is shown: open the Dashboard or the Pipeline tab first."));
        return;
    }
    PlotPanel* current = PlotPanel::lastActive();
    for (QWidget* w = QApplication::focusWidget(); w; w = w->parentWidget())
        if (auto* p = qobject_cast<PlotPanel*>(w)) {
            current = p;
            break;
        }
    PlotExportDialog dialog(panels, panels.contains(current) ? current : panels.first(), parent);
    dialog.exec();
}

} // namespace tb::widgets
