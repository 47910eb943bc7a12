"""Mixed and conditional objectives shaped like real tuning problems (minimise), for
bench/sota.py (issue 18). Unlike ../shared/bench/functions.py, the spaces are written in
our spec's own `space` format (docs/spec.md), because they use `when`: a child parameter
is present only when its parent categorical takes one of the listed values.

Each entry: name -> (space, fn, optimum, argmin). Every objective is a constant plus
non-negative terms that are all zero at `argmin` (which lies inside the bounds and on the
integer/step grid), so `optimum` is exact and regret = best value - optimum.
The couplings are the ones that make real tuning hard: the best learning rate moves with
batch size, width, momentum or the LoRA switch; the number of boosting rounds trades off
against the learning rate along a ridge; integer widths must shrink layer by layer; the
best branch of a categorical is only visible once its children are tuned.
`python3 bench/mixed_spaces.py` checks those claims on random points."""
import math


def _float(name, low, high, log=False, when=None, step=None):
    p = {"name": name, "type": "float", "low": low, "high": high, "log": log}
    if step is not None:
        p["step"] = step
    if when:
        p["when"] = when
    return p


def _int(name, low, high, log=False, when=None, step=None):
    p = {"name": name, "type": "int", "low": low, "high": high, "log": log}
    if step is not None:
        p["step"] = step
    if when:
        p["when"] = when
    return p


def _cat(name, choices, when=None):
    p = {"name": name, "type": "categorical", "choices": list(choices)}
    if when:
        p["when"] = when
    return p


def _sq_log10(x, target):
    return (math.log10(x) - math.log10(target)) ** 2


# --- 1. optimizer x learning rate x batch size (an image classifier) ---------------------
def optimizer_lr_batch(p):
    """SGD wants its effective rate lr / (1 - momentum) to grow linearly with the batch;
    Adam's best rate grows with its square root. AdamW with tuned weight decay is best."""
    opt, lr, bs = p["optimizer"], p["lr"], p["batch_size"]
    loss = 0.05 + 0.03 * (math.log2(bs) - 7) ** 2 / 4  # large batches generalise worse
    if opt == "sgd":
        m = p["momentum"]
        loss += 0.3 * _sq_log10(lr / (1 - m), 1.0 * bs / 256) + 0.05 * (m - 0.9) ** 2
        loss += 0.004 + (0.0 if p["nesterov"] else 0.005)
    else:
        loss += 0.3 * _sq_log10(lr, 1e-3 * math.sqrt(bs / 256)) + 30 * (p["beta2"] - 0.995) ** 2
        loss += 0.02 * _sq_log10(p["weight_decay"], 1e-2) if opt == "adamw" else 0.01
    loss += 0.04 * (math.log2(p["width"]) - 9) ** 2 / 4 + 0.002 * (p["depth"] - 12) ** 2
    return loss


OPTIMIZER_LR_BATCH = [
    _cat("optimizer", ["sgd", "adam", "adamw"]),
    _float("lr", 1e-5, 1.0, log=True),
    _int("batch_size", 8, 2048, log=True),
    _float("momentum", 0.0, 0.99, when={"optimizer": ["sgd"]}),
    _cat("nesterov", [False, True], when={"optimizer": ["sgd"]}),
    _float("beta2", 0.9, 0.9999, when={"optimizer": ["adam", "adamw"]}),
    _float("weight_decay", 1e-6, 0.1, log=True, when={"optimizer": ["adamw"]}),
    _int("width", 32, 2048, log=True),
    _int("depth", 2, 24),
]


# --- 2. fine-tuning a transformer: schedule, warm-up and LoRA -------------------------------
def finetune_lora(p):
    """LoRA wants a ten times higher rate than full fine-tuning, and alpha = 2 x rank; a
    higher rate than the best needs a longer warm-up; more dropout wants more epochs."""
    lora = p["use_lora"]
    lr_best = 2e-4 if lora else 2e-5
    lr, warm, drop = p["lr"], p["warmup_ratio"], p["dropout"]
    loss = 0.3 + 0.25 * _sq_log10(lr, lr_best)
    loss += 0.3 * (warm - min(0.3, 0.06 * math.sqrt(lr / lr_best))) ** 2
    sched = p["scheduler"]
    loss += {"constant": 0.03, "linear": 0.01, "cosine": 0.0, "cosine_restarts": 0.005}[sched]
    if sched in ("cosine", "cosine_restarts"):
        loss += 0.1 * (p["min_lr_ratio"] - 0.1) ** 2
    if sched == "cosine_restarts":
        loss += 0.004 * (p["num_cycles"] - 2) ** 2
    loss += 0.02 * _sq_log10(p["weight_decay"], 0.05) + 0.2 * (drop - 0.1) ** 2
    loss += 0.004 * (p["epochs"] - (3 + 10 * drop)) ** 2
    if lora:
        r = p["lora_rank"]
        loss += 0.02 * (math.log2(r) - 4) ** 2 / 4 + 0.01 * (math.log2(p["lora_alpha"] / r) - 1) ** 2
    else:
        loss += 0.01
    return loss


