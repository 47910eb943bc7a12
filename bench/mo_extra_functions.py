"""Extra multi-objective problems for bench/mo_bench.py's TUNING set (issue 17): defaults may be
chosen on these, never on the test set (zdt2, zdt3 of ../shared/bench/mo_functions.py).

Each entry: name -> (space, fn, ref, constraints) with the tuple space form of functions.py,
fn(params) -> (objectives, constraint values), every objective minimized, and a constraint
value g satisfied when g <= 0 (Optuna's convention; in a spec: {"metric": "c0", "max": 0}).
`constraints` is the number of constraint values fn returns.

  bnh      Binh and Korn (1997): 2 floats, 2 objectives, 2 constraints; convex front.
  srn      Srinivas and Deb (1994): 2 floats in [-20, 20], 2 constraints that cut the box
           down to a thin region; the front is a line segment x1 = -2.5.
  tnk      Tanaka (1995): 2 floats, 2 constraints; the front is the wavy, disconnected part
           of the first constraint's boundary.
  mlp_cost ../shared/bench/functions.py's mlp_surface (log lr, int layers, log-int width,
           categorical optimizer, dropout) against a cost log2(layers * width) scaled to
           [0, 1]: an HPO-like trade-off in a mixed space, unconstrained.

true_front_hv(name) gives the hypervolume of the true feasible front against the reference
point: of the feasible non-dominated points of a dense grid plus a dense sample of the curve
the front lies on (bnh, srn, tnk; within about 1e-5 relative of the exact value), or of the
exact enumeration (mlp_cost)."""
import math


def _f(lo, hi, log=False):
    return ("float", lo, hi, log)


def bnh(p):
    x1, x2 = p["x1"], p["x2"]
    f = [4 * x1 ** 2 + 4 * x2 ** 2, (x1 - 5) ** 2 + (x2 - 5) ** 2]
    c = [(x1 - 5) ** 2 + x2 ** 2 - 25, 7.7 - (x1 - 8) ** 2 - (x2 + 3) ** 2]
    return f, c


def srn(p):
    x1, x2 = p["x1"], p["x2"]
    f = [2 + (x1 - 2) ** 2 + (x2 - 1) ** 2, 9 * x1 - (x2 - 1) ** 2]
    c = [x1 ** 2 + x2 ** 2 - 225, x1 - 3 * x2 + 10]
    return f, c


def tnk(p):
    x1, x2 = p["x1"], p["x2"]
    c = [-x1 ** 2 - x2 ** 2 + 1 + 0.1 * math.cos(16 * math.atan2(x1, x2)),
         (x1 - 0.5) ** 2 + (x2 - 0.5) ** 2 - 0.5]
    return [x1, x2], c


MLP_BEST_LR = {"adam": 3e-4, "sgd": 3e-2, "rmsprop": 1e-3}
MLP_OPT_PENALTY = {"adam": 0.0, "sgd": 0.03, "rmsprop": 0.015}


def mlp_cost(p):
    lr, layers, width, opt, dropout = p["lr"], p["layers"], p["width"], p["optimizer"], p["dropout"]
    loss = 0.08 + 0.25 * (math.log10(lr) - math.log10(MLP_BEST_LR[opt])) ** 2
    loss += 0.02 * (layers - 4) ** 2 / 4 + 0.05 * (math.log2(width) - 8) ** 2 / 9
    loss += 0.3 * (dropout - 0.2) ** 2 + MLP_OPT_PENALTY[opt]
    cost = (math.log2(layers * width) - 4) / 9
    return [loss, cost], []


EXTRA = {
    "bnh": ({"x1": _f(0, 5), "x2": _f(0, 3)}, bnh, [140.0, 55.0], 2),
    "srn": ({"x1": _f(-20, 20), "x2": _f(-20, 20)}, srn, [250.0, 0.0], 2),
    "tnk": ({"x1": _f(0, math.pi), "x2": _f(0, math.pi)}, tnk, [1.2, 1.2], 2),
    "mlp_cost": ({"lr": _f(1e-5, 1, True), "layers": ("int", 1, 8, False), "width": ("int", 16, 1024, True),
                  "optimizer": ("cat", ["adam", "sgd", "rmsprop"]), "dropout": _f(0, 0.6)},
                 mlp_cost, [0.6, 1.1], 0),
}


