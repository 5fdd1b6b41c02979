#pragma once
/// The document layout (DESIGN.md "Documents") and access to its records.
///
/// Three kinds of document, each with a root map "meta" {kind, schema_version, id} and a root
/// array "journal" (the change journal, history.h):
///   team index  `<team>/index`:        settings (singleton map), accounts, members
///   account     `<team>/account/<id>`: account (singleton), plan (singleton), contacts, links,
///                                      factions, needs, objections, markets, swot, competitors,
///                                      facts, account_team, supplier_evaluation, assessments,
///                                      objectives, revenue_targets, actions, resources,
///                                      self_checks
///   visit log   `<team>/visits/<id>`:  visits
/// A collection is a root Y.Map from record id to the record's Y.Map; a singleton record is the
/// root map itself. Records are created by one device under a fresh UUIDv7, so no two devices
/// ever create the same key; they are archived, never removed, so a concurrent edit is not lost.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "accord/doc.h"
#include "accord/model/account_enums.h"
#include "accord/model/edit.h"
#include "accord/model/field.h"
#include "accord/model/record.h"
#include "accord/status.h"

namespace accord::model {

/// The schema version this build writes and understands fully.
inline constexpr std::int64_t kSchemaVersion = 1;
/// Root map holding the document's kind, schema version and id.
inline constexpr std::string_view kMetaRoot = "meta";

/// What the meta map of a document says.
struct DocumentMeta {
  DocumentKind kind = DocumentKind::kAccount; ///< the kind
  std::int64_t schema_version = 0;            ///< 0 when the document has no meta yet
  std::string id;                             ///< team id or account id
};

/// Reads the meta map. kNotFound when the document has none (schema version 0); kUnsupported
/// when the kind is one this build does not know.
Result<DocumentMeta> read_meta(const Doc& doc);

/// Every record kind, for generic code (import, export, UI, tests).
std::span<const RecordSchema* const> all_record_schemas();
/// The record kind stored in root map `collection`, or nullptr.
const RecordSchema* find_schema(std::string_view collection);

/// The record `id` of collection `schema` if it exists (archived or not). O(1).
std::optional<RecordRef> find_record(Doc& doc, const RecordSchema& schema, std::string_view id);
/// The records of a collection sorted by id (UUIDv7 ids sort by creation time); archived ones
/// only when asked. O(n log n).
std::vector<RecordRef> list_records(Doc& doc, const RecordSchema& schema,
                                    bool include_archived = false);
/// Creates a record with a new UUIDv7 (or the given id: kAlreadyExists when taken,
/// kInvalidArgument when malformed) and writes created_at / created_by. kInvalidArgument for a
/// singleton schema.
Result<RecordRef> add_record(Edit& e, const RecordSchema& schema, std::string_view id = {});
/// The singleton record of `schema` (the root map).
RecordRef singleton(Doc& doc, const RecordSchema& schema);

/// The team index document.
class TeamIndex {
public:
  /// Wraps `doc` without checking (see open()).
  explicit TeamIndex(Doc& doc) : doc_(&doc) {}
  /// Writes the meta of a new team index. kAlreadyExists when the document has a meta.
  static Result<TeamIndex> create(Edit& e, std::string_view team_id);
  /// Wraps an existing team index; kFailedPrecondition when it is another kind of document.
  static Result<TeamIndex> open(Doc& doc);

  Doc& doc() const { return *doc_; } ///< the document
  RecordRef settings() const;        ///< the settings singleton
  /// Follow-up cadence in days for `tier` (the team's setting, else 14 / 30 / 90). An account
  /// without a tier follows the loosest cadence (tier C).
  int cadence_days(std::optional<Tier> tier) const;
  std::vector<RecordRef> accounts() const; ///< the account list entries
  std::vector<RecordRef> members() const;  ///< the team members
  /// Adds a member whose record id is `user_id`.
  Result<RecordRef> add_member(Edit& e, std::string_view user_id, std::string_view name) const;
  /// Creates or refreshes the list entry of `account` (name, tier, classification, owner).
  Status upsert_account(Edit& e, const class AccountDocument& account) const;

private:
  Doc* doc_;
};

/// An account document.
class AccountDocument {
public:
  /// Wraps `doc` without checking (see open()).
  explicit AccountDocument(Doc& doc) : doc_(&doc) {}
  /// Writes the meta and the account name of a new account document.
  static Result<AccountDocument> create(Edit& e, std::string_view account_id,
                                        std::string_view name);
  /// Wraps an existing account document; kFailedPrecondition for another kind.
  static Result<AccountDocument> open(Doc& doc);

  Doc& doc() const { return *doc_; } ///< the document
  std::string id() const;            ///< the account id from the meta ("" when absent)
  RecordRef account() const;         ///< the account record
  RecordRef plan() const;            ///< the plan record
  /// The live records of a collection of this document (kind must be kAccount).
  std::vector<RecordRef> list(const RecordSchema& schema, bool include_archived = false) const;
  /// A record by id.
  std::optional<RecordRef> find(const RecordSchema& schema, std::string_view id) const;
  /// Adds a record (kInvalidArgument when the schema belongs to another document kind).
  Result<RecordRef> add(Edit& e, const RecordSchema& schema) const;
  /// Adds a contact with a name.
  Result<RecordRef> add_contact(Edit& e, std::string_view name) const;
  /// True when `user` is on the account team (or is the account's owner).
  bool on_account_team(std::string_view user) const;
  /// The sensitive personal profile of a contact: an object of its set profile fields.
  /// kPermissionDenied when `viewer` is not on the account team.
  Result<Any> personal_profile(const RecordRef& contact, std::string_view viewer) const;

private:
  Doc* doc_;
};

/// The visit-log document of one account.
class VisitLog {
public:
  /// Wraps `doc` without checking (see open()).
  explicit VisitLog(Doc& doc) : doc_(&doc) {}
  /// Writes the meta of a new visit log of `account_id`.
  static Result<VisitLog> create(Edit& e, std::string_view account_id);
  /// Wraps an existing visit log; kFailedPrecondition for another kind.
  static Result<VisitLog> open(Doc& doc);

  Doc& doc() const { return *doc_; } ///< the document
  std::string account_id() const;    ///< the account id from the meta
  /// Visits sorted by time (then id); archived ones only when asked.
  std::vector<RecordRef> visits(bool include_archived = false) const;
  /// Logs a visit at `at` (ISO date-time) by `rep`.
  Result<RecordRef> add_visit(Edit& e, std::string_view at, std::string_view rep) const;
  /// The manager's review of a visit: sets reviewed, reviewed_by (the edit's user), reviewed_at
  /// (the edit's time) and the comment (unchanged when empty). kInvalidArgument when `visit` is
  /// not a visit of this log or the comment is invalid; nothing changes then.
  Status review(Edit& e, const RecordRef& visit, std::string_view comment) const;

private:
  Doc* doc_;
};

} // namespace accord::model
