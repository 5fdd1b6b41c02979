#pragma once
/// `Workspace`: one team's documents as a device holds them, loaded from a DocumentStore.
///
/// The documents are the ones DESIGN.md lays out, named in the store
///   "<team>/index"           the team index (settings, account list, members)
///   "<team>/account/<id>"    one account document per account
///   "<team>/visits/<id>"     the visit log of that account
/// A Workspace loads all of them into memory, collects the updates of every edit made to them,
/// and writes the collected updates in one store transaction when save() is called (as local
/// updates: they go to the outbox for the next sync). Until then nothing is stored, so a caller
/// that finds a problem half-way through a change (an import) calls discard() and the store is
/// untouched. Not thread-safe.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accord/analytics/inputs.h"
#include "accord/doc.h"
#include "accord/document_store.h"
#include "accord/model/documents.h"
#include "accord/model/edit.h"
#include "accord/status.h"

namespace accord::workspace {

/// The store name of the team index of `team`.
std::string index_document_name(std::string_view team);
/// The store name of account `account`'s document.
std::string account_document_name(std::string_view team, std::string_view account);
/// The store name of account `account`'s visit log.
std::string visit_log_document_name(std::string_view team, std::string_view account);

/// One account of the workspace: its document and its visit log (may lack a meta when only one
/// of the two was synced).
struct AccountSlot {
  std::unique_ptr<Doc> account_doc; ///< the account document
  std::unique_ptr<Doc> visit_doc;   ///< its visit log
  model::AccountDocument account;   ///< view of account_doc
  model::VisitLog visits;           ///< view of visit_doc
  AccountSlot(std::unique_ptr<Doc> a, std::unique_ptr<Doc> v)
      : account_doc(std::move(a)),
        visit_doc(std::move(v)),
        account(*account_doc),
        visits(*visit_doc) {}
};

/// A team's documents in memory, saved to a DocumentStore in one transaction per save().
class Workspace {
public:
  /// Loads every document of `team` from `store` (which must outlive the Workspace), then
  /// brings the projection tables up to date with them (projection.h: rewrites the accounts
  /// whose documents changed since their rows were written, or every row when the tables are
  /// missing or of another version). kNotFound when the store has no team index for `team`;
  /// the store's errors (kCorrupt naming the document and row) otherwise. O(stored bytes).
  static Result<std::unique_ptr<Workspace>> open(DocumentStore& store, std::string_view team);
  /// Creates the team index of a new team (settings with `team_name`, `actor` as its first
  /// member named `member_name`) and saves it. kAlreadyExists when the store has one.
  static Result<std::unique_ptr<Workspace>> create(DocumentStore& store, std::string_view team,
                                                   std::string_view team_name,
                                                   const model::Actor& actor,
                                                   std::string_view member_name,
                                                   std::int64_t now_ms);
  ~Workspace();
  Workspace(const Workspace&) = delete;
  Workspace& operator=(const Workspace&) = delete;

  const std::string& team_id() const { return team_; }          ///< the team id
  DocumentStore& store() { return *store_; }                    ///< the store
  Doc& index_doc() { return *index_; }                          ///< the team index document
  model::TeamIndex team() { return model::TeamIndex(*index_); } ///< view of the team index

  /// Ids of the accounts whose account document has a meta, sorted.
  std::vector<std::string> account_ids() const;
  /// Ids of every account slot loaded or created, with or without a meta, sorted.
  std::vector<std::string> slot_ids() const;
  /// The account, or nullptr.
  AccountSlot* account(std::string_view id);
  /// The account, created empty (no meta: see add_account) when absent.
  AccountSlot& ensure_account(std::string_view id);
  /// Creates account `id` named `name` (account document, visit log and team index entry) in
  /// edits by `actor` at `now_ms`. kAlreadyExists when it exists, kInvalidArgument for a bad id
  /// or name.
  Result<AccountSlot*> add_account(std::string_view id, std::string_view name,
                                   const model::Actor& actor, std::int64_t now_ms,
                                   std::optional<std::uint64_t> seed = {});
  /// The account whose id is `key`, else the one whose name equals `key` (case-sensitive), else
  /// the only one whose name or id contains it (ASCII case-insensitive). kNotFound /
  /// kInvalidArgument (ambiguous) otherwise.
  Result<std::string> resolve_account(std::string_view key) const;
  /// The analytics inputs of every account with a meta, in account id order.
  std::vector<analytics::AccountInput> inputs();

  /// Marks updates whose transaction origin matches as remote (stored in the log only, not the
  /// outbox): for a sync session applying the server's updates to the documents.
  void set_remote_origin(std::function<bool(const Origin&)> is_remote) {
    is_remote_ = std::move(is_remote);
  }
  /// The store names of every document loaded or created (team index first).
  std::vector<std::string> document_names() const;
  /// The document stored under `name`, or nullptr.
  Doc* document(std::string_view name);
  /// Clears the store's outbox of document `name` (the server confirmed it holds everything
  /// this device wrote: SyncSession::synced) and records the document's state vector as the
  /// server's. Returns how many outbox entries were removed.
  Result<std::size_t> acknowledge_all(std::string_view name);

  /// Updates made since the last save or discard.
  std::size_t pending_updates() const { return pending_.size(); }
  /// Bytes of those updates.
  std::size_t pending_bytes() const;
  /// Writes every pending update in one store transaction (DocumentStore::append_batch),
  /// with the projection rows (projection.h) of every account whose documents they change.
  /// On error nothing is written and the updates stay pending.
  Status save();
  /// Drops every pending update and reloads all documents from the store (and brings the
  /// projection rows up to date with them, as open does).
  Status discard();

private:
  Workspace(DocumentStore& store, std::string team);
  Status load();
  Status sync_projection();
  std::unique_ptr<Doc> make_doc(std::string name);
  Status load_doc(const std::string& name, Doc& doc);

  struct Pending {
    std::string document;
    std::vector<std::uint8_t> update;
    UpdateSource source = UpdateSource::kLocal;
  };

  DocumentStore* store_;
  std::string team_;
  std::unique_ptr<Doc> index_;
  std::map<std::string, std::unique_ptr<AccountSlot>, std::less<>> accounts_;
  std::vector<Pending> pending_;
  bool loading_ = false;
  std::function<bool(const Origin&)> is_remote_;
};

} // namespace accord::workspace
