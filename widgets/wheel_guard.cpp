#include "wheel_guard.h"

#include <QAbstractSpinBox>
#include <QChildEvent>
#include <QComboBox>
#include <QEvent>
#include <QWidget>

namespace tb::widgets {

namespace {

// The editors whose value a wheel turn changes.
bool isValueEditor(const QObject* object)
{
    return qobject_cast<const QComboBox*>(object) || qobject_cast<const QAbstractSpinBox*>(object);
}

const char* const kGuardedProperty = "tb_wheelGuarded";

void guard(QWidget* editor)
{
    if (editor->focusPolicy() == Qt::WheelFocus)
        editor->setFocusPolicy(Qt::StrongFocus);
    editor->setProperty(kGuardedProperty, true);
}

} // namespace

WheelGuard::WheelGuard(QWidget* scope) : QObject(scope)
{
    watch(scope);
}

WheelGuard* WheelGuard::install(QWidget* scope)
{
    return new WheelGuard(scope);
}

bool WheelGuard::isGuarded(const QWidget* editor)
{
    return editor && editor->property(kGuardedProperty).toBool() && editor->focusPolicy() != Qt::WheelFocus;
}

void WheelGuard::watch(QWidget* widget)
{
    widget->installEventFilter(this); // installing twice keeps one filter
    if (isValueEditor(widget))
        guard(widget);
    for (QObject* child : widget->children())
        if (child->isWidgetType())
            watch(static_cast<QWidget*>(child));
}

bool WheelGuard::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::ChildAdded: {
        // A child is announced from its QWidget constructor, before it is a QComboBox: it is
        // watched now, and guarded when it is polished (below) or when the wheel reaches it.
        QObject* child = static_cast<QChildEvent*>(event)->child();
        if (child->isWidgetType())
            watch(static_cast<QWidget*>(child));
        break;
    }
    case QEvent::Polish:
        if (isValueEditor(watched))
            guard(static_cast<QWidget*>(watched));
        break;
    case QEvent::Wheel:
        if (isValueEditor(watched)) {
            auto* editor = static_cast<QWidget*>(watched);
            guard(editor);
            if (!editor->hasFocus()) {
                // Ignored and filtered: Qt passes the wheel on to the parents, up to the
                // scroll area's viewport, which scrolls.
                event->ignore();
                return true;
            }
        }
        break;
    default: break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace tb::widgets
