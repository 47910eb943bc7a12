#!/usr/bin/env python3
"""A small PyTorch DistributedDataParallel training script, launched the way torchrun
launches one: RANK, WORLD_SIZE, LOCAL_RANK, MASTER_ADDR and MASTER_PORT in the
environment, one process per worker. Gloo backend, so it runs on CPUs (Debian's
python3-torch). Every rank prints the same loss (the mean over the ranks, all-reduced),
Katib-style: `step=3 loss=0.41`; Tunebench reads rank 0's.

  train_ddp.py --lr 0.05 [--steps 20] [--batch 32] [--seed 0]
               [--fail-rank R --fail-step S]   rank R exits with code 3 at step S
               [--hang-rank R]                 rank R trains, then never exits
"""
import argparse
import os
import sys
import time

import torch
import torch.distributed as dist
import torch.nn as nn
from torch.nn.parallel import DistributedDataParallel


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--lr", type=float, required=True)
    p.add_argument("--steps", type=int, default=20)
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--fail-rank", type=int, default=-1)
    p.add_argument("--fail-step", type=int, default=0)
    p.add_argument("--hang-rank", type=int, default=-1)
    a = p.parse_args()

    torch.set_num_threads(1)
    dist.init_process_group("gloo")  # env:// from torchrun's variables
    rank, world = dist.get_rank(), dist.get_world_size()
    print(f"# rank {rank} of {world}, master {os.environ['MASTER_ADDR']}:{os.environ['MASTER_PORT']}", flush=True)

    torch.manual_seed(a.seed)  # the same data and start on every rank
    true_w = torch.randn(8, 1)
    model = DistributedDataParallel(nn.Linear(8, 1))
    opt = torch.optim.SGD(model.parameters(), lr=a.lr)
    generator = torch.Generator().manual_seed(a.seed * 1000 + rank)  # each rank its own shard
    loss = torch.tensor(0.0)
    for step in range(a.steps):
        if rank == a.fail_rank and step == a.fail_step:
            print(f"# rank {rank} fails at step {step}", flush=True)
            sys.exit(3)
        x = torch.randn(a.batch, 8, generator=generator)
        y = x @ true_w
        opt.zero_grad()
        loss = nn.functional.mse_loss(model(x), y)
        loss.backward()  # DDP averages the gradients over the ranks
        opt.step()
        mean = loss.detach().clone()
        dist.all_reduce(mean)
        mean /= world
        print(f"step={step} loss={mean.item():.6f}", flush=True)
    print(f"loss={mean.item():.6f}", flush=True)
    dist.barrier()
    if rank == a.hang_rank:
        print(f"# rank {rank} hangs", flush=True)
        while True:
            time.sleep(60)
    # Every rank has passed the barrier: leave without tearing the group down. Gloo's teardown
    # can spin when rank 0, which holds the rendezvous store, has gone first, and that rank
    # then outlives the others by more than the supervisor's grace (seen under load).
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
