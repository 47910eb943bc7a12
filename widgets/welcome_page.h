#pragma once
// The welcome page: what the window shows before a store has an experiment (to be written).
