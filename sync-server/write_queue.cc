#include "write_queue.h"

#include "log.h"

namespace accord::server {

WriteQueue::WriteQueue(DocumentStorage& storage) : storage_(storage) {
  thread_ = std::thread([this] { run(); });
}

WriteQueue::~WriteQueue() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void WriteQueue::submit(std::vector<StoredUpdate> updates, Done done) {
  {
    std::lock_guard lock(mutex_);
    jobs_.push_back({std::move(updates), {}, std::move(done)});
  }
  wake_.notify_one();
}

void WriteQueue::compact(std::string document, Done done) {
  {
    std::lock_guard lock(mutex_);
    jobs_.push_back({{}, std::move(document), std::move(done)});
  }
  wake_.notify_one();
}

void WriteQueue::flush() {
  std::unique_lock lock(mutex_);
  idle_.wait(lock, [this] { return jobs_.empty() && !busy_; });
}

std::uint64_t WriteQueue::transactions() const {
  std::lock_guard lock(mutex_);
  return transactions_;
}

std::uint64_t WriteQueue::updates_written() const {
  std::lock_guard lock(mutex_);
  return updates_written_;
}

void WriteQueue::run() {
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
    if (jobs_.empty()) {
      if (stopping_) return;
      continue;
    }
    busy_ = true;
    std::vector<Job> batch;
    if (!jobs_.front().compact.empty()) {
      batch.push_back(std::move(jobs_.front()));
      jobs_.pop_front();
    } else {
      // Every queued append up to the next compaction goes into one transaction.
      while (!jobs_.empty() && jobs_.front().compact.empty()) {
        batch.push_back(std::move(jobs_.front()));
        jobs_.pop_front();
      }
    }
    lock.unlock();
    Status status;
    std::size_t count = 0;
    if (!batch.front().compact.empty()) {
      status = storage_.compact(batch.front().compact);
      if (!status.is_ok()) {
        log_warn("compaction_failed",
                 {{"document", batch.front().compact}, {"error", status.to_string()}});
      }
    } else {
      std::vector<StoredUpdate> all;
      for (Job& job : batch) {
        for (StoredUpdate& update : job.updates) all.push_back(std::move(update));
      }
      count = all.size();
      status = storage_.append_batch(all);
      if (!status.is_ok()) {
        log_error("write_failed", {{"updates", count}, {"error", status.to_string()}});
      }
    }
    for (Job& job : batch) {
      if (job.done) job.done(status);
    }
    lock.lock();
    if (count > 0 && status.is_ok()) {
      ++transactions_;
      updates_written_ += count;
    }
    busy_ = false;
    if (jobs_.empty()) idle_.notify_all();
  }
}

} // namespace accord::server
