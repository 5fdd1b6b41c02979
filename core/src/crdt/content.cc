#include "crdt/content.h"

#include "crdt/branch.h"
#include "encoding/json.h"
#include "encoding/utf.h"

namespace accord::crdt {

Content make_string_content(std::u16string s) {
  Content c;
  c.kind = ContentKind::kString;
  c.payload = std::move(s);
  return c;
}
Content make_any_content(std::vector<Any> values) {
  Content c;
  c.kind = ContentKind::kAny;
  c.payload = std::move(values);
  return c;
}
Content make_deleted_content() {
  Content c;
  c.kind = ContentKind::kDeleted;
  return c;
}
Content make_binary_content(Any bytes) {
  Content c;
  c.kind = ContentKind::kBinary;
  c.payload = std::make_unique<Any>(std::move(bytes));
  return c;
}
Content make_embed_content(Any embed) {
  Content c;
  c.kind = ContentKind::kEmbed;
  c.payload = std::make_unique<Any>(std::move(embed));
  return c;
}
Content make_format_content(std::string key, Any value) {
  Content c;
  c.kind = ContentKind::kFormat;
  c.payload = std::make_unique<FormatPayload>(FormatPayload{std::move(key), std::move(value)});
  return c;
}
Content make_type_content(Branch* type) {
  Content c;
  c.kind = ContentKind::kType;
  c.payload = type;
  return c;
}
Content make_doc_content(SubDoc doc) {
  Content c;
  c.kind = ContentKind::kDoc;
  c.payload = std::make_unique<SubDoc>(std::move(doc));
  return c;
}
Content make_json_content(std::vector<std::string> json) {
  Content c;
  c.kind = ContentKind::kJson;
  c.payload = std::move(json);
  return c;
}

Content Content::clone() const {
  switch (kind) {
    case ContentKind::kString: return make_string_content(str());
    case ContentKind::kAny: return make_any_content(anys());
    case ContentKind::kJson: return make_json_content(json());
    case ContentKind::kBinary: return make_binary_content(value());
    case ContentKind::kEmbed: return make_embed_content(value());
    case ContentKind::kFormat: return make_format_content(format().key, format().value);
    case ContentKind::kDoc: return make_doc_content(doc());
    case ContentKind::kType: return make_type_content(type());
    default: {
      Content c;
      c.kind = kind;
      return c;
    }
  }
}

Content Content::split(std::uint64_t offset) {
  switch (kind) {
    case ContentKind::kString: {
      std::u16string& s = str();
      std::u16string right = s.substr(static_cast<std::size_t>(offset));
      s.resize(static_cast<std::size_t>(offset));
      char16_t last = s.empty() ? 0 : s.back();
      if (last >= 0xd800 && last <= 0xdbff) {
        s.back() = 0xfffd;
        if (!right.empty()) right[0] = 0xfffd;
      }
      return make_string_content(std::move(right));
    }
    case ContentKind::kAny: {
      auto& v = anys();
      std::vector<Any> right(
          std::make_move_iterator(v.begin() + static_cast<std::ptrdiff_t>(offset)),
          std::make_move_iterator(v.end()));
      v.resize(static_cast<std::size_t>(offset));
      return make_any_content(std::move(right));
    }
    case ContentKind::kJson: {
      auto& v = json();
      std::vector<std::string> right(v.begin() + static_cast<std::ptrdiff_t>(offset), v.end());
      v.resize(static_cast<std::size_t>(offset));
      return make_json_content(std::move(right));
    }
    default: {
      Content c;
      c.kind = kind;
      return c;
    }
  }
}

bool Content::merge(Content& right) {
  switch (kind) {
    case ContentKind::kDeleted: return true;
    case ContentKind::kString: str() += right.str(); return true;
    case ContentKind::kAny: {
      auto& r = right.anys();
      auto& l = anys();
      l.insert(l.end(), std::make_move_iterator(r.begin()), std::make_move_iterator(r.end()));
      return true;
    }
    case ContentKind::kJson: {
      auto& r = right.json();
      json().insert(json().end(), r.begin(), r.end());
      return true;
    }
    default: return false;
  }
}

std::vector<Value> Content::values() const {
  std::vector<Value> out;
  switch (kind) {
    case ContentKind::kAny:
      for (const Any& a : anys()) out.emplace_back(a);
      break;
    case ContentKind::kJson:
      for (const std::string& s : json()) {
        if (s == "undefined") {
          out.emplace_back(Any());
        } else {
          auto parsed = encoding::parse_json(s);
          out.emplace_back(parsed.ok() ? std::move(parsed).value() : Any());
        }
      }
      break;
    case ContentKind::kBinary:
    case ContentKind::kEmbed: out.emplace_back(value()); break;
    case ContentKind::kType: out.emplace_back(TypeRef(type())); break;
    case ContentKind::kDoc: out.emplace_back(doc()); break;
    case ContentKind::kString:
      // yjs ContentString.getContent(): one string per UTF-16 code unit (a lone surrogate half
      // becomes U+FFFD in UTF-8).
      out.reserve(str().size());
      for (char16_t unit : str()) {
        out.emplace_back(Any(encoding::utf16_to_utf8(std::u16string_view(&unit, 1))));
      }
      break;
    default: break;
  }
  return out;
}

} // namespace accord::crdt
