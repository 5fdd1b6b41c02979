// Data written by a newer client (fields, enum codes, set members, record kinds this build does
// not know) survives edits and sync untouched, and reads as "unknown", not as an error.
#include <gtest/gtest.h>

#include "accord/model/account_schema.h"
#include "accord/model/contact_schema.h"
#include "accord/update.h"
#include "model_test_util.h"

namespace accord::model {
namespace {

using testing::alice;
using testing::bob;
using testing::kT0;

TEST(UnknownData, NewerClientFieldsAndCodesRoundTripUntouched) {
  Doc newer(DocOptions::with_client_id(500));
  AccountDocument acc = testing::make_account(newer);
  std::string cid;
  {
    Edit e(newer, alice(), kT0, 5);
    cid = acc.add_contact(e, "Zhou")->id();
  }
  // What a newer schema writes through the raw maps.
  {
    Transaction txn = newer.transact();
    MapRef account_map = newer.get_map("account");
    account_map.set(txn, "esg_rating", Any("AA"));
    account_map.set(txn, "tier", Any("s")); // a tier this build does not know
    MapRef contact_map = newer.get_map("contacts").get(cid)->type().as_map();
    contact_map.set(txn, "buying_roles:gatekeeper", Any(true));
    contact_map.set(txn, "buying_roles:decider", Any(true));
    contact_map.set(txn, "wechat_id", Any("zhou_88"));
    newer.get_map("sustainability_goals").set(txn, "g1", Any("net zero 2040"));
  }
  Doc old = testing::replica(newer, 600);
  AccountDocument old_acc(old);
  RecordRef a = old_acc.account();
  RecordRef c = *old_acc.find(kContactRecord, cid);
  // Reading: unknown, not unset, not an error.
  EXPECT_TRUE(a.get(account::kTier).is_set());
  EXPECT_TRUE(a.get(account::kTier).is_unknown());
  EXPECT_EQ(a.get(account::kTier).code(), "s");
  EXPECT_EQ(c.get(contact::kBuyingRoles), (std::vector<BuyingRole>{BuyingRole::kDecider}));
  EXPECT_EQ(c.set_members(contact::kBuyingRoles),
            (std::vector<std::string>{"decider", "gatekeeper"}));
  // The old client edits other fields and a member of the same set.
  {
    Edit e(old, bob(), kT0 + 1);
    ASSERT_TRUE(a.set(e, account::kOurSales, 42.0).is_ok());
    ASSERT_TRUE(c.set(e, contact::kStance, Stance::kNeutral).is_ok());
    ASSERT_TRUE(c.add(e, contact::kBuyingRoles, BuyingRole::kUser).is_ok());
    // Adding or removing single members never touches members this build cannot name.
  }
  // Replacing the whole set keeps the member this build cannot name.
  {
    Edit e(old, bob(), kT0 + 2);
    ASSERT_TRUE(
        c.set_value(e, "buying_roles", Any(Any::Array{Any("user"), Any("decider")})).is_ok());
  }
  Any j = c.to_json();
  ASSERT_NE(j.find("wechat_id"), nullptr);
  EXPECT_EQ(*j.find("wechat_id"), Any("zhou_88"));
  EXPECT_EQ(*j.find("buying_roles"),
            Any(Any::Array{Any("decider"), Any("gatekeeper"), Any("user")}));
  testing::sync(old, newer);
  MapRef account_map = newer.get_map("account");
  EXPECT_EQ(account_map.get("esg_rating")->any(), Any("AA"));
  EXPECT_EQ(account_map.get("tier")->any(), Any("s"));
  EXPECT_EQ(account_map.get("our_sales")->any(), Any(42.0));
  MapRef contact_map = newer.get_map("contacts").get(cid)->type().as_map();
  EXPECT_EQ(contact_map.get("buying_roles:gatekeeper")->any(), Any(true));
  EXPECT_EQ(contact_map.get("wechat_id")->any(), Any("zhou_88"));
  EXPECT_EQ(newer.get_map("sustainability_goals").get("g1")->any(), Any("net zero 2040"));
  testing::expect_same_json(newer, old);
}

TEST(UnknownData, MalformedValuesReadAsUnset) {
  Doc doc(DocOptions::with_client_id(1));
  AccountDocument acc = testing::make_account(doc);
  {
    Transaction txn = doc.transact();
    MapRef m = doc.get_map("account");
    m.set(txn, "our_sales", Any("a lot"));
    m.set(txn, "satisfaction_5", Any(3.5));
    m.set(txn, "tier", Any(1));
  }
  RecordRef a = acc.account();
  EXPECT_FALSE(a.get(account::kOurSales).has_value());
  EXPECT_FALSE(a.get(account::kSatisfaction5).has_value());
  EXPECT_FALSE(a.get(account::kTier).is_set());
  // And the raw value is still there for export.
  EXPECT_EQ(a.get_value(account::kOurSales), Any("a lot"));
}

} // namespace
} // namespace accord::model
