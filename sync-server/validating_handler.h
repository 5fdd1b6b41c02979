#pragma once
/// The message handler accord-server runs until the sync layer plugs in its own:
/// every message goes through ProtocolGate (framing, document access, Auth
/// answers, viewer writes dropped) and is then counted, not synced. A client
/// therefore gets authentication replies but no sync step 2; nothing pretends
/// that documents are stored.

#include "message_handler.h"
#include "protocol_gate.h"

#include <memory>

namespace accord::server {

/// See the file comment.
class ValidatingHandler final : public MessageHandler {
public:
  ValidatingHandler(AuthStore& store, const Limits& limits) : gate_(store, limits) {}

  void on_open(Connection& connection) override;
  std::optional<CloseRequest> on_message(Connection& connection,
                                         std::span<const std::uint8_t> message) override;
  void on_close(Connection& connection) override;

private:
  ProtocolGate gate_;
  std::uint64_t delivered_ = 0;
  std::uint64_t dropped_ = 0;
};

/// Makes a ValidatingHandler per socket.
class ValidatingHandlerFactory final : public MessageHandlerFactory {
public:
  ValidatingHandlerFactory(AuthStore& store, const Limits& limits)
      : store_(store), limits_(limits) {}
  std::unique_ptr<MessageHandler> create(const std::shared_ptr<Connection>& connection) override;

private:
  AuthStore& store_;
  const Limits& limits_;
};

} // namespace accord::server
