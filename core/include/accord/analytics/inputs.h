#pragma once
/// What the analytics read: an account document with its visit log. Analytics are pure
/// functions of documents and of "now" (a parameter; nothing in analytics reads a clock). They
/// only read: no document is changed, and archived records are ignored.

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "accord/model/documents.h"

namespace accord::analytics {

/// One account as the analytics see it. `visits` may be null (no visit log synced yet).
struct AccountInput {
  const model::AccountDocument* account = nullptr; ///< the account document (required)
  const model::VisitLog* visits = nullptr;         ///< its visit log, if any
};

/// When each contact (by id) and the account were last touched: the latest visit at or before
/// `now_ms` that lists them. O(visits).
struct Touches {
  std::map<std::string, std::int64_t> by_contact; ///< contact id -> Unix ms of the last touch
  std::optional<std::int64_t> account;            ///< the last visit of the account
};

/// Computes the touches of `visits` (null: none) up to `now_ms`.
Touches last_touches(const model::VisitLog* visits, std::int64_t now_ms);

/// A display name for an account: its name, else its id.
std::string account_label(const model::AccountDocument& account);

} // namespace accord::analytics
