#include "admin.h"

#include "auth_store.h"
#include "secrets.h"

#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

namespace accord::server {

namespace {

struct AdminOptions {
  std::string data;
  std::string team;
  std::string user;
  std::string password;
  bool password_stdin = false;
  std::string role;
  std::string token_name = "api";
  std::optional<std::int64_t> expires_in;
  std::optional<std::int64_t> token_id;
  std::string token;
};

int fail(const Status& status) {
  std::cerr << "accord-server admin: error: " << status.message() << " ("
            << code_name(status.code()) << ")\n";
  return 1;
}

Result<std::unique_ptr<AuthStore>> open_store(const std::string& data) {
  std::error_code ec;
  std::filesystem::create_directories(data, ec);
  if (ec) {
    return Status::error(StatusCode::kIoError,
                         "cannot create data directory " + data + ": " + ec.message());
  }
  return AuthStore::open((std::filesystem::path(data) / "accounts.db").string());
}

void add_data_option(CLI::App* command, AdminOptions& options) {
  command->add_option("--data", options.data, "Data directory of the server (created if missing)")
      ->required();
}

} // namespace

std::function<int()> add_admin_commands(CLI::App& app) {
  auto options = std::make_shared<AdminOptions>();
  auto chosen = std::make_shared<std::function<int()>>();
  CLI::App* admin =
      app.add_subcommand("admin", "Manage teams, users and tokens of a data directory");
  admin->require_subcommand(1);

  CLI::App* create_team = admin->add_subcommand("create-team", "Create a team");
  add_data_option(create_team, *options);
  create_team->add_option("team", options->team, "Team name (1-64 of A-Z a-z 0-9 _ -)")->required();
  create_team->callback([options, chosen] {
    *chosen = [options]() -> int {
      auto store = open_store(options->data);
      if (!store.ok()) return fail(store.status());
      auto id = (*store)->create_team(options->team);
      if (!id.ok()) return fail(id.status());
      std::cerr << "created team " << options->team << "\n";
      return 0;
    };
  });

  CLI::App* create_user = admin->add_subcommand("create-user", "Create a user with a password");
  add_data_option(create_user, *options);
  create_user->add_option("user", options->user, "User name (1-128 of A-Z a-z 0-9 . _ @ -)")
      ->required();
  auto* password = create_user->add_option(
      "--password", options->password,
      "The password (visible to other local users in the process list; prefer --password-stdin)");
  create_user
      ->add_flag("--password-stdin", options->password_stdin,
                 "Read the password from the first line of stdin")
      ->excludes(password);
  create_user->callback([options, chosen] {
    *chosen = [options]() -> int {
      std::string secret = options->password;
      bool generated = false;
      if (options->password_stdin) {
        std::getline(std::cin, secret);
      } else if (secret.empty()) {
        secret = generate_password();
        generated = true;
      }
      auto store = open_store(options->data);
      if (!store.ok()) return fail(store.status());
      auto id = (*store)->create_user(options->user, secret);
      if (!id.ok()) return fail(id.status());
      std::cerr << "created user " << options->user << "\n";
      if (generated) {
        std::cerr << "generated password (shown once):\n";
        std::cout << secret << std::endl;
      }
      return 0;
    };
  });

  CLI::App* add_member =
      admin->add_subcommand("add-member", "Add a user to a team, or change their role");
  add_data_option(add_member, *options);
  add_member->add_option("team", options->team, "Team name")->required();
  add_member->add_option("user", options->user, "User name")->required();
  add_member->add_option("--role", options->role, "owner, member or viewer")
      ->required()
      ->check(CLI::IsMember({"owner", "member", "viewer"}));
  add_member->callback([options, chosen] {
    *chosen = [options]() -> int {
      auto store = open_store(options->data);
      if (!store.ok()) return fail(store.status());
      const Role role = parse_role(options->role).value_or(Role::kViewer);
      if (Status status = (*store)->add_member(options->team, options->user, role);
          !status.is_ok()) {
        return fail(status);
      }
      std::cerr << options->user << " is " << options->role << " of " << options->team << "\n";
      return 0;
    };
  });

  CLI::App* create_token = admin->add_subcommand(
      "create-token", "Issue an API token for a user (printed once on stdout)");
  add_data_option(create_token, *options);
  create_token->add_option("user", options->user, "User the token acts as")->required();
  create_token->add_option("--name", options->token_name, "A label for the token")
      ->capture_default_str();
  create_token
      ->add_option("--expires-in", options->expires_in,
                   "Lifetime in seconds (default: until revoked)")
      ->check(CLI::PositiveNumber);
  create_token->callback([options, chosen] {
    *chosen = [options]() -> int {
      auto store = open_store(options->data);
      if (!store.ok()) return fail(store.status());
      auto issued =
          (*store)->create_api_token(options->user, options->token_name, options->expires_in);
      if (!issued.ok()) return fail(issued.status());
      std::cerr << "token id " << issued->id << " for " << options->user << ", expires "
                << (issued->expires_at ? "at unix time " + std::to_string(*issued->expires_at)
                                       : std::string("never"))
                << " (revoke with: admin revoke-token --id " << issued->id << ")\n";
      std::cout << issued->secret << std::endl;
      return 0;
    };
  });

  CLI::App* revoke_token = admin->add_subcommand("revoke-token", "Revoke a token by id or value");
  add_data_option(revoke_token, *options);
  auto* by_id = revoke_token->add_option("--id", options->token_id, "Token id (from create-token)");
  auto* by_value = revoke_token->add_option("--token", options->token, "The token itself");
  by_id->excludes(by_value);
  revoke_token->callback([options, chosen] {
    *chosen = [options]() -> int {
      if (!options->token_id && options->token.empty()) {
        return fail(Status::error(StatusCode::kInvalidArgument, "give --id or --token"));
      }
      auto store = open_store(options->data);
      if (!store.ok()) return fail(store.status());
      const Status status = options->token_id ? (*store)->revoke_token_id(*options->token_id)
                                              : (*store)->revoke_token(options->token);
      if (!status.is_ok()) return fail(status);
      std::cerr << "token revoked\n";
      return 0;
    };
  });

  return [chosen]() -> int { return *chosen ? (*chosen)() : 0; };
}

} // namespace accord::server
