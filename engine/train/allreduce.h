#pragma once
// Gradient sums over data-parallel replicas of the pipeline. Replica r holds its own copy of
// every parameter; after a step's backward, reduce() leaves in every copy's .grad the sum of
// all copies' gradients, so that identical optimizers keep the replicas identical.
//
// With CUDA parameters on distinct devices and NCCL built in, the sum is an NCCL all-reduce:
// one communicator per set of devices that hold the same parameters (ncclCommInitAll, one
// process), every call queued on each device's current stream inside one NCCL group.
// Otherwise (CPU replicas, several replicas on one device, or no NCCL) the copies are summed
// on replica 0's device and copied back.

#include <torch/torch.h>

#include <memory>
#include <string>
#include <vector>

namespace tb::train {

class GradientReducer {
public:
    // parameters[r][i]: parameter i of replica r; the same shapes and dtypes in every replica.
    explicit GradientReducer(std::vector<std::vector<torch::Tensor>> parameters);
    ~GradientReducer();
    GradientReducer(const GradientReducer&) = delete;
    GradientReducer& operator=(const GradientReducer&) = delete;

    void reduce();
    const std::string& method() const { return m_method; } // "nccl", "copy" or "none" (one replica)

private:
    struct Nccl;
    std::vector<std::vector<torch::Tensor>> m_parameters;
    std::string m_method;
    std::unique_ptr<Nccl> m_nccl;
};

} // namespace tb::train
