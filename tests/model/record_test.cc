// Typed getters and setters of records: unset fields, validation errors (what, which field,
// why), nothing changed on error, enum and reference sets, text fields.
#include <gtest/gtest.h>

#include <limits>

#include "accord/model/account_schema.h"
#include "accord/model/activity_schema.h"
#include "accord/model/contact_schema.h"
#include "accord/model/plan_schema.h"
#include "accord/model/team_schema.h"
#include "accord/update.h"
#include "model_test_util.h"

namespace accord::model {
namespace {

using testing::alice;
using testing::kT0;
using testing::make_account;

TEST(Record, AbsentFieldsReadAsUnsetNotDefaults) {
  Doc doc(DocOptions::with_client_id(1));
  AccountDocument acc = make_account(doc);
  RecordRef a = acc.account();
  EXPECT_EQ(a.get(account::kName), "ACME Pumps");
  EXPECT_FALSE(a.get(account::kTier).is_set());
  EXPECT_FALSE(a.get(account::kTier).value().has_value());
  EXPECT_FALSE(a.get(account::kOurSales).has_value());
  EXPECT_FALSE(a.get(account::kSatisfaction5).has_value());
  EXPECT_FALSE(a.get(account::kNotes).has_value());
  EXPECT_TRUE(a.get_value(account::kWalletShare).is_undefined());
  EXPECT_EQ(a.path(), "account");
  EXPECT_EQ(acc.id(), "acme");
}

TEST(Record, TypedSettersStoreCodesAndValues) {
  Doc doc(DocOptions::with_client_id(1));
  AccountDocument acc = make_account(doc);
  RecordRef a = acc.account();
  {
    Edit e(doc, alice(), kT0);
    ASSERT_TRUE(a.set(e, account::kTier, Tier::kA).is_ok());
    ASSERT_TRUE(a.set(e, account::kRelationship, RelationshipStrength::kVeryStrong).is_ok());
    ASSERT_TRUE(a.set(e, account::kOurSales, 1.25e6).is_ok());
    ASSERT_TRUE(a.set(e, account::kSatisfaction5, 4).is_ok());
    ASSERT_TRUE(a.set(e, account::kCurrency, "CNY").is_ok());
    ASSERT_TRUE(a.set_text(e, account::kDecisionProcess, "总经理办公会决定").is_ok());
  }
  EXPECT_EQ(a.get(account::kTier), Tier::kA);
  EXPECT_EQ(a.get(account::kTier).code(), "a");
  EXPECT_EQ(a.get(account::kRelationship).code(), "very_strong");
  EXPECT_EQ(a.get(account::kOurSales), 1.25e6);
  EXPECT_EQ(a.get(account::kSatisfaction5), 4);
  EXPECT_EQ(a.get(account::kDecisionProcess), "总经理办公会决定");
  // Stored as plain codes a Yjs client can read.
  EXPECT_EQ(doc.get_map("account").get("tier")->any(), Any("a"));
}

TEST(Record, ContactFieldsIncludingSetsAndReferences) {
  Doc doc(DocOptions::with_client_id(1));
  AccountDocument acc = make_account(doc);
  Edit e(doc, alice(), kT0, 7);
  auto boss = acc.add_contact(e, "Wang Wei 王伟");
  auto buyer = acc.add_contact(e, "Li Na");
  ASSERT_TRUE(boss.ok() && buyer.ok());
  auto member = acc.add(e, kTeamMemberRecord);
  ASSERT_TRUE(member.ok());
  RecordRef c = *buyer;
  ASSERT_TRUE(c.add(e, contact::kBuyingRoles, BuyingRole::kPurchaser).is_ok());
  ASSERT_TRUE(c.add(e, contact::kBuyingRoles, BuyingRole::kEvaluator).is_ok());
  ASSERT_TRUE(c.add(e, contact::kDecisionBlockers, DecisionBlocker::kRiskFear).is_ok());
  ASSERT_TRUE(c.set(e, contact::kStance, Stance::kSupporter).is_ok());
  ASSERT_TRUE(c.set(e, contact::kInsideHelp, InsideHelp::kCoach).is_ok());
  ASSERT_TRUE(c.set(e, contact::kHelpWillingness, Grade::kHigh).is_ok());
  ASSERT_TRUE(c.set(e, contact::kHiddenRank, 3).is_ok());
  ASSERT_TRUE(c.set(e, contact::kCounterpart, member->id()).is_ok());
  ASSERT_TRUE(c.set(e, contact::kX, -120.5).is_ok());
  auto link = acc.add(e, kLinkRecord);
  ASSERT_TRUE(link.ok());
  ASSERT_TRUE(link->set(e, link::kFrom, c.id()).is_ok());
  ASSERT_TRUE(link->set(e, link::kTo, boss->id()).is_ok());
  ASSERT_TRUE(link->set(e, link::kKind, LinkKind::kReportsTo).is_ok());
  ASSERT_TRUE(link->set(e, link::kBossTrusts, true).is_ok());
  e.commit();

  EXPECT_EQ(c.get(contact::kBuyingRoles),
            (std::vector<BuyingRole>{BuyingRole::kPurchaser, BuyingRole::kEvaluator}));
  EXPECT_EQ(c.get(contact::kDecisionBlockers),
            (std::vector<DecisionBlocker>{DecisionBlocker::kRiskFear}));
  EXPECT_EQ(c.get(contact::kCounterpart), member->id());
  EXPECT_EQ(c.get(contact::kHiddenRank), 3);
  EXPECT_EQ(c.get(contact::kX), -120.5);
  EXPECT_EQ(link->get(link::kTo), boss->id());
  EXPECT_EQ(link->get(link::kBossTrusts), true);
  EXPECT_EQ(acc.list(kContactRecord).size(), 2u);

  Edit e2(doc, alice(), kT0 + 1);
  ASSERT_TRUE(c.remove(e2, contact::kBuyingRoles, BuyingRole::kPurchaser).is_ok());
  e2.commit();
  EXPECT_EQ(c.get(contact::kBuyingRoles), (std::vector<BuyingRole>{BuyingRole::kEvaluator}));
  Any roles = c.get_value(contact::kBuyingRoles);
  ASSERT_TRUE(roles.is_array());
  EXPECT_EQ(roles.as_array().size(), 1u);
}

// Expects `s` to be an error with `code` whose message names `field` and contains `why`.
void expect_error(const Status& s, StatusCode code, std::string_view field, std::string_view why) {
  ASSERT_FALSE(s.is_ok()) << "expected an error about " << field;
  EXPECT_EQ(s.code(), code) << s.to_string();
  EXPECT_NE(s.message().find("'" + std::string(field) + "'"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find(why), std::string::npos) << s.message();
}

TEST(Record, ValidationErrorsSayWhatWhichFieldAndWhyAndChangeNothing) {
  Doc doc(DocOptions::with_client_id(1));
  AccountDocument acc = make_account(doc);
  RecordRef a = acc.account();
  std::optional<RecordRef> contact_rec;
  {
    Edit e(doc, alice(), kT0);
    contact_rec = *acc.add_contact(e, "Zhao");
  }
  const auto before = encode_state_as_update(doc);
  {
    Edit e(doc, alice(), kT0 + 1);
    expect_error(a.set(e, account::kSatisfaction5, 6), StatusCode::kInvalidArgument,
                 "satisfaction_5", "out of range [1, 5]");
    expect_error(a.set(e, account::kSatisfaction100, -1), StatusCode::kInvalidArgument,
                 "satisfaction_100", "out of range");
    expect_error(a.set(e, account::kWalletShare, 100.5), StatusCode::kInvalidArgument,
                 "wallet_share", "out of range [0, 100]");
    expect_error(a.set(e, account::kOurSales, std::numeric_limits<double>::quiet_NaN()),
                 StatusCode::kInvalidArgument, "our_sales", "not a finite number");
    expect_error(a.set(e, account::kOurSales, -5.0), StatusCode::kInvalidArgument, "our_sales",
                 "out of range");
    expect_error(a.set(e, account::kCurrency, "EURO"), StatusCode::kInvalidArgument, "currency",
                 "longer than 3 bytes");
    expect_error(a.set(e, account::kName, std::string(201, 'x')), StatusCode::kInvalidArgument,
                 "name", "longer than 200 bytes");
    expect_error(a.set(e, account::kName, std::string("bad \xff utf8")),
                 StatusCode::kInvalidArgument, "name", "not valid UTF-8");
    expect_error(a.set_value(e, "tier", Any("d")), StatusCode::kInvalidArgument, "tier",
                 "unknown tier code 'd' (expected one of a, b, c)");
    expect_error(a.set_value(e, "tier", Any(1)), StatusCode::kInvalidArgument, "tier",
                 "expected a code, got a number");
    expect_error(a.set_value(e, "satisfaction_5", Any(2.5)), StatusCode::kInvalidArgument,
                 "satisfaction_5", "2.5 is not an integer");
    expect_error(a.set_value(e, "owner", Any("a/b")), StatusCode::kInvalidArgument, "owner",
                 "is not an id");
    RecordRef c = *contact_rec;
    expect_error(c.set(e, contact::kHiddenRank, 0), StatusCode::kInvalidArgument, "hidden_rank",
                 "out of range [1, 1000]");
    expect_error(c.set(e, contact::kCounterpart, "nobody"), StatusCode::kNotFound, "counterpart",
                 "no account_team record 'nobody'");
    expect_error(c.set_value(e, "buying_roles", Any(Any::Array{Any("decider"), Any("king")})),
                 StatusCode::kInvalidArgument, "buying_roles", "unknown buying_role code 'king'");
    expect_error(c.add_member(e, contact::kDecisionBlockers, "greed"), StatusCode::kInvalidArgument,
                 "decision_blockers", "unknown decision_blocker");
    expect_error(c.set_value(e, "stance", Any(true)), StatusCode::kInvalidArgument, "stance",
                 "got a boolean");
    Status unknown = c.set_value(e, "shoe_size", Any(42));
    EXPECT_EQ(unknown.code(), StatusCode::kInvalidArgument);
    EXPECT_NE(unknown.message().find("unknown field 'shoe_size'"), std::string::npos);
    auto need = acc.add(e, kNeedRecord);
    ASSERT_TRUE(need.ok());
    e.commit();
  }
  {
    // Dates and date-times.
    Edit e(doc, alice(), kT0 + 2);
    auto need = acc.list(kNeedRecord).front();
    expect_error(need.set(e, need::kPlannedStart, "2026-02-30"), StatusCode::kInvalidArgument,
                 "planned_start", "no such day in that month");
    expect_error(need.set(e, need::kPlannedStart, "next week"), StatusCode::kInvalidArgument,
                 "planned_start", "not an ISO-8601 date");
    expect_error(need.set(e, need::kTimeToGainMonths, 121), StatusCode::kInvalidArgument,
                 "time_to_gain_months", "out of range");
    expect_error(need.set(e, need::kOwner, "ghost"), StatusCode::kNotFound, "owner",
                 "no contacts record 'ghost'");
  }
  // Only the need record was added: every rejected set left nothing behind.
  Doc check(DocOptions::with_client_id(9));
  ASSERT_TRUE(apply_update(check, before).is_ok());
  AccountDocument c2(check);
  EXPECT_FALSE(c2.account().get(account::kSatisfaction5).has_value());
  EXPECT_FALSE(acc.account().get(account::kSatisfaction5).has_value());
  EXPECT_FALSE(acc.account().get(account::kTier).is_set());
  EXPECT_TRUE(contact_rec->get(contact::kBuyingRoles).empty());
  EXPECT_FALSE(acc.list(kNeedRecord).front().get(need::kPlannedStart).has_value());
}

TEST(Record, EditOfAnotherDocumentIsRefused) {
  Doc doc(DocOptions::with_client_id(1));
  Doc other(DocOptions::with_client_id(2));
  AccountDocument acc = make_account(doc);
  Edit e(other, alice(), kT0);
  Status s = acc.account().set(e, account::kTier, Tier::kB);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("another document"), std::string::npos);
}

TEST(Record, GenericSetValueAndClear) {
  Doc doc(DocOptions::with_client_id(1));
  AccountDocument acc = make_account(doc);
  RecordRef a = acc.account();
  {
    Edit e(doc, alice(), kT0);
    ASSERT_TRUE(a.set_value(e, "tier", Any("b")).is_ok());
    ASSERT_TRUE(a.set_value(e, "our_sales", Any(300.0)).is_ok());
    ASSERT_TRUE(a.set_value(e, "notes", Any("first line")).is_ok());
  }
  EXPECT_EQ(a.get(account::kTier), Tier::kB);
  EXPECT_EQ(a.get(account::kNotes), "first line");
  {
    Edit e(doc, alice(), kT0 + 1);
    ASSERT_TRUE(a.set_value(e, "our_sales", Any::null()).is_ok());
    ASSERT_TRUE(a.clear(e, account::kNotes).is_ok());
    ASSERT_TRUE(a.clear(e, account::kTier).is_ok());
  }
  EXPECT_FALSE(a.get(account::kOurSales).has_value());
  EXPECT_FALSE(a.get(account::kTier).is_set());
  EXPECT_EQ(a.get(account::kNotes), "");
}

TEST(Record, SetTextReplacesOnlyTheChangedMiddle) {
  Doc doc(DocOptions::with_client_id(1));
  AccountDocument acc = make_account(doc);
  RecordRef plan = acc.plan();
  {
    Edit e(doc, alice(), kT0);
    ASSERT_TRUE(plan.set_text(e, plan::kVision, "成为客户的战略合作伙伴 😀 by 2028").is_ok());
  }
  Doc other = testing::replica(doc, 2);
  {
    // Bob appends on another device while Alice rewrites the middle.
    Edit e(other, testing::bob(), kT0 + 1);
    RecordRef p2 = AccountDocument(other).plan();
    TextRef t = p2.text(plan::kVision);
    ASSERT_TRUE(t.insert(e.txn(), t.length(), "!").is_ok());
    p2.note_text_edit(e, plan::kVision);
  }
  {
    Edit e(doc, alice(), kT0 + 2);
    ASSERT_TRUE(plan.set_text(e, plan::kVision, "成为客户的首选供应商 😀 by 2028").is_ok());
  }
  testing::sync(doc, other);
  EXPECT_EQ(plan.get(plan::kVision), "成为客户的首选供应商 😀 by 2028!");
  EXPECT_EQ(AccountDocument(other).plan().get(plan::kVision), plan.get(plan::kVision));
}

TEST(Record, ArchivedRecordsAreHiddenFromListsButKept) {
  Doc doc(DocOptions::with_client_id(1));
  AccountDocument acc = make_account(doc);
  Edit e(doc, alice(), kT0);
  auto c = acc.add_contact(e, "Gone");
  ASSERT_TRUE(c.ok());
  ASSERT_TRUE(c->set_archived(e, true).is_ok());
  e.commit();
  EXPECT_TRUE(acc.list(kContactRecord).empty());
  EXPECT_EQ(acc.list(kContactRecord, true).size(), 1u);
  EXPECT_TRUE(acc.find(kContactRecord, c->id()).has_value());
}

TEST(Record, ToJsonHasKnownFieldsAndSets) {
  Doc doc(DocOptions::with_client_id(1));
  AccountDocument acc = make_account(doc);
  Edit e(doc, alice(), kT0, 3);
  auto c = acc.add_contact(e, "Sun");
  ASSERT_TRUE(c->add(e, contact::kBuyingRoles, BuyingRole::kDecider).is_ok());
  ASSERT_TRUE(c->set(e, contact::kLevel, OrgLevel::kTop).is_ok());
  e.commit();
  Any j = c->to_json();
  ASSERT_NE(j.find("buying_roles"), nullptr);
  EXPECT_EQ(*j.find("buying_roles"), Any(Any::Array{Any("decider")}));
  EXPECT_EQ(*j.find("level"), Any("top"));
  EXPECT_EQ(*j.find("id"), Any(c->id()));
  EXPECT_EQ(*j.find("created_by"), Any("alice"));
  EXPECT_EQ(*j.find("created_at"), Any("2026-03-02T09:00:00.000Z"));
  EXPECT_EQ(j.find("buying_roles:decider"), nullptr);
}

} // namespace
} // namespace accord::model
