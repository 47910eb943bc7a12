#pragma once
// A QDoubleSpinBox that shows numbers in their shortest round-trip form (1e-05, 0.1666...)
// and keeps every double exactly, so a value loaded from a spec is written back unchanged.
// QDoubleSpinBox itself rounds to a fixed number of decimals and pads with zeros.

#include <QDoubleSpinBox>

namespace tb::widgets {

class NumberSpinBox : public QDoubleSpinBox {
    Q_OBJECT
public:
    explicit NumberSpinBox(QWidget* parent = nullptr);

    // Whole numbers only (a seed, a count larger than QSpinBox's int).
    void setIntegral(bool on);
    bool isIntegral() const { return m_integral; }

    QString textFromValue(double value) const override;
    double valueFromText(const QString& text) const override;
    QValidator::State validate(QString& text, int& pos) const override;

private:
    bool m_integral = false;
};

} // namespace tb::widgets
