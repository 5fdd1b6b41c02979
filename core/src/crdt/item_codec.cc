#include "crdt/item_codec.h"

#include "crdt/branch.h"
#include "encoding/any_codec.h"
#include "encoding/json.h"
#include "encoding/utf.h"

namespace accord::crdt {
namespace {

using encoding::Lib0Reader;
using encoding::Lib0Writer;

void write_id(Lib0Writer& w, Id id) {
  w.write_var_uint(id.client);
  w.write_var_uint(id.clock);
}

void write_type_ref(Lib0Writer& w, TypeKind kind, const std::string& name) {
  w.write_var_uint(static_cast<std::uint8_t>(kind));
  if (kind == TypeKind::kXmlElement || kind == TypeKind::kXmlHook) w.write_var_string(name);
}

void write_content(Lib0Writer& w, const Content& c, std::uint64_t length, std::uint64_t offset) {
  switch (c.kind) {
    case ContentKind::kDeleted: w.write_var_uint(length - offset); break;
    case ContentKind::kJson: {
      const auto& v = c.json();
      w.write_var_uint(v.size() - offset);
      for (std::size_t i = static_cast<std::size_t>(offset); i < v.size(); ++i) {
        w.write_var_string(v[i]);
      }
      break;
    }
    case ContentKind::kBinary: w.write_var_uint8_array(c.value().as_bytes()); break;
    case ContentKind::kString: {
      std::string utf8;
      encoding::utf16_to_utf8(std::u16string_view(c.str()).substr(static_cast<std::size_t>(offset)),
                              utf8);
      w.write_var_string(utf8);
      break;
    }
    case ContentKind::kEmbed: w.write_var_string(c.value().to_json_string()); break;
    case ContentKind::kFormat:
      w.write_var_string(c.format().key);
      w.write_var_string(c.format().value.to_json_string());
      break;
    case ContentKind::kType: write_type_ref(w, c.type()->kind, c.type()->name); break;
    case ContentKind::kAny: {
      const auto& v = c.anys();
      w.write_var_uint(v.size() - offset);
      for (std::size_t i = static_cast<std::size_t>(offset); i < v.size(); ++i) {
        encoding::write_any(w, v[i]);
      }
      break;
    }
    case ContentKind::kDoc:
      w.write_var_string(c.doc().guid);
      encoding::write_any(w, c.doc().options);
      break;
    default: break;
  }
}

} // namespace

void write_struct(Lib0Writer& w, const Item& item, std::uint64_t offset) {
  if (item.is_gc()) {
    w.write_u8(0);
    w.write_var_uint(item.length - offset);
    return;
  }
  OptId origin = offset > 0 ? OptId(Id{item.id.client, item.id.clock + offset - 1}) : item.origin;
  std::uint8_t info = static_cast<std::uint8_t>(item.content.kind) & 0x1f;
  if (origin.set) info |= 0x80;
  if (item.right_origin.set) info |= 0x40;
  if (item.parent_sub) info |= 0x20;
  w.write_u8(info);
  if (origin.set) write_id(w, origin.id);
  if (item.right_origin.set) write_id(w, item.right_origin.id);
  if (!origin.set && !item.right_origin.set) {
    const Branch* parent = item.parent;
    if (parent->item == nullptr && parent->root_name) {
      w.write_var_uint(1);
      w.write_var_string(*parent->root_name);
    } else {
      w.write_var_uint(0);
      write_id(w, parent->item ? parent->item->id : Id{});
    }
    if (item.parent_sub) w.write_var_string(*item.parent_sub);
  }
  if (item.content.kind == ContentKind::kType) {
    write_type_ref(w, item.content.type()->kind, item.content.type()->name);
  } else {
    write_content(w, item.content, item.length, offset);
  }
}

void write_record(Lib0Writer& w, const StructRecord& rec, std::uint64_t offset) {
  if (rec.kind == ContentKind::kGC || rec.kind == ContentKind::kSkip) {
    w.write_u8(static_cast<std::uint8_t>(rec.kind));
    w.write_var_uint(rec.length - offset);
    return;
  }
  OptId origin = offset > 0 ? OptId(Id{rec.id.client, rec.id.clock + offset - 1}) : rec.origin;
  std::uint8_t info = static_cast<std::uint8_t>(rec.kind) & 0x1f;
  if (origin.set) info |= 0x80;
  if (rec.right_origin.set) info |= 0x40;
  if (rec.parent_sub) info |= 0x20;
  w.write_u8(info);
  if (origin.set) write_id(w, origin.id);
  if (rec.right_origin.set) write_id(w, rec.right_origin.id);
  if (!origin.set && !rec.right_origin.set) {
    if (rec.parent.kind == ParentRef::Kind::kRoot) {
      w.write_var_uint(1);
      w.write_var_string(rec.parent.root);
    } else {
      w.write_var_uint(0);
      write_id(w, rec.parent.id);
    }
    if (rec.parent_sub) w.write_var_string(*rec.parent_sub);
  }
  if (rec.kind == ContentKind::kType) {
    write_type_ref(w, rec.type_kind, rec.type_name);
  } else {
    write_content(w, rec.content, rec.length, offset);
  }
}

namespace {

Result<Id> read_id(Lib0Reader& r) {
  ACCORD_ASSIGN_OR_RETURN(std::uint64_t client, r.read_var_uint());
  ACCORD_ASSIGN_OR_RETURN(std::uint64_t clock, r.read_var_uint());
  return Id{client, clock};
}

Result<Any> read_json_string(Lib0Reader& r) {
  std::size_t at = r.offset();
  ACCORD_ASSIGN_OR_RETURN(std::string_view s, r.read_var_string());
  auto parsed = encoding::parse_json(s);
  if (!parsed.ok()) {
    return Status::error_at(parsed.status().code(), at, parsed.status().message());
  }
  return std::move(parsed).value();
}

Status read_content(Lib0Reader& r, StructRecord& rec) {
  std::size_t at = r.offset();
  switch (rec.kind) {
    case ContentKind::kDeleted: {
      ACCORD_ASSIGN_OR_RETURN(rec.length, r.read_var_uint());
      rec.content = make_deleted_content();
      return Status::ok();
    }
    case ContentKind::kJson: {
      ACCORD_ASSIGN_OR_RETURN(std::uint64_t n, r.read_var_uint());
      if (n > r.remaining()) return Lib0Reader::error_at(at, "JSON count exceeds input");
      std::vector<std::string> v;
      v.reserve(static_cast<std::size_t>(n));
      for (std::uint64_t i = 0; i < n; ++i) {
        std::size_t sat = r.offset();
        ACCORD_ASSIGN_OR_RETURN(std::string_view s, r.read_var_string());
        if (s != "undefined") {
          auto parsed = encoding::parse_json(s);
          if (!parsed.ok()) {
            return Status::error_at(parsed.status().code(), sat, parsed.status().message());
          }
        }
        v.emplace_back(s);
      }
      rec.length = n;
      rec.content = make_json_content(std::move(v));
      return Status::ok();
    }
    case ContentKind::kBinary: {
      ACCORD_ASSIGN_OR_RETURN(auto b, r.read_var_uint8_array());
      rec.length = 1;
      rec.content = make_binary_content(Any::bytes(Any::Bytes(b.begin(), b.end())));
      return Status::ok();
    }
    case ContentKind::kString: {
      ACCORD_ASSIGN_OR_RETURN(std::string_view s, r.read_var_string());
      std::u16string u;
      encoding::utf8_to_utf16(s, u);
      rec.length = u.size();
      rec.content = make_string_content(std::move(u));
      return Status::ok();
    }
    case ContentKind::kEmbed: {
      ACCORD_ASSIGN_OR_RETURN(Any v, read_json_string(r));
      rec.length = 1;
      rec.content = make_embed_content(std::move(v));
      return Status::ok();
    }
    case ContentKind::kFormat: {
      ACCORD_ASSIGN_OR_RETURN(std::string_view key, r.read_var_string());
      ACCORD_ASSIGN_OR_RETURN(Any v, read_json_string(r));
      rec.length = 1;
      rec.content = make_format_content(std::string(key), std::move(v));
      return Status::ok();
    }
    case ContentKind::kType: {
      ACCORD_ASSIGN_OR_RETURN(std::uint64_t ref, r.read_var_uint());
      if (ref > 6) {
        return Status::error_at(StatusCode::kUnsupported, at,
                                "unknown type ref " + std::to_string(ref));
      }
      rec.type_kind = static_cast<TypeKind>(ref);
      if (rec.type_kind == TypeKind::kXmlElement || rec.type_kind == TypeKind::kXmlHook) {
        ACCORD_ASSIGN_OR_RETURN(std::string_view name, r.read_var_string());
        rec.type_name = std::string(name);
      }
      rec.length = 1;
      rec.content.kind = ContentKind::kType;
      return Status::ok();
    }
    case ContentKind::kAny: {
      ACCORD_ASSIGN_OR_RETURN(std::uint64_t n, r.read_var_uint());
      if (n > r.remaining()) return Lib0Reader::error_at(at, "any count exceeds input");
      std::vector<Any> v;
      v.reserve(static_cast<std::size_t>(n));
      for (std::uint64_t i = 0; i < n; ++i) {
        ACCORD_ASSIGN_OR_RETURN(Any a, encoding::read_any(r));
        v.push_back(std::move(a));
      }
      rec.length = n;
      rec.content = make_any_content(std::move(v));
      return Status::ok();
    }
    case ContentKind::kDoc: {
      ACCORD_ASSIGN_OR_RETURN(std::string_view guid, r.read_var_string());
      ACCORD_ASSIGN_OR_RETURN(Any opts, encoding::read_any(r));
      rec.length = 1;
      rec.content = make_doc_content(SubDoc{std::string(guid), std::move(opts)});
      return Status::ok();
    }
    default: return Status::error_at(StatusCode::kUnsupported, at, "unknown content ref");
  }
}

} // namespace

Result<StructRecord> read_struct(Lib0Reader& r, std::uint64_t client, std::uint64_t clock) {
  std::size_t at = r.offset();
  ACCORD_ASSIGN_OR_RETURN(std::uint8_t info, r.read_u8());
  StructRecord rec;
  rec.id = Id{client, clock};
  std::uint8_t ref = info & 0x1f;
  if (ref == 0 || ref == 10) {
    rec.kind = static_cast<ContentKind>(ref);
    ACCORD_ASSIGN_OR_RETURN(rec.length, r.read_var_uint());
  } else {
    if (ref > 10) {
      return Status::error_at(StatusCode::kUnsupported, at,
                              "unknown content ref " + std::to_string(ref));
    }
    rec.kind = static_cast<ContentKind>(ref);
    if (info & 0x80) {
      ACCORD_ASSIGN_OR_RETURN(Id o, read_id(r));
      rec.origin = o;
    }
    if (info & 0x40) {
      ACCORD_ASSIGN_OR_RETURN(Id o, read_id(r));
      rec.right_origin = o;
    }
    if ((info & 0xc0) == 0) {
      ACCORD_ASSIGN_OR_RETURN(std::uint64_t has_key, r.read_var_uint());
      if (has_key == 1) {
        ACCORD_ASSIGN_OR_RETURN(std::string_view name, r.read_var_string());
        rec.parent.kind = ParentRef::Kind::kRoot;
        rec.parent.root = std::string(name);
      } else {
        ACCORD_ASSIGN_OR_RETURN(Id p, read_id(r));
        rec.parent.kind = ParentRef::Kind::kId;
        rec.parent.id = p;
      }
      if (info & 0x20) {
        ACCORD_ASSIGN_OR_RETURN(std::string_view key, r.read_var_string());
        rec.parent_sub = std::string(key);
      }
    }
    ACCORD_RETURN_IF_ERROR(read_content(r, rec));
  }
  ACCORD_RETURN_IF_ERROR(check_struct(rec, client, clock, at));
  return rec;
}

Status check_struct(const StructRecord& rec, std::uint64_t client, std::uint64_t clock,
                    std::size_t at) {
  if (rec.is_item()) {
    auto before_self = [&](const OptId& o) {
      return !o.set || o.id.client != client || o.id.clock < clock;
    };
    if (!before_self(rec.origin) || !before_self(rec.right_origin) ||
        (rec.parent.kind == ParentRef::Kind::kId && rec.parent.id.client == client &&
         rec.parent.id.clock >= clock)) {
      return Lib0Reader::error_at(at, "struct refers to a later struct of its own client");
    }
  }
  // ywasm writes an empty string item after cutting a surrogate pair.
  if (rec.length == 0 && !rec.is_item()) return Lib0Reader::error_at(at, "struct of length 0");
  if (clock > encoding::kMaxSafeInteger || rec.length > encoding::kMaxSafeInteger - clock) {
    return Lib0Reader::error_at(at, "struct clock exceeds 53 bits");
  }
  return Status::ok();
}

} // namespace accord::crdt
