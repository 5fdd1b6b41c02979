#pragma once
// Helpers of the model tests: docs with fixed client ids, two-way sync through update bytes.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>

#include "accord/doc.h"
#include "accord/model/documents.h"
#include "accord/model/edit.h"
#include "accord/model/history.h"
#include "accord/update.h"

namespace accord::model::testing {

/// 2026-03-02T09:00:00Z.
inline constexpr std::int64_t kT0 = 1772442000000;
inline constexpr std::int64_t kDayMs = 86400000;

inline Actor alice() { return Actor{"alice", "laptop"}; }
inline Actor bob() { return Actor{"bob", "phone"}; }

/// Exchanges what each doc lacks, as two peers would with sync step 2 messages.
inline void sync(Doc& a, Doc& b) {
  const auto to_b = encode_state_as_update(a, state_vector(b));
  const auto to_a = encode_state_as_update(b, state_vector(a));
  ASSERT_TRUE(apply_update(b, to_b).is_ok());
  ASSERT_TRUE(apply_update(a, to_a).is_ok());
}

/// `a` with object keys sorted at every level (replicas may order map keys differently).
inline Any canonical(const Any& a) { return a.with_sorted_keys(); }

/// The JSON of two docs is the same up to key order.
inline void expect_same_json(const Doc& a, const Doc& b) {
  EXPECT_EQ(canonical(a.to_json()).to_json_string(), canonical(b.to_json()).to_json_string());
}

/// A copy of `src` in a new doc with client id `client`.
inline Doc replica(const Doc& src, std::uint64_t client) {
  Doc d(DocOptions::with_client_id(client));
  EXPECT_TRUE(apply_update(d, encode_state_as_update(src)).is_ok());
  return d;
}

/// An account document "acme" created by alice at kT0 in a doc with client id `client`.
inline AccountDocument make_account(Doc& doc, std::string_view name = "ACME Pumps") {
  Edit e(doc, alice(), kT0, 1);
  auto a = AccountDocument::create(e, "acme", name);
  EXPECT_TRUE(a.ok()) << a.status().to_string();
  return AccountDocument(doc);
}

} // namespace accord::model::testing
