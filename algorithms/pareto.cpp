// Dominance, non-dominated sorting, crowding and exact hypervolume.
//
// Sorting: a dominator of a point precedes it in lexicographic order, so one pass over the
// points in that order, checking each against the members of the front found so far, finds
// a front (a point dominated by a non-member is dominated by a member too, by
// transitivity). Peeling fronts this way costs far less than comparing every pair when
// points settle into early fronts, and can stop once enough points are ranked.
//
// Hypervolume: 2 objectives by one sweep in sorted order; 3 by a sweep over the third that
// keeps the 2-D staircase of the points seen so far in an ordered map, each point costing
// O(log n) plus the steps it removes (O(n log n) in all); 4 and more by slicing the last
// objective (HSO) down to the 3-D sweep, keeping only the slices' non-dominated points:
// O(n^(d-2) log n), milliseconds for hundreds of points in 4-D.

#include "pareto.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>
#include <map>
#include <numeric>

namespace tb::algorithms {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// Lexicographic order that is a strict weak order even with NaN (NaN sorts last), so that
// std::sort stays defined on bad input.
bool lexLess(const Point& a, const Point& b)
{
    const std::size_t n = std::min(a.size(), b.size());
    for (std::size_t i = 0; i < n; ++i) {
        const bool na = std::isnan(a[i]), nb = std::isnan(b[i]);
        if (na != nb)
            return nb;
        if (!na && a[i] != b[i])
            return a[i] < b[i];
    }
    return a.size() < b.size();
}

// `a` no worse than `b` in every objective (equal points included).
bool weaklyDominates(const Point& a, const Point& b)
{
    for (std::size_t i = 0; i < a.size(); ++i)
        if (!(a[i] <= b[i]))
            return false;
    return true;
}

// Fronts of `order` (indices into points, sorted lexicographically), peeled one by one; the
// indices of each front stay in that order. Stops once `enough` are ranked.
std::vector<std::vector<std::size_t>> peelFronts(const std::vector<Point>& points, std::vector<std::size_t> order,
                                                 std::size_t enough)
{
    std::vector<std::vector<std::size_t>> fronts;
    std::size_t ranked = 0;
    std::vector<std::size_t> rest;
    while (!order.empty() && ranked < enough) {
        std::vector<std::size_t> front;
        rest.clear();
        for (std::size_t i : order) {
            const bool dominated = std::any_of(front.begin(), front.end(),
                                               [&](std::size_t f) { return dominates(points[f], points[i]); });
            (dominated ? rest : front).push_back(i);
        }
        ranked += front.size();
        fronts.push_back(std::move(front));
        order.swap(rest);
    }
    return fronts;
}

// Points strictly better than the reference in every objective: only they dominate volume.
std::vector<Point> insideReference(const std::vector<Point>& points, const Point& reference)
{
    std::vector<Point> inside;
    for (const Point& p : points) {
        bool in = p.size() == reference.size();
        for (std::size_t i = 0; in && i < p.size(); ++i)
            in = p[i] < reference[i];
        if (in)
            inside.push_back(p);
    }
    return inside;
}

double volume2d(std::vector<Point> points, const Point& reference)
{
    std::sort(points.begin(), points.end(), lexLess);
    double volume = 0.0;
    double floor = reference[1]; // the lowest second objective left of the sweep
    for (const Point& p : points)
        if (p[1] < floor) {
            volume += (reference[0] - p[0]) * (floor - p[1]);
            floor = p[1];
        }
    return volume;
}

// The 2-D staircase of the points added so far (first objective -> second, the second
// falling as the first grows) and the area it dominates up to the reference.
class Staircase {
public:
    Staircase(double refX, double refY) : m_refX(refX), m_refY(refY) {}

    double area() const { return m_area; }

