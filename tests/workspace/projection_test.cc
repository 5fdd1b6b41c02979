// Projection tables: kept current by local edits and remote updates in the same transaction,
// repaired on open when the documents changed behind them, rebuilt to the same rows after
// being dropped or written by another projection version.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "accord/model/account_schema.h"
#include "accord/model/contact_schema.h"
#include "accord/model/plan_schema.h"
#include "accord/update.h"
#include "accord/workspace/demo.h"
#include "accord/workspace/projection.h"
#include "store/store_test_util.h"
#include "workspace_fixture.h"

namespace accord::workspace {
namespace {

using namespace accord::workspace::testing;
using accord::testing::TempDir;

ProjectionRows rows_of(DocumentStore& store, std::string_view team) {
  auto rows = read_projection(store, team);
  EXPECT_TRUE(rows.ok()) << rows.status().to_string();
  return rows.ok() ? *rows : ProjectionRows{};
}

const ContactRow* contact(const ProjectionRows& rows, std::string_view id) {
  for (const auto& c : rows.contacts) {
    if (c.contact_id == id) return &c;
  }
  return nullptr;
}

/// Runs SQL on the store file through a second SQLite connection.
void exec_sql(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  char* error = nullptr;
  const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  EXPECT_EQ(rc, SQLITE_OK) << (error != nullptr ? error : "");
  sqlite3_free(error);
  sqlite3_close(db);
}

TEST(Projection, RowsFollowImportsAndLocalEdits) {
  WorkspaceFixture f;
  f.import_ok(ImportKind::kAccounts, kAccountsCsv);
  f.import_ok(ImportKind::kContacts, kContactsCsv);
  ProjectionRows rows = rows_of(*f.store, "acme");
  ASSERT_EQ(rows.accounts.size(), 2u);
  EXPECT_EQ(rows.accounts[0].account_id, "acme-steel");
  EXPECT_EQ(rows.accounts[0].name, "Acme Steel, Inc.");
  EXPECT_EQ(rows.accounts[0].tier, "a");
  EXPECT_EQ(rows.accounts[0].classification, "key");
  EXPECT_EQ(rows.accounts[0].industry, "Steel");
  EXPECT_EQ(rows.accounts[0].contacts, 2);
  EXPECT_EQ(rows.accounts[1].name, "华信钢铁");
  EXPECT_EQ(rows.accounts[1].contacts, 1);
  ASSERT_EQ(rows.contacts.size(), 3u);
  const ContactRow* jane = contact(rows, "c1");
  ASSERT_NE(jane, nullptr);
  EXPECT_EQ(jane->name, "Jane Doe");
  EXPECT_EQ(jane->title, "CEO");
  EXPECT_EQ(jane->level, "top");
  EXPECT_EQ(jane->buying_roles, "decider,payer");
  EXPECT_EQ(jane->stance, "supporter");
  EXPECT_EQ(jane->influence, "high");
  EXPECT_TRUE(jane->key_contact);
  EXPECT_FALSE(jane->last_touch_ms.has_value());
  EXPECT_FALSE(contact(rows, "c2")->key_contact);

  // An edit through the model API shows in the rows once saved, not before.
  AccountSlot* slot = f.ws->account("acme-steel");
  ASSERT_NE(slot, nullptr);
  {
    model::Edit e(*slot->account_doc, alice(), kNow);
    auto c2 = slot->account.find(model::kContactRecord, "c2");
    ASSERT_TRUE(c2.has_value());
    ASSERT_TRUE(c2->set(e, model::contact::kStance, model::Stance::kOpponent).is_ok());
    ASSERT_TRUE(c2->set(e, model::contact::kName, "Bob Stein").is_ok());
    auto c1 = slot->account.find(model::kContactRecord, "c1");
    ASSERT_TRUE(c1->set_archived(e, true).is_ok());
    auto act = slot->account.add(e, model::kActionRecord);
    ASSERT_TRUE(act.ok());
    ASSERT_TRUE(act->set(e, model::action::kTask, "Send the offer").is_ok());
    ASSERT_TRUE(act->set(e, model::action::kDue, "2026-11-01").is_ok());
  }
  EXPECT_EQ(contact(rows_of(*f.store, "acme"), "c2")->name, "Bob Stone");
  ASSERT_TRUE(f.ws->save().is_ok());
  rows = rows_of(*f.store, "acme");
  ASSERT_NE(contact(rows, "c2"), nullptr);
  EXPECT_EQ(contact(rows, "c2")->name, "Bob Stein");
  EXPECT_EQ(contact(rows, "c2")->stance, "opponent");
  EXPECT_EQ(contact(rows, "c1"), nullptr) << "archived contacts have no row";
  EXPECT_EQ(rows.accounts[0].contacts, 1);
  ASSERT_EQ(rows.actions.size(), 1u);
  EXPECT_EQ(rows.actions[0].task, "Send the offer");
  EXPECT_EQ(rows.actions[0].due, "2026-11-01");
  EXPECT_EQ(rows.actions[0].account_id, "acme-steel");
}

TEST(Projection, RowsFollowRemoteUpdatesAppliedBySync) {
  // Device A writes; device B receives A's updates the way `accord sync` applies them (to its
  // Workspace's documents with the session's origin, then save).
  WorkspaceFixture a;
  a.import_ok(ImportKind::kAccounts, kAccountsCsv);
  a.import_ok(ImportKind::kContacts, kContactsCsv);

  auto b_store = std::move(DocumentStore::open(":memory:")).value();
  ASSERT_TRUE(b_store->append_remote("acme/index", encode_state_as_update(a.ws->index_doc())).ok());
  auto b = std::move(Workspace::open(*b_store, "acme")).value();
  EXPECT_TRUE(rows_of(*b_store, "acme").accounts.empty());
  b->set_remote_origin([](const Origin& o) { return o.name == "sync"; });
  for (const auto& entry : b->team().accounts()) b->ensure_account(entry.id());
  for (const auto& name : b->document_names()) {
    Doc* theirs = a.ws->document(name);
    ASSERT_NE(theirs, nullptr) << name;
    ASSERT_TRUE(
        apply_update(*b->document(name), encode_state_as_update(*theirs), Origin{"sync"}).is_ok());
  }
  ASSERT_TRUE(b->save().is_ok());
  EXPECT_EQ(rows_of(*b_store, "acme"), rows_of(*a.store, "acme"));
  EXPECT_EQ(rows_of(*b_store, "acme").contacts.size(), 3u);
  // Remote updates went to the log only: nothing waits in B's outbox.
  EXPECT_TRUE(b_store->outbox("acme/account/hx")->empty());
}

TEST(Projection, OpenRepairsRowsOfDocumentsChangedBehindTheWorkspace) {
  WorkspaceFixture f;
  f.import_ok(ImportKind::kAccounts, kAccountsCsv);
  f.import_ok(ImportKind::kContacts, kContactsCsv);
  // Another program changes an account document through the store alone.
  Doc other;
  ASSERT_TRUE(f.store->load_into("acme/account/hx", other).ok());
  model::AccountDocument view(other);
  {
    model::Edit e(other, alice(), kNow);
    auto w1 = view.find(model::kContactRecord, "w1");
    ASSERT_TRUE(w1.has_value());
    ASSERT_TRUE(w1->set(e, model::contact::kTitle, "董事长").is_ok());
  }
  ASSERT_TRUE(f.store->append_local("acme/account/hx", encode_state_as_update(other)).ok());
  EXPECT_EQ(contact(rows_of(*f.store, "acme"), "w1")->title, "总经理");
  auto reopened = Workspace::open(*f.store, "acme");
  ASSERT_TRUE(reopened.ok()) << reopened.status().to_string();
  EXPECT_EQ(contact(rows_of(*f.store, "acme"), "w1")->title, "董事长");
  // A document removed from the store takes its rows with it.
  ASSERT_TRUE(f.store->remove_document("acme/account/acme-steel").ok());
  ASSERT_TRUE(f.store->remove_document("acme/visits/acme-steel").ok());
  reopened = Workspace::open(*f.store, "acme");
  ASSERT_TRUE(reopened.ok());
  const ProjectionRows rows = rows_of(*f.store, "acme");
  ASSERT_EQ(rows.accounts.size(), 1u);
  EXPECT_EQ(rows.accounts[0].account_id, "hx");
  EXPECT_EQ(rows.contacts.size(), 1u);
}

struct DemoOnDisk {
  DemoOnDisk() : path(dir.path() + "/store.db") {
    store = std::move(DocumentStore::open(path)).value();
    auto ws = std::move(Workspace::create(*store, "demo-team", "Demo", model::Actor{"demo", "cli"},
                                          "Demo", kNow))
                  .value();
    EXPECT_TRUE(generate_demo(*ws, DemoOptions{7, kNow, 12}).ok());
    EXPECT_TRUE(ws->save().is_ok());
  }
  TempDir dir;
  std::string path;
  std::unique_ptr<DocumentStore> store;
};

TEST(Projection, DroppedTablesAreRebuiltToTheSameRows) {
  DemoOnDisk demo;
  const ProjectionRows before = rows_of(*demo.store, "demo-team");
  ASSERT_EQ(before.accounts.size(), 12u);
  EXPECT_GT(before.contacts.size(), 96u);
  EXPECT_GT(before.visits.size(), 100u);
  EXPECT_GT(before.actions.size(), 12u);

  exec_sql(demo.path, "DROP TABLE proj_contacts; DROP TABLE proj_visits;");
  auto missing = read_projection(*demo.store, "demo-team");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(missing.status().message().find("incomplete"), std::string::npos)
      << missing.status().message();
  EXPECT_FALSE(*projection_ready(*demo.store, "demo-team"));

  auto ws = Workspace::open(*demo.store, "demo-team");
  ASSERT_TRUE(ws.ok()) << ws.status().to_string();
  EXPECT_TRUE(*projection_ready(*demo.store, "demo-team"));
  EXPECT_EQ(rows_of(*demo.store, "demo-team"), before);

  // Rows edited by hand are put back by an explicit rebuild.
  exec_sql(demo.path, "UPDATE proj_accounts SET name = 'tampered'; DELETE FROM proj_actions;");
  EXPECT_NE(rows_of(*demo.store, "demo-team"), before);
  ASSERT_TRUE(rebuild_projection(**ws).is_ok());
  EXPECT_EQ(rows_of(*demo.store, "demo-team"), before);
}

TEST(Projection, OtherProjectionVersionIsMigratedByRebuilding) {
  DemoOnDisk demo;
  const ProjectionRows before = rows_of(*demo.store, "demo-team");
  for (int version : {0, kProjectionVersion + 1}) {
    exec_sql(demo.path, "UPDATE projection_schema SET version = " + std::to_string(version) +
                            "; DELETE FROM proj_accounts;");
    auto stale = read_projection(*demo.store, "demo-team");
    ASSERT_FALSE(stale.ok());
    EXPECT_NE(stale.status().message().find(version == 0 ? std::string("no projection tables")
                                                         : "of version " + std::to_string(version)),
              std::string::npos)
        << stale.status().message();
    ASSERT_TRUE(Workspace::open(*demo.store, "demo-team").ok());
    EXPECT_EQ(rows_of(*demo.store, "demo-team"), before) << "from version " << version;
  }
  // A store from before the projection tables (no projection_schema at all).
  exec_sql(demo.path,
           "DROP TABLE projection_schema; DROP TABLE proj_team; DROP TABLE proj_sources; "
           "DROP TABLE proj_accounts; DROP TABLE proj_contacts; DROP TABLE proj_visits; DROP "
           "TABLE proj_actions; DROP TABLE proj_search_records; DROP TABLE proj_search_text;");
  auto none = read_projection(*demo.store, "demo-team");
  ASSERT_FALSE(none.ok());
  EXPECT_NE(none.status().message().find("no projection tables"), std::string::npos);
  ASSERT_TRUE(Workspace::open(*demo.store, "demo-team").ok());
  EXPECT_EQ(rows_of(*demo.store, "demo-team"), before);
  auto integrity = demo.store->integrity_check();
  ASSERT_TRUE(integrity.ok());
  EXPECT_EQ(*integrity, "ok");
}

TEST(Projection, FailedSaveWritesNeitherUpdatesNorRows) {
  DemoOnDisk demo;
  const ProjectionRows before = rows_of(*demo.store, "demo-team");
  auto ws = std::move(Workspace::open(*demo.store, "demo-team")).value();
  const std::string id = ws->account_ids().front();
  AccountSlot* slot = ws->account(id);
  {
    model::Edit e(*slot->account_doc, alice(), kNow);
    ASSERT_TRUE(slot->account.account().set(e, model::account::kName, "Renamed").is_ok());
  }
  // The projection write fails (its table is gone and a view of the same name is in the way),
  // so the whole transaction rolls back.
  exec_sql(demo.path, "DROP TABLE proj_accounts; CREATE VIEW proj_accounts AS SELECT 1 AS x;");
  const std::size_t log_rows = demo.store->document_size("demo-team/account/" + id)->log_rows;
  Status saved = ws->save();
  EXPECT_FALSE(saved.is_ok());
  EXPECT_NE(saved.message().find("projection"), std::string::npos) << saved.message();
  EXPECT_EQ(demo.store->document_size("demo-team/account/" + id)->log_rows, log_rows);
  EXPECT_GT(ws->pending_updates(), 0u);
  exec_sql(demo.path, "DROP VIEW proj_accounts;");
  ASSERT_TRUE(ws->save().is_ok());
  const ProjectionRows after = rows_of(*demo.store, "demo-team");
  ASSERT_EQ(after.accounts.size(), before.accounts.size());
  EXPECT_EQ(after.accounts[0].name, "Renamed");
}

} // namespace
} // namespace accord::workspace
