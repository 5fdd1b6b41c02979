#include "authorizer.h"

namespace accord::server {

namespace {

constexpr std::size_t kMaxDocumentName = 512;

bool segment_char(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("._~@:+=-").find(c) != std::string_view::npos;
}

Status bad_name(std::string_view why) {
  return Status::error(StatusCode::kInvalidArgument, "bad document name: " + std::string(why));
}

} // namespace

std::string_view operation_name(Operation op) { return op == Operation::kRead ? "read" : "write"; }

Result<std::string_view> document_team(std::string_view document) {
  if (document.empty()) return bad_name("empty");
  if (document.size() > kMaxDocumentName) return bad_name("longer than 512 bytes");
  std::size_t segment_start = 0;
  for (std::size_t i = 0; i <= document.size(); ++i) {
    if (i == document.size() || document[i] == '/') {
      const std::string_view segment = document.substr(segment_start, i - segment_start);
      if (segment.empty()) return bad_name("empty path segment");
      if (segment == "." || segment == "..") return bad_name("'.' or '..' segment");
      segment_start = i + 1;
    } else if (!segment_char(document[i])) {
      return bad_name("character outside A-Z a-z 0-9 . _ ~ @ : + = -");
    }
  }
  const std::size_t slash = document.find('/');
  if (slash == std::string_view::npos) return bad_name("not of the form <team>/<path>");
  return document.substr(0, slash);
}

Decision authorize(const Principal& principal, std::string_view document, Operation op) {
  const auto team = document_team(document);
  if (!team.ok()) return {false, team.status().message()};
  for (const Membership& membership : principal.teams) {
    if (membership.team != team.value()) continue;
    if (op == Operation::kWrite && membership.role == Role::kViewer) {
      return {false, "viewers of team '" + membership.team + "' cannot write"};
    }
    return {true, std::string(role_name(membership.role)) + " of team '" + membership.team + "'"};
  }
  return {false, "not a member of team '" + std::string(team.value()) + "'"};
}

Decision authorize(AuthStore& store, std::string_view secret, std::string_view document,
                   Operation op) {
  if (secret.empty()) return {false, "missing token"};
  auto principal = store.authenticate_any(secret);
  if (!principal.ok()) return {false, principal.status().message()};
  return authorize(principal.value(), document, op);
}

} // namespace accord::server
