#pragma once
// Hand-built fixtures of the analytics tests: an account document and its visit log in fresh
// docs, edited through the model API at chosen times.
#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "accord/analytics/inputs.h"
#include "accord/model/account_schema.h"
#include "accord/model/activity_schema.h"
#include "accord/model/contact_schema.h"
#include "accord/model/documents.h"
#include "accord/model/plan_schema.h"
#include "accord/model/team_schema.h"

namespace accord::analytics::testing {

using namespace accord::model;

/// 2026-03-02T09:00:00Z.
inline constexpr std::int64_t kNow = 1772442000000;
inline constexpr std::int64_t kDay = 86400000;

inline Actor rep(std::string user = "alice") { return Actor{std::move(user), "laptop"}; }

/// An account document and its visit log.
struct AccountFixture {
  explicit AccountFixture(std::string id, std::string name = "")
      : account_doc(DocOptions::with_client_id(next_client())),
        visit_doc(DocOptions::with_client_id(next_client())),
        account(account_doc),
        visits(visit_doc) {
    Edit e(account_doc, rep(), kNow - 400 * kDay, 1);
    EXPECT_TRUE(AccountDocument::create(e, id, name.empty() ? id : name).ok());
    Edit ev(visit_doc, rep(), kNow - 400 * kDay, 2);
    EXPECT_TRUE(VisitLog::create(ev, id).ok());
  }
  static std::uint64_t next_client() {
    static std::uint64_t n = 1000;
    return ++n;
  }
  AccountInput input() const { return AccountInput{&account, &visits}; }

  /// Sets an account field at time `at`.
  template <typename F, typename V>
  void set(const F& field, V value, std::int64_t at = kNow - 300 * kDay) {
    Edit e(account_doc, rep(), at);
    ASSERT_TRUE(account.account().set(e, field, value).is_ok()) << field.key;
  }

  /// Adds a contact and returns its id.
  std::string contact(const std::string& name, OrgLevel level, std::vector<BuyingRole> roles,
                      std::optional<Stance> stance, std::optional<Grade> influence) {
    Edit e(account_doc, rep(), kNow - 300 * kDay);
    auto c = account.add_contact(e, name);
    EXPECT_TRUE(c.ok());
    EXPECT_TRUE(c->set(e, contact::kLevel, level).is_ok());
    for (BuyingRole r : roles) EXPECT_TRUE(c->add(e, contact::kBuyingRoles, r).is_ok());
    if (stance) {
      EXPECT_TRUE(c->set(e, contact::kStance, *stance).is_ok());
    }
    if (influence) {
      EXPECT_TRUE(c->set(e, contact::kInfluence, *influence).is_ok());
    }
    return c->id();
  }

  /// Edits a contact.
  template <typename F, typename V>
  void set_contact(const std::string& id, const F& field, V value,
                   std::int64_t at = kNow - 300 * kDay) {
    Edit e(account_doc, rep(), at);
    ASSERT_TRUE(account.find(kContactRecord, id)->set(e, field, value).is_ok()) << field.key;
  }

  /// Adds a member of our account team at `level` and returns its id.
  std::string member(const std::string& user, TeamRole role, OrgLevel level) {
    Edit e(account_doc, rep(), kNow - 300 * kDay);
    auto m = account.add(e, kTeamMemberRecord);
    EXPECT_TRUE(m->set(e, team_member::kUser, user).is_ok());
    EXPECT_TRUE(m->set(e, team_member::kRole, role).is_ok());
    EXPECT_TRUE(m->set(e, team_member::kLevel, level).is_ok());
    return m->id();
  }

  /// Logs a visit at `at` by `by` meeting `contacts`; returns its id.
  std::string visit(std::int64_t at, std::vector<std::string> contacts = {},
                    std::string by = "alice") {
    Edit e(visit_doc, rep(by), at);
    auto v = visits.add_visit(e, format_date_time(at), by);
    EXPECT_TRUE(v.ok()) << v.status().to_string();
    for (const auto& c : contacts) EXPECT_TRUE(v->add(e, visit::kContacts, c).is_ok());
    return v->id();
  }

  /// Edits a visit.
  template <typename F, typename V>
  void set_visit(const std::string& id, const F& field, V value) {
    Edit e(visit_doc, rep(), kNow - kDay);
    ASSERT_TRUE(find_record(visit_doc, kVisitRecord, id)->set(e, field, value).is_ok())
        << field.key;
  }

  Doc account_doc;
  Doc visit_doc;
  AccountDocument account;
  VisitLog visits;
};

} // namespace accord::analytics::testing