FINETUNE_LORA = [
    _float("lr", 1e-6, 1e-2, log=True),
    _float("warmup_ratio", 0.0, 0.3),
    _cat("scheduler", ["constant", "linear", "cosine", "cosine_restarts"]),
    _float("min_lr_ratio", 0.0, 0.5, when={"scheduler": ["cosine", "cosine_restarts"]}),
    _int("num_cycles", 1, 8, when={"scheduler": ["cosine_restarts"]}),
    _float("weight_decay", 1e-5, 0.3, log=True),
    _float("dropout", 0.0, 0.5),
    _int("epochs", 1, 10),
    _cat("use_lora", [False, True]),
    _int("lora_rank", 1, 256, log=True, when={"use_lora": [True]}),
    _float("lora_alpha", 1.0, 512.0, log=True, when={"use_lora": [True]}),
]


# --- 3. gradient-boosted trees: booster with its own children ------------------------------
def gbdt_booster(p):
    """Rounds x rate along a ridge (eta x n_estimators = 10 is what matters, with a mild
    preference for a small rate); deeper trees want a larger min_child_weight; dart has
    two children of its own and is the best booster once they are right."""
    booster, eta, n = p["booster"], p["eta"], p["n_estimators"]
    loss = 0.12 + 0.15 * (math.log10(eta * n) - 1) ** 2 + 0.01 * _sq_log10(eta, 0.05)
    loss += 0.01 * math.log10(p["lambda"]) ** 2
    if booster == "gblinear":
        loss += 0.05 + 0.01 * _sq_log10(p["alpha"], 0.01)
    else:
        depth = p["max_depth"]
        best_depth = 8 if booster == "dart" else 6
        loss += 0.006 * (depth - best_depth) ** 2
        loss += 0.01 * (math.log10(p["min_child_weight"]) - (depth - 6) / 5) ** 2
        loss += 0.2 * (p["subsample"] - 0.8) ** 2 + 0.15 * (p["colsample_bytree"] - 0.7) ** 2
        if booster == "dart":
            loss += 0.3 * (p["rate_drop"] - 0.1) ** 2 + 0.05 * (p["skip_drop"] - 0.5) ** 2
        else:
            loss += 0.005
    return loss


_TREES = {"booster": ["gbtree", "dart"]}
GBDT_BOOSTER = [
    _cat("booster", ["gbtree", "dart", "gblinear"]),
    _float("eta", 1e-3, 1.0, log=True),
    _int("n_estimators", 10, 5000, log=True),
    _int("max_depth", 1, 16, when=_TREES),
    _float("min_child_weight", 0.01, 100.0, log=True, when=_TREES),
    _float("subsample", 0.3, 1.0, when=_TREES),
    _float("colsample_bytree", 0.3, 1.0, when=_TREES),
    _float("rate_drop", 0.0, 0.5, when={"booster": ["dart"]}),
    _float("skip_drop", 0.0, 0.9, when={"booster": ["dart"]}),
    _float("lambda", 1e-4, 100.0, log=True),
    _float("alpha", 1e-4, 100.0, log=True, when={"booster": ["gblinear"]}),
]


# --- 4. an MLP whose depth decides which widths exist --------------------------------------
def mlp_depth_widths(p):
    """Three layers of 512/256/128 units are best; the best rate grows with the square root
    of the batch and shrinks with the square root of the first width."""
    n, w1, bs = p["n_layers"], p["width_1"], p["batch_size"]
    loss = 0.1 + {1: 0.08, 2: 0.03, 3: 0.0, 4: 0.01}[n]
    for k in range(1, n + 1):
        loss += 0.02 * (math.log2(p[f"width_{k}"]) - (10 - k)) ** 2
    loss += {"gelu": 0.0, "relu": 0.005, "tanh": 0.03}[p["activation"]]
    loss += 0.2 * _sq_log10(p["lr"], 2e-3 * math.sqrt(bs / 128) * math.sqrt(512 / w1))
    loss += 0.01 * (math.log2(bs) - 7) ** 2
    return loss


