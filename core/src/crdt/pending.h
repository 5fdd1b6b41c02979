#pragma once
/// Decoded structs not (yet) integrated: what an update decoder produces (v1 or v2), what
/// merge/diff of updates work on, and what waits in the doc as pending structs when its
/// dependencies are missing (Yjs store.pendingStructs, kept decoded here instead of re-encoded).

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "accord/value.h"
#include "crdt/content.h"
#include "crdt/delete_set.h"
#include "crdt/id.h"

namespace accord::crdt {

/// Where a decoded item says its parent is (only when it has neither origin nor right origin).
struct ParentRef {
  enum class Kind : std::uint8_t { kNone, kRoot, kId };
  Kind kind = Kind::kNone;
  std::string root; ///< kRoot: the root type's name
  Id id;            ///< kId: the id of the item holding the parent type
};

/// One decoded struct: an Item (content kind 1..9), a GC (kGC) or a Skip (kSkip).
struct StructRecord {
  ContentKind kind = ContentKind::kGC;
  Id id;
  std::uint64_t length = 0;
  OptId origin;
  OptId right_origin;
  ParentRef parent;
  std::optional<std::string> parent_sub;
  Content content; ///< for kType: empty; see type_kind/type_name
  TypeKind type_kind = TypeKind::kArray;
  std::string type_name; ///< XmlElement node name / XmlHook hook name

  bool is_item() const { return kind != ContentKind::kGC && kind != ContentKind::kSkip; }
};

/// A decoded update: structs per client (ascending clock) and a delete set.
struct DecodedUpdate {
  std::map<std::uint64_t, std::vector<StructRecord>> clients;
  DeleteSet delete_set;
};

/// Structs waiting for missing dependencies, and the lowest missing clock per client.
struct PendingStructs {
  std::map<std::uint64_t, std::vector<StructRecord>> clients;
  std::map<std::uint64_t, std::uint64_t> missing;
  bool empty() const { return clients.empty(); }
};

} // namespace accord::crdt
