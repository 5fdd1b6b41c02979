// Document kinds, their meta map and access to records by schema.
#include "accord/model/documents.h"

#include <algorithm>

#include "accord/model/account_schema.h"
#include "accord/model/activity_schema.h"
#include "accord/model/contact_schema.h"
#include "accord/model/ids.h"
#include "accord/model/plan_schema.h"
#include "accord/model/team_schema.h"
#include "encoding/utf.h"
#include "model/roots.h"

namespace accord::model {

namespace {

constexpr std::string_view kKindKey = "kind";
constexpr std::string_view kVersionKey = "schema_version";
constexpr std::string_view kIdKey = "id";

std::optional<DocumentKind> kind_from_code(std::string_view code) {
  for (auto k : {DocumentKind::kTeamIndex, DocumentKind::kAccount, DocumentKind::kVisitLog}) {
    if (document_kind_code(k) == code) return k;
  }
  return std::nullopt;
}

Status write_meta(Edit& e, DocumentKind kind, std::string_view id) {
  ACCORD_RETURN_IF_ERROR(validate_id(id, "document id"));
  if (auto existing = internal::existing_map(e.doc(), kMetaRoot)) {
    if (existing->contains(kKindKey)) {
      return Status::error(StatusCode::kAlreadyExists,
                           "the document already has a meta map (it was created before)");
    }
  }
  MapRef meta = e.doc().get_map(kMetaRoot);
  meta.set(e.txn(), kKindKey, Any(document_kind_code(kind)));
  meta.set(e.txn(), kVersionKey, Any(static_cast<double>(kSchemaVersion)));
  meta.set(e.txn(), kIdKey, Any(id));
  e.record_change(kMetaRoot, "*", Any(), Any(document_kind_code(kind)));
  return Status::ok();
}

Status expect_kind(const Doc& doc, DocumentKind kind) {
  auto meta = read_meta(doc);
  if (!meta.ok()) return meta.status();
  if (meta->kind != kind) {
    return Status::error(StatusCode::kFailedPrecondition,
                         "the document is a " + std::string(document_kind_code(meta->kind)) +
                             ", not a " + std::string(document_kind_code(kind)));
  }
  return Status::ok();
}

// Validates a name before a record is created, so a bad name creates nothing.
Status check_name(const StringField& f, std::string_view name) {
  if (!encoding::is_valid_utf8(name) || name.size() > f.max_bytes) {
    return Status::error(StatusCode::kInvalidArgument, "field '" + std::string(f.key) +
                                                           "': not valid UTF-8 or longer than " +
                                                           std::to_string(f.max_bytes) + " bytes");
  }
  return Status::ok();
}

std::string meta_id(const Doc& doc) {
  auto meta = read_meta(doc);
  return meta.ok() ? meta->id : std::string();
}

} // namespace

Result<DocumentMeta> read_meta(const Doc& doc) {
  auto root = internal::existing_map(doc, kMetaRoot);
  if (!root) {
    return Status::error(StatusCode::kNotFound, "the document has no meta map (schema version 0)");
  }
  MapRef meta = *root;
  auto kind = meta.get(kKindKey);
  if (!kind) {
    return Status::error(StatusCode::kNotFound, "the document's meta has no kind (version 0)");
  }
  if (!kind->is_any() || !kind->any().is_string()) {
    return Status::error(StatusCode::kUnsupported, "the document's kind is not a string");
  }
  auto k = kind_from_code(kind->any().as_string());
  if (!k) {
    return Status::error(StatusCode::kUnsupported,
                         "unknown document kind '" + kind->any().as_string() + "'");
  }
  DocumentMeta out;
  out.kind = *k;
  if (auto v = meta.get(kVersionKey); v && v->is_any() && v->any().is_number() &&
                                      v->any().as_number() >= 0 && v->any().as_number() < 1e9) {
    out.schema_version = static_cast<std::int64_t>(v->any().as_number());
  }
  if (auto id = meta.get(kIdKey); id && id->is_any() && id->any().is_string()) {
    out.id = id->any().as_string();
  }
  return out;
}

std::optional<RecordRef> find_record(Doc& doc, const RecordSchema& schema, std::string_view id) {
  if (schema.singleton) return singleton(doc, schema);
  auto root = internal::existing_map(doc, schema.collection);
  if (!root) return std::nullopt;
  auto v = root->get(id);
  if (!v || !v->is_type() || v->type().kind() != TypeKind::kMap) return std::nullopt;
  return RecordRef(&doc, v->type().as_map(), &schema, std::string(id));
}

std::vector<RecordRef> list_records(Doc& doc, const RecordSchema& schema, bool include_archived) {
  std::vector<RecordRef> out;
  auto root = internal::existing_map(doc, schema.collection);
  if (!root) return out;
  MapRef map = *root;
  std::vector<std::string> ids = map.keys();
  std::sort(ids.begin(), ids.end());
  for (auto& id : ids) {
    auto v = map.get(id);
    if (!v || !v->is_type() || v->type().kind() != TypeKind::kMap) continue;
    RecordRef r(&doc, v->type().as_map(), &schema, std::move(id));
    if (!include_archived && r.archived()) continue;
    out.push_back(std::move(r));
  }
  return out;
}

Result<RecordRef> add_record(Edit& e, const RecordSchema& schema, std::string_view id) {
  if (schema.singleton) {
    return Status::error(StatusCode::kInvalidArgument,
                         std::string(schema.collection) + " is a singleton record");
  }
  std::string rid = id.empty() ? e.new_id() : std::string(id);
  ACCORD_RETURN_IF_ERROR(validate_id(rid, std::string(schema.en) + " id"));
  MapRef coll = e.doc().get_map(schema.collection);
  if (coll.contains(rid)) {
    return Status::error(StatusCode::kAlreadyExists,
                         std::string(schema.en) + " '" + rid + "' exists already");
  }
  MapRef rec = coll.insert_map(e.txn(), rid);
  RecordRef ref(&e.doc(), rec, &schema, rid);
  // The creation entry carries who, from where and when: created_at / created_by are not
  // journaled again.
  e.record_change(ref.path(), "*", Any(), Any("created"));
  rec.set(e.txn(), common::kCreatedAt.key, Any(format_date_time(e.now_ms())));
  rec.set(e.txn(), common::kCreatedBy.key, Any(e.actor().user));
  return ref;
}

RecordRef singleton(Doc& doc, const RecordSchema& schema) {
  return RecordRef(&doc, doc.get_map(schema.collection), &schema, std::string(schema.collection));
}

// ---- TeamIndex

Result<TeamIndex> TeamIndex::create(Edit& e, std::string_view team_id) {
  ACCORD_RETURN_IF_ERROR(write_meta(e, DocumentKind::kTeamIndex, team_id));
  return TeamIndex(e.doc());
}

Result<TeamIndex> TeamIndex::open(Doc& doc) {
  ACCORD_RETURN_IF_ERROR(expect_kind(doc, DocumentKind::kTeamIndex));
  return TeamIndex(doc);
}

RecordRef TeamIndex::settings() const { return singleton(*doc_, kSettingsRecord); }

int TeamIndex::cadence_days(std::optional<Tier> tier) const {
  RecordRef s = settings();
  switch (tier.value_or(Tier::kC)) {
    case Tier::kA:
      return static_cast<int>(s.get(settings::kCadenceA).value_or(kDefaultCadenceDaysA));
    case Tier::kB:
      return static_cast<int>(s.get(settings::kCadenceB).value_or(kDefaultCadenceDaysB));
    case Tier::kC: break;
  }
  return static_cast<int>(s.get(settings::kCadenceC).value_or(kDefaultCadenceDaysC));
}

std::vector<RecordRef> TeamIndex::accounts() const {
  return list_records(*doc_, kAccountEntryRecord);
}

std::vector<RecordRef> TeamIndex::members() const { return list_records(*doc_, kMemberRecord); }

Result<RecordRef> TeamIndex::add_member(Edit& e, std::string_view user_id,
                                        std::string_view name) const {
  ACCORD_RETURN_IF_ERROR(check_name(member::kName, name));
  ACCORD_ASSIGN_OR_RETURN(RecordRef m, add_record(e, kMemberRecord, user_id));
  ACCORD_RETURN_IF_ERROR(m.set(e, member::kName, name));
  return m;
}

Status TeamIndex::upsert_account(Edit& e, const AccountDocument& account) const {
  const std::string id = account.id();
  ACCORD_RETURN_IF_ERROR(validate_id(id, "account id"));
  auto entry = find_record(*doc_, kAccountEntryRecord, id);
  if (!entry) {
    ACCORD_ASSIGN_OR_RETURN(RecordRef created, add_record(e, kAccountEntryRecord, id));
    entry = created;
  }
  RecordRef a = account.account();
  for (const FieldInfo* f : {static_cast<const FieldInfo*>(&account_entry::kName),
                             static_cast<const FieldInfo*>(&account_entry::kTier),
                             static_cast<const FieldInfo*>(&account_entry::kClassification),
                             static_cast<const FieldInfo*>(&account_entry::kOwner)}) {
    const FieldInfo* src = kAccountRecord.find(f->key);
    Any v = a.get_value(*src);
    // Unknown codes are copied as they are: the list shows what the account says.
    if (f->kind == FieldKind::kEnum && v.is_string() && !f->enum_info->index_of(v.as_string())) {
      if (auto cur = entry->get_code(*f); !cur || *cur != v.as_string()) {
        entry->map().set(e.txn(), f->key, v);
        e.record_change(entry->path(), f->key, Any(), v);
      }
      continue;
    }
    ACCORD_RETURN_IF_ERROR(entry->set_value(e, f->key, v));
  }
  return Status::ok();
}

// ---- AccountDocument

Result<AccountDocument> AccountDocument::create(Edit& e, std::string_view account_id,
                                                std::string_view name) {
  ACCORD_RETURN_IF_ERROR(check_name(account::kName, name));
  ACCORD_RETURN_IF_ERROR(write_meta(e, DocumentKind::kAccount, account_id));
  AccountDocument doc(e.doc());
  ACCORD_RETURN_IF_ERROR(doc.account().set(e, account::kName, name));
  return doc;
}

Result<AccountDocument> AccountDocument::open(Doc& doc) {
  ACCORD_RETURN_IF_ERROR(expect_kind(doc, DocumentKind::kAccount));
  return AccountDocument(doc);
}

std::string AccountDocument::id() const { return meta_id(*doc_); }
RecordRef AccountDocument::account() const { return singleton(*doc_, kAccountRecord); }
RecordRef AccountDocument::plan() const { return singleton(*doc_, kPlanRecord); }

std::vector<RecordRef> AccountDocument::list(const RecordSchema& schema,
                                             bool include_archived) const {
  if (schema.document != DocumentKind::kAccount) return {};
  return list_records(*doc_, schema, include_archived);
}

std::optional<RecordRef> AccountDocument::find(const RecordSchema& schema,
                                               std::string_view id) const {
  if (schema.document != DocumentKind::kAccount) return std::nullopt;
  return find_record(*doc_, schema, id);
}

Result<RecordRef> AccountDocument::add(Edit& e, const RecordSchema& schema) const {
  if (schema.document != DocumentKind::kAccount) {
    return Status::error(StatusCode::kInvalidArgument,
                         std::string(schema.en) + " records do not live in an account document");
  }
  if (&e.doc() != doc_) {
    return Status::error(StatusCode::kInvalidArgument, "the edit belongs to another document");
  }
  return add_record(e, schema);
}

Result<RecordRef> AccountDocument::add_contact(Edit& e, std::string_view name) const {
  ACCORD_RETURN_IF_ERROR(check_name(contact::kName, name));
  ACCORD_ASSIGN_OR_RETURN(RecordRef c, add(e, kContactRecord));
  ACCORD_RETURN_IF_ERROR(c.set(e, contact::kName, name));
  return c;
}

bool AccountDocument::on_account_team(std::string_view user) const {
  if (account().get(account::kOwner) == std::string(user)) return true;
  for (const auto& m : list(kTeamMemberRecord)) {
    if (m.get(team_member::kUser) == std::string(user)) return true;
  }
  return false;
}

Result<Any> AccountDocument::personal_profile(const RecordRef& contact_record,
                                              std::string_view viewer) const {
  if (!on_account_team(viewer)) {
    return Status::error(
        StatusCode::kPermissionDenied,
        "the personal profile of a contact is visible to the account team only; '" +
            std::string(viewer) + "' is not on it");
  }
  Any::Object out;
  for (const FieldInfo* f : contact_record.schema().fields) {
    if (!f->sensitive) continue;
    Any v = contact_record.get_value(*f);
    if (!v.is_undefined()) out.emplace_back(std::string(f->key), std::move(v));
  }
  return Any(std::move(out));
}

// ---- VisitLog

Result<VisitLog> VisitLog::create(Edit& e, std::string_view account_id) {
  ACCORD_RETURN_IF_ERROR(write_meta(e, DocumentKind::kVisitLog, account_id));
  return VisitLog(e.doc());
}

Result<VisitLog> VisitLog::open(Doc& doc) {
  ACCORD_RETURN_IF_ERROR(expect_kind(doc, DocumentKind::kVisitLog));
  return VisitLog(doc);
}

std::string VisitLog::account_id() const { return meta_id(*doc_); }

std::vector<RecordRef> VisitLog::visits(bool include_archived) const {
  std::vector<RecordRef> records = list_records(*doc_, kVisitRecord, include_archived);
  std::vector<std::pair<std::int64_t, std::size_t>> order;
  order.reserve(records.size());
  for (std::size_t i = 0; i < records.size(); ++i) {
    order.emplace_back(records[i].get(visit::kAt).value_or(0), i);
  }
  std::sort(order.begin(), order.end()); // by time, then by id (records are sorted by id)
  std::vector<RecordRef> out;
  out.reserve(records.size());
  for (const auto& [at, i] : order) out.push_back(records[i]);
  return out;
}

Result<RecordRef> VisitLog::add_visit(Edit& e, std::string_view at, std::string_view rep) const {
  if (&e.doc() != doc_) {
    return Status::error(StatusCode::kInvalidArgument, "the edit belongs to another document");
  }
  auto when = parse_date_time(at);
  if (!when.ok()) return when.status().with_context("visit 'at'");
  ACCORD_RETURN_IF_ERROR(validate_id(rep, "visit 'rep'"));
  ACCORD_ASSIGN_OR_RETURN(RecordRef v, add_record(e, kVisitRecord));
  ACCORD_RETURN_IF_ERROR(v.set(e, visit::kAt, at));
  ACCORD_RETURN_IF_ERROR(v.set(e, visit::kRep, rep));
  return v;
}

Status VisitLog::review(Edit& e, const RecordRef& v, std::string_view comment) const {
  auto found = find_record(*doc_, kVisitRecord, v.id());
  if (&e.doc() != doc_ || !found || !(found->map() == v.map())) {
    return Status::error(StatusCode::kInvalidArgument, "not a visit of this visit log");
  }
  if (!encoding::is_valid_utf8(comment) || comment.size() > visit::kReviewComment.max_bytes) {
    return Status::error(
        StatusCode::kInvalidArgument,
        "visit " + v.id() + ": field 'review_comment': not valid UTF-8 or too long");
  }
  ACCORD_RETURN_IF_ERROR(v.set(e, visit::kReviewed, true));
  ACCORD_RETURN_IF_ERROR(v.set(e, visit::kReviewedBy, e.actor().user));
  ACCORD_RETURN_IF_ERROR(v.set(e, visit::kReviewedAt, format_date_time(e.now_ms())));
  if (!comment.empty()) ACCORD_RETURN_IF_ERROR(v.set(e, visit::kReviewComment, comment));
  return Status::ok();
}

} // namespace accord::model
