#pragma once
// Keeps the mouse wheel from changing an editor the user is not editing. A wheel turned
// over a combo box or spin box that does not have focus scrolls the form around it (the
// scroll area it sits in) instead of changing the value under the pointer; once the editor
// has focus (a click, Tab), the wheel steps its value as usual.
//
// install(scope) guards every combo box and spin box in `scope`, including those created
// later (forms built on demand, such as an algorithm's settings): it watches the scope's
// widgets for new children. The guarded editors take focus by click and Tab only
// (Qt::StrongFocus), since Qt's default wheel focus would give them focus on the first turn.
//
// Threading: GUI thread only.

#include <QObject>

class QWidget;

namespace tb::widgets {

class WheelGuard : public QObject {
    Q_OBJECT
public:
    // Guards `scope` and everything in it, now and later; the guard is a child of `scope`.
    static WheelGuard* install(QWidget* scope);

    // Whether the wheel would change `editor` only when it has focus.
    static bool isGuarded(const QWidget* editor);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    explicit WheelGuard(QWidget* scope);
    void watch(QWidget* widget); // `widget` and its descendants
};

} // namespace tb::widgets