    void add(double x, double y)
    {
        auto next = m_steps.upper_bound(x);
        if (next != m_steps.begin() && std::prev(next)->second <= y)
            return; // a step at or left of x is at least as low: nothing new
        // The staircase height h(u) over [x, right end of what p covers] drops to y; the
        // steps p dominates go. Area gained: the integral of h(u) - y over that stretch.
        auto it = m_steps.lower_bound(x);
        double height = it != m_steps.begin() ? std::prev(it)->second : m_refY;
        double from = x;
        double gained = 0.0;
        while (it != m_steps.end() && it->second >= y) {
            gained += (it->first - from) * (height - y);
            from = it->first;
            height = it->second;
            it = m_steps.erase(it);
        }
        const double to = it != m_steps.end() ? it->first : m_refX;
        gained += (to - from) * (height - y);
        m_steps.emplace_hint(it, x, y);
        m_area += gained;
    }

private:
    double m_refX, m_refY;
    std::map<double, double> m_steps;
    double m_area = 0.0;
};

double volume3d(std::vector<Point> points, const Point& reference)
{
    std::sort(points.begin(), points.end(), [](const Point& a, const Point& b) { return a[2] < b[2]; });
    Staircase stairs(reference[0], reference[1]);
    double volume = 0.0;
    for (std::size_t i = 0; i < points.size(); ++i) {
        stairs.add(points[i][0], points[i][1]);
        const double top = i + 1 < points.size() ? points[i + 1][2] : reference[2];
        volume += stairs.area() * (top - points[i][2]);
    }
    return volume;
}

// Points inside the reference box, any number of objectives (at least 1).
double volumeInside(std::vector<Point> points, const Point& reference)
{
    const std::size_t d = reference.size();
    if (points.empty())
        return 0.0;
    if (d == 1) {
        double best = kInf;
        for (const Point& p : points)
            best = std::min(best, p[0]);
        return reference[0] - best;
    }
    if (d == 2)
        return volume2d(std::move(points), reference);
    if (d == 3)
        return volume3d(std::move(points), reference);

    // Slices of the last objective: between the last objective of point i and of point i+1
    // the volume is the (d-1)-dimensional volume of points 0..i times the thickness. A
    // point whose projection another one's weakly dominates adds nothing to any later slice.
    std::sort(points.begin(), points.end(), [&](const Point& a, const Point& b) { return a[d - 1] < b[d - 1]; });
    const Point lower(reference.begin(), reference.end() - 1);
    std::vector<Point> slice;
    double volume = 0.0;
    for (std::size_t i = 0; i < points.size(); ++i) {
        Point p(points[i].begin(), points[i].end() - 1);
        const bool covered = std::any_of(slice.begin(), slice.end(), [&](const Point& q) { return weaklyDominates(q, p); });
        if (!covered) {
            slice.erase(std::remove_if(slice.begin(), slice.end(), [&](const Point& q) { return weaklyDominates(p, q); }),
                        slice.end());
            slice.push_back(std::move(p));
        }
        const double top = i + 1 < points.size() ? points[i + 1][d - 1] : reference[d - 1];
        if (top > points[i][d - 1])
            volume += volumeInside(slice, lower) * (top - points[i][d - 1]);
    }
    return volume;
}

double boxVolume(const Point& p, const Point& reference)
{
    double v = 1.0;
    for (std::size_t i = 0; i < p.size(); ++i)
        v *= reference[i] - p[i];
    return v;
}

// What `p` adds to the volume of `others` (all inside the reference): its box less the
// volume of the others clipped to its box.
double exclusiveVolume(const Point& p, const std::vector<Point>& others, const Point& reference)
{
    std::vector<Point> clipped;
    clipped.reserve(others.size());
    for (const Point& q : others) {
        Point c(p.size());
        for (std::size_t i = 0; i < p.size(); ++i)
            c[i] = std::max(p[i], q[i]);
        clipped.push_back(std::move(c));
    }
    return std::max(0.0, boxVolume(p, reference) - volumeInside(std::move(clipped), reference));
}

bool isInside(const Point& p, const Point& reference)
{
    if (p.size() != reference.size())
        return false;
    for (std::size_t i = 0; i < p.size(); ++i)
        if (!(p[i] < reference[i]))
            return false;
    return true;
}

} // namespace

bool dominates(const Point& a, const Point& b)
{
    if (a.size() != b.size())
        return false;
    bool better = false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i] > b[i])
            return false;
        better = better || a[i] < b[i];
    }
    return better;
}

bool constrainedDominates(const Point& a, double violationA, const Point& b, double violationB)
{
    const bool feasibleA = !(violationA > 0), feasibleB = !(violationB > 0);
    if (feasibleA != feasibleB)
        return feasibleA;
    if (!feasibleA)
        return violationA < violationB;
    return dominates(a, b);
}

