#pragma once
/// Deriving the projection rows (accord/workspace/projection.h) of a workspace's accounts from
/// their documents, and writing them. Everything here runs inside a transaction the caller
/// holds (DocumentStore::append_batch's `also`, or write_derived).

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "accord/status.h"
#include "accord/workspace/projection.h"
#include "store/database.h"

namespace accord::workspace {

class Workspace;
struct AccountSlot;

namespace projection {

/// One searchable record (search.h).
struct SearchEntry {
  std::string kind;      ///< "account", "contact" or "visit"
  std::string record_id; ///< its id
  std::string label;     ///< what a hit shows
  std::string body;      ///< the indexed text (search_text::index_form)
};

/// Every row of one account.
struct AccountProjection {
  std::string account_id;            ///< the account
  std::string state_hash;            ///< of its two documents (state_hash)
  std::optional<AccountRow> account; ///< unset: no account meta (nothing to show)
  std::vector<ContactRow> contacts;  ///< live contacts
  std::vector<VisitRow> visits;      ///< live visits
  std::vector<ActionRow> actions;    ///< live plan actions
  std::vector<SearchEntry> search;   ///< the account, its contacts, its visits
  /// (key contact id, visit time) of every visit that met a key contact.
  std::vector<std::pair<std::string, std::int64_t>> touches;
};

/// A hash of the state vectors of the slot's two documents: changes with every update either
/// integrates. O(clients).
std::string state_hash(const AccountSlot& slot);
/// The same for the team index, under the pseudo account id "" in proj_sources.
std::string index_hash(Workspace& ws);

/// Derives account `id`'s rows. O(records + visits).
AccountProjection project_account(std::string_view id, AccountSlot& slot);

/// Brings the workspace's rows up to date: creates the tables when missing or of another
/// version, then rewrites the accounts in `accounts` (every account when `all`, or when the
/// tables were just created; plus any whose state hash differs when `check_hashes`), removes
/// rows of accounts the workspace no longer has, and rewrites the team row when the team index
/// changed. Returns how many accounts were rewritten.
Result<std::size_t> update(store::Database& db, Workspace& ws,
                           const std::set<std::string, std::less<>>& accounts, bool all,
                           bool check_hashes);

} // namespace projection
} // namespace accord::workspace
