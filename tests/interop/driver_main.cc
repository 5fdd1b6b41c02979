// accord_interop_driver: the C++ side of the interop harness (tests/interop/).
// The Node harness starts it once and sends one JSON request per line on stdin;
// the driver answers each with one JSON line on stdout:
//   {"cmd": "hello"}                 -> {"ok": true, "capabilities": [...], "version": "..."}
//   {"cmd": "run", "script": {...}}  -> artifacts of the session (driver_session.h)
//   {"cmd": "load", "roots": [...], "gc": bool, "updates": [hex...]} (or "updates_v2")
//                                    -> state of a fresh doc after applying them
//   {"cmd": "merge_updates" | "diff_update" | "state_vector_from_update", ...}
//                                    -> see driver_update_ops.h
// Capabilities name what this driver can check, so the harness runs what exists
// and reports the rest as skipped (tests/interop/accord_check.mjs).
#include <exception>
#include <iostream>
#include <string>

#include "accord/version.h"
#include "driver_session.h"
#include "driver_update_ops.h"

namespace {

using accord::interop::Json;

Json handle(const Json& request) {
  const std::string cmd = request.at("cmd").get<std::string>();
  if (cmd == "hello") {
    Json out = Json::object();
    out["ok"] = true;
    out["capabilities"] = Json::array(
        {"update_v1", "update_v2", "merge_updates", "diff_update", "state_vector_from_update"});
    out["version"] = std::string(accord::version());
    return out;
  }
  if (cmd == "run") {
    return accord::interop::run_session(request.at("script"), request.value("v2", false));
  }
  if (cmd == "load") return accord::interop::load_updates(request);
  if (cmd == "merge_updates") return accord::interop::merge_updates_command(request);
  if (cmd == "diff_update") return accord::interop::diff_update_command(request);
  if (cmd == "state_vector_from_update") {
    return accord::interop::state_vector_from_update_command(request);
  }
  Json out = Json::object();
  out["ok"] = false;
  out["error"] = "unsupported command " + cmd;
  return out;
}

} // namespace

int main() {
  std::ios::sync_with_stdio(false);
  std::string line;
  while (std::getline(std::cin, line)) {
    if (line.empty()) continue;
    Json response;
    try {
      response = handle(Json::parse(line));
    } catch (const std::exception& e) {
      response = Json::object();
      response["ok"] = false;
      response["error"] = std::string("exception: ") + e.what();
    }
    std::cout << response.dump(-1, ' ', false, Json::error_handler_t::replace) << '\n';
    std::cout.flush();
  }
  return 0;
}
