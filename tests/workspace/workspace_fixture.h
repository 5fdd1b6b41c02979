#pragma once
// A workspace in a private in-memory store, for the workspace tests.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "accord/document_store.h"
#include "accord/workspace/csv_import.h"
#include "accord/workspace/workspace.h"

namespace accord::workspace::testing {

/// 2026-11-23T09:00:00Z.
inline constexpr std::int64_t kNow = 1795424400000;
inline constexpr std::int64_t kDay = 86400000;

inline model::Actor alice() { return model::Actor{"alice", "laptop"}; }

struct WorkspaceFixture {
  WorkspaceFixture() {
    auto s = DocumentStore::open(":memory:");
    EXPECT_TRUE(s.ok()) << s.status().to_string();
    store = std::move(*s);
    auto w = Workspace::create(*store, "acme", "Acme sales", alice(), "Alice", kNow);
    EXPECT_TRUE(w.ok()) << w.status().to_string();
    ws = std::move(*w);
  }

  /// Import options: alice, now.
  static CsvImportOptions options(bool dry_run = false) {
    CsvImportOptions o;
    o.actor = alice();
    o.now_ms = kNow;
    o.dry_run = dry_run;
    return o;
  }

  /// Imports `csv` of `kind`; expects no issue.
  CsvImportResult import_ok(ImportKind kind, const std::string& csv) {
    auto r = import_csv(*ws, kind, csv, options());
    EXPECT_TRUE(r.ok()) << r.status().to_string();
    for (const auto& i : r->issues) ADD_FAILURE() << i.to_string("input.csv");
    return *r;
  }

  /// Imports `csv` of `kind`; returns the result (issues expected).
  CsvImportResult import(ImportKind kind, const std::string& csv, bool dry_run = false) {
    auto r = import_csv(*ws, kind, csv, options(dry_run));
    EXPECT_TRUE(r.ok()) << r.status().to_string();
    return *r;
  }

  /// Every stored document's state, to check that nothing was written.
  std::string store_fingerprint() {
    std::string out;
    auto names = store->list_documents();
    EXPECT_TRUE(names.ok());
    for (const auto& n : *names) {
      auto d = store->read(n);
      EXPECT_TRUE(d.ok());
      out +=
          n + ":" + std::to_string(d->snapshot.size()) + ":" + std::to_string(d->log.size()) + ";";
    }
    return out;
  }

  std::unique_ptr<DocumentStore> store;
  std::unique_ptr<Workspace> ws;
};

inline const std::string kAccountsCsv =
    "id,name,tier,classification,our_sales,industry\r\n"
    "acme-steel,\"Acme Steel, Inc.\",a,key,1200000,Steel\r\n"
    "hx,华信钢铁,b,regular,500.5,钢铁\r\n";

inline const std::string kContactsCsv =
    "account,id,name,title,level,buying_roles,stance,influence\n"
    "acme-steel,c1,Jane Doe,CEO,top,decider;payer,supporter,high\n"
    "acme-steel,c2,Bob Stone,Buyer,middle,purchaser,neutral,medium\n"
    "hx,w1,王建国,总经理,top,decider,champion,high\n";

} // namespace accord::workspace::testing
