// The access rule: role x operation x team, and document names.
#include "authorizer.h"

#include <gtest/gtest.h>

namespace accord::server {
namespace {

Principal member_of(std::vector<Membership> teams) {
  Principal principal;
  principal.user = "ann";
  principal.teams = std::move(teams);
  return principal;
}

TEST(AuthorizerTest, RoleTimesOperationTimesTeam) {
  struct Case {
    Role role;
    const char* document;
    Operation op;
    bool allowed;
  };
  const Case cases[] = {
      {Role::kOwner, "acme/index", Operation::kRead, true},
      {Role::kOwner, "acme/index", Operation::kWrite, true},
      {Role::kMember, "acme/account/1", Operation::kRead, true},
      {Role::kMember, "acme/account/1", Operation::kWrite, true},
      {Role::kViewer, "acme/visits/1", Operation::kRead, true},
      {Role::kViewer, "acme/visits/1", Operation::kWrite, false},
      {Role::kOwner, "globex/index", Operation::kRead, false},
      {Role::kOwner, "globex/index", Operation::kWrite, false},
      {Role::kMember, "globex/index", Operation::kRead, false},
      {Role::kViewer, "globex/index", Operation::kRead, false},
      {Role::kOwner, "acmex/index", Operation::kRead, false}, // a prefix is not the team
      {Role::kOwner, "acm/index", Operation::kRead, false},
  };
  for (const Case& c : cases) {
    const Decision decision = authorize(member_of({{"acme", c.role}}), c.document, c.op);
    EXPECT_EQ(decision.allowed, c.allowed) << role_name(c.role) << " " << operation_name(c.op)
                                           << " " << c.document << ": " << decision.reason;
    EXPECT_FALSE(decision.reason.empty());
  }
  EXPECT_FALSE(authorize(member_of({}), "acme/index", Operation::kRead).allowed);
  const Principal both = member_of({{"acme", Role::kViewer}, {"globex", Role::kMember}});
  EXPECT_FALSE(authorize(both, "acme/index", Operation::kWrite).allowed);
  EXPECT_TRUE(authorize(both, "globex/index", Operation::kWrite).allowed);
}

TEST(AuthorizerTest, DocumentNames) {
  EXPECT_EQ(document_team("acme/index").value(), "acme");
  EXPECT_EQ(document_team("acme/account/0192f1d2-7c4e-7a00-8000-000000000001").value(), "acme");
  for (const std::string& bad : std::vector<std::string>{
           "", "acme", "/index", "acme/", "acme//index", "acme/../globex/x", "acme/./x", "acme/a b",
           "acme/a%2f", "acme/\xc3\xa9", std::string(513, 'a') + "/x"}) {
    EXPECT_FALSE(document_team(bad).ok()) << bad;
    EXPECT_FALSE(authorize(member_of({{"acme", Role::kOwner}}), bad, Operation::kRead).allowed);
  }
}

} // namespace
} // namespace accord::server
