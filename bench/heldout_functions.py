"""Held-out objectives for sample-efficiency checks (minimise), in the format of
../shared/bench/functions.py: name -> (space, fn, optimum).

Our `tpe` defaults (startup, bandwidth floor, categorical prior weight) were chosen on the
functions in functions.py; these five were not looked at while choosing them, so a
comparison with Optuna's TPE here shows whether the choice carries over to other shapes:
two 2-D functions with several basins, a 6-D and a 5-D multimodal one, and a mixed space
whose categoricals change which values of the other parameters are best.
Use: bench/sampler_efficiency.py BUILD --extra-functions bench/heldout_functions.py
     --functions goldstein_price,six_hump_camel,levy6,styblinski_tang5,gbm_surface"""
import math


def goldstein_price(p):
    x, y = p["x"], p["y"]
    a = 1 + (x + y + 1) ** 2 * (19 - 14 * x + 3 * x * x - 14 * y + 6 * x * y + 3 * y * y)
    b = 30 + (2 * x - 3 * y) ** 2 * (18 - 32 * x + 12 * x * x + 48 * y - 36 * x * y + 27 * y * y)
    return a * b


def six_hump_camel(p):
    x, y = p["x"], p["y"]
    return (4 - 2.1 * x * x + x ** 4 / 3) * x * x + x * y + (-4 + 4 * y * y) * y * y


def levy6(p):
    w = [1 + (p[f"x{i}"] - 1) / 4 for i in range(6)]
    s = math.sin(math.pi * w[0]) ** 2
    for v in w[:-1]:
        s += (v - 1) ** 2 * (1 + 10 * math.sin(math.pi * v + 1) ** 2)
    return s + (w[-1] - 1) ** 2 * (1 + math.sin(2 * math.pi * w[-1]) ** 2)


def styblinski_tang5(p):
    return sum(v ** 4 - 16 * v * v + 5 * v for v in (p[f"x{i}"] for i in range(5))) / 2


def gbm_surface(p):
    """Shaped like tuning a boosted-tree model: the booster decides the best depth and learning
    rate; row sampling only helps with the 'goss' strategy, which wants a lower subsample."""
    booster, sampling = p["booster"], p["sampling"]
    best_lr = {"gbtree": 0.05, "dart": 0.1, "linear": 0.3}[booster]
    best_depth = {"gbtree": 6, "dart": 9, "linear": 3}[booster]
    loss = 0.2 * (math.log10(p["learning_rate"]) - math.log10(best_lr)) ** 2
    loss += 0.01 * (p["max_depth"] - best_depth) ** 2
    loss += 0.03 * (math.log2(p["num_leaves"]) - 6) ** 2 / 4
    best_sub = 0.5 if sampling == "goss" else 1.0
    loss += 0.4 * (p["subsample"] - best_sub) ** 2
    loss += {"gbtree": 0.0, "dart": 0.01, "linear": 0.04}[booster] + {"goss": 0.0, "uniform": 0.02}[sampling]
    return loss


def _f(lo, hi, log=False):
    return ("float", lo, hi, log)


HELDOUT = {
    "goldstein_price": ({"x": _f(-2, 2), "y": _f(-2, 2)}, goldstein_price, 3.0),
    "six_hump_camel": ({"x": _f(-3, 3), "y": _f(-2, 2)}, six_hump_camel, -1.031628453),
    "levy6": ({f"x{i}": _f(-10, 10) for i in range(6)}, levy6, 0.0),
    "styblinski_tang5": ({f"x{i}": _f(-5, 5) for i in range(5)}, styblinski_tang5, -39.16616570377142 * 5),
    "gbm_surface": ({"learning_rate": _f(1e-3, 1, True), "max_depth": ("int", 2, 12, False),
                     "num_leaves": ("int", 8, 512, True), "subsample": _f(0.3, 1.0),
                     "booster": ("cat", ["gbtree", "dart", "linear"]), "sampling": ("cat", ["uniform", "goss"])},
                    gbm_surface, 0.0),
}
