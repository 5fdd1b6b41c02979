// Export round-trips: JSON (the whole demo workspace) and CSV (the four record kinds).
#include <gtest/gtest.h>

#include "accord/workspace/csv_export.h"
#include "accord/workspace/demo.h"
#include "accord/workspace/json_bundle.h"
#include "workspace_fixture.h"

namespace accord::workspace {
namespace {

using namespace accord::workspace::testing;

// A workspace store in memory with the demo in it.
std::unique_ptr<Workspace> demo_workspace(DocumentStore& store, std::size_t accounts) {
  auto ws =
      Workspace::create(store, "demo-team", "Demo", model::Actor{"demo", "cli"}, "Demo", kNow);
  EXPECT_TRUE(ws.ok());
  auto summary = generate_demo(**ws, DemoOptions{7, kNow, accounts});
  EXPECT_TRUE(summary.ok()) << summary.status().to_string();
  EXPECT_TRUE((*ws)->save().is_ok());
  return std::move(*ws);
}

TEST(RoundTrip, JsonExportImportsIntoAnEmptyWorkspaceUnchanged) {
  auto store_a = DocumentStore::open(":memory:");
  auto a = demo_workspace(**store_a, 3);
  auto exported = export_workspace(*a);
  ASSERT_TRUE(exported.ok());
  const std::string text = pretty_json(*exported);

  auto store_b = DocumentStore::open(":memory:");
  auto b =
      Workspace::create(**store_b, "demo-team", "Other", model::Actor{"demo", "cli"}, "Demo", kNow);
  ASSERT_TRUE(b.ok());
  auto r = import_json_text(**b, text, JsonImportOptions{model::Actor{"demo", "cli"}, kNow});
  ASSERT_TRUE(r.ok()) << r.status().to_string();
  ASSERT_FALSE(r->issue) << r->issue->to_string("export.json");
  EXPECT_TRUE(r->saved);
  EXPECT_EQ(r->documents, 7u); // index + 3 accounts x 2

  // Reload from the store and compare the records.
  auto reloaded = Workspace::open(**store_b, "demo-team");
  ASSERT_TRUE(reloaded.ok());
  auto again = export_workspace(**reloaded);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->with_sorted_keys().to_json_string(),
            exported->with_sorted_keys().to_json_string());
}

TEST(RoundTrip, JsonImportErrorsNameTheRecordAndWriteNothing) {
  WorkspaceFixture f;
  const std::string before = f.store_fingerprint();
  const std::string bad = R"({"format": "accord.workspace", "schema_version": 1, "team": "x",
    "documents": [
      {"format": "accord.account", "schema_version": 1, "id": "a1",
       "records": {"account": {"name": "A1"}, "contacts": [{"id": "c1", "name": "Ann"}]}},
      {"format": "accord.account", "schema_version": 1, "id": "a2",
       "records": {"account": {"name": "A2"},
                   "contacts": [{"id": "c1", "name": "Ben", "stance": "fan"}]}}]})";
  auto r = import_json_text(*f.ws, bad, JsonImportOptions{alice(), kNow});
  ASSERT_TRUE(r.ok());
  ASSERT_TRUE(r->issue);
  EXPECT_NE(r->issue->message.find("documents[1] (accord.account a2)"), std::string::npos)
      << r->issue->message;
  EXPECT_NE(r->issue->message.find("stance"), std::string::npos) << r->issue->message;
  EXPECT_EQ(f.store_fingerprint(), before);
  EXPECT_TRUE(f.ws->account_ids().empty()); // a1 was valid but is not kept either
}

TEST(RoundTrip, JsonSyntaxErrorHasLineAndColumn) {
  WorkspaceFixture f;
  auto r =
      import_json_text(*f.ws, "{\n  \"format\": \"accord.workspace\",\n  \"documents\": [,]\n}",
                       JsonImportOptions{alice(), kNow});
  ASSERT_TRUE(r.ok());
  ASSERT_TRUE(r->issue);
  EXPECT_EQ(r->issue->line, 3u) << r->issue->to_string("x.json");
  EXPECT_GT(r->issue->column, 0u);
}

TEST(RoundTrip, CsvExportImportsBackToTheSameCsv) {
  WorkspaceFixture f;
  f.import_ok(ImportKind::kAccounts,
              "id,name,tier,classification,our_sales,wallet_share,satisfaction_5,industry,"
              "decision_process\n"
              "acme-steel,\"Acme Steel, Inc.\",a,key,1200000.25,12.5,4,Steel,\"Two steps:\n"
              "tech, then price\"\n"
              "hx,华信钢铁,b,regular,500.5,3,2,钢铁,\n");
  f.import_ok(ImportKind::kContacts, kContactsCsv +
                                         "acme-steel,c3,\"O'Neil, \"\"Mac\"\"\",Engineer,base,"
                                         "user;evaluator,skeptic,low\n");
  f.import_ok(ImportKind::kLinks,
              "account,id,from,to,kind,boss_trusts,note\n"
              "acme-steel,l1,c2,c1,reports_to,true,\n"
              "acme-steel,l2,c3,c1,rival,,\"since the 2024 tender\"\n");
  f.import_ok(ImportKind::kVisits,
              "account,id,at,rep,channel,contacts,purpose,next_step_due,next_step_done,reviewed\n"
              "acme-steel,v1,2026-11-02T10:00:00Z,alice,visit,c1;c2,Review,2026-11-20,false,"
              "false\n"
              "hx,v2,2026-10-02T08:30:00+08:00,alice,phone,w1,询价,,,\n");

  // Factions and our team point at contacts and back: they come in with the contacts.
  const CsvFile people[] = {
      {ImportKind::kTeam, "account,id,name,role\nacme-steel,t1,Alice Wang,account_manager\n"},
      {ImportKind::kFactions, "account,id,name,leader\nacme-steel,f1,Old guard,c1\n"},
      {ImportKind::kContacts, "account,id,faction,counterpart\nacme-steel,c1,f1,t1\n"}};
  auto added = import_csv_files(*f.ws, people, f.options());
  ASSERT_TRUE(added.ok());
  for (const auto& r : *added) EXPECT_TRUE(r.issues.empty()) << r.issues.front().to_string("x");

  std::map<ImportKind, std::string> first;
  for (auto k : import_kinds()) first[k] = export_csv(*f.ws, k);
  // Exported files import back in one go, whatever order they are given in.
  std::vector<CsvFile> files;
  for (auto it = first.rbegin(); it != first.rend(); ++it) files.push_back({it->first, it->second});
  WorkspaceFixture g;
  auto results = import_csv_files(*g.ws, files, g.options());
  ASSERT_TRUE(results.ok());
  for (std::size_t k = 0; k < files.size(); ++k) {
    for (const auto& i : (*results)[k].issues) {
      ADD_FAILURE() << i.to_string(std::string(import_kind_name(files[k].kind)));
    }
  }
  for (auto k : import_kinds()) EXPECT_EQ(export_csv(*g.ws, k), first[k]) << import_kind_name(k);
  EXPECT_NE(first[ImportKind::kFactions].find("Old guard,c1"), std::string::npos)
      << first[ImportKind::kFactions];
  EXPECT_NE(first[ImportKind::kTeam].find("Alice Wang"), std::string::npos);
  EXPECT_NE(first[ImportKind::kAccounts].find("1200000.25"), std::string::npos);
  EXPECT_NE(first[ImportKind::kContacts].find("\"O'Neil, \"\"Mac\"\"\""), std::string::npos);
}

} // namespace
} // namespace accord::workspace
