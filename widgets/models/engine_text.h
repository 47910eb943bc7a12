#pragma once
// The engine's and the spec parser's English messages in the window's language (to be written).
