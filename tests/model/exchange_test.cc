// Export and import through the schema: round trip through JSON text, sensitive fields,
// all-or-nothing imports with the place of the error, strict and non-strict unknown keys.
#include <gtest/gtest.h>

#include "accord/model/account_schema.h"
#include "accord/model/activity_schema.h"
#include "accord/model/contact_schema.h"
#include "accord/model/exchange.h"
#include "accord/model/plan_schema.h"
#include "accord/update.h"
#include "encoding/json.h"
#include "model_test_util.h"

namespace accord::model {
namespace {

using testing::alice;
using testing::kT0;

// A small but complete account: references across collections, sets, text, a sensitive field.
void build(Doc& doc) {
  AccountDocument acc = testing::make_account(doc, "华东水泵 East Pumps");
  Edit e(doc, alice(), kT0 + 1, 42);
  RecordRef a = acc.account();
  ASSERT_TRUE(a.set(e, account::kTier, Tier::kA).is_ok());
  ASSERT_TRUE(a.set(e, account::kOurSales, 2.5e6).is_ok());
  ASSERT_TRUE(a.set_text(e, account::kDecisionProcess, "采购委员会，总经理签字").is_ok());
  auto m = acc.add(e, kTeamMemberRecord);
  ASSERT_TRUE(m->set(e, team_member::kLevel, OrgLevel::kTop).is_ok());
  auto fac = acc.add(e, kFactionRecord);
  ASSERT_TRUE(fac->set(e, faction::kName, "技术派").is_ok());
  auto boss = acc.add_contact(e, "Wang");
  auto eng = acc.add_contact(e, "Chen");
  ASSERT_TRUE(boss->set(e, contact::kCounterpart, m->id()).is_ok());
  ASSERT_TRUE(boss->add(e, contact::kBuyingRoles, BuyingRole::kDecider).is_ok());
  ASSERT_TRUE(boss->set(e, contact::kFamily, "two children").is_ok());
  ASSERT_TRUE(eng->set(e, contact::kFaction, fac->id()).is_ok());
  ASSERT_TRUE(fac->set(e, faction::kLeader, eng->id()).is_ok());
  auto link = acc.add(e, kLinkRecord);
  ASSERT_TRUE(link->set(e, link::kFrom, eng->id()).is_ok());
  ASSERT_TRUE(link->set(e, link::kTo, boss->id()).is_ok());
  ASSERT_TRUE(link->set(e, link::kKind, LinkKind::kReportsTo).is_ok());
  auto need = acc.add(e, kNeedRecord);
  ASSERT_TRUE(need->set(e, need::kOwner, eng->id()).is_ok());
  ASSERT_TRUE(need->set(e, need::kPlannedStart, "2026-06-01").is_ok());
  ASSERT_TRUE(acc.plan().set_text(e, plan::kVision, "成为战略合作伙伴").is_ok());
  auto act = acc.add(e, kActionRecord);
  ASSERT_TRUE(act->set(e, action::kDue, "2026-04-01").is_ok());
  ASSERT_TRUE(eng->set_archived(e, false).is_ok());
}

std::string canonical_text(const Any& a) { return testing::canonical(a).to_json_string(); }

TEST(Exchange, RoundTripThroughJsonText) {
  Doc src(DocOptions::with_client_id(1));
  build(src);
  auto exported = export_document(src, ExportOptions{true, true});
  ASSERT_TRUE(exported.ok());
  const std::string text = exported->to_json_string();
  auto parsed = encoding::parse_json(text);
  ASSERT_TRUE(parsed.ok());

  Doc dst(DocOptions::with_client_id(2));
  testing::make_account(dst, "placeholder");
  Edit e(dst, alice(), kT0 + 5);
  auto report = import_document(e, *parsed);
  ASSERT_TRUE(report.ok()) << report.status().to_string();
  e.commit();
  EXPECT_EQ(report->created, 7);
  auto again = export_document(dst, ExportOptions{true, true});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(canonical_text(*again), canonical_text(*exported));
  EXPECT_EQ(AccountDocument(dst).plan().get(plan::kVision), "成为战略合作伙伴");
  EXPECT_GT(report->fields_set, 0);
  // Importing the same data again changes nothing (no field set, no update, no journal entry)
  // but counts the records it matched.
  const auto state_before = encode_state_vector(dst);
  Edit e2(dst, alice(), kT0 + 6);
  auto second = import_document(e2, *parsed);
  ASSERT_TRUE(second.ok());
  e2.commit();
  EXPECT_EQ(second->created, 0);
  EXPECT_EQ(second->updated, 7);
  EXPECT_EQ(second->fields_set, 0);
  EXPECT_EQ(encode_state_vector(dst), state_before);
}

TEST(Exchange, SensitiveFieldsStayOutUnlessAsked) {
  Doc src(DocOptions::with_client_id(1));
  build(src);
  const std::string plain = export_document(src)->to_json_string();
  const std::string full = export_document(src, ExportOptions{true, true})->to_json_string();
  EXPECT_EQ(plain.find("two children"), std::string::npos);
  EXPECT_NE(full.find("two children"), std::string::npos);
}

TEST(Exchange, AnInvalidRecordWritesNothingAndSaysWhere) {
  Doc doc(DocOptions::with_client_id(1));
  testing::make_account(doc);
  const auto before = encode_state_as_update(doc);
  auto data = encoding::parse_json(R"({"format":"accord.account","records":{
      "links":[{"id":"l1","from":"c1","to":"c2","kind":"reports_to"}],
      "contacts":[{"id":"c1","name":"Ok"},{"id":"c2","name":"Bad","stance":"friendly"}]}})");
  ASSERT_TRUE(data.ok());
  {
    Edit e(doc, alice(), kT0 + 1);
    auto r = import_document(e, *data);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(r.status().message().find("contacts[1] (id c2)"), std::string::npos)
        << r.status().message();
    EXPECT_NE(r.status().message().find("'stance'"), std::string::npos);
    EXPECT_NE(r.status().message().find("unknown stance code 'friendly'"), std::string::npos);
  }
  EXPECT_EQ(encode_state_as_update(doc), before);

