#include "allreduce.h"

#ifdef TUNEBENCH_WITH_NCCL
#include <c10/cuda/CUDAGuard.h>
#include <c10/cuda/CUDAStream.h>
#include <nccl.h>
#endif

#include <map>
#include <optional>
#include <set>
#include <stdexcept>

namespace tb::train {

#ifdef TUNEBENCH_WITH_NCCL
namespace {

void check(ncclResult_t result, const char* what)
{
    if (result != ncclSuccess)
        throw std::runtime_error(std::string("NCCL ") + what + ": " + ncclGetErrorString(result));
}

std::optional<ncclDataType_t> ncclType(torch::ScalarType type)
{
    switch (type) {
    case torch::kFloat:
        return ncclFloat32;
    case torch::kDouble:
        return ncclFloat64;
    case torch::kHalf:
        return ncclFloat16;
    case torch::kBFloat16:
        return ncclBfloat16;
    default:
        return std::nullopt;
    }
}

} // namespace

// One communicator per distinct list of devices (parameter i of replica 0, 1, ...):
// pipelines with the same layout across replicas need one per stage device.
struct GradientReducer::Nccl {
    std::map<std::vector<int>, std::vector<ncclComm_t>> comms;
    std::vector<const std::vector<ncclComm_t>*> byParameter;

    ~Nccl()
    {
        for (auto& [devices, list] : comms)
            for (ncclComm_t comm : list)
                ncclCommDestroy(comm);
    }
};
#else
struct GradientReducer::Nccl {};
#endif

GradientReducer::GradientReducer(std::vector<std::vector<torch::Tensor>> parameters)
    : m_parameters(std::move(parameters))
{
    const std::size_t replicas = m_parameters.size();
    for (std::size_t r = 1; r < replicas; ++r) {
        if (m_parameters[r].size() != m_parameters[0].size())
            throw std::invalid_argument("replicas differ in their parameter count");
        for (std::size_t i = 0; i < m_parameters[0].size(); ++i)
            if (!m_parameters[r][i].sizes().equals(m_parameters[0][i].sizes())
                || m_parameters[r][i].scalar_type() != m_parameters[0][i].scalar_type())
                throw std::invalid_argument("replicas differ in the shape of parameter " + std::to_string(i));
    }
    if (replicas < 2) {
        m_method = "none";
        return;
    }
    m_method = "copy";
#ifdef TUNEBENCH_WITH_NCCL
    // NCCL when every copy of every parameter is on a CUDA device of its own.
    bool nccl = true;
    for (std::size_t i = 0; nccl && i < m_parameters[0].size(); ++i) {
        std::set<int> seen;
        for (std::size_t r = 0; r < replicas; ++r) {
            const torch::Tensor& p = m_parameters[r][i];
            if (!p.is_cuda() || !ncclType(p.scalar_type()) || !seen.insert(p.get_device()).second)
                nccl = false;
        }
    }
    if (!nccl)
        return;
    m_nccl = std::make_unique<Nccl>();
    for (std::size_t i = 0; i < m_parameters[0].size(); ++i) {
        std::vector<int> devices;
        for (std::size_t r = 0; r < replicas; ++r)
            devices.push_back(m_parameters[r][i].get_device());
        auto it = m_nccl->comms.find(devices);
        if (it == m_nccl->comms.end()) {
            std::vector<ncclComm_t> list(replicas);
            check(ncclCommInitAll(list.data(), static_cast<int>(replicas), devices.data()), "ncclCommInitAll");
            it = m_nccl->comms.emplace(devices, std::move(list)).first;
        }
        m_nccl->byParameter.push_back(&it->second);
    }
    m_method = "nccl";
#endif
}

GradientReducer::~GradientReducer() = default;

void GradientReducer::reduce()
{
    const std::size_t replicas = m_parameters.size();
    if (replicas < 2)
        return;
    torch::NoGradGuard noGrad;
#ifdef TUNEBENCH_WITH_NCCL
    if (m_nccl) {
        // One group: NCCL needs every device's call before any of them can complete.
        check(ncclGroupStart(), "ncclGroupStart");
        for (std::size_t i = 0; i < m_parameters[0].size(); ++i) {
            if (!m_parameters[0][i].grad().defined())
                continue;
            for (std::size_t r = 0; r < replicas; ++r) {
                torch::Tensor grad = m_parameters[r][i].grad();
                if (!grad.defined() || !grad.is_contiguous())
                    throw std::runtime_error("replica " + std::to_string(r) + " has no contiguous gradient for parameter "
                                             + std::to_string(i));
                const c10::cuda::CUDAStream stream = c10::cuda::getCurrentCUDAStream(grad.get_device());
                check(ncclAllReduce(grad.data_ptr(), grad.data_ptr(), static_cast<std::size_t>(grad.numel()),
                                    *ncclType(grad.scalar_type()), ncclSum, (*m_nccl->byParameter[i])[r],
                                    stream.stream()),
                      "ncclAllReduce");
            }
        }
        check(ncclGroupEnd(), "ncclGroupEnd");
        return;
    }
#endif
    for (std::size_t i = 0; i < m_parameters[0].size(); ++i) {
        // The sum goes into replica 0's gradient, then is copied to the others.
        torch::Tensor total = m_parameters[0][i].grad();
        if (!total.defined())
            continue;
        for (std::size_t r = 1; r < replicas; ++r) {
            const torch::Tensor grad = m_parameters[r][i].grad();
            if (grad.defined())
                total.add_(grad.to(total.device()));
        }
        for (std::size_t r = 1; r < replicas; ++r) {
            torch::Tensor& grad = m_parameters[r][i].mutable_grad();
            if (grad.defined())
                grad.copy_(total);
            else
                grad = total.to(m_parameters[r][i].device()).clone();
        }
    }
}

} // namespace tb::train
