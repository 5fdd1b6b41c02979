#include "accord/workspace/search.h"

#include "accord/workspace/projection.h"
#include "workspace/projection_schema.h"
#include "workspace/search_text.h"

namespace accord::workspace {
namespace {

constexpr std::size_t kMaxLimit = 1000;

} // namespace

Result<std::vector<SearchHit>> search(DocumentStore& store, std::string_view team,
                                      std::string_view query, const SearchOptions& options) {
  if (options.limit == 0 || options.limit > kMaxLimit) {
    return Status::error(StatusCode::kInvalidArgument,
                         "search limit " + std::to_string(options.limit) +
                             " is out of range: give 1 to " + std::to_string(kMaxLimit));
  }
  for (const std::string& kind : options.kinds) {
    if (kind != "account" && kind != "contact" && kind != "visit") {
      return Status::error(StatusCode::kInvalidArgument,
                           "unknown record kind '" + kind + "': give account, contact or visit");
    }
  }
  const std::vector<search_text::Term> terms = search_text::query_terms(query);
  if (terms.empty()) {
    return Status::error(StatusCode::kInvalidArgument,
                         query.find_first_not_of(" \t\r\n") == std::string_view::npos
                             ? std::string("the search text is empty")
                             : "the search text '" + std::string(query) +
                                   "' has no letter, digit or Chinese character to look for");
  }
  const std::string match = search_text::match_expression(terms);
  std::vector<SearchHit> hits;
  ACCORD_RETURN_IF_ERROR(store.read_derived([&](store::Database& db) -> Status {
    ACCORD_ASSIGN_OR_RETURN(const int version, projection_schema::stored_version(db));
    if (version != kProjectionVersion) {
      return Status::error(StatusCode::kFailedPrecondition,
                           "the store has no search index of this version yet: open the "
                           "workspace once to build it");
    }
    ACCORD_ASSIGN_OR_RETURN(
        auto s,
        db.prepare(
            "SELECT r.kind, r.account_id, r.record_id, r.label, "
            "bm25(proj_search_text) AS rank FROM proj_search_text JOIN "
            "proj_search_records r ON r.id = proj_search_text.rowid WHERE "
            "proj_search_text MATCH ?1 AND r.team = ?2 AND (?3 = '' OR instr(?3, ',' || r.kind || "
            "',') > 0) ORDER BY rank, CASE r.kind WHEN 'account' THEN 0 WHEN "
            "'contact' THEN 1 ELSE 2 END, r.account_id, r.record_id LIMIT ?4"));
    std::string kinds;
    for (const std::string& kind : options.kinds) kinds += "," + kind + ",";
    s->bind(1, match);
    s->bind(2, team);
    s->bind(3, kinds);
    s->bind(4, static_cast<std::int64_t>(options.limit));
    for (;;) {
      ACCORD_ASSIGN_OR_RETURN(const bool row, s->step());
      if (!row) break;
      SearchHit hit;
      hit.kind = s->column_text(0);
      hit.account_id = s->column_text(1);
      hit.record_id = s->column_text(2);
      hit.label = s->column_text(3);
      hit.score = -s->column_double(4);
      hits.push_back(std::move(hit));
    }
    return Status::ok();
  }));
  return hits;
}

} // namespace accord::workspace