std::vector<std::size_t> paretoFront(const std::vector<Point>& points)
{
    std::vector<std::size_t> order(points.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return lexLess(points[a], points[b]); });
    auto fronts = peelFronts(points, std::move(order), 1);
    if (fronts.empty())
        return {};
    std::sort(fronts[0].begin(), fronts[0].end());
    return fronts[0];
}

std::vector<std::vector<std::size_t>> nondominatedSort(const std::vector<Point>& points,
                                                       const std::vector<double>& violations, std::size_t enough)
{
    std::vector<std::size_t> feasible, infeasible;
    for (std::size_t i = 0; i < points.size(); ++i)
        (i < violations.size() && violations[i] > 0 ? infeasible : feasible).push_back(i);
    std::stable_sort(feasible.begin(), feasible.end(),
                     [&](std::size_t a, std::size_t b) { return lexLess(points[a], points[b]); });
    auto fronts = peelFronts(points, std::move(feasible), enough);
    for (auto& front : fronts)
        std::sort(front.begin(), front.end());

    std::size_t ranked = 0;
    for (const auto& front : fronts)
        ranked += front.size();
    // Infeasible points dominate each other by violation alone: equal violations share a front.
    std::stable_sort(infeasible.begin(), infeasible.end(),
                     [&](std::size_t a, std::size_t b) { return violations[a] < violations[b]; });
    for (std::size_t k = 0; k < infeasible.size() && ranked < enough;) {
        std::vector<std::size_t> front;
        const double v = violations[infeasible[k]];
        for (; k < infeasible.size() && violations[infeasible[k]] == v; ++k)
            front.push_back(infeasible[k]);
        ranked += front.size();
        fronts.push_back(std::move(front));
    }
    return fronts;
}

std::vector<double> crowdingDistance(const std::vector<Point>& points, const std::vector<std::size_t>& front)
{
    const std::size_t n = front.size();
    std::vector<double> distance(n, 0.0);
    if (n == 0)
        return distance;
    if (n <= 2)
        return std::vector<double>(n, kInf);
    std::vector<std::size_t> order(n);
    for (std::size_t k = 0; k < points[front[0]].size(); ++k) {
        const auto value = [&](std::size_t j) { return points[front[j]][k]; };
        std::iota(order.begin(), order.end(), std::size_t{0});
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return value(a) < value(b); });
        // The range over finite values, so that one infinite value does not zero the rest;
        // an objective on which the front does not differ tells nobody apart.
        double lo = kInf, hi = -kInf;
        for (std::size_t j = 0; j < n; ++j)
            if (std::isfinite(value(j))) {
                lo = std::min(lo, value(j));
                hi = std::max(hi, value(j));
            }
        if (!(hi > lo))
            continue;
        distance[order.front()] = distance[order.back()] = kInf;
        for (std::size_t j = 1; j + 1 < n; ++j) {
            const double below = value(order[j - 1]), above = value(order[j + 1]);
            if (above != below) // inf - inf counts as no gap
                distance[order[j]] += (above - below) / (hi - lo);
        }
    }
    return distance;
}

double hypervolume(const std::vector<Point>& points, const Point& reference)
{
    if (reference.empty())
        return 0.0;
    return volumeInside(insideReference(points, reference), reference);
}

std::vector<double> hypervolumeContributions(const std::vector<Point>& points, const Point& reference)
{
    std::vector<double> contribution(points.size(), 0.0);
    std::vector<Point> others;
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (!isInside(points[i], reference))
            continue;
        others.clear();
        for (std::size_t j = 0; j < points.size(); ++j)
            if (j != i && isInside(points[j], reference))
                others.push_back(points[j]);
        contribution[i] = exclusiveVolume(points[i], others, reference);
    }
    return contribution;
}

