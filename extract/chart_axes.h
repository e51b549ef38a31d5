// Chart axes: what tells a chart drawn in vector form from a table.
//
// A bar chart with gridlines, a line plot with its legend box: their rules
// (gridlines, the plot's frame, the bars' edges, the legend's box) look to a
// table builder like a table's, and their labels sit in the "cells". What no
// table draws is an axis: a straight rule with tick marks, that is three or
// more short strokes (shorter than a line of text) perpendicular to the rule
// that end on it, all on one side of it (or all crossing it), at even steps,
// each free at its other end: no other stroke comes near that end, so it is
// neither a column border of a thin row (which ends on the row's next rule)
// nor a dash of a dashed rule (which goes on in line with it).
//
// A table whose box holds an axis, along at least half of the axis, is a
// chart: extract drops it and its text stays the page's text (issue 13: a
// chart frame is not a table). ICDAR 2013 eu-012 page 3 (stacked bars over
// gridlines, ticks left of and under the plot) and eu-027 page 2 (a line
// plot's tick labels and legend read as a partly ruled table under its
// x axis).
#ifndef DOCPIPE_EXTRACT_CHART_AXES_H_
#define DOCPIPE_EXTRACT_CHART_AXES_H_

#include <vector>

#include "extract/layout.h"
#include "extract/page_content.h"
#include "extract/ruling_detector.h"

namespace docpipe {

struct AxisOptions {
  double min_tick = 1.5;          // shorter strokes are dots (and meet the axis at their free end)
  double max_tick = 8.0;          // longer ones are rules: a line of text is taller
  double touch = 1.0;             // ends this close meet
  double step_tolerance = 0.15;   // of the median step between ticks
  int min_ticks = 3;
};

// The rulings of `rulings` that carry tick marks drawn among `segments`.
std::vector<Ruling> FindChartAxes(const std::vector<PathSegment>& segments, const std::vector<Ruling>& rulings,
                                  const AxisOptions& options = {});

// True when `box` (grown by two points) holds an axis of `axes` along at
// least half of the axis's length.
bool HoldsAxis(const BBox& box, const std::vector<Ruling>& axes);

// Drops the tables of `tables` that hold an axis and gives their glyphs back
// to the page's text: of the glyphs set in `in_table` that were not set in
// `before` (the glyphs the builder of `tables` placed), those nearest a
// dropped table are unset.
void DropChartTables(const std::vector<Ruling>& axes, const std::vector<Glyph>& glyphs,
                     const std::vector<bool>& before, std::vector<Table>* tables, std::vector<bool>* in_table);

}  // namespace docpipe

#endif  // DOCPIPE_EXTRACT_CHART_AXES_H_