MLP_DEPTH_WIDTHS = [
    _cat("n_layers", [1, 2, 3, 4]),
    _int("width_1", 8, 1024, log=True),
    _int("width_2", 8, 1024, log=True, when={"n_layers": [2, 3, 4]}),
    _int("width_3", 8, 1024, log=True, when={"n_layers": [3, 4]}),
    _int("width_4", 8, 1024, log=True, when={"n_layers": [4]}),
    _cat("activation", ["relu", "gelu", "tanh"]),
    _float("lr", 1e-4, 1e-1, log=True),
    _int("batch_size", 16, 512, step=16),
]


MIXED = {
    "optimizer_lr_batch": (OPTIMIZER_LR_BATCH, optimizer_lr_batch, 0.05,
                           {"optimizer": "adamw", "lr": 1e-3 * math.sqrt(0.5), "batch_size": 128,
                            "beta2": 0.995, "weight_decay": 1e-2, "width": 512, "depth": 12}),
    "finetune_lora": (FINETUNE_LORA, finetune_lora, 0.3,
                      {"lr": 2e-4, "warmup_ratio": 0.06, "scheduler": "cosine", "min_lr_ratio": 0.1,
                       "weight_decay": 0.05, "dropout": 0.1, "epochs": 4, "use_lora": True,
                       "lora_rank": 16, "lora_alpha": 32.0}),
    "gbdt_booster": (GBDT_BOOSTER, gbdt_booster, 0.12,
                     {"booster": "dart", "eta": 0.05, "n_estimators": 200, "max_depth": 8,
                      "min_child_weight": 10 ** 0.4, "subsample": 0.8, "colsample_bytree": 0.7,
                      "rate_drop": 0.1, "skip_drop": 0.5, "lambda": 1.0}),
    "mlp_depth_widths": (MLP_DEPTH_WIDTHS, mlp_depth_widths, 0.1,
                         {"n_layers": 3, "width_1": 512, "width_2": 256, "width_3": 128,
                          "activation": "gelu", "lr": 2e-3, "batch_size": 128}),
}


def active(space, params):
    """The names of the parameters active for `params` (their parents active and matching)."""
    by_name = {p["name"]: p for p in space}

    def is_active(name):
        for parent, values in by_name[name].get("when", {}).items():
            if not is_active(parent) or params.get(parent) not in values:
                return False
        return True
    return [p["name"] for p in space if is_active(p["name"])]


def random_point(space, rng):
    """A uniform draw (log-uniform on log scales) with only the active parameters set."""
    params = {}
    for p in space:
        if p["type"] == "categorical":
            params[p["name"]] = rng.choice(p["choices"])
        elif p["log"]:
            v = math.exp(rng.uniform(math.log(p["low"]), math.log(p["high"])))
            params[p["name"]] = min(p["high"], max(p["low"], round(v))) if p["type"] == "int" else v
        else:
            v = rng.uniform(p["low"], p["high"])
            step = p.get("step", 1 if p["type"] == "int" else None)
            params[p["name"]] = p["low"] + round((v - p["low"]) / step) * step if step else v
    keep = set(active(space, params))
    return {k: v for k, v in params.items() if k in keep}


def _check():
    import random
    rng = random.Random(0)
    for name, (space, fn, optimum, argmin) in MIXED.items():
        assert sorted(argmin) == sorted(active(space, argmin)), f"{name}: argmin sets exactly the active parameters"
        for p in space:
            v = argmin.get(p["name"])
            if v is not None and p["type"] != "categorical":
                assert p["low"] <= v <= p["high"], f"{name}: argmin {p['name']} = {v} outside its bounds"
        assert abs(fn(argmin) - optimum) < 1e-12, f"{name}: f(argmin) = {fn(argmin)} != {optimum}"
        values = [fn(random_point(space, rng)) for _ in range(20000)]
        assert min(values) >= optimum, f"{name}: a random point beats the optimum"
        print(f"{name}: optimum {optimum} at argmin; 20000 random points: best regret "
              f"{min(values) - optimum:.4g}, median {sorted(values)[10000] - optimum:.4g}")


if __name__ == "__main__":
    _check()