std::vector<std::size_t> hypervolumeSubset(const std::vector<Point>& points, std::size_t count, const Point& reference)
{
    count = std::min(count, points.size());
    std::vector<std::size_t> picked;
    std::vector<Point> chosen;
    // Lazy greedy: a point's gain only shrinks as others are picked (submodularity), so its
    // last computed gain bounds the current one. The heap holds (bound, point, picks when
    // computed); a top whose bound is fresh beats every other point's bound and so is the
    // greedy pick (ties: the lower index, the heap's order), a stale one is recomputed.
    struct Entry {
        double bound;
        std::size_t index;
        std::size_t epoch;
    };
    const auto lower = [](const Entry& a, const Entry& b) {
        return a.bound != b.bound ? a.bound < b.bound : a.index > b.index;
    };
    std::vector<Entry> heap;
    std::vector<bool> taken(points.size(), false);
    for (std::size_t i = 0; i < points.size(); ++i)
        if (isInside(points[i], reference))
            heap.push_back({boxVolume(points[i], reference), i, 0});
    std::make_heap(heap.begin(), heap.end(), lower);
    while (picked.size() < count && !heap.empty()) {
        std::pop_heap(heap.begin(), heap.end(), lower);
        Entry top = heap.back();
        heap.pop_back();
        if (top.epoch != picked.size()) {
            top.bound = exclusiveVolume(points[top.index], chosen, reference);
            top.epoch = picked.size();
            heap.push_back(top);
            std::push_heap(heap.begin(), heap.end(), lower);
            continue;
        }
        picked.push_back(top.index);
        taken[top.index] = true;
        chosen.push_back(points[top.index]);
    }
    // The rest lie outside the reference box: they add nothing, in input order.
    for (std::size_t i = 0; i < points.size() && picked.size() < count; ++i)
        if (!taken[i])
            picked.push_back(i);
    return picked;
}

std::vector<std::size_t> paretoTrials(const History& history)
{
    std::vector<std::size_t> rows;
    std::vector<Point> points;
    for (std::size_t i = 0; i < history.finished.size(); ++i) {
        const TrialRecord& t = history.finished[i];
        if (t.state != TrialState::Completed || !t.feasible())
            continue;
        Point p = history.orientedValues(t);
        if (p.empty())
            continue;
        rows.push_back(i);
        points.push_back(std::move(p));
    }
    std::vector<std::size_t> out;
    for (std::size_t k : paretoFront(points))
        out.push_back(rows[k]);
    std::stable_sort(out.begin(), out.end(), [&](std::size_t a, std::size_t b) {
        return history.finished[a].number < history.finished[b].number;
    });
    return out;
}

Point defaultReference(const std::vector<Point>& front)
{
    if (front.empty())
        return {};
    Point reference(front[0].size());
    for (std::size_t k = 0; k < reference.size(); ++k) {
        double lo = kInf, hi = -kInf;
        for (const Point& p : front) {
            lo = std::min(lo, p[k]);
            hi = std::max(hi, p[k]);
        }
        reference[k] = hi + (hi > lo ? 0.1 * (hi - lo) : 1.0);
    }
    return reference;
}

History constrainedView(const History& history)
{
    if (!history.constrained)
        return history;
    // Infeasible trials go above the worst feasible value by one to two times the feasible
    // range: 1 + v / (v + s), with s the median violation, spreads them by violation in the
    // metrics' own units while keeping them within reach of the feasible values, so that a
    // model's scale is not set by the infeasible ones.
    double best = kInf, worst = -kInf;
    std::vector<double> violations;
    for (const TrialRecord& t : history.finished) {
        if (!t.value || std::isnan(*t.value) || t.state == TrialState::Failed)
            continue;
        if (t.feasible()) {
            const double v = history.oriented(*t.value);
            best = std::min(best, v);
            worst = std::max(worst, v);
        } else {
            violations.push_back(t.violation);
        }
    }
    if (violations.empty())
        return history;
    std::nth_element(violations.begin(), violations.begin() + static_cast<std::ptrdiff_t>(violations.size() / 2),
                     violations.end());
    const double scale = violations[violations.size() / 2];
    const bool anyFeasible = worst >= best && std::isfinite(worst);
    const double range = anyFeasible && worst > best ? worst - best : std::max(1.0, anyFeasible ? std::abs(worst) : 0.0);

    History view = history;
    for (TrialRecord& t : view.finished) {
        if (!t.value || std::isnan(*t.value) || t.state == TrialState::Failed || t.feasible())
            continue;
        // Without a feasible trial, the violation itself is the thing to minimise.
        const double oriented = anyFeasible ? worst + range * (1.0 + t.violation / (t.violation + scale)) : t.violation;
        t.value = history.direction == Direction::Minimize ? oriented : -oriented;
    }
    return view;
}

} // namespace tb::algorithms
