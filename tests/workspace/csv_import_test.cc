// CSV import: every validation error with its exact position, nothing written on error.
#include <gtest/gtest.h>

#include "accord/model/account_schema.h"
#include "accord/model/activity_schema.h"
#include "accord/model/contact_schema.h"
#include "workspace_fixture.h"

namespace accord::workspace {
namespace {

using namespace accord::workspace::testing;

// Imports `csv` expecting exactly one issue at line:column naming `field` and containing
// `fragment`, and checks that the store did not change.
void expect_single_issue(WorkspaceFixture& f, ImportKind kind, const std::string& csv,
                         std::uint32_t line, std::uint32_t column, const std::string& field,
                         const std::string& fragment) {
  const std::string before = f.store_fingerprint();
  const CsvImportResult r = f.import(kind, csv);
  ASSERT_EQ(r.issues.size(), 1u) << (r.issues.empty() ? "no issue" : r.issues[1].to_string("x"));
  const Issue& i = r.issues.front();
  EXPECT_EQ(i.line, line) << i.to_string("x");
  EXPECT_EQ(i.column, column) << i.to_string("x");
  EXPECT_EQ(i.field, field) << i.to_string("x");
  EXPECT_NE(i.message.find(fragment), std::string::npos) << i.to_string("x");
  EXPECT_FALSE(r.saved);
  EXPECT_EQ(f.store_fingerprint(), before);
  EXPECT_EQ(f.ws->pending_updates(), 0u);
}

TEST(CsvImport, ImportsAccountsAndContacts) {
  WorkspaceFixture f;
  const auto a = f.import_ok(ImportKind::kAccounts, kAccountsCsv);
  EXPECT_EQ(a.rows, 2u);
  EXPECT_EQ(a.created, 2u);
  EXPECT_TRUE(a.saved);
  const auto c = f.import_ok(ImportKind::kContacts, kContactsCsv);
  EXPECT_EQ(c.created, 3u);
  EXPECT_EQ(c.fields_set, 18u);

  // What was saved is what a fresh load sees.
  auto reopened = Workspace::open(*f.store, "acme");
  ASSERT_TRUE(reopened.ok());
  EXPECT_EQ((*reopened)->account_ids(), (std::vector<std::string>{"acme-steel", "hx"}));
  AccountSlot* acme = (*reopened)->account("acme-steel");
  EXPECT_EQ(acme->account.account().get(model::account::kName), "Acme Steel, Inc.");
  EXPECT_EQ(acme->account.account().get(model::account::kOurSales), 1200000.0);
  auto jane = acme->account.find(model::kContactRecord, "c1");
  ASSERT_TRUE(jane);
  EXPECT_EQ(
      jane->get(model::contact::kBuyingRoles),
      (std::vector<model::BuyingRole>{model::BuyingRole::kDecider, model::BuyingRole::kPayer}));
  EXPECT_EQ(jane->get(model::contact::kStance), model::Stance::kSupporter);
  AccountSlot* hx = (*reopened)->account("hx");
  EXPECT_EQ(hx->account.find(model::kContactRecord, "w1")->get(model::contact::kName), "王建国");
  // The team index lists both accounts.
  EXPECT_EQ((*reopened)->team().accounts().size(), 2u);
}

TEST(CsvImport, UpdatesExistingRecordsById) {
  WorkspaceFixture f;
  f.import_ok(ImportKind::kAccounts, kAccountsCsv);
  f.import_ok(ImportKind::kContacts, kContactsCsv);
  const auto r = f.import_ok(ImportKind::kContacts, "account,id,stance\nacme-steel,c2,opponent\n");
  EXPECT_EQ(r.created, 0u);
  EXPECT_EQ(r.updated, 1u);
  auto bob = f.ws->account("acme-steel")->account.find(model::kContactRecord, "c2");
  EXPECT_EQ(bob->get(model::contact::kStance), model::Stance::kOpponent);
  EXPECT_EQ(bob->get(model::contact::kName), "Bob Stone"); // empty cells leave fields as they are
}

TEST(CsvImport, DryRunWritesNothing) {
  WorkspaceFixture f;
  const std::string before = f.store_fingerprint();
  const auto r = f.import(ImportKind::kAccounts, kAccountsCsv, true);
  EXPECT_TRUE(r.issues.empty());
  EXPECT_EQ(r.created, 2u);
  EXPECT_FALSE(r.saved);
  EXPECT_EQ(f.store_fingerprint(), before);
  EXPECT_TRUE(f.ws->account_ids().empty());
}

TEST(CsvImport, MalformedCsv) {
  WorkspaceFixture f;
  expect_single_issue(f, ImportKind::kAccounts, "id,name\nx,\"Acme\n", 2, 3, "", "never closed");
  expect_single_issue(f, ImportKind::kAccounts, "id,name\nx,Ac\"me\n", 2, 5, "",
                      "quote inside an unquoted field");
  expect_single_issue(f, ImportKind::kAccounts, "", 0, 0, "", "empty");
  expect_single_issue(f, ImportKind::kAccounts, "id,name\nx,Acme,extra\n", 2, 0, "",
                      "the row has 3 fields, the header has 2");
}

TEST(CsvImport, UnknownAndDuplicateAndMissingColumns) {
  WorkspaceFixture f;
  expect_single_issue(f, ImportKind::kAccounts, "id,name,tierr\nx,Acme,a\n", 1, 9, "tierr",
                      "unknown column for accounts");
  expect_single_issue(f, ImportKind::kAccounts, "id,name,name\nx,Acme,B\n", 1, 9, "name",
                      "duplicate column (also column 4)");
  expect_single_issue(f, ImportKind::kAccounts, "name\nAcme\n", 1, 0, "id",
                      "missing required column 'id'");
  expect_single_issue(f, ImportKind::kContacts, "id,name\nc1,Jane\n", 1, 0, "account",
                      "missing required column 'account'");
}

TEST(CsvImport, BadEnumBadNumberBadBool) {
  WorkspaceFixture f;
  expect_single_issue(f, ImportKind::kAccounts, "id,name,tier\nx,Acme,aa\n", 2, 8, "tier",
                      "unknown tier code 'aa'");
  expect_single_issue(f, ImportKind::kAccounts, "id,name,our_sales\nx,Acme,12k\n", 2, 8,
                      "our_sales", "'12k' is not a number");
  expect_single_issue(f, ImportKind::kAccounts, "id,name,satisfaction_5\nx,Acme,9\n", 2, 8,
                      "satisfaction_5", "");
  f.import_ok(ImportKind::kAccounts, kAccountsCsv);
  f.import_ok(ImportKind::kContacts, kContactsCsv);
  expect_single_issue(f, ImportKind::kContacts,
                      "account,id,buying_roles\nacme-steel,c1,decider;kingmaker\n", 2, 15,
                      "buying_roles", "kingmaker");
  expect_single_issue(f, ImportKind::kLinks,
                      "account,from,to,kind,boss_trusts\nacme-steel,c2,c1,reports_to,maybe\n", 2,
                      29, "boss_trusts", "not a yes/no value");
}

TEST(CsvImport, BadDates) {
  WorkspaceFixture f;
  f.import_ok(ImportKind::kAccounts, kAccountsCsv);
  expect_single_issue(f, ImportKind::kVisits,
                      "account,at,rep,next_step_due\nhx,2026-11-02T10:00:00Z,alice,2026-02-30\n", 2,
                      31, "next_step_due", "");
  expect_single_issue(f, ImportKind::kVisits, "account,at,rep\nhx,2026-11-02 10:00,alice\n", 2, 4,
                      "at", "");
}

TEST(CsvImport, DuplicateIdInTheFile) {
  WorkspaceFixture f;
  expect_single_issue(f, ImportKind::kAccounts, "id,name\nx,One\ny,Two\nx,Three\n", 4, 1, "id",
                      "duplicate id 'x' (also on line 2)");
  f.import_ok(ImportKind::kAccounts, kAccountsCsv);
  expect_single_issue(f, ImportKind::kContacts,
                      "account,id,name\nhx,p1,A\nacme-steel,p1,B\nhx,p1,C\n", 4, 4, "id",
                      "duplicate id 'p1' (also on line 2)");
}

TEST(CsvImport, DanglingReferences) {
  WorkspaceFixture f;
  f.import_ok(ImportKind::kAccounts, kAccountsCsv);
  f.import_ok(ImportKind::kContacts, kContactsCsv);
  expect_single_issue(f, ImportKind::kLinks, "account,from,to,kind\nacme-steel,c2,c9,ally\n", 2, 15,
                      "to", "no contacts record 'c9'");
  expect_single_issue(f, ImportKind::kLinks, "account,from,to,kind\nacme-steel,w1,c1,ally\n", 2, 12,
                      "from", "no contacts record 'w1'");
  expect_single_issue(f, ImportKind::kContacts, "account,id,name\nnowhere,c7,X\n", 2, 1, "account",
                      "unknown account 'nowhere'");
  expect_single_issue(f, ImportKind::kVisits,
                      "account,at,rep,contacts\nhx,2026-11-02T10:00:00Z,alice,w1;c1\n", 2, 31,
                      "contacts", "'c1'");
}

TEST(CsvImport, NewRecordsNeedTheirRequiredValues) {
  WorkspaceFixture f;
  expect_single_issue(f, ImportKind::kAccounts, "id,tier\nx,a\n", 2, 1, "name",
                      "a new account needs a name");
  expect_single_issue(f, ImportKind::kAccounts, "id,name\nbad/id,Acme\n", 2, 1, "id", "");
  f.import_ok(ImportKind::kAccounts, kAccountsCsv);
  expect_single_issue(f, ImportKind::kVisits, "account,at,rep\nhx,2026-11-02T10:00:00Z,\n", 2, 25,
                      "rep", "a new visit needs 'rep'");
}

// Factions, our account team and contacts point at each other (a faction's leader is a contact,
// a contact's faction and counterpart are a faction and a team member): imported together, each
// reference finds its record whatever the order of the files.
TEST(CsvImport, FactionsTeamAndContactsReferToEachOtherInOneImport) {
  WorkspaceFixture f;
  f.import_ok(ImportKind::kAccounts, kAccountsCsv);
  const std::string contacts =
      "account,id,name,faction,counterpart\n"
      "acme-steel,c1,Jane Doe,f1,t1\n"
      "acme-steel,c2,Bob Stone,f1,\n";
  const std::string factions = "account,id,name,leader,color\nacme-steel,f1,Old guard,c1,#aa3300\n";
  const std::string team =
      "account,id,name,role,level\nacme-steel,t1,Alice Wang,account_manager,"
      "middle\n";
  const CsvFile files[] = {{ImportKind::kContacts, contacts},
                           {ImportKind::kFactions, factions},
                           {ImportKind::kTeam, team}};
  auto results = import_csv_files(*f.ws, files, f.options());
  ASSERT_TRUE(results.ok()) << results.status().to_string();
  ASSERT_EQ(results->size(), 3u);
  for (const CsvImportResult& r : *results) {
    EXPECT_TRUE(r.issues.empty()) << r.issues.front().to_string("x");
    EXPECT_TRUE(r.saved);
  }
  EXPECT_EQ((*results)[0].created, 2u);
  EXPECT_EQ((*results)[0].fields_set, 5u); // names, factions and one counterpart
  EXPECT_EQ((*results)[1].created, 1u);
  EXPECT_EQ((*results)[2].created, 1u);

  auto reopened = Workspace::open(*f.store, "acme");
  ASSERT_TRUE(reopened.ok());
  const model::AccountDocument& acme = (*reopened)->account("acme-steel")->account;
  auto jane = acme.find(model::kContactRecord, "c1");
  ASSERT_TRUE(jane);
  EXPECT_EQ(jane->get(model::contact::kFaction), "f1");
  EXPECT_EQ(jane->get(model::contact::kCounterpart), "t1");
  auto guard = acme.find(model::kFactionRecord, "f1");
  ASSERT_TRUE(guard);
  EXPECT_EQ(guard->get(model::faction::kName), "Old guard");
  EXPECT_EQ(guard->get(model::faction::kLeader), "c1");
  auto alice = acme.find(model::kTeamMemberRecord, "t1");
  ASSERT_TRUE(alice);
  EXPECT_EQ(alice->get(model::team_member::kRole), model::TeamRole::kAccountManager);
}

TEST(CsvImport, FactionAndTeamErrors) {
  WorkspaceFixture f;
  f.import_ok(ImportKind::kAccounts, kAccountsCsv);
  expect_single_issue(f, ImportKind::kFactions, "account,id,leader\nacme-steel,f1,\n", 2, 0, "name",
                      "a new faction needs 'name'");
  expect_single_issue(f, ImportKind::kTeam, "account,id,role\nhx,t1,boss\n", 2, 0, "name",
                      "a new team member needs 'name'");
  expect_single_issue(f, ImportKind::kFactions, "account,id,name,leader\nacme-steel,f1,G,c9\n", 2,
                      17, "leader", "no contacts record 'c9'");
  expect_single_issue(f, ImportKind::kContacts, "account,id,name,counterpart\nhx,w2,Li,t9\n", 2, 10,
                      "counterpart", "no account_team record 't9'");
  // A problem in one file of an import writes none of them.
  const std::string before = f.store_fingerprint();
  const CsvFile files[] = {{ImportKind::kTeam, "account,id,name\nhx,t1,Alice\n"},
                           {ImportKind::kContacts, "account,id,name,faction\nhx,w2,Li,nope\n"}};
  auto results = import_csv_files(*f.ws, files, f.options());
  ASSERT_TRUE(results.ok());
  EXPECT_TRUE((*results)[0].issues.empty());
  ASSERT_EQ((*results)[1].issues.size(), 1u);
  EXPECT_EQ((*results)[1].issues[0].field, "faction");
  EXPECT_FALSE((*results)[0].saved);
  EXPECT_EQ(f.store_fingerprint(), before);
}

TEST(CsvImport, CollectsEveryProblemAndWritesNothing) {
  WorkspaceFixture f;
  const std::string before = f.store_fingerprint();
  const auto r = f.import(ImportKind::kAccounts,
                          "id,name,tier,our_sales\n"
                          "ok1,Fine,a,10\n"
                          "bad1,Wrong tier,z,10\n"
                          "ok2,Fine too,b,20\n"
                          "bad2,Wrong sales,c,-5\n");
  ASSERT_EQ(r.issues.size(), 2u);
  EXPECT_EQ(r.issues[0].line, 3u);
  EXPECT_EQ(r.issues[0].field, "tier");
  EXPECT_EQ(r.issues[1].line, 5u);
  EXPECT_EQ(r.issues[1].field, "our_sales");
  EXPECT_EQ(f.store_fingerprint(), before);
  EXPECT_TRUE(f.ws->account_ids().empty()); // the valid rows were not kept either
}

TEST(CsvImport, ReportsProgress) {
  WorkspaceFixture f;
  std::string csv = "id,name\n";
  for (int i = 0; i < 25; ++i)
    csv += "a" + std::to_string(i) + ",Account " + std::to_string(i) + "\n";
  CsvImportOptions o;
  o.actor = alice();
  o.now_ms = kNow;
  o.progress_every = 10;
  std::vector<std::pair<std::size_t, std::size_t>> calls;
  o.progress = [&](std::size_t done, std::size_t total) { calls.emplace_back(done, total); };
  auto r = import_csv(*f.ws, ImportKind::kAccounts, csv, o);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(calls,
            (std::vector<std::pair<std::size_t, std::size_t>>{{10, 25}, {20, 25}, {25, 25}}));
}

TEST(CsvImport, CellValues) {
  EXPECT_EQ(*cell_value(model::account::kOurSales, "1200.5"), Any(1200.5));
  EXPECT_EQ(*cell_value(model::account::kSatisfaction5, " 4 "), Any(4));
  EXPECT_FALSE(cell_value(model::account::kSatisfaction5, "4.5").ok());
  EXPECT_FALSE(cell_value(model::account::kOurSales, "inf").ok());
  EXPECT_EQ(*cell_value(model::link::kBossTrusts, "Yes"), Any(true));
  EXPECT_EQ(*cell_value(model::link::kBossTrusts, "0"), Any(false));
  EXPECT_EQ(*cell_value(model::contact::kBuyingRoles, "decider; payer;;"),
            Any(Any::Array{Any("decider"), Any("payer")}));
}

} // namespace
} // namespace accord::workspace
