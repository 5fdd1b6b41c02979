#pragma once
/// Full-text search over a team's accounts, contacts and visits, in English and Chinese, from
/// the projection tables (projection.h): SQLite FTS5 over text cut into words, Chinese
/// characters and Chinese character pairs (so "王", "王总" and "采购" find the records that
/// contain them, though Chinese has no spaces), case-insensitive and accent-insensitive for
/// Latin text ("muller" finds "Müller"), every word matched as a prefix ("sie" finds
/// "Siemens"). Indexed: an account's name, id, industry and region; a contact's name, title,
/// email and KPI owned; a visit's purpose, outcome, next step and notes.
///
/// The query is plain text: quotes, `*`, AND/OR/NEAR and parentheses are searched as text (or
/// ignored as punctuation), never read as FTS5 syntax, so no query can make the search fail
/// with an SQL error.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "accord/document_store.h"
#include "accord/status.h"

namespace accord::workspace {

/// One record found.
struct SearchHit {
  std::string kind;       ///< "account", "contact" or "visit"
  std::string account_id; ///< the account it belongs to (the account itself for "account")
  std::string record_id;  ///< the record's id (the account id for "account")
  std::string label; ///< what to show: a name, "contact · account", "date · account · purpose"
  double score = 0;  ///< relevance (higher is better; FTS5's bm25 negated)
};

/// Options of search().
struct SearchOptions {
  std::size_t limit = 50; ///< at most this many hits (1..1000)
  /// Only these kinds ("account", "contact", "visit"); empty: all.
  std::vector<std::string> kinds;
};

/// The records of `team` matching every term of `query`, best first (accounts before contacts
/// before visits when equally relevant). kInvalidArgument when the query holds no letter,
/// digit or CJK character ("", "  ", "\"*") or the limit is out of range, naming why;
/// kFailedPrecondition when the store has no projection tables yet (open the Workspace once).
/// O(matching records).
Result<std::vector<SearchHit>> search(DocumentStore& store, std::string_view team,
                                      std::string_view query, const SearchOptions& options = {});

} // namespace accord::workspace
