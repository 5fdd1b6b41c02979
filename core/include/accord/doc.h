#pragma once
/// `accord::Doc`: a Yjs document (Y.Doc). It owns the block store of all clients' items and the
/// root types by name; handles (MapRef, ArrayRef, TextRef) point into it and stay valid for its
/// lifetime. Not thread-safe: use a Doc from one thread at a time.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accord/events.h"
#include "accord/transaction.h"
#include "accord/types.h"

namespace accord {

/// Options of a Doc (as Y.Doc's constructor options).
struct DocOptions {
  /// The client id (at most 2^53-1, as Yjs). Random when unset.
  std::optional<std::uint64_t> client_id;
  /// Garbage-collect deleted content (Yjs `gc`, default true). false keeps deleted content.
  bool gc = true;
  /// The document's guid (random UUID when empty).
  std::string guid;

  /// Options with a fixed client id (tests, replays).
  static DocOptions with_client_id(std::uint64_t id, bool gc_on = true) {
    DocOptions o;
    o.client_id = id;
    o.gc = gc_on;
    return o;
  }
};

/// A CRDT document.
class Doc {
public:
  /// A document with random client id and guid, gc on.
  Doc();
  /// A document with the given options.
  explicit Doc(DocOptions options);
  ~Doc();
  Doc(Doc&&) noexcept;
  Doc& operator=(Doc&&) noexcept;
  Doc(const Doc&) = delete;
  Doc& operator=(const Doc&) = delete;

  /// This doc's client id.
  std::uint64_t client_id() const;
  /// This doc's guid.
  const std::string& guid() const;
  /// Whether deleted content is garbage-collected.
  bool gc() const;

  /// The root Y.Map named `name` (created on first use). O(1) amortized.
  MapRef get_map(std::string_view name);
  /// The root Y.Array named `name`.
  ArrayRef get_array(std::string_view name);
  /// The root Y.Text named `name`.
  TextRef get_text(std::string_view name);
  /// The root Y.XmlFragment named `name`.
  XmlFragmentRef get_xml_fragment(std::string_view name);
  /// Names of all root types (including ones only seen in received updates).
  std::vector<std::string> root_names() const;
  /// The root type named `name` if it exists, whatever its kind.
  std::optional<TypeRef> root(std::string_view name) const;
  /// yjs's doc.toJSON(): an object of every root type's to_json().
  Any to_json() const;

  /// Opens a transaction (or joins the open one). Cheap: no allocation when nothing observes.
  Transaction transact(Origin origin = {});
  /// Runs `fn` inside a transaction and commits it.
  template <typename Fn>
  void transact(Fn&& fn, Origin origin = {}) {
    Transaction txn = transact(std::move(origin));
    fn(txn);
    txn.commit();
  }

  /// Called after each transaction that changed the document with the v1 update it produced
  /// (as yjs's doc.on('update')) and its origin. Returns an id for unobserve_update.
  SubscriptionId observe_update(
      std::function<void(const std::vector<std::uint8_t>& update, const Origin& origin)> fn);
  /// Removes an update observer; false when unknown.
  bool unobserve_update(SubscriptionId id);
  /// Called after every transaction, even a no-op one: after type observers, before GC and the
  /// update hooks (Yjs 'afterTransaction').
  SubscriptionId observe_after_transaction(std::function<void(const Transaction&)> fn);
  /// Removes an after-transaction observer; false when unknown.
  bool unobserve_after_transaction(SubscriptionId id);

  /// Engine use: the implementation.
  crdt::DocImpl* impl() const { return impl_.get(); }

private:
  std::unique_ptr<crdt::DocImpl> impl_;
};

} // namespace accord
