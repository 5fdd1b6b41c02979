#include "registry.h"

#include <map>
#include <utility>
#include <vector>

namespace accord::wasm {

namespace {

struct Tables {
  std::map<int, std::unique_ptr<DocumentStore>> stores;
  std::map<int, OpenDocument> documents;
  int next = 1;
};

Tables& tables() {
  static Tables t;
  return t;
}

Status unknown(const char* what, int handle) {
  return Status::error(StatusCode::kInvalidArgument,
                       std::string("unknown ") + what + " handle " + std::to_string(handle));
}

} // namespace

int add_store(std::unique_ptr<DocumentStore> store) {
  const int handle = tables().next++;
  tables().stores[handle] = std::move(store);
  return handle;
}

Result<DocumentStore*> find_store(int handle) {
  auto it = tables().stores.find(handle);
  if (it == tables().stores.end()) return unknown("store", handle);
  return it->second.get();
}

Status close_store(int handle) {
  auto it = tables().stores.find(handle);
  if (it == tables().stores.end()) return unknown("store", handle);
  std::vector<int> open;
  for (const auto& [doc, entry] : tables().documents) {
    if (entry.store != handle) continue;
    if (entry.attachments > 0) {
      return Status::error(
          StatusCode::kFailedPrecondition,
          "document " + entry.local->name() +
              " is attached to a sync session: detach it before closing its store");
    }
    open.push_back(doc);
  }
  Status first;
  for (int doc : open) {
    Status s = close_document(doc);
    if (first.is_ok() && !s.is_ok()) first = s;
  }
  tables().stores.erase(it);
  return first;
}

int add_document(int store, std::unique_ptr<LocalDocument> document) {
  const int handle = tables().next++;
  tables().documents[handle] = OpenDocument{store, std::move(document)};
  return handle;
}

Result<LocalDocument*> find_document(int handle) {
  auto it = tables().documents.find(handle);
  if (it == tables().documents.end()) return unknown("document", handle);
  return it->second.local.get();
}

Status close_document(int handle) {
  auto it = tables().documents.find(handle);
  if (it == tables().documents.end()) return unknown("document", handle);
  if (it->second.attachments > 0) {
    return Status::error(
        StatusCode::kFailedPrecondition,
        "document " + it->second.local->name() + " is attached to a sync session: detach it first");
  }
  Status flushed = it->second.local->flush();
  tables().documents.erase(it);
  return flushed;
}

void count_attachment(int handle, int delta) {
  auto it = tables().documents.find(handle);
  if (it != tables().documents.end()) it->second.attachments += delta;
}

} // namespace accord::wasm
