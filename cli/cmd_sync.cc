// accord sync --server ws://host:port --token T: syncs every document of the workspace with an
// accord-server (Hocuspocus protocol on /sync), storing what arrives and clearing the outbox of
// what the server confirmed. Accounts other devices created are fetched as the team index lists
// them.
#include <boost/asio/io_context.hpp>

#include <chrono>
#include <iostream>
#include <set>

#include "accord/sync_session.h"
#include "commands.h"
#include "exit_codes.h"
#include "workspace_dir.h"
#include "ws_transport.h"

namespace accord::cli {
namespace {

struct Options {
  std::string server;
  std::string token;
  int timeout_s = 60;
};

int run_sync(const Globals& g, const Options& o) {
  auto url = parse_ws_url(o.server);
  if (!url.ok()) return fail(kExitUsage, url.status().message());
  std::string token = o.token;
  if (token.empty()) {
    if (const char* env = std::getenv("ACCORD_TOKEN"); env != nullptr) token = env;
  }
  if (token.empty()) return fail(kExitUsage, "--token (or $ACCORD_TOKEN) is required");
  auto ow = open_workspace(workspace_dir(g.workspace));
  if (!ow.ok()) return fail(exit_code_for(ow.status()), ow.status().message());
  workspace::Workspace& ws = *ow->ws;

  boost::asio::io_context ioc;
  AsioSyncTimer timer(ioc);
  WsSyncTransport transport(ioc, *url, token);
  sync::SyncSessionOptions options;
  options.token = token;
  sync::SyncSession session(transport, timer, options);
  transport.bind(session);
  std::size_t received = 0;
  ws.set_remote_origin([&received](const Origin& origin) {
    if (origin.name != "sync") return false;
    ++received;
    return true;
  });

  std::set<std::string> attached;
  auto attach_all = [&]() -> Status {
    for (const auto& name : ws.document_names()) {
      if (attached.count(name)) continue;
      ACCORD_RETURN_IF_ERROR(session.attach(name, *ws.document(name)));
      attached.insert(name);
    }
    return Status::ok();
  };
  if (Status s = attach_all(); !s.is_ok()) return fail(kExitSync, s.message());
  session.start();

  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(o.timeout_s);
  std::size_t shown = static_cast<std::size_t>(-1);
  for (;;) {
    ioc.run_for(std::chrono::milliseconds(50));
    // Accounts the team index lists that this device has not seen yet.
    for (const auto& entry : ws.team().accounts()) ws.ensure_account(entry.id());
    if (Status s = attach_all(); !s.is_ok()) return fail(kExitSync, s.message());
    if (Status s = ws.save(); !s.is_ok()) return fail(kExitStore, s.message());
    std::size_t synced = 0;
    for (const auto& name : attached) {
      if (auto why = session.denied(name)) {
        return fail(kExitSync, "the server refused '" + name + "': " + *why);
      }
      if (session.synced(name)) ++synced;
    }
    if (synced != shown) {
      std::cerr << "\rsyncing with " << o.server << ": " << synced << "/" << attached.size()
                << " documents" << std::flush;
      shown = synced;
    }
    if (synced == attached.size() && session.outbox_total() == 0) break;
    // A refusal (bad token, access denied) or a server that needs a newer client ends the
    // session for good: say so now rather than waiting for --timeout.
    if (session.terminal()) {
      std::cerr << "\n";
      const bool outdated = session.state() == sync::SessionState::kOutdated;
      std::string why;
      if (const auto& close = session.last_close()) {
        why = close->http_status != 0 ? "HTTP " + std::to_string(close->http_status)
                                      : "close code " + std::to_string(close->code);
        if (!close->reason.empty()) why += ": " + close->reason;
      }
      return fail(kExitSync, std::string(outdated ? "the server needs a newer Accord"
                                                  : "the server refused this client") +
                                 (why.empty() ? "" : " (" + why + ")"));
    }
    if (std::chrono::steady_clock::now() > deadline) {
      std::cerr << "\n";
      std::string why = transport.last_error();
      if (!session.last_error().is_ok())
        why += (why.empty() ? "" : "; ") + session.last_error().message();
      return fail(kExitSync, "sync did not complete within " + std::to_string(o.timeout_s) + " s" +
                                 (why.empty() ? "" : ": " + why));
    }
  }
  std::cerr << "\n";
  std::size_t acknowledged = 0;
  for (const auto& name : attached) {
    auto n = ws.acknowledge_all(name);
    if (!n.ok()) return fail(kExitStore, n.status().message());
    acknowledged += *n;
  }
  session.stop();
  ioc.run_for(std::chrono::milliseconds(200));
  std::cout << "Synced " << attached.size() << " documents with " << o.server << ": " << received
            << " update(s) received, " << acknowledged
            << " local update(s) confirmed by the server\n";
  return kExitOk;
}

} // namespace

void add_sync_command(CLI::App& app, Globals& g) {
  auto opts = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "sync",
      "Sync the workspace with an accord-server: send this device's changes, receive "
      "everyone else's (new accounts included), with progress");
  cmd->add_option("--server", opts->server, "Server URL, e.g. ws://127.0.0.1:8080 (path /sync)")
      ->required();
  cmd->add_option("--token", opts->token,
                  "API or session token (default: $ACCORD_TOKEN); create one with "
                  "`accord-server admin create-token <user>`");
  cmd->add_option("--timeout", opts->timeout_s, "Give up after this many seconds")
      ->check(CLI::Range(1, 3600))
      ->capture_default_str();
  cmd->footer(kExitCodeHelp);
  cmd->callback([opts, &g] { g.exit_code = run_sync(g, *opts); });
}

} // namespace accord::cli
