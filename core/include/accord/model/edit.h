#pragma once
/// `Edit`: one user's change to one document. It wraps a transaction whose origin names the user
/// and device ("accord:<user>@<device>"), so observers and the store can tell who wrote an
/// update, and it collects the change journal entries (model/history.h) of every field the
/// record API sets, appending them to the document in the same transaction when it commits.
/// "Now" is given by the caller: the model never reads a clock.

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "accord/any.h"
#include "accord/doc.h"
#include "accord/transaction.h"

namespace accord::model {

/// Who edits: a team member's user id and the device they use.
struct Actor {
  std::string user;   ///< user id (a team member record id)
  std::string device; ///< device id (stable per installation)
};

/// The transaction origin of an actor: name "accord:<user>@<device>".
Origin origin_for(const Actor& actor);
/// The actor of an origin made by origin_for, or nullopt for other origins (e.g. "remote").
std::optional<Actor> actor_from_origin(const Origin& origin);

/// An open edit of `doc` by `actor` at `now_ms` (Unix milliseconds). Commits when destroyed.
/// Not copyable or movable (it owns the open transaction).
class Edit {
public:
  /// Opens the transaction. `seed` seeds the id generator (random when unset).
  Edit(Doc& doc, Actor actor, std::int64_t now_ms, std::optional<std::uint64_t> seed = {});
  ~Edit();
  Edit(const Edit&) = delete;
  Edit& operator=(const Edit&) = delete;

  /// The document being edited.
  Doc& doc() const { return *doc_; }
  /// The open transaction (for direct engine edits, e.g. of a TextRef).
  Transaction& txn() { return txn_; }
  /// Who edits.
  const Actor& actor() const { return actor_; }
  /// The time of the edit.
  std::int64_t now_ms() const { return now_ms_; }
  /// A fresh UUIDv7 record id.
  std::string new_id();

  /// Notes in the journal that `field` of the record at `record_path` ("contacts/<id>") changed
  /// from `old_value` to `new_value` (undefined = absent / not recorded). The changes of one
  /// record in one edit become one journal entry, appended at commit; a field changed twice
  /// keeps its first old value and its last new value.
  void record_change(std::string_view record_path, std::string_view field, Any old_value,
                     Any new_value);
  /// How many record_change calls this edit has had (a caller tells a write that changed
  /// something from one that found the value already there).
  std::size_t changes_recorded() const { return changes_recorded_; }

  /// Appends the journal entries and commits the transaction. Idempotent.
  void commit();

private:
  // The journal entry of one record in this edit (history.h has the format).
  struct PendingEntry {
    std::string record;
    Any::Object values; // field -> new value
    Any::Object olds;   // field -> value before this edit
    Any::Array marks;   // fields changed without a value (text edits, removals)
  };

  Doc* doc_;
  Actor actor_;
  std::int64_t now_ms_;
  std::mt19937_64 rng_;
  std::vector<PendingEntry> journal_;
  std::unordered_map<std::string, std::size_t> journal_index_;
  Transaction txn_;
  std::size_t changes_recorded_ = 0;
  bool committed_ = false;
};

} // namespace accord::model
