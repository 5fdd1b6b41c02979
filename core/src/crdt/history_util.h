#pragma once
/// Helpers shared by snapshots, relative positions and the UndoManager: conversions between the
/// public IdRangeSet and the engine's DeleteSet, and Yjs's struct walks that undo needs
/// (iterateDeletedStructs, keepItem, isParentOf, followRedone, changedParentTypes).

#include <cstdint>
#include <functional>
#include <vector>

#include "accord/snapshot.h"
#include "crdt/delete_set.h"
#include "crdt/doc_impl.h"

namespace accord::crdt {

/// The engine delete set holding `ranges` (sorted and merged).
DeleteSet to_delete_set(const IdRangeSet& ranges);
/// The public form of `ds` (clients without ranges are left out).
IdRangeSet to_id_ranges(const DeleteSet& ds);
/// The engine delete set holding `ranges`, clients added in list order (sorted and merged).
DeleteSet to_delete_set(const IdRangeList& ranges);
/// `ds` with its clients in first-added order (clients without ranges are left out).
IdRangeList to_id_range_list(const DeleteSet& ds);
/// id_ranges_contain for a list.
bool id_ranges_contain(const IdRangeList& ranges, std::uint64_t client, std::uint64_t clock);
/// True when (client, clock) is inside one of `ranges` (ranges sorted by clock, as Yjs's
/// isDeleted assumes). O(log ranges).
bool id_ranges_contain(const IdRangeSet& ranges, std::uint64_t client, std::uint64_t clock);

/// Yjs iterateStructs: calls `fn` for every struct of `client` overlapping [clock, clock+len),
/// after splitting items so that the first starts at `clock` and the last ends at clock+len.
/// Splits are recorded in the open (or cleaning) transaction so they merge again afterwards.
void iterate_structs(DocImpl& doc, std::uint64_t client, std::uint64_t clock, std::uint64_t len,
                     const std::function<void(Item*)>& fn);
/// Yjs iterateDeletedStructs: iterate_structs over every range of `ds`, clients in the order
/// they were added (ranges past a client's state are cut off there).
void iterate_deleted_structs(DocImpl& doc, const DeleteSet& ds,
                             const std::function<void(Item*)>& fn);

/// Yjs keepItem: sets the keep flag on `item` and the items of its ancestors until one already
/// has that value. Kept items are not garbage-collected when deleted.
void keep_item(Item* item, bool keep);
/// Yjs isParentOf: true when `parent` is an ancestor (direct or not) of `child`.
bool is_parent_of(const Branch* parent, const Item* child);

/// The item reached from `id` by following redone links, and the offset of the id inside it
/// (Yjs followRedone). The result may be a GC struct.
struct Followed {
  Item* item = nullptr;
  std::uint64_t diff = 0;
};
/// Requires `id` to be below its client's state.
Followed follow_redone(DocImpl& doc, Id id);

/// Yjs transaction.changedParentTypes: every type changed by `t` (whose item is not deleted)
/// and all of its ancestors, each once, in first-seen order.
std::vector<Branch*> changed_parent_types(const TxnState& t);

} // namespace accord::crdt
