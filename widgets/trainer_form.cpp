#include "trainer_form.h"

#include "command_editors.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <climits>

namespace tb::widgets {

const QString TrainerForm::program = QStringLiteral("tunebench-train");

namespace {

const QString kTask = QStringLiteral("task");
const QString kModel = QStringLiteral("model");
const QString kSchedule = QStringLiteral("schedule");

} // namespace

TrainerForm::TrainerForm(QWidget* parent)
    : QWidget(parent), m_layout(new QFormLayout(this)), m_extra(new ArgvEditor(this)), m_lrCompleter(new PlaceholderCompleter(this))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    addChoice(kTask, tr("Task"), {QStringLiteral("spirals"), QStringLiteral("text"), QStringLiteral("idx"), QStringLiteral("csv")},
              tr("spirals: generated two-spirals points; text: a byte-level corpus; idx: MNIST-style images; csv: a table "
                 "whose last column is the class."));
    addChoice(kModel, tr("Model"), {QStringLiteral("mlp"), QStringLiteral("gpt"), QStringLiteral("cnn")},
              tr("gpt needs the text task, cnn the idx task; mlp serves spirals and csv."));
    addChoice(QStringLiteral("size"), tr("Size"), {QStringLiteral("tiny"), QStringLiteral("small"), QStringLiteral("gpu")},
              tr("Model size (gpt)."));
    addText(QStringLiteral("data"), tr("Data file"), QString(), tr("text: any file; idx: the images file; csv: numbers."));
    addInt(QStringLiteral("stages"), tr("Pipeline stages"), 1, 1024, 1, tr("Pipeline ranks the model is split over."));
    addText(QStringLiteral("devices"), tr("Devices"), QStringLiteral("cpu"),
            tr("cpu, cuda or cuda:N, comma separated: one per stage, or one for all."));
    addInt(QStringLiteral("microbatches"), tr("Micro-batches"), 1, 1 << 20, 1, tr("Micro-batches per mini-batch."));
    addChoice(kSchedule, tr("Schedule"),
              {QStringLiteral("gpipe"), QStringLiteral("1f1b"), QStringLiteral("interleaved"), QStringLiteral("zb1")},
              tr("Pipeline schedule: GPipe, 1F1B, interleaved 1F1B or zero-bubble ZB-H1."));
    addInt(QStringLiteral("virtual-stages"), tr("Virtual stages"), 1, 64, 1, tr("Stages per rank (interleaved only)."));
    addChoice(QStringLiteral("checkpoint"), tr("Checkpointing"),
              {QStringLiteral("none"), QStringLiteral("except_last"), QStringLiteral("always")},
              tr("Activation recomputation: keep only each stage's input and recompute its forward in backward."));
    addChoice(QStringLiteral("offload"), tr("Offload"), {QStringLiteral("none"), QStringLiteral("activations"), QStringLiteral("l2l")},
              tr("activations: keep checkpointed stage inputs in CPU memory; l2l: layer-to-layer relay."));
    addChoice(QStringLiteral("precision"), tr("Precision"), {QStringLiteral("fp32"), QStringLiteral("bf16")},
              tr("bf16 autocast needs CUDA."));

