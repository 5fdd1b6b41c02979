#pragma once
// The directory of a local workspace: `accord.db` (the DocumentStore) and `accord.conf`
// (team id, user id and device id, one `key=value` per line), and the clock of the CLI.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "accord/document_store.h"
#include "accord/model/edit.h"
#include "accord/status.h"
#include "accord/workspace/workspace.h"

namespace accord::cli {

/// What accord.conf holds.
struct WorkspaceConfig {
  std::string team;   ///< team id
  std::string user;   ///< the user of this workspace (a team member id)
  std::string device; ///< this installation's device id
};

/// An opened workspace directory.
struct OpenWorkspace {
  std::string dir;                          ///< the directory
  WorkspaceConfig config;                   ///< its config
  std::unique_ptr<DocumentStore> store;     ///< accord.db
  std::unique_ptr<workspace::Workspace> ws; ///< the loaded documents
  model::Actor actor() const { return model::Actor{config.user, config.device}; }
};

/// The store file of `dir`.
std::string store_path(const std::string& dir);
/// The config file of `dir`.
std::string config_path(const std::string& dir);

/// Creates `dir` (and parents) if needed, writes accord.conf and creates the store and the team
/// index. kAlreadyExists when `dir` already holds a workspace.
Result<OpenWorkspace> create_workspace(const std::string& dir, const WorkspaceConfig& config,
                                       const std::string& team_name, const std::string& member_name,
                                       std::int64_t now_ms);
/// Opens the workspace in `dir`: kNotFound when there is none (naming the directory).
Result<OpenWorkspace> open_workspace(const std::string& dir);

/// The workspace directory to use: `flag` when given, else $ACCORD_WORKSPACE, else ".".
std::string workspace_dir(const std::string& flag);

/// Now in Unix ms: `iso` parsed (ISO-8601 with offset) when given, else the system clock.
Result<std::int64_t> now_ms(const std::string& iso);

/// Reads a whole file; kNotFound / kIoError naming it.
Result<std::string> read_file(const std::string& path);
/// Writes a whole file (replacing it); kIoError naming it.
Status write_file(const std::string& path, const std::string& text);

/// The exit code for a Status of the store or workspace.
int exit_code_for(const Status& status);

} // namespace accord::cli
