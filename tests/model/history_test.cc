// The per-field change journal: who changed which field, when, from which device; written in
// the same transaction as the change; merged across devices.
#include <gtest/gtest.h>

#include <cmath>

#include "accord/model/account_schema.h"
#include "accord/model/contact_schema.h"
#include "accord/model/history.h"
#include "accord/model/plan_schema.h"
#include "accord/update.h"
#include "model_test_util.h"

namespace accord::model {
namespace {

using testing::alice;
using testing::bob;
using testing::kT0;

TEST(History, EachSetIsJournaledWithUserDeviceTimeAndValues) {
  Doc doc(DocOptions::with_client_id(1));
  AccountDocument acc = testing::make_account(doc);
  {
    Edit e(doc, alice(), kT0 + 1000);
    ASSERT_TRUE(acc.account().set(e, account::kTier, Tier::kB).is_ok());
  }
  {
    Edit e(doc, bob(), kT0 + 2000);
    ASSERT_TRUE(acc.account().set(e, account::kTier, Tier::kA).is_ok());
    ASSERT_TRUE(acc.account().set(e, account::kTier, Tier::kA).is_ok()); // no-op: not journaled
    ASSERT_TRUE(acc.account().set(e, account::kOurSales, 10.0).is_ok());
  }
  auto tier = field_history(doc, "account", "tier");
  ASSERT_EQ(tier.size(), 2u);
  EXPECT_EQ(tier[0].user, "alice");
  EXPECT_EQ(tier[0].device, "laptop");
  EXPECT_EQ(tier[0].at_ms, kT0 + 1000);
  EXPECT_TRUE(tier[0].old_value.is_undefined());
  EXPECT_EQ(tier[0].new_value, Any("b"));
  EXPECT_EQ(tier[1].user, "bob");
  EXPECT_EQ(tier[1].device, "phone");
  EXPECT_EQ(tier[1].old_value, Any("b"));
  EXPECT_EQ(tier[1].new_value, Any("a"));
  auto all = record_history(doc, "account");
  // name at creation, tier twice, our_sales.
  ASSERT_EQ(all.size(), 4u);
  EXPECT_EQ(all[0].field, "name");
  EXPECT_EQ(all[3].field, "our_sales");
}

TEST(History, TheJournalIsWrittenInTheSameTransactionAsTheEdit) {
  Doc doc(DocOptions::with_client_id(1));
  AccountDocument acc = testing::make_account(doc);
  std::vector<std::vector<std::uint8_t>> updates;
  std::vector<Origin> origins;
  doc.observe_update([&](const std::vector<std::uint8_t>& u, const Origin& o) {
    updates.push_back(u);
    origins.push_back(o);
  });
  {
    Edit e(doc, bob(), kT0 + 5);
    ASSERT_TRUE(acc.account().set(e, account::kTier, Tier::kC).is_ok());
  }
  ASSERT_EQ(updates.size(), 1u);
  EXPECT_EQ(origins[0].name, "accord:bob@phone");
  auto actor = actor_from_origin(origins[0]);
  ASSERT_TRUE(actor.has_value());
  EXPECT_EQ(actor->user, "bob");
  EXPECT_EQ(actor->device, "phone");
  // Applying that one update elsewhere brings both the change and its journal entry.
  Doc other(DocOptions::with_client_id(2));
  ASSERT_TRUE(apply_update(other, encode_state_as_update(doc)).is_ok());
  EXPECT_EQ(field_history(other, "account", "tier").size(), 1u);
}

TEST(History, JournalsOfTwoDevicesMergeAndAgree) {
  Doc a(DocOptions::with_client_id(10));
  AccountDocument acc = testing::make_account(a);
  std::string cid;
  {
    Edit e(a, alice(), kT0 + 1);
    cid = acc.add_contact(e, "Feng")->id();
  }
  Doc b = testing::replica(a, 20);
  const std::string path = "contacts/" + cid;
  {
    Edit e(a, alice(), kT0 + 300);
    RecordRef c = *acc.find(kContactRecord, cid);
    ASSERT_TRUE(c.set(e, contact::kStance, Stance::kSkeptic).is_ok());
    ASSERT_TRUE(c.add(e, contact::kBuyingRoles, BuyingRole::kUser).is_ok());
  }
  {
    Edit e(b, bob(), kT0 + 200);
    RecordRef c = *AccountDocument(b).find(kContactRecord, cid);
    ASSERT_TRUE(c.set(e, contact::kStance, Stance::kSupporter).is_ok());
    ASSERT_TRUE(c.set(e, contact::kInfluence, Grade::kHigh).is_ok());
  }
  testing::sync(a, b);
  auto ha = record_history(a, path);
  auto hb = record_history(b, path);
  ASSERT_EQ(ha.size(), hb.size());
  // created (*, name) + 2 from alice + 2 from bob
  ASSERT_EQ(ha.size(), 6u);
  for (std::size_t i = 0; i < ha.size(); ++i) {
    EXPECT_EQ(ha[i].field, hb[i].field);
    EXPECT_EQ(ha[i].user, hb[i].user);
    EXPECT_EQ(ha[i].at_ms, hb[i].at_ms);
  }
  auto stance = field_history(a, path, "stance");
  ASSERT_EQ(stance.size(), 2u);
  EXPECT_EQ(stance[0].user, "bob"); // earlier by time
  EXPECT_EQ(stance[1].user, "alice");
  auto roles = field_history(a, path, "buying_roles");
  ASSERT_EQ(roles.size(), 1u);
  EXPECT_EQ(roles[0].field, "buying_roles:user");
  EXPECT_EQ(roles[0].new_value, Any(true));
}

TEST(History, MalformedEntriesAreSkipped) {
  Doc doc(DocOptions::with_client_id(1));
  testing::make_account(doc);
  {
    Transaction txn = doc.transact();
    doc.get_array("journal").push(txn, {Any("junk"), Any(Any::Object{{"r", Any("account")}})});
  }
  EXPECT_EQ(journal(doc).size(), record_history(doc, "account").size() + 1); // meta entry
  EXPECT_EQ(record_history(doc, "account").size(), 1u);
}

} // namespace
} // namespace accord::model

