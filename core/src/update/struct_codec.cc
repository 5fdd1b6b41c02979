#include "update/struct_codec.h"

#include <string>

#include "crdt/branch.h"
#include "crdt/item_codec.h"
#include "encoding/json.h"

namespace accord::update {
namespace {

using crdt::ContentKind;
using crdt::Id;
using crdt::OptId;
using crdt::ParentRef;
using crdt::StructRecord;
using encoding::Lib0Reader;

/// Which parent a struct writes when it has neither origin: a root name or an item id.
struct ParentOut {
  bool is_root = false;
  std::string_view root;
  Id id;
};

void write_head(UpdateEncoder& e, std::uint8_t ref, const OptId& origin, const OptId& right,
                const std::string* parent_sub, const ParentOut& parent) {
  std::uint8_t info = ref & 0x1f;
  if (origin.set) info |= 0x80;
  if (right.set) info |= 0x40;
  if (parent_sub) info |= 0x20;
  e.write_info(info);
  if (origin.set) e.write_left_id(origin.id);
  if (right.set) e.write_right_id(right.id);
  if (!origin.set && !right.set) {
    if (parent.is_root) {
      e.write_parent_info(true);
      e.write_string(parent.root);
    } else {
      e.write_parent_info(false);
      e.write_left_id(parent.id);
    }
    if (parent_sub) e.write_string(*parent_sub);
  }
}

void write_type(UpdateEncoder& e, TypeKind kind, const std::string& name) {
  e.write_type_ref(static_cast<std::uint8_t>(kind));
  if (kind == TypeKind::kXmlElement || kind == TypeKind::kXmlHook) e.write_key(name);
}

/// Content other than kType, skipping `offset` units.
void write_content(UpdateEncoder& e, const crdt::Content& c, std::uint64_t length,
                   std::uint64_t offset) {
  switch (c.kind) {
    case ContentKind::kDeleted: e.write_len(length - offset); break;
    case ContentKind::kJson: {
      const auto& v = c.json();
      e.write_len(v.size() - offset);
      for (std::size_t i = static_cast<std::size_t>(offset); i < v.size(); ++i) {
        e.write_string(v[i]);
      }
      break;
    }
    case ContentKind::kBinary: e.write_buf(c.value().as_bytes()); break;
    case ContentKind::kString:
      e.write_string16(std::u16string_view(c.str()).substr(static_cast<std::size_t>(offset)));
      break;
    case ContentKind::kEmbed: e.write_json(c.value()); break;
    case ContentKind::kFormat:
      e.write_key(c.format().key);
      e.write_json(c.format().value);
      break;
    case ContentKind::kAny: {
      const auto& v = c.anys();
      e.write_len(v.size() - offset);
      for (std::size_t i = static_cast<std::size_t>(offset); i < v.size(); ++i) e.write_any(v[i]);
      break;
    }
    case ContentKind::kDoc:
      e.write_string(c.doc().guid);
      e.write_any(c.doc().options);
      break;
    default: break;
  }
}

void write_gc_or_skip(UpdateEncoder& e, ContentKind kind, std::uint64_t len) {
  if (kind == ContentKind::kSkip) {
    e.write_info(10);
    e.rest().write_var_uint(len);
  } else {
    e.write_info(0);
    e.write_len(len);
  }
}

Status read_content(UpdateDecoder& d, StructRecord& rec) {
  std::size_t at = d.rest().offset();
  switch (rec.kind) {
    case ContentKind::kDeleted: {
      ACCORD_ASSIGN_OR_RETURN(rec.length, d.read_len());
      rec.content = crdt::make_deleted_content();
      return Status::ok();
    }
    case ContentKind::kJson: {
      ACCORD_ASSIGN_OR_RETURN(std::uint64_t n, d.read_len());
      if (n > d.strings_left()) return Lib0Reader::error_at(at, "JSON count exceeds input");
      std::vector<std::string> v;
      v.reserve(static_cast<std::size_t>(n));
      for (std::uint64_t i = 0; i < n; ++i) {
        std::size_t sat = d.rest().offset();
        ACCORD_ASSIGN_OR_RETURN(std::string s, d.read_string());
        if (s != "undefined") {
          auto parsed = encoding::parse_json(s);
          if (!parsed.ok()) {
            return Status::error_at(parsed.status().code(), sat, parsed.status().message());
          }
        }
        v.push_back(std::move(s));
      }
      rec.length = n;
      rec.content = crdt::make_json_content(std::move(v));
      return Status::ok();
    }
    case ContentKind::kBinary: {
      ACCORD_ASSIGN_OR_RETURN(auto b, d.read_buf());
      rec.length = 1;
      rec.content = crdt::make_binary_content(Any::bytes(Any::Bytes(b.begin(), b.end())));
      return Status::ok();
    }
    case ContentKind::kString: {
      ACCORD_ASSIGN_OR_RETURN(std::u16string s, d.read_string16());
      rec.length = s.size();
      rec.content = crdt::make_string_content(std::move(s));
      return Status::ok();
    }
    case ContentKind::kEmbed: {
      ACCORD_ASSIGN_OR_RETURN(Any v, d.read_json());
      rec.length = 1;
      rec.content = crdt::make_embed_content(std::move(v));
      return Status::ok();
    }
    case ContentKind::kFormat: {
      ACCORD_ASSIGN_OR_RETURN(std::string key, d.read_key());
      ACCORD_ASSIGN_OR_RETURN(Any v, d.read_json());
      rec.length = 1;
      rec.content = crdt::make_format_content(std::move(key), std::move(v));
      return Status::ok();
    }
    case ContentKind::kType: {
      ACCORD_ASSIGN_OR_RETURN(std::uint64_t ref, d.read_type_ref());
      if (ref > 6) {
        return Status::error_at(StatusCode::kUnsupported, at,
                                "unknown type ref " + std::to_string(ref));
      }
      rec.type_kind = static_cast<TypeKind>(ref);
      if (rec.type_kind == TypeKind::kXmlElement || rec.type_kind == TypeKind::kXmlHook) {
        ACCORD_ASSIGN_OR_RETURN(rec.type_name, d.read_key());
      }
      rec.length = 1;
      rec.content.kind = ContentKind::kType;
      return Status::ok();
    }
    case ContentKind::kAny: {
      ACCORD_ASSIGN_OR_RETURN(std::uint64_t n, d.read_len());
      if (n > d.rest().remaining()) return Lib0Reader::error_at(at, "any count exceeds input");
      std::vector<Any> v;
      v.reserve(static_cast<std::size_t>(n));
      for (std::uint64_t i = 0; i < n; ++i) {
        ACCORD_ASSIGN_OR_RETURN(Any a, d.read_any());
        v.push_back(std::move(a));
      }
      rec.length = n;
      rec.content = crdt::make_any_content(std::move(v));
      return Status::ok();
    }
    case ContentKind::kDoc: {
      ACCORD_ASSIGN_OR_RETURN(std::string guid, d.read_string());
      ACCORD_ASSIGN_OR_RETURN(Any opts, d.read_any());
      rec.length = 1;
      rec.content = crdt::make_doc_content(SubDoc{std::move(guid), std::move(opts)});
      return Status::ok();
    }
    default: return Status::error_at(StatusCode::kUnsupported, at, "unknown content ref");
  }
}

} // namespace

Result<StructRecord> read_struct(UpdateDecoder& d, std::uint64_t client, std::uint64_t clock,
                                 bool keep_parent_sub_flag) {
  std::size_t at = d.rest().offset();
  ACCORD_RETURN_IF_ERROR(d.charge_struct());
  ACCORD_ASSIGN_OR_RETURN(std::uint8_t info, d.read_info());
  StructRecord rec;
  rec.id = Id{client, clock};
  std::uint8_t ref = info & 0x1f;
  if (ref == 0) {
    rec.kind = ContentKind::kGC;
    ACCORD_ASSIGN_OR_RETURN(rec.length, d.read_len());
  } else if (ref == 10) {
    rec.kind = ContentKind::kSkip;
    ACCORD_ASSIGN_OR_RETURN(rec.length, d.rest().read_var_uint());
  } else {
    if (ref > 10) {
      return Status::error_at(StatusCode::kUnsupported, at,
                              "unknown content ref " + std::to_string(ref));
    }
    rec.kind = static_cast<ContentKind>(ref);
    if (info & 0x80) {
      ACCORD_ASSIGN_OR_RETURN(Id o, d.read_left_id());
      rec.origin = o;
    }
    if (info & 0x40) {
      ACCORD_ASSIGN_OR_RETURN(Id o, d.read_right_id());
      rec.right_origin = o;
    }
    if ((info & 0xc0) == 0) {
      ACCORD_ASSIGN_OR_RETURN(bool is_root, d.read_parent_info());
      if (is_root) {
        rec.parent.kind = ParentRef::Kind::kRoot;
        ACCORD_ASSIGN_OR_RETURN(rec.parent.root, d.read_string());
      } else {
        rec.parent.kind = ParentRef::Kind::kId;
        ACCORD_ASSIGN_OR_RETURN(rec.parent.id, d.read_left_id());
      }
      if (info & 0x20) {
        ACCORD_ASSIGN_OR_RETURN(std::string key, d.read_string());
        rec.parent_sub = std::move(key);
      }
    } else if ((info & 0x20) && keep_parent_sub_flag) {
      rec.parent_sub = std::string();
    }
    ACCORD_RETURN_IF_ERROR(read_content(d, rec));
  }
  ACCORD_RETURN_IF_ERROR(crdt::check_struct(rec, client, clock, at));
  return rec;
}

void write_record(UpdateEncoder& e, const StructRecord& rec, std::uint64_t offset) {
  if (!rec.is_item()) {
    write_gc_or_skip(e, rec.kind, rec.length - offset);
    return;
  }
  OptId origin = offset > 0 ? OptId(Id{rec.id.client, rec.id.clock + offset - 1}) : rec.origin;
  ParentOut parent;
  parent.is_root = rec.parent.kind == ParentRef::Kind::kRoot;
  parent.root = rec.parent.root;
  parent.id = rec.parent.id;
  write_head(e, static_cast<std::uint8_t>(rec.kind), origin, rec.right_origin,
             rec.parent_sub ? &*rec.parent_sub : nullptr, parent);
  if (rec.kind == ContentKind::kType) {
    write_type(e, rec.type_kind, rec.type_name);
  } else {
    write_content(e, rec.content, rec.length, offset);
  }
}

void write_item(UpdateEncoder& e, const crdt::Item& item, std::uint64_t offset) {
  if (item.is_gc()) {
    write_gc_or_skip(e, ContentKind::kGC, item.length - offset);
    return;
  }
  OptId origin = offset > 0 ? OptId(Id{item.id.client, item.id.clock + offset - 1}) : item.origin;
  ParentOut parent;
  const crdt::Branch* branch = item.parent;
  if (branch && branch->item == nullptr && branch->root_name) {
    parent.is_root = true;
    parent.root = *branch->root_name;
  } else if (branch && branch->item) {
    parent.id = branch->item->id;
  }
  write_head(e, static_cast<std::uint8_t>(item.content.kind), origin, item.right_origin,
             item.parent_sub, parent);
  if (item.content.kind == ContentKind::kType) {
    write_type(e, item.content.type()->kind, item.content.type()->name);
  } else {
    write_content(e, item.content, item.length, offset);
  }
}

} // namespace accord::update
