#pragma once
// The dashboard's plots of one experiment, each a PlotPanel fed by an ExperimentData, one
// file each: learning curves, optimization history, parallel coordinates, parameter
// importance, the slice and contour plots of chosen parameters, and the Pareto front of
// several objectives. They draw with render.h (palette, pixel maps, decimation), where
// many polylines are drawn with curve_bundle.h, and parameters along axes with
// param_scale.h. A new plot is one PlotPanel subclass beside them.

#include "widgets/plots/contour_plot.h"
#include "widgets/plots/history_plot.h"
#include "widgets/plots/importance_plot.h"
#include "widgets/plots/learning_curves_plot.h"
#include "widgets/plots/parallel_coordinates_plot.h"
#include "widgets/plots/pareto_plot.h"
#include "widgets/plots/slice_plot.h"
