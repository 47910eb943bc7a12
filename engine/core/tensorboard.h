#pragma once
// Scalars from the TensorBoard event files (events.out.tfevents.*) a trial writes under its
// folder (trial.metrics.tensorboard, docs/spec.md): the TFRecord framing and the few
// protobuf fields of tensorflow.Event and Summary that hold a scalar — simple_value, as
// PyTorch's SummaryWriter and tensorboardX write it, and a one-number tensor, as TF 2's
// tf.summary.scalar writes it. Debian packages no reader of the format (TensorBoard and
// tbparse are PyPI-only), so these are read here from the wire format of
// tensorflow/core/util/event.proto and framework/summary.proto, which has not changed
// since TensorFlow 1.

#include <QString>
#include <QStringList>

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace tb::engine {

struct ScalarEvent {
    std::string tag;
    std::int64_t step = 0;
    double value = 0;
    double wallTime = 0; // seconds since the epoch, as the writer recorded it
};

// One serialized tensorflow.Event: its scalars (none for other events or malformed bytes).
std::vector<ScalarEvent> decodeEvent(std::string_view bytes);

// TFRecord's masked CRC-32C of `bytes` (what the framing stores after length and data).
std::uint32_t maskedCrc32c(std::string_view bytes);

class TensorBoardReader {
public:
    // Files already in `folder` are read from their current end: what an earlier attempt
    // wrote is not this attempt's.
    explicit TensorBoardReader(QString folder);

    // The scalars written since the last call, files in name order (subfolders too). A
    // record still being written waits for the next call; a record whose checksum is wrong
    // ends the reading of that file.
    std::vector<ScalarEvent> poll();

private:
    QStringList files() const;

    QString m_folder;
    std::map<QString, qint64> m_offsets; // file -> bytes read
    std::map<QString, bool> m_broken;
};

} // namespace tb::engine
