#pragma once
// The dashboard's plots of one experiment, each a PlotPanel fed by an ExperimentData, one
// file each: learning curves, optimization history, parallel coordinates and parameter
// importance. They draw with render.h (palette, pixel maps, decimation) and, where many
// polylines are drawn, curve_bundle.h. A new plot is one PlotPanel subclass beside them.

#include "widgets/plots/history_plot.h"
#include "widgets/plots/importance_plot.h"
#include "widgets/plots/learning_curves_plot.h"
#include "widgets/plots/parallel_coordinates_plot.h"