def hv2d(points, ref):
    """Hypervolume of 2-objective points (a list of pairs or an (n, 2) array) against ref."""
    import numpy as np
    p = np.asarray(points, dtype=float).reshape(-1, 2)
    p = p[(p[:, 0] < ref[0]) & (p[:, 1] < ref[1])]
    if not len(p):
        return 0.0
    p = p[np.lexsort((p[:, 1], p[:, 0]))]
    keep = p[:, 1] < np.minimum.accumulate(np.concatenate(([np.inf], p[:-1, 1])))
    p = p[keep]
    right = np.concatenate((p[1:, 0], [ref[0]]))
    return float(np.sum((right - p[:, 0]) * (ref[1] - p[:, 1])))


def true_front_hv(name, grid=3000):
    """The true front's hypervolume: a dense grid of the 2-float constrained problems and the
    curve their front lies on (its feasible non-dominated points, a lower bound converging to
    the exact value), the exact enumeration for mlp_cost (the cost depends only on layers and width, so each of their
    pairs is best with adam at lr 3e-4 and dropout 0.2)."""
    import numpy as np
    space, fn, ref, _ = EXTRA[name]
    if name == "mlp_cost":
        pts = [fn({"lr": 3e-4, "layers": l, "width": w, "optimizer": "adam", "dropout": 0.2})[0]
               for l in range(1, 9) for w in range(16, 1025)]
        return hv2d(pts, ref)
    (lo1, hi1), (lo2, hi2) = [(s[1], s[2]) for s in space.values()]
    x1, x2 = np.meshgrid(np.linspace(lo1, hi1, grid), np.linspace(lo2, hi2, grid))
    x1, x2 = x1.ravel(), x2.ravel()
    # plus the curves the fronts lie on, sampled densely: srn's x1 = -2.5 and tnk's boundary
    # of its first constraint (r^2 = 1 + 0.1 cos(16 theta), theta = atan2(x1, x2))
    t = np.linspace(0, 1, 1_000_001)
    if name == "srn":  # and its constraints' boundaries: the circle of radius 15, the line
        th = t * 2 * math.pi
        x1 = np.concatenate((x1, np.full_like(t, -2.5), 15 * np.cos(th) * (1 - 1e-12), lo1 + t * (hi1 - lo1)))
        x2 = np.concatenate((x2, lo2 + t * (hi2 - lo2), 15 * np.sin(th) * (1 - 1e-12), (lo1 + t * (hi1 - lo1) + 10) / 3 + 1e-12))
    elif name == "tnk":
        th = t * math.pi / 2
        r = np.sqrt(1 + 0.1 * np.cos(16 * th)) * (1 + 1e-12)
        x1, x2 = np.concatenate((x1, r * np.sin(th))), np.concatenate((x2, r * np.cos(th)))
    if name == "bnh":
        f = np.stack([4 * x1 ** 2 + 4 * x2 ** 2, (x1 - 5) ** 2 + (x2 - 5) ** 2], 1)
        ok = ((x1 - 5) ** 2 + x2 ** 2 <= 25) & (7.7 - (x1 - 8) ** 2 - (x2 + 3) ** 2 <= 0)
    elif name == "srn":
        f = np.stack([2 + (x1 - 2) ** 2 + (x2 - 1) ** 2, 9 * x1 - (x2 - 1) ** 2], 1)
        ok = (x1 ** 2 + x2 ** 2 <= 225) & (x1 - 3 * x2 + 10 <= 0)
    elif name == "tnk":
        f = np.stack([x1, x2], 1)
        ok = (-x1 ** 2 - x2 ** 2 + 1 + 0.1 * np.cos(16 * np.arctan2(x1, x2)) <= 0) & \
             ((x1 - 0.5) ** 2 + (x2 - 0.5) ** 2 - 0.5 <= 0)
    else:
        raise KeyError(name)
    return hv2d(f[ok], ref)
