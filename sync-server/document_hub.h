#pragma once
/// accord-server's sync layer: the MessageHandlerFactory that replaces ValidatingHandler on both
/// endpoints. It keeps a registry of the documents in memory (HubDocument, one strand each, run
/// on the hub's own thread pool), a WriteQueue for group-committed writes to DocumentStorage,
/// and makes one SyncHandler per socket: ProtocolGate checks framing and access, then every
/// message goes to its document's strand.

#include "auth_store.h"
#include "config.h"
#include "document_storage.h"
#include "hub_document.h"
#include "message_handler.h"
#include "write_queue.h"

#include <boost/asio/thread_pool.hpp>

#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

namespace accord::server {

/// Settings of the hub.
struct HubOptions {
  /// Largest document (state at load plus updates since); an update over it closes its socket
  /// with 1008 and is not applied.
  std::size_t max_document_bytes = 64u << 20;
  /// A document nobody has open for this long is unloaded (after a compaction of its storage).
  std::chrono::milliseconds idle_unload{30000};
  /// Threads that run document strands.
  unsigned threads = 2;
};

/// See the file comment.
class DocumentHub final : public MessageHandlerFactory {
public:
  /// `store` authenticates Auth messages and must outlive the hub.
  DocumentHub(AuthStore& store, Limits limits, std::unique_ptr<DocumentStorage> storage,
              HubOptions options);
  /// Calls shutdown().
  ~DocumentHub() override;

  std::unique_ptr<MessageHandler> create(const std::shared_ptr<Connection>& connection) override;

  /// The document `name`, loaded lazily on its strand; counts a user until release().
  std::shared_ptr<HubDocument> acquire(std::string_view name);
  /// Ends one use of `document` (after its unsubscribe was posted).
  void release(const std::shared_ptr<HubDocument>& document);
  /// Called on the document's strand when it has been idle: removes it from the registry if
  /// nobody acquired it meanwhile. True when removed.
  bool try_unload(const HubDocument& document);
  /// Removes a broken document from the registry at once (its users hold it until they go);
  /// the next acquire loads it afresh.
  void forget(const HubDocument& document);

  /// Waits until every accepted update is written, compacts the loaded documents, and stops
  /// the document threads. Idempotent. Call after the server stopped serving.
  void shutdown();

  DocumentStorage& storage() { return *storage_; }
  WriteQueue& writer() { return writer_; }
  const HubOptions& options() const { return options_; }
  boost::asio::thread_pool& pool() { return pool_; }
  bool stopping() const { return stopping_.load(); }
  /// Documents in memory now.
  std::size_t loaded_documents() const;

private:
  struct Entry {
    std::shared_ptr<HubDocument> document;
    std::size_t users = 0;
  };

  AuthStore& store_;
  Limits limits_;
  std::unique_ptr<DocumentStorage> storage_;
  HubOptions options_;
  WriteQueue writer_;
  boost::asio::thread_pool pool_;
  std::atomic<bool> stopping_{false};
  bool shut_down_ = false;
  mutable std::mutex mutex_;
  std::map<std::string, Entry, std::less<>> documents_;
};

} // namespace accord::server