    {
        // Training length: --epochs N or --steps N, one field.
        auto* box = new QWidget(this);
        auto* unit = new QComboBox(box);
        unit->setObjectName(QStringLiteral("trainer-length-unit"));
        unit->addItem(tr("epochs"), QStringLiteral("epochs"));
        unit->addItem(tr("steps"), QStringLiteral("steps"));
        auto* count = new QSpinBox(box);
        count->setObjectName(QStringLiteral("trainer-length"));
        count->setRange(0, INT_MAX);
        auto* layout = new QHBoxLayout(box);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(count, 1);
        layout->addWidget(unit);
        Field f;
        f.flags = {QStringLiteral("epochs"), QStringLiteral("steps")};
        f.widget = box;
        f.flag = [unit] { return unit->currentData().toString(); };
        f.value = [count] { return QString::number(count->value()); };
        f.set = [unit, count](const QString& flag, const QString& value) {
            bool ok = false;
            const int n = value.toInt(&ok);
            if (!ok || QString::number(n) != value || n < 0)
                return false;
            unit->setCurrentIndex(unit->findData(flag));
            count->setValue(n);
            return true;
        };
        f.defaultFlag = QStringLiteral("epochs");
        f.defaultValue = QStringLiteral("1");
        connect(unit, &QComboBox::currentIndexChanged, this, &TrainerForm::edited);
        connect(count, &QSpinBox::valueChanged, this, &TrainerForm::edited);
        box->setToolTip(tr("Training length; a step is one optimizer step."));
        addField(std::move(f), tr("Length"));
    }
    addInt(QStringLiteral("batch"), tr("Batch size"), 0, 1 << 24, 0, tr("Mini-batch size, split into the micro-batches."));
    if (auto* batch = qobject_cast<QSpinBox*>(field(QStringLiteral("batch"))))
        batch->setSpecialValueText(tr("model default"));
    addText(QStringLiteral("lr"), tr("Learning rate"), QStringLiteral("0.001"),
            tr("A number, or a parameter of the space such as ${lr} (type $ to complete)."));
    if (auto* lr = qobject_cast<QLineEdit*>(field(QStringLiteral("lr"))))
        lr->setCompleter(m_lrCompleter);

    m_extra->setObjectName(QStringLiteral("trainer-extra"));
    m_extra->setToolTip(tr("Further tunebench-train arguments (see docs/trainer.md), such as --hidden 128."));
    m_layout->addRow(tr("Other arguments"), m_extra);
    connect(m_extra, &ArgvEditor::changed, this, &TrainerForm::edited);

    m_hint = new QLabel(this);
    m_hint->setObjectName(QStringLiteral("trainer-hint"));
    m_hint->setWordWrap(true);
    m_hint->setStyleSheet(QStringLiteral("color: #a05000;"));
    m_layout->addRow(m_hint);

    setArgv(defaultArgv());
}

bool TrainerForm::isTrainerCommand(const QStringList& argv)
{
    return !argv.isEmpty() && argv.first() == program;
}

QStringList TrainerForm::defaultArgv()
{
    return {program,
            QStringLiteral("--task"), QStringLiteral("spirals"),
            QStringLiteral("--model"), QStringLiteral("mlp"),
            QStringLiteral("--stages"), QStringLiteral("1"),
            QStringLiteral("--devices"), QStringLiteral("cpu"),
            QStringLiteral("--microbatches"), QStringLiteral("1"),
            QStringLiteral("--schedule"), QStringLiteral("gpipe"),
            QStringLiteral("--checkpoint"), QStringLiteral("none"),
            QStringLiteral("--precision"), QStringLiteral("fp32"),
            QStringLiteral("--epochs"), QStringLiteral("1"),
            QStringLiteral("--lr"), QStringLiteral("0.001")};
}

void TrainerForm::addField(Field field, const QString& label)
{
    field.widget->setObjectName(QStringLiteral("trainer-") + field.flags.first());
    m_layout->addRow(label, field.widget);
    m_fields.append(std::move(field));
}

void TrainerForm::addChoice(const QString& flag, const QString& label, const QStringList& choices, const QString& tip)
{
    auto* box = new QComboBox(this);
    box->addItems(choices);
    box->setToolTip(tip);
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
    f.defaultValue = choices.first();
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
    addField(std::move(f), label);
}

void TrainerForm::addInt(const QString& flag, const QString& label, int min, int max, int fallback, const QString& tip)
{
    auto* box = new QSpinBox(this);
    box->setRange(min, max);
    box->setValue(fallback);
    box->setToolTip(tip);
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
    f.defaultValue = QString::number(fallback);
    connect(box, &QSpinBox::valueChanged, this, &TrainerForm::edited);
    addField(std::move(f), label);
}

void TrainerForm::addText(const QString& flag, const QString& label, const QString& fallback, const QString& tip)
{
    auto* edit = new QLineEdit(fallback, this);
    edit->setToolTip(tip);
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
    addField(std::move(f), label);
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
    m_lrCompleter->setNames(names);
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
    m_hint->setVisible(!hint.isEmpty());
}

void TrainerForm::edited()
{
    if (m_filling)
        return;
    updateEnabled();
    emit changed();
}

} // namespace tb::widgets
