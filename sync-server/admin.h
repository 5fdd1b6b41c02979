#pragma once
/// `accord-server admin ...`: account administration on a data directory,
/// without a running server (SQLite serializes with one that is running).
///   create-team <team>
///   create-user <user> [--password P | --password-stdin]   (none: one is generated)
///   add-member <team> <user> --role owner|member|viewer
///   create-token <user> [--name N] [--expires-in SECONDS]
///   revoke-token (--id N | --token SECRET)
/// A generated secret (password, token) is the only thing written to stdout, so
/// scripts can capture it; messages go to stderr. Exit 0 on success, 1 on error.

#include <CLI/CLI.hpp>

#include <functional>

namespace accord::server {

/// Adds the `admin` subcommand tree to `app`. The returned function runs the
/// chosen admin command after parsing and returns the process exit code.
std::function<int()> add_admin_commands(CLI::App& app);

} // namespace accord::server
