// tunebench-train: the built-in trial program (see docs/trainer.md).
#include "engine/train/blas_cores.h"
#include "engine/train/trainer.h"

int main(int argc, char** argv)
{
    tb::train::restartWithBetterBlas(argv);
    return tb::train::runCli(argc, argv);
}
