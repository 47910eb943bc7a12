#include "number_spin_box.h"

#include "widgets/models/spec_text.h"

#include <cfloat>
#include <cmath>

namespace tb::widgets {

NumberSpinBox::NumberSpinBox(QWidget* parent) : QDoubleSpinBox(parent)
{
    // QDoubleSpinBox rounds every value to `decimals`; the most it allows keeps any double.
    setDecimals(DBL_MAX_10_EXP + DBL_DIG);
    setRange(-DBL_MAX, DBL_MAX);
    setKeyboardTracking(false);
}

void NumberSpinBox::setIntegral(bool on)
{
    m_integral = on;
    setDecimals(on ? 0 : DBL_MAX_10_EXP + DBL_DIG);
    setSingleStep(1.0);
}

QString NumberSpinBox::textFromValue(double value) const
{
    return numberText(value);
}

double NumberSpinBox::valueFromText(const QString& text) const
{
    return text.trimmed().toDouble();
}

QValidator::State NumberSpinBox::validate(QString& text, int&) const
{
    const QString t = text.trimmed();
    if (t.isEmpty() || t == QLatin1String("-") || t == QLatin1String("+") || t.endsWith(QLatin1Char('e'), Qt::CaseInsensitive)
        || t.endsWith(QLatin1String("e-"), Qt::CaseInsensitive) || t.endsWith(QLatin1Char('.')))
        return QValidator::Intermediate;
    bool ok = false;
    const double x = t.toDouble(&ok);
    if (!ok || !std::isfinite(x))
        return QValidator::Invalid;
    if (m_integral && std::floor(x) != x)
        return QValidator::Invalid;
    return x >= minimum() && x <= maximum() ? QValidator::Acceptable : QValidator::Intermediate;
}

} // namespace tb::widgets
