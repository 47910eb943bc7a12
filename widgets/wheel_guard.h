#pragma once
// Keeps the mouse wheel from changing editors that do not have focus (to be written).
