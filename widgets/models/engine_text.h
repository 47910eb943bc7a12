#pragma once
// The engine's messages in the window's language.
//
// The engine, the spec parser and the algorithms write English (the CLI prints it, and the
// store keeps trial and experiment reasons as written), so the window translates a message
// when it shows it. engine_text.cpp holds one table of the engine's message templates,
// written as the engine builds them with %1..%n for the variable parts; a message matched
// by a template comes back as the translated template with the parts put back. Parts that
// are messages themselves (the reason in "its only trial failed: %1") are translated the
// same way; names, paths, values and keys stay as they are.
//
// Most spec messages are "<path>: <what>" ("space[2].low: expected a number, got \"x\"",
// "space[0] 'lr': low and high must be finite numbers"): the path is kept, `what` is
// translated. A message that no template matches comes back unchanged, and with no
// translation installed every message comes back exactly as given.
//
// Threading: any thread (the table is built once, on first use).

#include <QString>

namespace tb::widgets {

// `english` in the window's language, or unchanged when no template matches it.
QString engineText(const QString& english);

// Like engineText(), for a message without a path prefix (the `what` after "space[2].low: "),
// for a view that shows the path in its own terms.
QString engineWhat(const QString& english);

// Whether a template matches `english`, and every message nested in it (engineText()
// translates all of it).
bool hasTemplate(const QString& english);

} // namespace tb::widgets
