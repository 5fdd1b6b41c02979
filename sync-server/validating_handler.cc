#include "validating_handler.h"

#include "log.h"

namespace accord::server {

void ValidatingHandler::on_open(Connection& /*connection*/) {}

std::optional<CloseRequest> ValidatingHandler::on_message(Connection& connection,
                                                          std::span<const std::uint8_t> message) {
  GateResult result = gate_.admit(connection, message);
  switch (result.action) {
    case GateResult::Action::kDeliver: ++delivered_; return std::nullopt;
    case GateResult::Action::kHandled: return std::nullopt;
    case GateResult::Action::kDrop:
      ++dropped_;
      log_debug("message_dropped", {{"connection", connection.id()}, {"reason", result.reason}});
      return std::nullopt;
    case GateResult::Action::kClose: return std::move(result.close);
  }
  return std::nullopt;
}

void ValidatingHandler::on_close(Connection& connection) {
  log_debug("handler_closed",
            {{"connection", connection.id()}, {"delivered", delivered_}, {"dropped", dropped_}});
}

std::unique_ptr<MessageHandler> ValidatingHandlerFactory::create(
    const std::shared_ptr<Connection>& /*connection*/) {
  return std::make_unique<ValidatingHandler>(store_, limits_);
}

} // namespace accord::server