namespace accord::model {
namespace {

TEST(History, EntriesWithImpossibleTimesFromPeersAreSkipped) {
  Doc doc(DocOptions::with_client_id(1));
  {
    Transaction txn = doc.transact();
    auto entry = [](Any t) {
      return Any(Any::Object{{"r", Any("account")},
                             {"u", Any("x")},
                             {"d", Any("y")},
                             {"t", std::move(t)},
                             {"v", Any(Any::Object{{"tier", Any("a")}})}});
    };
    doc.get_array("journal").push(
        txn, {entry(Any(std::nan(""))), entry(Any(1e300)), entry(Any(-1e300)), entry(Any(5.0))});
    doc.get_map("meta").set(txn, "kind", Any("account"));
    doc.get_map("meta").set(txn, "schema_version", Any(1e300));
  }
  auto h = field_history(doc, "account", "tier");
  ASSERT_EQ(h.size(), 1u);
  EXPECT_EQ(h[0].at_ms, 5);
  EXPECT_EQ(read_meta(doc)->schema_version, 0);
}

} // namespace
} // namespace accord::model

namespace accord::model {
namespace {

TEST(History, OneEntryPerRecordPerEditWithFirstOldAndLastNew) {
  Doc doc(DocOptions::with_client_id(1));
  AccountDocument acc = testing::make_account(doc);
  const std::uint64_t before = doc.get_array("journal").length();
  {
    Edit e(doc, testing::alice(), testing::kT0 + 9);
    RecordRef a = acc.account();
    ASSERT_TRUE(a.set(e, account::kTier, Tier::kC).is_ok());
    ASSERT_TRUE(a.set(e, account::kTier, Tier::kB).is_ok());
    ASSERT_TRUE(a.set(e, account::kOurSales, 5.0).is_ok());
    ASSERT_TRUE(a.clear(e, account::kOurSales).is_ok());
    ASSERT_TRUE(a.set_text(e, account::kNotes, "hello").is_ok());
    ASSERT_TRUE(acc.plan().set(e, plan::kPdcaCycle, 2).is_ok());
  }
  EXPECT_EQ(doc.get_array("journal").length(), before + 2); // account and plan
  auto tier = field_history(doc, "account", "tier");
  ASSERT_EQ(tier.size(), 1u);
  EXPECT_TRUE(tier[0].old_value.is_undefined());
  EXPECT_EQ(tier[0].new_value, Any("b"));
  auto sales = field_history(doc, "account", "our_sales");
  ASSERT_EQ(sales.size(), 1u);
  EXPECT_TRUE(sales[0].new_value.is_undefined()); // set then cleared: a change without value
  EXPECT_EQ(field_history(doc, "account", "notes").size(), 1u);
  {
    Edit e(doc, testing::bob(), testing::kT0 + 10);
    ASSERT_TRUE(acc.account().set(e, account::kTier, Tier::kA).is_ok());
    ASSERT_TRUE(acc.account().set(e, account::kTier, Tier::kC).is_ok());
  }
  tier = field_history(doc, "account", "tier");
  ASSERT_EQ(tier.size(), 2u);
  EXPECT_EQ(tier[1].old_value, Any("b"));
  EXPECT_EQ(tier[1].new_value, Any("c"));
}

} // namespace
} // namespace accord::model
