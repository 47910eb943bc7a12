"""PyTorch eager reference with a line per step: ../shared/bench/torch_ref_gpt.py's own GPT
and configurations (its source is executed without its final main() call) and the same
training step as its main() (AdamW lr 3e-4, one fixed random batch, cross entropy), but
printing every step's time as it ends, so that bench/trainer_cpu.py can compare the steps
that ran while tunebench-train ran beside it (--a-mode concurrent).

Usage: python3 bench/torch_ref_steps.py REF_PY CONFIG STEPS [WARMUP]
Prints `step=N ms=... tokens_per_s=...` per timed step, then `params=... threads=...`."""
import sys, time

ref, size, steps = sys.argv[1], sys.argv[2], int(sys.argv[3])
warmup = int(sys.argv[4]) if len(sys.argv) > 4 else 3
source = open(ref).read()
head, tail = source.rsplit("\nmain()", 1)
if tail.strip():
    sys.exit(f"{ref}: expected the file to end with a main() call")
ns = {"__name__": "torch_ref_gpt"}
exec(compile(head, ref, "exec"), ns)
torch, F = ns["torch"], ns["F"]
cfg = ns["CONFIGS"][size]
torch.manual_seed(0)
m = ns["GPT"](**cfg)
opt = torch.optim.AdamW(m.parameters(), lr=3e-4)
x = torch.randint(0, 256, (cfg["batch"], cfg["block"] + 1))


def step():
    logits = m(x[:, :-1])
    loss = F.cross_entropy(logits.reshape(-1, 256), x[:, 1:].reshape(-1))
    opt.zero_grad(set_to_none=True)
    loss.backward()
    opt.step()
    return loss


for _ in range(warmup):
    step()
tokens = cfg["batch"] * cfg["block"]
for i in range(1, steps + 1):
    t0 = time.perf_counter()
    loss = step()
    dt = time.perf_counter() - t0
    print(f"step={i} ms={dt * 1000:.2f} tokens_per_s={tokens / dt:.0f} loss={loss.item():.4f}", flush=True)
print(f"params={sum(p.numel() for p in m.parameters())} threads={torch.get_num_threads()}", flush=True)
