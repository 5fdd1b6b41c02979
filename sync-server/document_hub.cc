#include "document_hub.h"

#include "authorizer.h"
#include "log.h"
#include "protocol_gate.h"

#include <boost/asio/post.hpp>

#include <future>

namespace accord::server {

namespace net = boost::asio;

namespace {

/// The gate's view of a message, as the codec's owned message.
sync::Message to_message(const InboundMessage& in) {
  sync::Message m;
  m.type = static_cast<sync::MessageType>(in.type);
  m.step = static_cast<sync::SyncStep>(in.step);
  if (in.type == MessageType::kStateless || in.type == MessageType::kClose) {
    m.text.assign(reinterpret_cast<const char*>(in.payload.data()), in.payload.size());
  } else {
    m.payload.assign(in.payload.begin(), in.payload.end());
  }
  return m;
}

bool is_sync_write(const InboundMessage& in) {
  return (in.type == MessageType::kSync || in.type == MessageType::kSyncReply) &&
         in.step != SyncStep::kStep1;
}

/// One socket: the gate, then the documents' strands.
class SyncHandler final : public MessageHandler {
public:
  SyncHandler(DocumentHub& hub, AuthStore& store, const Limits& limits,
              std::weak_ptr<Connection> connection)
      : hub_(hub), gate_(store, limits), connection_(std::move(connection)) {}

  void on_open(Connection& connection) override {
    if (connection.endpoint() != Endpoint::kSingleDocument) return;
    const Principal* principal = connection.principal();
    if (principal == nullptr) return;
    const bool read_only = !authorize(*principal, connection.document(), Operation::kWrite).allowed;
    open(connection.document(), read_only);
  }

  std::optional<CloseRequest> on_message(Connection& connection,
                                         std::span<const std::uint8_t> bytes) override {
    GateResult result = gate_.admit(connection, bytes);
    switch (result.action) {
      case GateResult::Action::kHandled: return std::nullopt;
      case GateResult::Action::kClose: return std::move(result.close);
      case GateResult::Action::kDrop:
        log_debug("message_dropped", {{"connection", connection.id()}, {"reason", result.reason}});
        // Hocuspocus providers count unacknowledged changes: tell them it was refused.
        if (connection.endpoint() == Endpoint::kMultiplexed && is_sync_write(result.message)) {
          connection.send(sync::encode_frame(result.message.document, sync::sync_status(false)));
        }
        return std::nullopt;
      case GateResult::Action::kDeliver: break;
    }
    const InboundMessage& in = result.message;
    auto document = open(in.document, in.read_only);
    net::post(document->strand(),
              [document, id = connection.id(), message = to_message(in)]() mutable {
                document->handle(id, std::move(message));
              });
    if (in.type == MessageType::kClose) close_document(in.document);
    return std::nullopt;
  }

  void on_close(Connection& /*connection*/) override {
    while (!documents_.empty()) close_document(documents_.begin()->first);
  }

private:
  std::shared_ptr<HubDocument> open(std::string_view name, bool read_only) {
    auto it = documents_.find(name);
    if (it != documents_.end()) return it->second;
    auto document = hub_.acquire(name);
    documents_.emplace(std::string(name), document);
    if (auto connection = connection_.lock()) {
      net::post(document->strand(),
                [document, connection, read_only] { document->subscribe(connection, read_only); });
    }
    return document;
  }

  void close_document(std::string_view name) {
    auto it = documents_.find(name);
    if (it == documents_.end()) return;
    auto document = std::move(it->second);
    documents_.erase(it);
    if (auto connection = connection_.lock()) {
      net::post(document->strand(),
                [document, id = connection->id()] { document->unsubscribe(id); });
    }
    hub_.release(document);
  }

  DocumentHub& hub_;
  ProtocolGate gate_;
  std::weak_ptr<Connection> connection_;
  std::map<std::string, std::shared_ptr<HubDocument>, std::less<>> documents_;
};

} // namespace

DocumentHub::DocumentHub(AuthStore& store, Limits limits, std::unique_ptr<DocumentStorage> storage,
                         HubOptions options)
    : store_(store),
      limits_(limits),
      storage_(std::move(storage)),
      options_(options),
      writer_(*storage_),
      pool_(std::max(1u, options.threads)) {}

DocumentHub::~DocumentHub() { shutdown(); }

std::unique_ptr<MessageHandler> DocumentHub::create(const std::shared_ptr<Connection>& connection) {
  return std::make_unique<SyncHandler>(*this, store_, limits_, connection);
}

std::shared_ptr<HubDocument> DocumentHub::acquire(std::string_view name) {
  std::lock_guard lock(mutex_);
  auto it = documents_.find(name);
  if (it == documents_.end()) {
    auto document = std::make_shared<HubDocument>(*this, std::string(name),
                                                  net::make_strand(pool_.get_executor()));
    it = documents_.emplace(std::string(name), Entry{std::move(document), 0}).first;
  }
  ++it->second.users;
  return it->second.document;
}

void DocumentHub::release(const std::shared_ptr<HubDocument>& document) {
  std::lock_guard lock(mutex_);
  auto it = documents_.find(document->name());
  if (it != documents_.end() && it->second.document == document && it->second.users > 0) {
    --it->second.users;
  }
}

bool DocumentHub::try_unload(const HubDocument& document) {
  std::lock_guard lock(mutex_);
  auto it = documents_.find(document.name());
  if (it == documents_.end() || it->second.document.get() != &document) return false;
  if (it->second.users > 0) return false;
  documents_.erase(it);
  return true;
}

void DocumentHub::forget(const HubDocument& document) {
  std::lock_guard lock(mutex_);
  auto it = documents_.find(document.name());
  if (it != documents_.end() && it->second.document.get() == &document) documents_.erase(it);
}

std::size_t DocumentHub::loaded_documents() const {
  std::lock_guard lock(mutex_);
  return documents_.size();
}

void DocumentHub::shutdown() {
  if (shut_down_) return;
  shut_down_ = true;
  stopping_.store(true);
  std::vector<std::shared_ptr<HubDocument>> loaded;
  {
    std::lock_guard lock(mutex_);
    for (auto& [name, entry] : documents_) loaded.push_back(entry.document);
  }
  for (auto& document : loaded) {
    net::post(document->strand(), [document] { document->stop_timer(); });
  }
  // Runs every queued handler and every write completion (they hold work guards).
  pool_.join();
  for (auto& document : loaded) writer_.compact(document->name(), nullptr);
  writer_.flush();
  log_info("documents_flushed", {{"documents", loaded.size()},
                                 {"transactions", writer_.transactions()},
                                 {"updates", writer_.updates_written()}});
}

} // namespace accord::server
