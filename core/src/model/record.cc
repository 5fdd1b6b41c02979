// RecordRef: typed, validated reads and writes of one record map, journaled through Edit.
#include "accord/model/record.h"

#include <algorithm>
#include <cmath>

#include "accord/model/documents.h"
#include "accord/model/ids.h"
#include "encoding/utf.h"
#include "model/roots.h"

namespace accord::model {

namespace {

std::optional<Any> plain(const MapRef& map, std::string_view key) {
  auto v = map.get(key);
  if (!v || !v->is_any()) return std::nullopt;
  return v->any();
}

std::string kind_word(const Any& v) {
  switch (v.kind()) {
    case Any::Kind::kUndefined: return "undefined";
    case Any::Kind::kNull: return "null";
    case Any::Kind::kBool: return "a boolean";
    case Any::Kind::kNumber: return "a number";
    case Any::Kind::kBigInt: return "a bigint";
    case Any::Kind::kString: return "a string";
    case Any::Kind::kBytes: return "bytes";
    case Any::Kind::kArray: return "an array";
    case Any::Kind::kObject: return "an object";
  }
  return "a value";
}

std::string number_text(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

} // namespace

std::string RecordRef::path() const {
  if (schema_->singleton) return std::string(schema_->collection);
  return std::string(schema_->collection) + "/" + id_;
}

bool RecordRef::archived() const { return get(common::kArchived).value_or(false); }

std::string RecordRef::text_root_name(const FieldInfo& f) const {
  return path() + "/" + std::string(f.key);
}

Status RecordRef::check_edit(const Edit& e) const {
  if (&e.doc() != doc_) {
    return Status::error(StatusCode::kInvalidArgument,
                         path() + ": the edit belongs to another document");
  }
  return Status::ok();
}

Status RecordRef::invalid(const FieldInfo& f, std::string_view why) const {
  return Status::error(StatusCode::kInvalidArgument, std::string(schema_->en) + " " + path() +
                                                         ": field '" + std::string(f.key) +
                                                         "': " + std::string(why));
}

// ---- getters

std::optional<std::string> RecordRef::get(const StringField& f) const {
  auto v = plain(map_, f.key);
  if (!v || !v->is_string()) return std::nullopt;
  return v->as_string();
}

std::optional<std::string> RecordRef::get(const TextField& f) const {
  auto t = internal::existing_text(*doc_, text_root_name(f));
  if (!t) return std::nullopt;
  return t->to_string();
}

std::optional<std::int64_t> RecordRef::get(const IntField& f) const {
  auto v = plain(map_, f.key);
  if (!v || !v->is_number()) return std::nullopt;
  const double d = v->as_number();
  if (!std::isfinite(d) || std::floor(d) != d || std::fabs(d) > 9e15) return std::nullopt;
  return static_cast<std::int64_t>(d);
}

std::optional<double> RecordRef::get(const NumberField& f) const {
  auto v = plain(map_, f.key);
  if (!v || !v->is_number()) return std::nullopt;
  return v->as_number();
}

std::optional<bool> RecordRef::get(const BoolField& f) const {
  auto v = plain(map_, f.key);
  if (!v || !v->is_bool()) return std::nullopt;
  return v->as_bool();
}

std::optional<Date> RecordRef::get(const DateField& f) const {
  auto v = plain(map_, f.key);
  if (!v || !v->is_string()) return std::nullopt;
  auto d = parse_date(v->as_string());
  if (!d.ok()) return std::nullopt;
  return *d;
}

std::optional<std::int64_t> RecordRef::get(const DateTimeField& f) const {
  auto v = plain(map_, f.key);
  if (!v || !v->is_string()) return std::nullopt;
  auto t = parse_date_time(v->as_string());
  if (!t.ok()) return std::nullopt;
  return *t;
}

std::optional<std::string> RecordRef::get(const RefField& f) const {
  auto v = plain(map_, f.key);
  if (!v || !v->is_string()) return std::nullopt;
  return v->as_string();
}

std::vector<std::string> RecordRef::get(const RefSetField& f) const { return set_members(f); }

std::vector<std::string> RecordRef::set_members(const FieldInfo& f) const {
  std::vector<std::string> out;
  const std::string prefix = std::string(f.key) + ":";
  for (const auto& k : map_.keys_with_prefix(prefix)) {
    if (k.size() == prefix.size()) continue;
    auto v = plain(map_, k);
    if (v && v->is_bool() && v->as_bool()) out.push_back(k.substr(prefix.size()));
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::optional<std::string> RecordRef::get_code(const FieldInfo& f) const {
  auto v = plain(map_, f.key);
  if (!v || !v->is_string()) return std::nullopt;
  return v->as_string();
}

TextRef RecordRef::text(const TextField& f) const { return doc_->get_text(text_root_name(f)); }

// ---- validation

Status RecordRef::check_ref(const FieldInfo& f, std::string_view id) const {
  Status s = validate_id(id, "reference");
  if (!s.is_ok()) return invalid(f, s.message());
  if (f.target.empty()) return Status::ok();
  const RecordSchema* target = find_schema(f.target);
  if (target == nullptr || target->document != schema_->document) return Status::ok();
  auto root = internal::existing_map(*doc_, target->collection);
  if (!root || !root->contains(id)) {
    return Status::error(StatusCode::kNotFound, std::string(schema_->en) + " " + path() +
                                                    ": field '" + std::string(f.key) + "': no " +
                                                    std::string(f.target) + " record '" +
                                                    std::string(id) + "' in this document");
  }
  return Status::ok();
}

Status RecordRef::validate(const FieldInfo& f, const Any& v) const {
  auto want = [&](Any::Kind k, std::string_view word) -> Status {
    if (v.kind() == k) return Status::ok();
    return invalid(f, "expected " + std::string(word) + ", got " + kind_word(v));
  };
  switch (f.kind) {
    case FieldKind::kString:
    case FieldKind::kText: {
      ACCORD_RETURN_IF_ERROR(want(Any::Kind::kString, "a string"));
      if (!encoding::is_valid_utf8(v.as_string())) return invalid(f, "not valid UTF-8");
      if (f.kind == FieldKind::kString && v.as_string().size() > f.max_bytes) {
        return invalid(f, "longer than " + std::to_string(f.max_bytes) + " bytes");
      }
      return Status::ok();
    }
    case FieldKind::kEnum: {
      ACCORD_RETURN_IF_ERROR(want(Any::Kind::kString, "a code"));
      if (!f.enum_info->index_of(v.as_string())) {
        return invalid(f, "unknown " + std::string(f.enum_info->name) + " code '" + v.as_string() +
                              "' (expected one of " + f.enum_info->code_list() + ")");
      }
      return Status::ok();
    }
    case FieldKind::kInt:
    case FieldKind::kNumber: {
      ACCORD_RETURN_IF_ERROR(want(Any::Kind::kNumber, "a number"));
      const double d = v.as_number();
      if (!std::isfinite(d)) return invalid(f, "not a finite number");
      if (f.kind == FieldKind::kInt && std::floor(d) != d) {
        return invalid(f, number_text(d) + " is not an integer");
      }
      if (d < f.min || d > f.max) {
        return invalid(f, number_text(d) + " is out of range [" + number_text(f.min) + ", " +
                              number_text(f.max) + "]");
      }
      return Status::ok();
    }
    case FieldKind::kBool: return want(Any::Kind::kBool, "a boolean");
    case FieldKind::kDate: {
      ACCORD_RETURN_IF_ERROR(want(Any::Kind::kString, "a date string"));
      auto d = parse_date(v.as_string());
      return d.ok() ? Status::ok() : invalid(f, d.status().message());
    }
    case FieldKind::kDateTime: {
      ACCORD_RETURN_IF_ERROR(want(Any::Kind::kString, "a date-time string"));
      auto t = parse_date_time(v.as_string());
      return t.ok() ? Status::ok() : invalid(f, t.status().message());
    }
    case FieldKind::kRef:
      ACCORD_RETURN_IF_ERROR(want(Any::Kind::kString, "an id"));
      return check_ref(f, v.as_string());
    case FieldKind::kEnumSet:
    case FieldKind::kRefSet: return invalid(f, "a set is not a single value");
  }
  return invalid(f, "unknown field kind");
}

void RecordRef::write(Edit& e, std::string_view key, Any value) const {
  auto old = plain(map_, key);
  if (old && *old == value) return;
  map_.set(e.txn(), key, value);
  e.record_change(path(), key, old ? *old : Any(), std::move(value));
}

// ---- typed setters

Status RecordRef::set(Edit& e, const StringField& f, std::string_view v) const {
  return set_value(e, f.key, Any(v));
}
Status RecordRef::set(Edit& e, const IntField& f, std::int64_t v) const {
  return set_value(e, f.key, Any(static_cast<double>(v)));
}
Status RecordRef::set(Edit& e, const NumberField& f, double v) const {
  return set_value(e, f.key, Any(v));
}
Status RecordRef::set(Edit& e, const BoolField& f, bool v) const {
  return set_value(e, f.key, Any(v));
}
Status RecordRef::set(Edit& e, const DateField& f, std::string_view iso) const {
  return set_value(e, f.key, Any(iso));
}
Status RecordRef::set(Edit& e, const DateTimeField& f, std::string_view iso) const {
  return set_value(e, f.key, Any(iso));
}
Status RecordRef::set(Edit& e, const RefField& f, std::string_view id) const {
  return set_value(e, f.key, Any(id));
}
Status RecordRef::add(Edit& e, const RefSetField& f, std::string_view id) const {
  return add_member(e, f, id);
}
Status RecordRef::remove(Edit& e, const RefSetField& f, std::string_view id) const {
  return remove_member(e, f, id);
}
Status RecordRef::set_archived(Edit& e, bool archived) const {
  return set(e, common::kArchived, archived);
}

Status RecordRef::add_member(Edit& e, const FieldInfo& f, std::string_view member) const {
  ACCORD_RETURN_IF_ERROR(check_edit(e));
  if (f.kind == FieldKind::kEnumSet) {
    if (!f.enum_info->index_of(member)) {
      return invalid(f, "unknown " + std::string(f.enum_info->name) + " code '" +
                            std::string(member) + "' (expected one of " + f.enum_info->code_list() +
                            ")");
    }
  } else if (f.kind == FieldKind::kRefSet) {
    ACCORD_RETURN_IF_ERROR(check_ref(f, member));
  } else {
    return invalid(f, "not a set field");
  }
  const std::string key = std::string(f.key) + ":" + std::string(member);
  write(e, key, Any(true));
  return Status::ok();
}

Status RecordRef::remove_member(Edit& e, const FieldInfo& f, std::string_view member) const {
  ACCORD_RETURN_IF_ERROR(check_edit(e));
  if (f.kind != FieldKind::kEnumSet && f.kind != FieldKind::kRefSet) {
    return invalid(f, "not a set field");
  }
  const std::string key = std::string(f.key) + ":" + std::string(member);
  auto old = plain(map_, key);
  if (!map_.contains(key)) return Status::ok();
  map_.remove(e.txn(), key);
  e.record_change(path(), key, old ? *old : Any(), Any());
  return Status::ok();
}

Status RecordRef::set_text(Edit& e, const TextField& f, std::string_view text) const {
  ACCORD_RETURN_IF_ERROR(check_edit(e));
  if (!encoding::is_valid_utf8(text)) return invalid(f, "not valid UTF-8");
  TextRef t = this->text(f);
  std::u16string before, after;
  encoding::utf8_to_utf16(t.to_string(), before);
  encoding::utf8_to_utf16(text, after);
  // Replace only the middle that differs, never splitting a surrogate pair.
  std::size_t prefix = 0;
  while (prefix < before.size() && prefix < after.size() && before[prefix] == after[prefix]) {
    ++prefix;
  }
  if (prefix > 0 && before[prefix - 1] >= 0xD800 && before[prefix - 1] <= 0xDBFF) --prefix;
  std::size_t suffix = 0;
  while (suffix < before.size() - prefix && suffix < after.size() - prefix &&
         before[before.size() - 1 - suffix] == after[after.size() - 1 - suffix]) {
    ++suffix;
  }
  if (suffix > 0) {
    const char16_t first = before[before.size() - suffix];
    if (first >= 0xDC00 && first <= 0xDFFF) --suffix;
  }
  const std::size_t removed = before.size() - prefix - suffix;
  const std::size_t inserted = after.size() - prefix - suffix;
  if (removed == 0 && inserted == 0) return Status::ok();
  if (removed > 0) ACCORD_RETURN_IF_ERROR(t.remove(e.txn(), prefix, removed));
  if (inserted > 0) {
    const std::string middle = encoding::utf16_to_utf8(after.substr(prefix, inserted));
    ACCORD_RETURN_IF_ERROR(t.insert(e.txn(), prefix, middle));
  }
  note_text_edit(e, f);
  return Status::ok();
}

void RecordRef::note_text_edit(Edit& e, const TextField& f) const {
  e.record_change(path(), f.key, Any(), Any());
}

Status RecordRef::clear(Edit& e, const FieldInfo& f) const {
  ACCORD_RETURN_IF_ERROR(check_edit(e));
  switch (f.kind) {
    case FieldKind::kEnumSet:
    case FieldKind::kRefSet:
      for (const auto& m : set_members(f)) ACCORD_RETURN_IF_ERROR(remove_member(e, f, m));
      return Status::ok();
    case FieldKind::kText: {
      auto t = internal::existing_text(*doc_, text_root_name(f));
      if (!t || t->length() == 0) return Status::ok();
      ACCORD_RETURN_IF_ERROR(t->remove(e.txn(), 0, t->length()));
      e.record_change(path(), f.key, Any(), Any());
      return Status::ok();
    }
    default: {
      if (!map_.contains(f.key)) return Status::ok();
      auto old = plain(map_, f.key);
      map_.remove(e.txn(), f.key);
      e.record_change(path(), f.key, old ? *old : Any(), Any());
      return Status::ok();
    }
  }
}

// ---- generic access

Status RecordRef::set_value(Edit& e, std::string_view key, const Any& value) const {
  ACCORD_RETURN_IF_ERROR(check_edit(e));
  const FieldInfo* f = schema_->find(key);
  if (f == nullptr) {
    return Status::error(
        StatusCode::kInvalidArgument,
        std::string(schema_->en) + " " + path() + ": unknown field '" + std::string(key) + "'");
  }
  if (value.is_null() || value.is_undefined()) return clear(e, *f);
  if (f->kind == FieldKind::kEnumSet || f->kind == FieldKind::kRefSet) {
    if (!value.is_array()) return invalid(*f, "expected an array, got " + kind_word(value));
    std::vector<std::string> wanted;
    for (const Any& m : value.as_array()) {
      if (!m.is_string()) return invalid(*f, "members must be strings, got " + kind_word(m));
      if (f->kind == FieldKind::kEnumSet && !f->enum_info->index_of(m.as_string())) {
        return invalid(*f, "unknown " + std::string(f->enum_info->name) + " code '" +
                               m.as_string() + "' (expected one of " + f->enum_info->code_list() +
                               ")");
      }
      if (f->kind == FieldKind::kRefSet) ACCORD_RETURN_IF_ERROR(check_ref(*f, m.as_string()));
      wanted.push_back(m.as_string());
    }
    for (const auto& m : set_members(*f)) {
      // Members this build cannot name (a newer client's codes) are not the caller's to drop.
      if (f->kind == FieldKind::kEnumSet && !f->enum_info->index_of(m)) continue;
      if (std::find(wanted.begin(), wanted.end(), m) == wanted.end()) {
        ACCORD_RETURN_IF_ERROR(remove_member(e, *f, m));
      }
    }
    for (const auto& m : wanted) ACCORD_RETURN_IF_ERROR(add_member(e, *f, m));
    return Status::ok();
  }
  ACCORD_RETURN_IF_ERROR(validate(*f, value));
  if (f->kind == FieldKind::kText) {
    return set_text(e, static_cast<const TextField&>(*f), value.as_string());
  }
  write(e, f->key, value);
  return Status::ok();
}

Any RecordRef::get_value(const FieldInfo& f) const {
  switch (f.kind) {
    case FieldKind::kText: {
      auto t = get(static_cast<const TextField&>(f));
      return t ? Any(*t) : Any();
    }
    case FieldKind::kEnumSet:
    case FieldKind::kRefSet: {
      Any::Array arr;
      for (auto& m : set_members(f)) arr.emplace_back(std::move(m));
      return arr.empty() ? Any() : Any(std::move(arr));
    }
    default: {
      auto v = plain(map_, f.key);
      return v ? *v : Any();
    }
  }
}

Any RecordRef::to_json() const {
  Any::Object out;
  out.emplace_back("id", Any(id_));
  auto add_field = [&](const FieldInfo& f) {
    Any v = get_value(f);
    if (!v.is_undefined()) out.emplace_back(std::string(f.key), std::move(v));
  };
  for (const FieldInfo* f : schema_->fields) add_field(*f);
  add_field(common::kArchived);
  add_field(common::kCreatedAt);
  add_field(common::kCreatedBy);
  std::vector<std::string> keys = map_.keys();
  std::sort(keys.begin(), keys.end());
  for (const auto& k : keys) {
    const auto colon = k.find(':');
    const std::string base = colon == std::string::npos ? k : k.substr(0, colon);
    const FieldInfo* f = schema_->find(base);
    if (f != nullptr && (colon == std::string::npos || f->kind == FieldKind::kEnumSet ||
                         f->kind == FieldKind::kRefSet)) {
      continue; // a known field (or a member of a known set), already written
    }
    auto v = map_.get(k);
    if (v) out.emplace_back(k, v->to_json());
  }
  return out;
}

} // namespace accord::model
