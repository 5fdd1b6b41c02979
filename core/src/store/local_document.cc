#include "accord/local_document.h"

#include <algorithm>
#include <utility>

namespace accord {

LocalDocument::LocalDocument(DocumentStore& store, std::string document,
                             LocalDocumentOptions options)
    : store_(store),
      name_(std::move(document)),
      options_(std::move(options)),
      doc_(options_.doc),
      own_origin_{"accord.store.remote", this} {}

LocalDocument::~LocalDocument() {
  if (subscription_ != 0) doc_.unobserve_update(subscription_);
}

Result<std::unique_ptr<LocalDocument>> LocalDocument::open(DocumentStore& store,
                                                           std::string document,
                                                           LocalDocumentOptions options) {
  ACCORD_RETURN_IF_ERROR(validate_document_name(document));
  std::unique_ptr<LocalDocument> local(
      new LocalDocument(store, std::move(document), std::move(options)));
  // Loaded with the document's own origin and before the hook exists: nothing is written back.
  ACCORD_ASSIGN_OR_RETURN(const LoadInfo info,
                          store.load_into(local->name_, local->doc_, local->own_origin_));
  ACCORD_ASSIGN_OR_RETURN(const DocumentSize size, store.document_size(local->name_));
  local->last_log_seq_ = info.last_log_seq;
  local->log_rows_ = size.log_rows;
  local->log_bytes_ = size.log_bytes;
  local->next_compact_rows_ = local->options_.compact_after_rows;
  local->next_compact_bytes_ = local->options_.compact_after_bytes;
  LocalDocument* self = local.get();
  local->subscription_ =
      local->doc_.observe_update([self](const std::vector<std::uint8_t>& update,
                                        const Origin& origin) { self->on_update(update, origin); });
  return local;
}

void LocalDocument::on_update(const std::vector<std::uint8_t>& update, const Origin& origin) {
  if (origin == own_origin_) {
    remote_changed_ = true; // apply_remote stores the raw bytes itself
    return;
  }
  const bool remote = options_.is_remote && options_.is_remote(origin);
  hook_status_ = save(update, remote ? UpdateSource::kRemote : UpdateSource::kLocal);
}

Status LocalDocument::save(std::vector<std::uint8_t> update, UpdateSource source) {
  unsaved_.push_back(Unsaved{std::move(update), source});
  return flush();
}

Status LocalDocument::flush() {
  if (unsaved_.empty()) return Status::ok();
  std::vector<AppendEntry> entries;
  entries.reserve(unsaved_.size());
  for (const Unsaved& u : unsaved_) entries.push_back(AppendEntry{name_, u.update, u.source, true});
  Result<std::vector<AppendResult>> results = store_.append_batch(entries);
  if (!results.ok()) {
    save_status_ = results.status();
    return save_status_;
  }
  for (std::size_t i = 0; i < unsaved_.size(); ++i) {
    last_log_seq_ = std::max(last_log_seq_, (*results)[i].log_seq);
    ++log_rows_;
    log_bytes_ += unsaved_[i].update.size();
  }
  unsaved_.clear();
  save_status_ = Status::ok();
  return save_status_;
}

Status LocalDocument::transact(const std::function<void(Transaction&)>& fn, Origin origin) {
  hook_status_ = Status::ok();
  doc_.transact(fn, std::move(origin));
  Status status = std::exchange(hook_status_, Status::ok());
  maybe_compact();
  return status;
}

Status LocalDocument::apply_remote(std::span<const std::uint8_t> update) {
  remote_changed_ = false;
  ACCORD_RETURN_IF_ERROR(apply_update(doc_, update, own_origin_));
  // A duplicate (nothing new integrated and nothing waiting) is not stored again.
  if (!remote_changed_ && !doc_has_pending(doc_)) return Status::ok();
  Status status =
      save(std::vector<std::uint8_t>(update.begin(), update.end()), UpdateSource::kRemote);
  maybe_compact();
  return status;
}

Result<std::vector<OutboxEntry>> LocalDocument::outbox() { return store_.outbox(name_); }

Result<std::size_t> LocalDocument::acknowledge(std::uint64_t up_to_seq,
                                               const StateVector& server_sv) {
  return store_.acknowledge(name_, up_to_seq, server_sv);
}

Result<CompactResult> LocalDocument::compact() {
  ACCORD_RETURN_IF_ERROR(flush());
  CompactResult result;
  if (doc_has_pending(doc_)) {
    result.has_pending = true; // never write back a doc with pending structs
    return result;
  }
  // Rows this doc did not write (another connection appended to the same document) are not in
  // the doc: from then on compact from the stored rows, never from the doc.
  ACCORD_ASSIGN_OR_RETURN(const DocumentSize before, store_.document_size(name_));
  if (before.log_rows != log_rows_) foreign_rows_ = true;
  if (foreign_rows_) {
    ACCORD_ASSIGN_OR_RETURN(result, store_.compact(name_));
  } else if (last_log_seq_ != 0) {
    ACCORD_ASSIGN_OR_RETURN(result, store_.compact_from(name_, doc_, last_log_seq_));
  }
  if (result.compacted) {
    ACCORD_ASSIGN_OR_RETURN(const DocumentSize size, store_.document_size(name_));
    log_rows_ = size.log_rows;
    log_bytes_ = size.log_bytes;
  }
  return result;
}

void LocalDocument::maybe_compact() {
  if (log_rows_ < next_compact_rows_ && log_bytes_ < next_compact_bytes_) return;
  Result<CompactResult> result = compact();
  compaction_status_ = result.status();
  if (result.ok() && result->compacted) {
    next_compact_rows_ = options_.compact_after_rows;
    next_compact_bytes_ = options_.compact_after_bytes;
  } else {
    // Pending structs or an error: try again after as many more rows/bytes.
    next_compact_rows_ = log_rows_ + options_.compact_after_rows;
    next_compact_bytes_ = log_bytes_ + options_.compact_after_bytes;
  }
}

} // namespace accord
