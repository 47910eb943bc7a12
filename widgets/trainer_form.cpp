#include "trainer_form.h"

#include "command_editors.h"

#include "engine/train/flags.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <climits>
#include <cmath>

namespace tb::widgets {

const QString TrainerForm::program = QStringLiteral("tunebench-train");

namespace {

const QString kTask = QStringLiteral("task");
const QString kModel = QStringLiteral("model");
const QString kSchedule = QStringLiteral("schedule");

// The form's rows come from tunebench-train's flag declaration (engine/train/flags.cpp),
// in English; they are looked up by that text in this class's context, as registry_text.cpp
// does for the algorithm registry. These lines mark them for lupdate: a form row added in
// flags.cpp needs its label and tip here (tst_editors checks the catalogue has them).
[[maybe_unused]] const char* const kFlagTexts[] = {
    QT_TRANSLATE_NOOP("tb::widgets::TrainerForm", "Task"),
    QT_TRANSLATE_NOOP("tb::widgets::TrainerForm", "spirals: generated two-spirals points; text: a byte-level corpus; idx: MNIST-style images; csv: a table whose last column is the class."),
    QT_TRANSLATE_NOOP("tb::widgets::TrainerForm", "Model"),
    QT_TRANSLATE_NOOP("tb::widgets::TrainerForm", "gpt needs the text task, cnn the idx task; mlp serves spirals and csv."),
    QT_TRANSLATE_NOOP("tb::widgets::TrainerForm", "Size"),
    QT_TRANSLATE_NOOP("tb::widgets::TrainerForm", "Model size (gpt)."),
    QT_TRANSLATE_NOOP("tb::widgets::TrainerForm", "Data file"),
    QT_TRANSLATE_NOOP("tb::widgets::TrainerForm", "text: any file; idx: the images file; csv: numbers."),
    QT_TRANSLATE_NOOP("tb::widgets::TrainerForm", "Pipeline stages"),
    QT_TRANSLATE_NOOP("tb::widgets::TrainerForm", "Pipeline ranks the model is split over."),
    QT_TRANSLATE_NOOP("tb::widgets::TrainerForm", "Devices"),
    QT_TRANSLATE_NOOP("tb::widgets::TrainerForm", "cpu, cuda or cuda:N, comma separated: one per stage, or one for all."),
    QT_TRANSLATE_NOOP("tb::widgets::TrainerForm", "Micro-batches"),
    QT_TRANSLATE_NOOP("tb::widgets::TrainerForm", "Micro-batches per mini-batch."),
    QT_TRANSLATE_NOOP("tb::widgets::TrainerForm", "Schedule"),
    QT_TRANSLATE_NOOP("tb::widgets::TrainerForm", "Pipeline schedule: GPipe, 1F1B, interleaved 1F1B or zero-bubble ZB-H1."),
    QT_TRANSLATE_NOOP("tb::widgets::TrainerForm", "Virtual stages"),
    QT_TRANSLATE_NOOP("tb::widgets::TrainerForm", "Stages per rank (interleaved only)."),
    QT_TRANSLATE_NOOP("tb::widgets::TrainerForm", "Checkpointing"),
    QT_TRANSLATE_NOOP("tb::widgets::TrainerForm", "Activation recomputation: keep only each stage's input and recompute its forward in backward."),
    QT_TRANSLATE_NOOP("tb::widgets::TrainerForm", "Offload"),
    QT_TRANSLATE_NOOP("tb::widgets::TrainerForm", "activations: keep checkpointed stage inputs in CPU memory; l2l: layer-to-layer relay."),
    QT_TRANSLATE_NOOP("tb::widgets::TrainerForm", "Precision"),
    QT_TRANSLATE_NOOP("tb::widgets::TrainerForm", "bf16 autocast needs CUDA."),
    QT_TRANSLATE_NOOP("tb::widgets::TrainerForm", "Length"),
    QT_TRANSLATE_NOOP("tb::widgets::TrainerForm", "Training length; a step is one optimizer step."),
    QT_TRANSLATE_NOOP("tb::widgets::TrainerForm", "epochs"), // the flag names a shared row chooses between
    QT_TRANSLATE_NOOP("tb::widgets::TrainerForm", "steps"),
    QT_TRANSLATE_NOOP("tb::widgets::TrainerForm", "Batch size"),
    QT_TRANSLATE_NOOP("tb::widgets::TrainerForm", "Mini-batch size, split into the micro-batches."),
    QT_TRANSLATE_NOOP("tb::widgets::TrainerForm", "model default"),
    QT_TRANSLATE_NOOP("tb::widgets::TrainerForm", "Learning rate"),
    QT_TRANSLATE_NOOP("tb::widgets::TrainerForm", "A number, or a parameter of the space such as ${lr} (type $ to complete)."),
};

QString fromView(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

QString translated(std::string_view english)
{
    return TrainerForm::tr(std::string(english).c_str());
}

// A number field's range: the flag's bounds, as integers.
int lowest(const train::Flag& flag)
{
    if (!flag.min)
        return INT_MIN;
    return static_cast<int>(flag.min->inclusive ? std::ceil(flag.min->value) : std::floor(flag.min->value) + 1);
}

int highest(const train::Flag& flag)
{
    if (!flag.max)
        return INT_MAX;
    return static_cast<int>(flag.max->inclusive ? std::floor(flag.max->value) : std::ceil(flag.max->value) - 1);
}

// The flags given instead of `flag` (steps for epochs): they share its row.
std::vector<const train::Flag*> alternativesOf(const train::Flag& flag)
{
    std::vector<const train::Flag*> out;
    for (const train::Flag& other : train::flags())
        if (other.alternativeTo == flag.name)
            out.push_back(&other);
    return out;
}

} // namespace

TrainerForm::TrainerForm(QWidget* parent)
    : QWidget(parent), m_layout(new QFormLayout(this)), m_extra(new ArgvEditor(this)), m_numberCompleter(new PlaceholderCompleter(this))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    for (const train::Flag& flag : train::flags()) {
        if (flag.formLabel.empty() || !flag.alternativeTo.empty())
            continue;
        if (const auto alternatives = alternativesOf(flag); !alternatives.empty())
            addAlternatives(flag, alternatives);
        else if (flag.kind() == train::Flag::Kind::Choice)
            addChoice(flag);
        else if (flag.kind() == train::Flag::Kind::Int)
            addInt(flag);
        else
            addText(flag);
    }

