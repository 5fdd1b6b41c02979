// Reading the change journal (the root array "journal"; format in history.h).
#include "accord/model/history.h"

#include <algorithm>
#include <cmath>

#include "accord/types.h"
#include "model/roots.h"

namespace accord::model {

namespace {

const std::string* str(const Any& obj, std::string_view key) {
  const Any* v = obj.find(key);
  return v != nullptr && v->is_string() ? &v->as_string() : nullptr;
}

// Appends the changes of one entry to `out`; malformed entries add nothing.
void decode(const Any& entry, std::vector<Change>& out) {
  if (!entry.is_object()) return;
  const std::string* r = str(entry, "r");
  const std::string* u = str(entry, "u");
  const std::string* d = str(entry, "d");
  const Any* t = entry.find("t");
  // Entries come from peers: a time that is not a finite number in range is malformed.
  if (r == nullptr || u == nullptr || d == nullptr || t == nullptr || !t->is_number() ||
      !(std::fabs(t->as_number()) < 9e15)) {
    return;
  }
  const Any* values = entry.find("v");
  const Any* olds = entry.find("o");
  const Any* marks = entry.find("x");
  auto add = [&](const std::string& field, const Any* new_value) {
    Change c;
    c.record = *r;
    c.field = field;
    c.user = *u;
    c.device = *d;
    c.at_ms = static_cast<std::int64_t>(t->as_number());
    if (olds != nullptr && olds->is_object()) {
      if (const Any* o = olds->find(field)) c.old_value = *o;
    }
    if (new_value != nullptr) c.new_value = *new_value;
    out.push_back(std::move(c));
  };
  if (values != nullptr && values->is_object()) {
    for (const auto& [field, v] : values->as_object()) add(field, &v);
  }
  if (marks != nullptr && marks->is_array()) {
    for (const Any& m : marks->as_array()) {
      if (m.is_string()) add(m.as_string(), nullptr);
    }
  }
}

template <typename Pred>
std::vector<Change> collect(const Doc& doc, Pred pred) {
  std::vector<Change> out;
  auto root = internal::existing_array(doc, kJournalRoot);
  if (!root) return out;
  std::vector<Change> changes;
  for (const Value& v : root->to_vector()) {
    if (!v.is_any()) continue;
    changes.clear();
    decode(v.any(), changes);
    for (Change& c : changes) {
      if (pred(c)) out.push_back(std::move(c));
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Change& a, const Change& b) { return a.at_ms < b.at_ms; });
  return out;
}

} // namespace

std::vector<Change> journal(const Doc& doc) {
  return collect(doc, [](const Change&) { return true; });
}

std::vector<Change> record_history(const Doc& doc, std::string_view record_path) {
  return collect(doc, [&](const Change& c) { return c.record == record_path; });
}

std::vector<Change> field_history(const Doc& doc, std::string_view record_path,
                                  std::string_view field) {
  return collect(doc, [&](const Change& c) {
    if (c.record != record_path) return false;
    if (c.field == field) return true;
    return c.field.size() > field.size() && c.field.compare(0, field.size(), field) == 0 &&
           c.field[field.size()] == ':';
  });
}

} // namespace accord::model
