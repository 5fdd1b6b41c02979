#include "server_context.h"

#include "validating_handler.h"

#include <vector>

namespace accord::server {

ServerContext::ServerContext(ServerConfig config_in, std::unique_ptr<AuthStore> store_in,
                             std::shared_ptr<MessageHandlerFactory> factory_in)
    : config(std::move(config_in)),
      store(std::move(store_in)),
      api(*store, config, stats),
      factory(std::move(factory_in)) {
  if (config.web_dir) static_files.emplace(*config.web_dir);
  if (!factory) factory = std::make_shared<ValidatingHandlerFactory>(*store, config.limits);
}

bool ServerContext::register_session(std::uint64_t id, std::weak_ptr<Closable> session) {
  std::lock_guard lock(mutex_);
  if (shutting_down_.load()) return false;
  sessions_.emplace(id, std::move(session));
  return true;
}

void ServerContext::unregister_session(std::uint64_t id) {
  std::function<void()> drained;
  {
    std::lock_guard lock(mutex_);
    if (sessions_.erase(id) == 0) return;
    if (shutting_down_.load() && sessions_.empty()) drained = on_drained;
  }
  if (drained) drained();
}

void ServerContext::shutdown_sessions() {
  std::vector<std::shared_ptr<Closable>> live;
  std::function<void()> drained;
  {
    std::lock_guard lock(mutex_);
    shutting_down_.store(true);
    for (auto& [id, weak] : sessions_) {
      if (auto session = weak.lock()) live.push_back(std::move(session));
    }
    if (sessions_.empty()) drained = on_drained;
  }
  for (auto& session : live) session->shutdown();
  if (drained) drained();
}

} // namespace accord::server