    m_extra->setObjectName(QStringLiteral("trainer-extra"));
    m_extra->setToolTip(tr("Further tunebench-train arguments (see docs/trainer.md), such as --hidden 128."));
    m_layout->addRow(tr("Other arguments"), m_extra);
    connect(m_extra, &ArgvEditor::changed, this, &TrainerForm::edited);

    m_hint = new QLabel(this);
    m_hint->setObjectName(QStringLiteral("trainer-hint"));
    m_hint->setWordWrap(true);
    m_hint->setStyleSheet(QStringLiteral("color: #a05000;"));
    // Two lines always held, so that the rows below (the working directory's Browse, the
    // environment's buttons) stay where they are when a hint comes or goes.
    m_hint->setFixedHeight(m_hint->fontMetrics().lineSpacing() * 2);
    m_layout->addRow(m_hint);

    setArgv(defaultArgv());
}

bool TrainerForm::isTrainerCommand(const QStringList& argv)
{
    return !argv.isEmpty() && argv.first() == program;
}

QStringList TrainerForm::defaultArgv()
{
    QStringList out{program};
    for (const train::Flag& flag : train::flags())
        if (flag.inNewCommand)
            out << QStringLiteral("--") + fromView(flag.name) << QString::fromStdString(train::flagDefault(flag));
    return out;
}

void TrainerForm::addField(Field field, const QString& label)
{
    field.widget->setObjectName(QStringLiteral("trainer-") + field.flags.first());
    m_layout->addRow(label, field.widget);
    m_fields.append(std::move(field));
}

void TrainerForm::addChoice(const train::Flag& spec)
{
    const QString flag = fromView(spec.name);
    auto* box = new QComboBox(this);
    for (const std::string& choice : spec.choices)
        box->addItem(QString::fromStdString(choice));
    box->setToolTip(translated(spec.formTip));
    Field f;
    f.flags = {flag};
    f.widget = box;
    f.flag = [flag] { return flag; };
    f.value = [box] { return box->currentText(); };
    f.set = [box](const QString&, const QString& value) {
        const int index = box->findText(value);
        if (index < 0)
            return false;
        box->setCurrentIndex(index);
        return true;
    };
    f.defaultFlag = flag;
    f.defaultValue = QString::fromStdString(train::flagDefault(spec));
    connect(box, &QComboBox::currentIndexChanged, this, [this, flag] {
        if (m_filling)
            return;
        // Keep task and model compatible, as the trainer requires.
        m_filling = true;
        auto* model = qobject_cast<QComboBox*>(field(kModel));
        auto* task = qobject_cast<QComboBox*>(field(kTask));
        if (flag == kTask && task && model) {
            const QString t = task->currentText();
            const QString m = model->currentText();
            if (t == QLatin1String("text"))
                model->setCurrentText(QStringLiteral("gpt"));
            else if (t == QLatin1String("idx") && m == QLatin1String("gpt"))
                model->setCurrentText(QStringLiteral("cnn"));
            else if ((t == QLatin1String("spirals") || t == QLatin1String("csv")) && m != QLatin1String("mlp"))
                model->setCurrentText(QStringLiteral("mlp"));
        } else if (flag == kSchedule) {
            // Only interleaved takes virtual stages; the field goes back to its default.
            auto* schedule = qobject_cast<QComboBox*>(field(kSchedule));
            auto* virtualStages = qobject_cast<QSpinBox*>(field(QStringLiteral("virtual-stages")));
            if (schedule && virtualStages && schedule->currentText() != QLatin1String("interleaved"))
                virtualStages->setValue(1);
        }
        m_filling = false;
        edited();
    });
    addField(std::move(f), translated(spec.formLabel));
}

void TrainerForm::addInt(const train::Flag& spec)
{
    const QString flag = fromView(spec.name);
    const QString fallback = QString::fromStdString(train::flagDefault(spec));
    auto* box = new QSpinBox(this);
    box->setRange(lowest(spec), highest(spec));
    box->setValue(fallback.toInt());
    box->setToolTip(translated(spec.formTip));
    if (!spec.formMinimumText.empty())
        box->setSpecialValueText(translated(spec.formMinimumText));
    Field f;
    f.flags = {flag};
    f.widget = box;
    f.flag = [flag] { return flag; };
    f.value = [box] { return QString::number(box->value()); };
    f.set = [box](const QString&, const QString& value) {
        bool ok = false;
        const int n = value.toInt(&ok);
        // "08" or "${stages}" cannot be shown without changing them: they stay raw arguments.
        if (!ok || QString::number(n) != value || n < box->minimum() || n > box->maximum())
            return false;
        box->setValue(n);
        return true;
    };
    f.defaultFlag = flag;
    f.defaultValue = fallback;
    connect(box, &QSpinBox::valueChanged, this, &TrainerForm::edited);
    addField(std::move(f), translated(spec.formLabel));
}

void TrainerForm::addText(const train::Flag& spec)
{
    const QString flag = fromView(spec.name);
    const QString fallback = QString::fromStdString(train::flagDefault(spec));
    auto* edit = new QLineEdit(fallback, this);
    edit->setToolTip(translated(spec.formTip));
    // A number as text, so that it can be a parameter of the space: ${lr}.
    if (spec.kind() == train::Flag::Kind::Real)
        edit->setCompleter(m_numberCompleter);
    Field f;
    f.flags = {flag};
    f.widget = edit;
    f.flag = [flag] { return flag; };
    f.value = [edit] { return edit->text(); };
    f.set = [edit](const QString&, const QString& value) {
        edit->setText(value);
        return true;
    };
    f.defaultFlag = flag;
    f.defaultValue = fallback;
    connect(edit, &QLineEdit::textChanged, this, &TrainerForm::edited);
    addField(std::move(f), translated(spec.formLabel));
}

void TrainerForm::addAlternatives(const train::Flag& spec, const std::vector<const train::Flag*>& others)
{
    // One number and which flag it goes to, e.g. --epochs N or --steps N. The widgets are
    // named after the row's English label (trainer-length, trainer-length-unit).
    const QString name = QStringLiteral("trainer-") + fromView(spec.formLabel).toLower();
    auto* box = new QWidget(this);
    auto* unit = new QComboBox(box);
    unit->setObjectName(name + QStringLiteral("-unit"));
    unit->addItem(translated(spec.name), fromView(spec.name));
    for (const train::Flag* other : others)
        unit->addItem(translated(other->name), fromView(other->name));
    auto* count = new QSpinBox(box);
    count->setObjectName(name);
    count->setRange(lowest(spec), highest(spec));
    auto* layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(count, 1);
    layout->addWidget(unit);
    Field f;
    f.flags = {fromView(spec.name)};
    for (const train::Flag* other : others)
        f.flags << fromView(other->name);
    f.widget = box;
    f.flag = [unit] { return unit->currentData().toString(); };
    f.value = [count] { return QString::number(count->value()); };
    f.set = [unit, count](const QString& flag, const QString& value) {
        bool ok = false;
        const int n = value.toInt(&ok);
        if (!ok || QString::number(n) != value || n < count->minimum() || n > count->maximum())
            return false;
        unit->setCurrentIndex(unit->findData(flag));
        count->setValue(n);
        return true;
    };
    f.defaultFlag = fromView(spec.name);
    f.defaultValue = QString::fromStdString(train::flagDefault(spec));
    connect(unit, &QComboBox::currentIndexChanged, this, &TrainerForm::edited);
    connect(count, &QSpinBox::valueChanged, this, &TrainerForm::edited);
    box->setToolTip(translated(spec.formTip));
    addField(std::move(f), translated(spec.formLabel));
}

QWidget* TrainerForm::field(const QString& flag) const
{
    for (const Field& f : m_fields)
        if (f.flags.contains(flag))
            return f.widget;
    return nullptr;
}

void TrainerForm::resetFields()
{
    for (Field& f : m_fields)
        f.set(f.defaultFlag, f.defaultValue);
}

void TrainerForm::setArgv(const QStringList& argv)
{
    m_filling = true;
    resetFields();
    m_slots.clear();
    QStringList extra;
    QVector<bool> seen(m_fields.size(), false);
    for (qsizetype i = 1; i < argv.size(); ++i) {
        const QString& arg = argv[i];
        if (arg.startsWith(QLatin1String("--")) && arg.size() > 2) {
            QString name = arg.mid(2);
            QString value;
            const qsizetype eq = name.indexOf(QLatin1Char('='));
            const bool inlineValue = eq >= 0;
            if (inlineValue) {
                value = name.mid(eq + 1);
                name = name.left(eq);
            }
            int f = -1;
            for (int k = 0; k < m_fields.size() && f < 0; ++k)
                if (m_fields[k].flags.contains(name))
                    f = k;
            const bool hasValue = inlineValue || i + 1 < argv.size();
            if (f >= 0 && !seen[f] && hasValue) {
                if (!inlineValue)
                    value = argv[i + 1];
                if (m_fields[f].set(name, value)) {
                    seen[f] = true;
                    m_slots.append({f, inlineValue});
                    if (!inlineValue)
                        ++i;
                    continue;
                }
            }
        }
        m_slots.append({-1, false});
        extra << arg;
    }
    m_extra->setArguments(extra);
    m_filling = false;
    updateEnabled();
    emit changed();
}

QStringList TrainerForm::argv() const
{
    QStringList out{program};
    const QStringList extra = m_extra->arguments();
    qsizetype next = 0;
    QVector<bool> written(m_fields.size(), false);
    for (const Slot& slot : m_slots) {
        if (slot.field < 0) {
            if (next < extra.size())
                out << extra[next++];
            continue;
        }
        const Field& f = m_fields[slot.field];
        written[slot.field] = true;
        if (slot.inlineValue)
            out << QStringLiteral("--%1=%2").arg(f.flag(), f.value());
        else
            out << QStringLiteral("--") + f.flag() << f.value();
    }
    for (int k = 0; k < m_fields.size(); ++k) {
        const Field& f = m_fields[k];
        if (!written[k] && (f.flag() != f.defaultFlag || f.value() != f.defaultValue))
            out << QStringLiteral("--") + f.flag() << f.value();
    }
    while (next < extra.size())
        out << extra[next++];
    return out;
}

void TrainerForm::setPlaceholderNames(const QStringList& names)
{
    m_numberCompleter->setNames(names);
    m_extra->setPlaceholderNames(names);
}

void TrainerForm::updateEnabled()
{
    auto text = [this](const QString& flag) {
        for (const Field& f : m_fields)
            if (f.flags.contains(flag))
                return f.value();
        return QString();
    };
    const QString task = text(kTask);
    const QString model = text(kModel);
    field(QStringLiteral("size"))->setEnabled(model == QLatin1String("gpt"));
    field(QStringLiteral("data"))->setEnabled(task != QLatin1String("spirals"));
    field(QStringLiteral("virtual-stages"))->setEnabled(text(kSchedule) == QLatin1String("interleaved"));

    QString hint;
    if (model == QLatin1String("gpt") && task != QLatin1String("text"))
        hint = tr("The gpt model needs the text task.");
    else if (task == QLatin1String("text") && model != QLatin1String("gpt"))
        hint = tr("The text task needs the gpt model.");
    else if (model == QLatin1String("cnn") && task != QLatin1String("idx"))
        hint = tr("The cnn model needs the idx task.");
    else if (task != QLatin1String("spirals") && text(QStringLiteral("data")).isEmpty())
        hint = tr("The %1 task needs a data file.").arg(task);
    else if (text(QStringLiteral("offload")) == QLatin1String("activations") && text(QStringLiteral("checkpoint")) == QLatin1String("none"))
        hint = tr("Offloading activations needs checkpointing (always or except_last).");
    else if (text(QStringLiteral("offload")) == QLatin1String("l2l") && text(QStringLiteral("stages")) != QLatin1String("1"))
        hint = tr("L2L offload relays the layers through one device: use 1 pipeline stage.");
    m_hint->setText(hint);
    m_hint->setToolTip(hint);
}

void TrainerForm::edited()
{
    if (m_filling)
        return;
    updateEnabled();
    emit changed();
}

} // namespace tb::widgets