  // Fixed, it imports, links before contacts in the file included.
  auto fixed = encoding::parse_json(R"({"format":"accord.account","records":{
      "links":[{"id":"l1","from":"c1","to":"c2","kind":"reports_to"}],
      "contacts":[{"id":"c1","name":"Ok"},{"id":"c2","name":"Good","stance":"supporter"},
                  {"name":"No id yet"}]}})");
  Edit e(doc, alice(), kT0 + 2);
  auto r = import_document(e, *fixed);
  ASSERT_TRUE(r.ok()) << r.status().to_string();
  e.commit();
  EXPECT_EQ(r->created, 4);
  AccountDocument acc(doc);
  EXPECT_EQ(acc.list(kContactRecord).size(), 3u);
  EXPECT_EQ(acc.find(kLinkRecord, "l1")->get(link::kTo), "c2");
}

TEST(Exchange, ShapeErrors) {
  Doc doc(DocOptions::with_client_id(1));
  testing::make_account(doc);
  Edit e(doc, alice(), kT0 + 1);
  auto wrong_kind = encoding::parse_json(R"({"format":"accord.visit_log","records":{}})");
  EXPECT_EQ(import_document(e, *wrong_kind).status().code(), StatusCode::kFailedPrecondition);
  auto bad_collection =
      encoding::parse_json(R"({"format":"accord.account","records":{"visits":[]}})");
  EXPECT_NE(import_document(e, *bad_collection).status().message().find("unknown collection"),
            std::string::npos);
  auto bad_id =
      encoding::parse_json(R"({"format":"accord.account","records":{"contacts":[{"id":"a/b"}]}})");
  EXPECT_EQ(import_document(e, *bad_id).status().code(), StatusCode::kInvalidArgument);
  auto not_array =
      encoding::parse_json(R"({"format":"accord.account","records":{"contacts":{"id":"x"}}})");
  EXPECT_NE(import_document(e, *not_array).status().message().find("must be an array"),
            std::string::npos);
}

TEST(Exchange, UnknownKeysAreRejectedWhenStrictAndKeptOtherwise) {
  Doc doc(DocOptions::with_client_id(1));
  testing::make_account(doc);
  auto data = encoding::parse_json(R"({"format":"accord.account","records":{
      "account":{"tier":"s","esg_rating":"AA"},
      "contacts":[{"id":"c1","name":"Xu","buying_roles":["decider","gatekeeper"],"wechat":"xu1"}]}})");
  ASSERT_TRUE(data.ok());
  {
    Edit e(doc, alice(), kT0 + 1);
    auto strict = import_document(e, *data);
    ASSERT_FALSE(strict.ok());
  }
  Edit e(doc, alice(), kT0 + 2);
  auto lax = import_document(e, *data, ImportOptions{false});
  ASSERT_TRUE(lax.ok()) << lax.status().to_string();
  e.commit();
  AccountDocument acc(doc);
  EXPECT_TRUE(acc.account().get(account::kTier).is_unknown());
  EXPECT_EQ(doc.get_map("account").get("esg_rating")->any(), Any("AA"));
  RecordRef c = *acc.find(kContactRecord, "c1");
  EXPECT_EQ(c.set_members(contact::kBuyingRoles),
            (std::vector<std::string>{"decider", "gatekeeper"}));
  EXPECT_EQ(c.map().get("wechat")->any(), Any("xu1"));
}

} // namespace
} // namespace accord::model
