// Edit: a transaction with an actor origin and the change journal entries it appends.
#include "accord/model/edit.h"

#include <algorithm>
#include <random>

#include "accord/model/history.h"
#include "accord/model/ids.h"
#include "accord/types.h"

namespace accord::model {

namespace {
constexpr std::string_view kOriginPrefix = "accord:";

/// A seed for new ids: one read of the system's entropy per thread, then a generator (an Edit
/// per imported row must not open the random device each time).
std::uint64_t fresh_seed() {
  static thread_local std::mt19937_64 seeds{
      (static_cast<std::uint64_t>(std::random_device{}()) << 32) ^ std::random_device{}()};
  return seeds();
}
} // namespace

Origin origin_for(const Actor& actor) {
  Origin o;
  o.name = std::string(kOriginPrefix) + actor.user + "@" + actor.device;
  return o;
}

std::optional<Actor> actor_from_origin(const Origin& origin) {
  std::string_view n = origin.name;
  if (n.substr(0, kOriginPrefix.size()) != kOriginPrefix) return std::nullopt;
  n.remove_prefix(kOriginPrefix.size());
  const auto at = n.rfind('@');
  if (at == std::string_view::npos) return std::nullopt;
  return Actor{std::string(n.substr(0, at)), std::string(n.substr(at + 1))};
}

Edit::Edit(Doc& doc, Actor actor, std::int64_t now_ms, std::optional<std::uint64_t> seed)
    : doc_(&doc),
      actor_(std::move(actor)),
      now_ms_(now_ms),
      rng_(seed ? *seed : fresh_seed() ^ doc.client_id()),
      txn_(doc.transact(origin_for(actor_))) {}

Edit::~Edit() { commit(); }

std::string Edit::new_id() { return make_uuid_v7(now_ms_, rng_); }

namespace {

Any* find_key(Any::Object& obj, std::string_view key) {
  for (auto& [k, v] : obj) {
    if (k == key) return &v;
  }
  return nullptr;
}

void erase_key(Any::Object& obj, std::string_view key) {
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    if (it->first == key) {
      obj.erase(it);
      return;
    }
  }
}

} // namespace

void Edit::record_change(std::string_view record_path, std::string_view field, Any old_value,
                         Any new_value) {
  ++changes_recorded_;
  auto [it, inserted] = journal_index_.try_emplace(std::string(record_path), journal_.size());
  if (inserted) journal_.push_back(PendingEntry{std::string(record_path), {}, {}, {}});
  PendingEntry& entry = journal_[it->second];
  Any* value = find_key(entry.values, field);
  auto mark = std::find_if(entry.marks.begin(), entry.marks.end(),
                           [&](const Any& m) { return m.is_string() && m.as_string() == field; });
  const bool touched = value != nullptr || mark != entry.marks.end();
  if (!touched && !old_value.is_undefined()) {
    entry.olds.emplace_back(std::string(field), std::move(old_value));
  }
  if (new_value.is_undefined()) {
    if (value != nullptr) erase_key(entry.values, field);
    if (mark == entry.marks.end()) entry.marks.emplace_back(std::string(field));
  } else {
    if (mark != entry.marks.end()) entry.marks.erase(mark);
    if (value != nullptr) {
      *value = std::move(new_value);
    } else {
      entry.values.emplace_back(std::string(field), std::move(new_value));
    }
  }
}

void Edit::commit() {
  if (committed_) return;
  committed_ = true;
  if (!journal_.empty()) {
    std::vector<Any> entries;
    entries.reserve(journal_.size());
    for (PendingEntry& p : journal_) {
      Any::Object entry;
      entry.emplace_back("r", Any(std::move(p.record)));
      entry.emplace_back("u", Any(actor_.user));
      entry.emplace_back("d", Any(actor_.device));
      entry.emplace_back("t", Any(static_cast<double>(now_ms_)));
      if (!p.values.empty()) entry.emplace_back("v", Any(std::move(p.values)));
      if (!p.olds.empty()) entry.emplace_back("o", Any(std::move(p.olds)));
      if (!p.marks.empty()) entry.emplace_back("x", Any(std::move(p.marks)));
      entries.emplace_back(std::move(entry));
    }
    journal_.clear();
    journal_index_.clear();
    doc_->get_array(kJournalRoot).push(txn_, std::move(entries));
  }
  txn_.commit();
}

} // namespace accord::model
