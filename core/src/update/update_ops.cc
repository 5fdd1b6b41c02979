// Update-level operations without a document: merge, diff, state vector from an update and
// format conversion, struct by struct over LazyStructReader/LazyStructWriter, following the
// semantics of Yjs's utils/updates.js so that the output bytes are the same.
#include "accord/update_ops.h"

#include <algorithm>
#include <memory>
#include <optional>

#include "crdt/pending.h"
#include "update/lazy_struct.h"

namespace accord {
namespace {

// yjs writes a delete set's ranges as it read them. One it could not have written itself (a
// client listed twice, ranges out of order, empty ranges) is written as the same deletions in
// order instead, which both formats carry, so that a converted update converts back.
Status write_delete_set_ordered(update::UpdateEncoder& enc, crdt::DeleteSet& ds) {
  if (!ds.ordered()) ds.normalize();
  return update::write_delete_set(enc, ds);
}

using crdt::ContentKind;
using crdt::StructRecord;
using update::LazyStructReader;
using update::LazyStructWriter;
using update::UpdateDecoder;
using update::UpdateEncoder;
using update::UpdateFormat;

std::uint64_t end_of(const StructRecord& s) { return s.id.clock + s.length; }
bool is_skip(const StructRecord& s) { return s.kind == ContentKind::kSkip; }

/// Yjs sliceStruct: the part of `s` from `diff` units on (the caller's `s` is left as is).
StructRecord slice_struct(StructRecord& s, std::uint64_t diff) {
  StructRecord out;
  out.kind = s.kind;
  out.id = crdt::Id{s.id.client, s.id.clock + diff};
  out.length = s.length - diff;
  if (s.is_item()) {
    out.origin = crdt::Id{s.id.client, s.id.clock + diff - 1};
    out.right_origin = s.right_origin;
    out.parent = s.parent;
    out.parent_sub = s.parent_sub;
    out.type_kind = s.type_kind;
    out.type_name = s.type_name;
    if (s.kind == ContentKind::kType) {
      out.content.kind = ContentKind::kType;
    } else if (s.kind == ContentKind::kDeleted) {
      out.content = crdt::make_deleted_content();
    } else {
      // Splitting mutates the left part (a surrogate pair cut in two becomes U+FFFD twice, as
      // ContentString.splice does); the left part is never written after a slice.
      out.content = s.content.split(diff);
    }
  }
  return out;
}

/// Yjs mergeWith in the lazy writer: only GC with GC and Skip with Skip merge (lazily read
/// items have no `right` neighbour, so Item.mergeWith always refuses).
bool merge_with(StructRecord& left, const StructRecord& right) {
  if (left.kind != right.kind) return false;
  if (left.kind != ContentKind::kGC && left.kind != ContentKind::kSkip) return false;
  left.length += right.length;
  return true;
}

struct Source {
  std::unique_ptr<UpdateDecoder> decoder;
  std::unique_ptr<LazyStructReader> reader;
};

Result<UpdateBytes> validate_single(std::span<const std::uint8_t> bytes, UpdateFormat format) {
  UpdateDecoder d(bytes, format);
  ACCORD_RETURN_IF_ERROR(d.init());
  LazyStructReader r(d, false);
  ACCORD_RETURN_IF_ERROR(r.init());
  while (r.curr()) ACCORD_RETURN_IF_ERROR(r.next());
  ACCORD_ASSIGN_OR_RETURN(crdt::DeleteSet ds, d.read_delete_set());
  (void)ds;
  return UpdateBytes(bytes.begin(), bytes.end());
}

Status merge_structs(std::vector<Source>& sources, LazyStructWriter& writer) {
  std::vector<LazyStructReader*> active;
  for (Source& s : sources) active.push_back(s.reader.get());
  std::optional<StructRecord> cw; // Yjs currWrite (its offset is always 0)
  auto before = [](LazyStructReader* a, LazyStructReader* b) {
    const StructRecord& x = *a->curr();
    const StructRecord& y = *b->curr();
    if (x.id.client != y.id.client) return x.id.client > y.id.client;
    if (x.id.clock != y.id.clock) return x.id.clock < y.id.clock;
    return !is_skip(x) && is_skip(y);
  };
  // Yjs re-sorts all readers (stably) before every step. Only the front reader advances in a
  // step, so after the first full sort, moving that one reader to its place gives the same
  // order: past the readers that sort strictly before it, ahead of equal ones.
  std::erase_if(active, [](LazyStructReader* r) { return r->curr() == nullptr; });
  std::stable_sort(active.begin(), active.end(), before);
  for (bool first = true;; first = false) {
    if (!first && !active.empty()) {
      if (active.front()->curr() == nullptr) {
        active.erase(active.begin());
      } else {
        LazyStructReader* moved = active.front();
        auto pos = std::partition_point(active.begin() + 1, active.end(),
                                        [&](LazyStructReader* r) { return before(r, moved); });
        std::rotate(active.begin(), active.begin() + 1, pos);
      }
    }
    if (active.empty()) break;
    LazyStructReader& cd = *active.front();
    const std::uint64_t first_client = cd.curr()->id.client;
    if (cw) {
      StructRecord* curr = cd.curr();
      bool iterated = false;
      // Skip what has been written already (higher clients come first).
      while (curr && end_of(*curr) <= end_of(*cw) && curr->id.client >= cw->id.client) {
        ACCORD_RETURN_IF_ERROR(cd.next());
        curr = cd.curr();
        iterated = true;
      }
      if (!curr || curr->id.client != first_client || (iterated && curr->id.clock > end_of(*cw))) {
        continue;
      }
      if (first_client != cw->id.client) {
        writer.write(*cw, 0);
        cw = std::move(*curr);
        ACCORD_RETURN_IF_ERROR(cd.next());
      } else if (end_of(*cw) < curr->id.clock) {
        if (is_skip(*cw)) {
          cw->length = end_of(*curr) - cw->id.clock; // extend the existing skip
        } else {
          writer.write(*cw, 0);
          std::uint64_t diff = curr->id.clock - end_of(*cw);
          StructRecord skip;
          skip.kind = ContentKind::kSkip;
          skip.id = crdt::Id{first_client, end_of(*cw)};
          skip.length = diff;
          cw = std::move(skip);
        }
      } else {
        std::uint64_t diff = end_of(*cw) - curr->id.clock;
        std::optional<StructRecord> sliced;
        if (diff > 0) {
          if (is_skip(*cw)) {
            cw->length -= diff; // prefer cutting the skip: the other struct has content
          } else {
            sliced = slice_struct(*curr, diff);
          }
        }
        StructRecord& right = sliced ? *sliced : *curr;
        if (!merge_with(*cw, right)) {
          writer.write(*cw, 0);
          cw = std::move(right);
          ACCORD_RETURN_IF_ERROR(cd.next());
        }
      }
    } else {
      cw = std::move(*cd.curr());
      ACCORD_RETURN_IF_ERROR(cd.next());
    }
    for (StructRecord* next = cd.curr(); next && next->id.client == first_client &&
                                         next->id.clock == end_of(*cw) && !is_skip(*next);
         next = cd.curr()) {
      writer.write(*cw, 0);
      cw = std::move(*next);
      ACCORD_RETURN_IF_ERROR(cd.next());
    }
  }
  if (cw) writer.write(*cw, 0);
  return Status::ok();
}

Result<UpdateBytes> merge(std::span<const UpdateBytes> updates, UpdateFormat format) {
  if (updates.size() == 1) return validate_single(updates[0], format);
  std::vector<Source> sources;
  sources.reserve(updates.size());
  for (const UpdateBytes& u : updates) {
    Source s;
    s.decoder = std::make_unique<UpdateDecoder>(u, format);
    ACCORD_RETURN_IF_ERROR(s.decoder->init());
    s.reader = std::make_unique<LazyStructReader>(*s.decoder, true);
    ACCORD_RETURN_IF_ERROR(s.reader->init());
    sources.push_back(std::move(s));
  }
  UpdateEncoder enc(format);
  LazyStructWriter writer(enc);
  ACCORD_RETURN_IF_ERROR(merge_structs(sources, writer));
  writer.finish();
  crdt::DeleteSet merged;
  for (Source& s : sources) {
    ACCORD_ASSIGN_OR_RETURN(crdt::DeleteSet ds, s.decoder->read_delete_set());
    merged.merge_from(ds);
  }
  merged.sort_and_merge();
  ACCORD_RETURN_IF_ERROR(update::write_delete_set(enc, merged));
  return enc.finish();
}

Result<UpdateBytes> diff(std::span<const std::uint8_t> bytes, std::span<const std::uint8_t> sv,
                         UpdateFormat format) {
  ACCORD_ASSIGN_OR_RETURN(StateVector state, decode_state_vector(sv));
  UpdateDecoder d(bytes, format);
  ACCORD_RETURN_IF_ERROR(d.init());
  LazyStructReader reader(d, false);
  ACCORD_RETURN_IF_ERROR(reader.init());
  UpdateEncoder enc(format);
  LazyStructWriter writer(enc);
  while (StructRecord* curr = reader.curr()) {
    const std::uint64_t client = curr->id.client;
    auto it = state.find(client);
    const std::uint64_t sv_clock = it == state.end() ? 0 : it->second;
    if (is_skip(*curr)) { // the first written struct must not be a skip
      ACCORD_RETURN_IF_ERROR(reader.next());
      continue;
    }
    if (end_of(*curr) > sv_clock) {
      writer.write(*curr, sv_clock > curr->id.clock ? sv_clock - curr->id.clock : 0);
      ACCORD_RETURN_IF_ERROR(reader.next());
      while (reader.curr() && reader.curr()->id.client == client) {
        writer.write(*reader.curr(), 0);
        ACCORD_RETURN_IF_ERROR(reader.next());
      }
    } else {
      while (reader.curr() && reader.curr()->id.client == client &&
             end_of(*reader.curr()) <= sv_clock) {
        ACCORD_RETURN_IF_ERROR(reader.next());
      }
    }
  }
  writer.finish();
  ACCORD_ASSIGN_OR_RETURN(crdt::DeleteSet ds, d.read_delete_set());
  ACCORD_RETURN_IF_ERROR(write_delete_set_ordered(enc, ds));
  return enc.finish();
}

Result<UpdateBytes> state_vector_from(std::span<const std::uint8_t> bytes, UpdateFormat format) {
  UpdateDecoder d(bytes, format);
  ACCORD_RETURN_IF_ERROR(d.init());
  LazyStructReader reader(d, false);
  ACCORD_RETURN_IF_ERROR(reader.init());
  std::vector<std::pair<std::uint64_t, std::uint64_t>> entries;
  if (StructRecord* curr = reader.curr()) {
    std::uint64_t client = curr->id.client;
    bool stop = curr->id.clock != 0; // must start at 0
    std::uint64_t clock = stop ? 0 : end_of(*curr);
    for (; curr; curr = reader.curr()) {
      if (client != curr->id.client) {
        if (clock != 0) entries.emplace_back(client, clock);
        client = curr->id.client;
        clock = 0;
        stop = curr->id.clock != 0;
      }
      if (is_skip(*curr)) stop = true;
      if (!stop) clock = end_of(*curr);
      ACCORD_RETURN_IF_ERROR(reader.next());
    }
    if (clock != 0) entries.emplace_back(client, clock);
  }
  // Yjs does not read the delete set here; reading it validates the rest of the input.
  ACCORD_ASSIGN_OR_RETURN(crdt::DeleteSet ds, d.read_delete_set());
  (void)ds;
  UpdateBytes out;
  encoding::Lib0Writer w(&out);
  w.write_var_uint(entries.size());
  for (const auto& [client, clock] : entries) {
    w.write_var_uint(client);
    w.write_var_uint(clock);
  }
  return out;
}

Result<UpdateBytes> convert(std::span<const std::uint8_t> bytes, UpdateFormat from, UpdateFormat to,
                            bool keep_flags) {
  UpdateDecoder d(bytes, from);
  ACCORD_RETURN_IF_ERROR(d.init());
  LazyStructReader reader(d, false, keep_flags);
  ACCORD_RETURN_IF_ERROR(reader.init());
  UpdateEncoder enc(to);
  LazyStructWriter writer(enc);
  while (StructRecord* curr = reader.curr()) {
    writer.write(*curr, 0);
    ACCORD_RETURN_IF_ERROR(reader.next());
  }
  writer.finish();
  ACCORD_ASSIGN_OR_RETURN(crdt::DeleteSet ds, d.read_delete_set());
  ACCORD_RETURN_IF_ERROR(write_delete_set_ordered(enc, ds));
  return enc.finish();
}

} // namespace

Result<UpdateBytes> convert_update_v1_to_v2(std::span<const std::uint8_t> update) {
  return convert(update, UpdateFormat::kV1, UpdateFormat::kV2, false);
}

Result<UpdateBytes> convert_update_v2_to_v1(std::span<const std::uint8_t> update) {
  return convert(update, UpdateFormat::kV2, UpdateFormat::kV1, false);
}

Result<UpdateBytes> convert_update_v1_to_v2_keep_flags(std::span<const std::uint8_t> update) {
  return convert(update, UpdateFormat::kV1, UpdateFormat::kV2, true);
}

Result<UpdateBytes> convert_update_v2_to_v1_keep_flags(std::span<const std::uint8_t> update) {
  return convert(update, UpdateFormat::kV2, UpdateFormat::kV1, true);
}

Result<UpdateBytes> merge_updates(std::span<const UpdateBytes> updates) {
  return merge(updates, UpdateFormat::kV1);
}

Result<UpdateBytes> merge_updates_v2(std::span<const UpdateBytes> updates) {
  return merge(updates, UpdateFormat::kV2);
}

Result<UpdateBytes> diff_update(std::span<const std::uint8_t> update,
                                std::span<const std::uint8_t> sv) {
  return diff(update, sv, UpdateFormat::kV1);
}

Result<UpdateBytes> diff_update_v2(std::span<const std::uint8_t> update,
                                   std::span<const std::uint8_t> sv) {
  return diff(update, sv, UpdateFormat::kV2);
}

Result<UpdateBytes> encode_state_vector_from_update(std::span<const std::uint8_t> update) {
  return state_vector_from(update, UpdateFormat::kV1);
}

Result<UpdateBytes> encode_state_vector_from_update_v2(std::span<const std::uint8_t> update) {
  return state_vector_from(update, UpdateFormat::kV2);
}

} // namespace accord
