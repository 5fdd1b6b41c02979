#include "workspace_dir.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "accord/model/dates.h"
#include "accord/model/ids.h"
#include "exit_codes.h"

namespace accord::cli {
namespace fs = std::filesystem;

std::string store_path(const std::string& dir) { return (fs::path(dir) / "accord.db").string(); }
std::string config_path(const std::string& dir) { return (fs::path(dir) / "accord.conf").string(); }

Result<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status::error(fs::exists(path) ? StatusCode::kIoError : StatusCode::kNotFound,
                         "cannot read '" + path + "'" + (fs::exists(path) ? "" : ": no such file"));
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Status::error(StatusCode::kIoError, "error reading '" + path + "'");
  return ss.str();
}

Status write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) return Status::error(StatusCode::kIoError, "cannot write '" + path + "'");
  return Status::ok();
}

namespace {

std::string serialize(const WorkspaceConfig& c) {
  return "team=" + c.team + "\nuser=" + c.user + "\ndevice=" + c.device + "\n";
}

Result<WorkspaceConfig> parse_config(const std::string& path, const std::string& text) {
  WorkspaceConfig c;
  std::istringstream in(text);
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty() || line[0] == '#') continue;
    const auto eq = line.find('=');
    if (eq == std::string::npos) {
      return Status::error(StatusCode::kInvalidArgument,
                           path + ":" + std::to_string(n) + ": expected key=value");
    }
    const std::string key = line.substr(0, eq);
    const std::string value = line.substr(eq + 1);
    if (key == "team") c.team = value;
    if (key == "user") c.user = value;
    if (key == "device") c.device = value;
  }
  for (const auto& [key, value] :
       {std::pair{"team", c.team}, std::pair{"user", c.user}, std::pair{"device", c.device}}) {
    if (value.empty()) {
      return Status::error(StatusCode::kInvalidArgument,
                           path + ": missing '" + std::string(key) + "='");
    }
  }
  return c;
}

} // namespace

Result<OpenWorkspace> create_workspace(const std::string& dir, const WorkspaceConfig& config,
                                       const std::string& team_name, const std::string& member_name,
                                       std::int64_t now) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) {
    return Status::error(StatusCode::kIoError,
                         "cannot create directory '" + dir + "': " + ec.message());
  }
  if (fs::exists(config_path(dir)) || fs::exists(store_path(dir))) {
    return Status::error(StatusCode::kAlreadyExists,
                         "'" + dir + "' already holds an accord workspace");
  }
  ACCORD_RETURN_IF_ERROR(model::validate_id(config.team, "team id"));
  ACCORD_RETURN_IF_ERROR(model::validate_id(config.user, "user id"));
  OpenWorkspace out;
  out.dir = dir;
  out.config = config;
  ACCORD_ASSIGN_OR_RETURN(out.store, DocumentStore::open(store_path(dir)));
  ACCORD_ASSIGN_OR_RETURN(out.ws, workspace::Workspace::create(*out.store, config.team, team_name,
                                                               out.actor(), member_name, now));
  ACCORD_RETURN_IF_ERROR(write_file(config_path(dir), serialize(config)));
  return out;
}

Result<OpenWorkspace> open_workspace(const std::string& dir) {
  if (!fs::exists(config_path(dir))) {
    return Status::error(StatusCode::kNotFound,
                         "no accord workspace in '" + dir +
                             "' (run `accord init` or `accord demo`, or pass --workspace DIR)");
  }
  ACCORD_ASSIGN_OR_RETURN(std::string text, read_file(config_path(dir)));
  OpenWorkspace out;
  out.dir = dir;
  ACCORD_ASSIGN_OR_RETURN(out.config, parse_config(config_path(dir), text));
  StoreOptions options;
  options.create_if_missing = false;
  ACCORD_ASSIGN_OR_RETURN(out.store, DocumentStore::open(store_path(dir), options));
  ACCORD_ASSIGN_OR_RETURN(out.ws, workspace::Workspace::open(*out.store, out.config.team));
  return out;
}

std::string workspace_dir(const std::string& flag) {
  if (!flag.empty()) return flag;
  if (const char* env = std::getenv("ACCORD_WORKSPACE"); env != nullptr && *env != '\0') {
    return env;
  }
  return ".";
}

Result<std::int64_t> now_ms(const std::string& iso) {
  if (!iso.empty()) {
    auto parsed = model::parse_date_time(iso);
    if (!parsed.ok()) return parsed.status().with_context("--now");
    return *parsed;
  }
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

int exit_code_for(const Status& status) {
  switch (status.code()) {
    case StatusCode::kOk: return kExitOk;
    case StatusCode::kNotFound: return kExitNotFound;
    case StatusCode::kInvalidArgument:
    case StatusCode::kAlreadyExists: return kExitBadInput;
    default: return kExitStore;
  }
}

} // namespace accord::cli
