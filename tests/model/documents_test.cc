// Document kinds, the team index (cadence, account list, members), the visit log, and the
// sensitive personal profile.
#include <gtest/gtest.h>

#include "accord/model/account_schema.h"
#include "accord/model/activity_schema.h"
#include "accord/model/contact_schema.h"
#include "accord/model/team_schema.h"
#include "model_test_util.h"

namespace accord::model {
namespace {

using testing::alice;
using testing::kT0;

TEST(Documents, KindsAreCheckedOnOpenAndCreateOnlyOnce) {
  Doc doc(DocOptions::with_client_id(1));
  testing::make_account(doc);
  EXPECT_TRUE(AccountDocument::open(doc).ok());
  EXPECT_EQ(TeamIndex::open(doc).status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(VisitLog::open(doc).status().code(), StatusCode::kFailedPrecondition);
  Edit e(doc, alice(), kT0);
  EXPECT_EQ(AccountDocument::create(e, "acme", "again").status().code(),
            StatusCode::kAlreadyExists);
  EXPECT_EQ(AccountDocument::create(e, "bad/id", "x").status().code(),
            StatusCode::kInvalidArgument);
}

TEST(Documents, TeamCadenceDefaultsAndSettings) {
  Doc doc(DocOptions::with_client_id(1));
  {
    Edit e(doc, alice(), kT0);
    ASSERT_TRUE(TeamIndex::create(e, "team1").ok());
  }
  TeamIndex team(doc);
  EXPECT_EQ(team.cadence_days(Tier::kA), 14);
  EXPECT_EQ(team.cadence_days(Tier::kB), 30);
  EXPECT_EQ(team.cadence_days(Tier::kC), 90);
  EXPECT_EQ(team.cadence_days(std::nullopt), 90);
  {
    Edit e(doc, alice(), kT0);
    ASSERT_TRUE(team.settings().set(e, settings::kCadenceA, 7).is_ok());
    EXPECT_EQ(team.settings().set(e, settings::kCadenceB, 400).code(),
              StatusCode::kInvalidArgument);
  }
  EXPECT_EQ(team.cadence_days(Tier::kA), 7);
  EXPECT_EQ(team.cadence_days(Tier::kB), 30);
}

TEST(Documents, AccountListEntriesFollowTheAccount) {
  Doc team_doc(DocOptions::with_client_id(1));
  Doc acc_doc(DocOptions::with_client_id(2));
  AccountDocument acc = testing::make_account(acc_doc, "华北重工 North Heavy");
  {
    Edit e(acc_doc, alice(), kT0);
    ASSERT_TRUE(acc.account().set(e, account::kTier, Tier::kA).is_ok());
    ASSERT_TRUE(acc.account().set(e, account::kOwner, "alice").is_ok());
  }
  TeamIndex team(team_doc);
  {
    Edit e(team_doc, alice(), kT0);
    ASSERT_TRUE(TeamIndex::create(e, "team1").ok());
    ASSERT_TRUE(team.add_member(e, "alice", "Alice Chen").ok());
    EXPECT_EQ(team.add_member(e, "alice", "Again").status().code(), StatusCode::kAlreadyExists);
    ASSERT_TRUE(team.upsert_account(e, acc).is_ok());
  }
  ASSERT_EQ(team.accounts().size(), 1u);
  RecordRef entry = team.accounts().front();
  EXPECT_EQ(entry.id(), "acme");
  EXPECT_EQ(entry.get(account_entry::kName), "华北重工 North Heavy");
  EXPECT_EQ(entry.get(account_entry::kTier), Tier::kA);
  EXPECT_EQ(entry.get(account_entry::kOwner), "alice");
  {
    Edit e(acc_doc, alice(), kT0 + 1);
    ASSERT_TRUE(acc.account().set(e, account::kTier, Tier::kB).is_ok());
  }
  {
    Edit e(team_doc, alice(), kT0 + 1);
    ASSERT_TRUE(team.upsert_account(e, acc).is_ok());
  }
  EXPECT_EQ(team.accounts().front().get(account_entry::kTier), Tier::kB);
  EXPECT_EQ(team.members().size(), 1u);
}

TEST(Documents, VisitsAreSortedByTimeAndValidated) {
  Doc doc(DocOptions::with_client_id(1));
  VisitLog log(doc);
  {
    Edit e(doc, alice(), kT0);
    ASSERT_TRUE(VisitLog::create(e, "acme").ok());
    ASSERT_TRUE(log.add_visit(e, "2026-02-10T10:00+08:00", "alice").ok());
    ASSERT_TRUE(log.add_visit(e, "2026-01-10T10:00Z", "bob").ok());
    EXPECT_EQ(log.add_visit(e, "2026-01-10", "bob").status().code(), StatusCode::kInvalidArgument);
  }
  auto visits = log.visits();
  ASSERT_EQ(visits.size(), 2u);
  EXPECT_EQ(visits[0].get(visit::kRep), "bob");
  EXPECT_EQ(visits[1].get(visit::kRep), "alice");
  EXPECT_EQ(log.account_id(), "acme");
  // Contacts of a visit live in the account document: only their id syntax is checked here.
  Edit e(doc, alice(), kT0 + 1);
  EXPECT_TRUE(visits[0].add(e, visit::kContacts, "c-123").is_ok());
  EXPECT_EQ(visits[0].add(e, visit::kContacts, "c 123").code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(visits[0].set(e, visit::kChannel, Channel::kSiteTour).code(), StatusCode::kOk);
}

TEST(Documents, PersonalProfileIsForTheAccountTeamOnly) {
  Doc doc(DocOptions::with_client_id(1));
  AccountDocument acc = testing::make_account(doc);
  std::optional<RecordRef> c;
  {
    Edit e(doc, alice(), kT0);
    c = *acc.add_contact(e, "Lin");
    ASSERT_TRUE(c->set(e, contact::kUniversity, "清华大学").is_ok());
    ASSERT_TRUE(c->set(e, contact::kSport, "golf").is_ok());
    auto m = acc.add(e, kTeamMemberRecord);
    ASSERT_TRUE(m->set(e, team_member::kUser, "carol").is_ok());
    ASSERT_TRUE(acc.account().set(e, account::kOwner, "alice").is_ok());
  }
  auto denied = acc.personal_profile(*c, "mallory");
  EXPECT_EQ(denied.status().code(), StatusCode::kPermissionDenied);
  for (const char* user : {"alice", "carol"}) {
    auto p = acc.personal_profile(*c, user);
    ASSERT_TRUE(p.ok()) << user;
    EXPECT_EQ(*p->find("profile_university"), Any("清华大学"));
    EXPECT_EQ(*p->find("profile_sport"), Any("golf"));
    EXPECT_EQ(p->find("name"), nullptr);
  }
}

} // namespace
} // namespace accord::model

namespace accord::model {
namespace {

TEST(Documents, ManagerReviewOfAVisit) {
  Doc doc(DocOptions::with_client_id(1));
  Doc other(DocOptions::with_client_id(2));
  VisitLog log(doc);
  std::optional<RecordRef> v;
  {
    Edit e(doc, testing::alice(), testing::kT0);
    ASSERT_TRUE(VisitLog::create(e, "acme").ok());
    v = *log.add_visit(e, "2026-03-01T10:00+08:00", "alice");
  }
  {
    Edit e(doc, Actor{"maria", "desktop"}, testing::kT0 + 3600000);
    EXPECT_EQ(log.review(e, *v, std::string(3000, 'x')).code(), StatusCode::kInvalidArgument);
    ASSERT_TRUE(log.review(e, *v, "好的，下次带上技术经理").is_ok());
  }
  EXPECT_EQ(v->get(visit::kReviewed), true);
  EXPECT_EQ(v->get(visit::kReviewedBy), "maria");
  EXPECT_EQ(v->get(visit::kReviewedAt), testing::kT0 + 3600000);
  EXPECT_EQ(v->get(visit::kReviewComment), "好的，下次带上技术经理");
  Edit e(other, testing::alice(), testing::kT0);
  EXPECT_EQ(VisitLog(other).review(e, *v, "").code(), StatusCode::kInvalidArgument);
}

} // namespace
} // namespace accord::model
