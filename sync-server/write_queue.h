#pragma once
/// Group commit for accord-server's document writes. Documents hand in the updates they have
/// applied; one writer thread takes everything queued at that moment (any number of documents
/// and updates) and stores it with one DocumentStorage::append_batch, i.e. one transaction and
/// one fsync. While that write is in flight, new updates queue up for the next transaction, so
/// under load the number of fsyncs stays far below the number of updates. Each submitter's
/// callback runs on the writer thread after the transaction holding its updates committed (or
/// failed); callbacks post back to their own executor.

#include "document_storage.h"

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace accord::server {

/// See the file comment.
class WriteQueue {
public:
  using Done = std::function<void(const Status&)>;

  /// Starts the writer thread. `storage` must outlive the queue.
  explicit WriteQueue(DocumentStorage& storage);
  /// Writes everything still queued, then stops the thread.
  ~WriteQueue();
  WriteQueue(const WriteQueue&) = delete;
  WriteQueue& operator=(const WriteQueue&) = delete;

  /// Queues `updates` for the next transaction; `done` runs after it. Thread-safe.
  void submit(std::vector<StoredUpdate> updates, Done done);
  /// Queues a compaction of `document` (run between transactions); `done` runs after it.
  void compact(std::string document, Done done);
  /// Blocks until everything submitted before the call is written. Thread-safe.
  void flush();

  /// Transactions and updates written so far.
  std::uint64_t transactions() const;
  std::uint64_t updates_written() const;

private:
  struct Job {
    std::vector<StoredUpdate> updates;
    std::string compact; ///< non-empty: a compaction job
    Done done;
  };
  void run();

  DocumentStorage& storage_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::condition_variable idle_;
  std::deque<Job> jobs_;
  bool busy_ = false;
  bool stopping_ = false;
  std::uint64_t transactions_ = 0;
  std::uint64_t updates_written_ = 0;
  std::thread thread_;
};

} // namespace accord::server
