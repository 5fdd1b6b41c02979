// Schema versions and forward migrations.
#include <gtest/gtest.h>

#include "accord/model/account_schema.h"
#include "accord/model/contact_schema.h"
#include "accord/model/history.h"
#include "accord/model/migration.h"
#include "accord/update.h"
#include "model_test_util.h"

namespace accord::model {
namespace {

using testing::alice;
using testing::bob;
using testing::kT0;

TEST(Migration, NewDocumentsCarryTheCurrentSchemaVersion) {
  Doc doc(DocOptions::with_client_id(1));
  testing::make_account(doc);
  auto meta = read_meta(doc);
  ASSERT_TRUE(meta.ok());
  EXPECT_EQ(meta->kind, DocumentKind::kAccount);
  EXPECT_EQ(meta->schema_version, kSchemaVersion);
  EXPECT_EQ(meta->id, "acme");
  auto report = migrate(doc, alice(), kT0);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->from_version, kSchemaVersion);
  EXPECT_EQ(report->to_version, kSchemaVersion);
}

TEST(Migration, VersionZeroDocumentsGetAMetaWithTheirKind) {
  Doc visits(DocOptions::with_client_id(1));
  {
    Transaction txn = visits.transact();
    visits.get_map("visits").insert_map(txn, "v1").set(txn, "at", Any("2026-01-05T10:00Z"));
  }
  EXPECT_EQ(read_meta(visits).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(VisitLog::open(visits).status().code(), StatusCode::kNotFound);
  auto report = migrate(visits, alice(), kT0);
  ASSERT_TRUE(report.ok()) << report.status().to_string();
  EXPECT_EQ(report->from_version, 0);
  EXPECT_EQ(report->to_version, 1);
  auto meta = read_meta(visits);
  ASSERT_TRUE(meta.ok());
  EXPECT_EQ(meta->kind, DocumentKind::kVisitLog);
  EXPECT_EQ(meta->schema_version, 1);
  ASSERT_TRUE(VisitLog::open(visits).ok());
  EXPECT_EQ(VisitLog(visits).visits().size(), 1u);

  Doc team(DocOptions::with_client_id(2));
  {
    Transaction txn = team.transact();
    team.get_map("members").insert_map(txn, "alice").set(txn, "name", Any("Alice"));
  }
  ASSERT_TRUE(migrate(team, alice(), kT0).ok());
  EXPECT_EQ(read_meta(team)->kind, DocumentKind::kTeamIndex);
}

TEST(Migration, StepsRunInOrderUpToTheTargetAndAreJournaled) {
  Doc doc(DocOptions::with_client_id(1));
  AccountDocument acc = testing::make_account(doc);
  // A hypothetical version 2 that moved satisfaction from a 1-5 to a 0-100 scale.
  {
    Edit e(doc, alice(), kT0);
    ASSERT_TRUE(acc.account().set(e, account::kSatisfaction5, 4).is_ok());
  }
  std::vector<Migration> steps = builtin_migrations();
  steps.push_back(Migration{1, "satisfaction to percent", [](Edit& e) -> Status {
                              RecordRef a = AccountDocument(e.doc()).account();
                              auto s5 = a.get(account::kSatisfaction5);
                              if (!s5 || a.get(account::kSatisfaction100)) return Status::ok();
                              return a.set(e, account::kSatisfaction100, (*s5 - 1) * 25);
                            }});
  auto report = migrate(doc, bob(), kT0 + 10, steps, 2);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->from_version, 1);
  EXPECT_EQ(report->to_version, 2);
  EXPECT_EQ(acc.account().get(account::kSatisfaction100), 75);
  EXPECT_EQ(read_meta(doc)->schema_version, 2);
  auto h = field_history(doc, "meta", "schema_version");
  ASSERT_EQ(h.size(), 1u);
  EXPECT_EQ(h[0].user, "bob");
  EXPECT_EQ(h[0].new_value, Any(2.0));

  // This build (target 1) sees a newer document: reported, left untouched, still editable.
  const auto before = encode_state_as_update(doc);
  auto newer = migrate(doc, alice(), kT0 + 20);
  ASSERT_TRUE(newer.ok());
  EXPECT_TRUE(newer->newer_than_supported);
  EXPECT_EQ(newer->to_version, 2);
  EXPECT_EQ(encode_state_as_update(doc), before);
}

TEST(Migration, AMissingStepIsAnError) {
  Doc doc(DocOptions::with_client_id(1));
  testing::make_account(doc);
  auto r = migrate(doc, alice(), kT0, builtin_migrations(), 3);
  EXPECT_EQ(r.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(r.status().message().find("no migration from schema version 1"), std::string::npos);
}

TEST(Migration, ConcurrentMigrationsOnTwoDevicesConverge) {
  Doc a(DocOptions::with_client_id(1));
  {
    Transaction txn = a.transact();
    a.get_map("contacts").insert_map(txn, "c1").set(txn, "name", Any("Han"));
  }
  Doc b = testing::replica(a, 2);
  ASSERT_TRUE(migrate(a, alice(), kT0).ok());
  ASSERT_TRUE(migrate(b, bob(), kT0).ok());
  testing::sync(a, b);
  testing::expect_same_json(a, b);
  auto meta = read_meta(a);
  ASSERT_TRUE(meta.ok());
  EXPECT_EQ(meta->schema_version, 1);
  EXPECT_EQ(meta->kind, DocumentKind::kAccount);
  EXPECT_EQ(AccountDocument(a).find(kContactRecord, "c1")->get(contact::kName), "Han");
}

} // namespace
} // namespace accord::model
