#pragma once
/// Transactions group changes: every mutation of a shared type takes the open Transaction of its
/// Doc. Committing (explicitly or at destruction) cleans up (merges items, GCs deleted content,
/// as Yjs's cleanupTransactions), calls observers, then the doc's update hooks with the v1 update
/// the transaction produced. Transactions nest: a transaction opened while one is open joins it.

#include <cstdint>
#include <string>
#include <utility>

namespace accord {

namespace crdt {
class DocImpl;
struct TxnState;
} // namespace crdt

/// Who made a change: a name and/or an identity pointer (as Yjs's arbitrary origin value). Two
/// origins are equal when both parts are equal. UndoManager tracks origins by this equality.
struct Origin {
  std::string name;          ///< e.g. "local", "remote", "sync"; empty by default
  const void* ptr = nullptr; ///< an identity (e.g. a provider object); null by default
  bool operator==(const Origin&) const = default;
};

/// An open transaction on a Doc. Move-only; commits when destroyed unless already committed.
class Transaction {
public:
  /// Engine use: wraps the doc's open transaction; `owner` is false for a nested one.
  Transaction(crdt::DocImpl* doc, bool owner) : doc_(doc), owner_(owner) {}
  /// Engine use: a read-only view of a finished transaction (given to observers).
  Transaction(crdt::DocImpl* doc, const crdt::TxnState* view)
      : doc_(doc), owner_(false), view_(view) {}
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  Transaction(Transaction&& other) noexcept
      : doc_(std::exchange(other.doc_, nullptr)), owner_(other.owner_), view_(other.view_) {}
  Transaction& operator=(Transaction&& other) = delete;
  /// Commits if still open.
  ~Transaction() { commit(); }

  /// Ends the transaction: cleanup, observers, update hooks. Idempotent. A nested transaction's
  /// commit does nothing (the outermost commits).
  void commit();
  /// The origin given to Doc::transact (or by apply_update).
  const Origin& origin() const;
  /// True when the change was made through the API on this doc (false for apply_update).
  bool local() const;
  /// True until commit() (false for the views observers receive).
  bool open() const { return doc_ != nullptr && view_ == nullptr; }

  /// Engine use: the doc the transaction belongs to.
  crdt::DocImpl* doc() const { return doc_; }
  /// Engine use: the finished transaction's state for the views observers receive, else null
  /// (the UndoManager reads delete set, before/after states and changed types from it).
  const crdt::TxnState* view() const { return view_; }

private:
  crdt::DocImpl* doc_;
  bool owner_;
  const crdt::TxnState* view_ = nullptr;
};

} // namespace accord
