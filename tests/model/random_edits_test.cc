// Randomized concurrent editing through the model API: three replicas make random edits
// (records created and archived, fields set and cleared, set members added and removed, text
// inserted) and sync in random pairs; at the end all replicas agree, no created record is lost
// and every field holds a value some replica wrote. Each seed is printed on failure; replay one
// with ACCORD_MODEL_SEED=<seed>.
#include <gtest/gtest.h>

#include <cstdlib>
#include <random>
#include <set>

#include "accord/model/account_schema.h"
#include "accord/model/contact_schema.h"
#include "model_test_util.h"

namespace accord::model {
namespace {

using testing::kT0;

struct Peer {
  Doc doc;
  Actor actor;
};

void run(std::uint64_t seed) {
  SCOPED_TRACE("ACCORD_MODEL_SEED=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
  std::vector<Peer> peers;
  peers.push_back(Peer{Doc(DocOptions::with_client_id(1)), Actor{"u1", "d1"}});
  testing::make_account(peers[0].doc);
  peers.push_back(Peer{testing::replica(peers[0].doc, 2), Actor{"u2", "d2"}});
  peers.push_back(Peer{testing::replica(peers[0].doc, 3), Actor{"u3", "d3"}});
  std::set<std::string> created;
  const std::vector<const FieldInfo*> fields = {&contact::kStance,     &contact::kInfluence,
                                                &contact::kHiddenRank, &contact::kTitle,
                                                &contact::kX,          &contact::kLevel};
  for (int step = 0; step < 60; ++step) {
    Peer& p = peers[pick(peers.size())];
    AccountDocument acc(p.doc);
    Edit e(p.doc, p.actor, kT0 + step, rng());
    const auto contacts = acc.list(kContactRecord, true);
    const std::size_t action = contacts.empty() ? 0 : pick(7);
    if (action == 0) {
      auto c = acc.add_contact(e, "c" + std::to_string(step));
      ASSERT_TRUE(c.ok());
      created.insert(c->id());
      continue;
    }
    const RecordRef c = contacts[pick(contacts.size())];
    switch (action) {
      case 1:
      case 2: {
        const FieldInfo& f = *fields[pick(fields.size())];
        Any v;
        if (f.kind == FieldKind::kEnum) {
          v = Any(std::string(f.enum_info->entries[pick(f.enum_info->entries.size())].code));
        } else if (f.kind == FieldKind::kInt) {
          v = Any(static_cast<double>(1 + pick(50)));
        } else if (f.kind == FieldKind::kNumber) {
          v = Any(static_cast<double>(pick(1000)) - 500);
        } else {
          v = Any("t" + std::to_string(pick(100)));
        }
        ASSERT_TRUE(c.set_value(e, f.key, v).is_ok()) << f.key;
        break;
      }
      case 3:
        ASSERT_TRUE(c.add(e, contact::kBuyingRoles, static_cast<BuyingRole>(pick(9))).is_ok());
        break;
      case 4:
        ASSERT_TRUE(c.remove(e, contact::kBuyingRoles, static_cast<BuyingRole>(pick(9))).is_ok());
        break;
      case 5: {
        TextRef t = c.text(contact::kNotes);
        ASSERT_TRUE(t.insert(e.txn(), pick(t.length() + 1), "注" + std::to_string(step)).is_ok());
        c.note_text_edit(e, contact::kNotes);
        break;
      }
      default: ASSERT_TRUE(c.set_archived(e, pick(2) == 0).is_ok()); break;
    }
    e.commit();
    if (pick(3) == 0) {
      const std::size_t a = pick(peers.size());
      const std::size_t b = (a + 1 + pick(peers.size() - 1)) % peers.size();
      testing::sync(peers[a].doc, peers[b].doc);
    }
  }
  for (int round = 0; round < 2; ++round) {
    testing::sync(peers[0].doc, peers[1].doc);
    testing::sync(peers[1].doc, peers[2].doc);
    testing::sync(peers[0].doc, peers[2].doc);
  }
  testing::expect_same_json(peers[0].doc, peers[1].doc);
  testing::expect_same_json(peers[0].doc, peers[2].doc);
  AccountDocument acc(peers[0].doc);
  std::set<std::string> present;
  for (const auto& c : acc.list(kContactRecord, true)) present.insert(c.id());
  EXPECT_EQ(present, created);
  // Every peer's journal holds the same entries in the same order.
  const auto j0 = journal(peers[0].doc);
  for (std::size_t i = 1; i < peers.size(); ++i) {
    const auto ji = journal(peers[i].doc);
    ASSERT_EQ(j0.size(), ji.size());
    for (std::size_t k = 0; k < j0.size(); ++k) {
      EXPECT_EQ(j0[k].record, ji[k].record);
      EXPECT_EQ(j0[k].field, ji[k].field);
      EXPECT_EQ(j0[k].at_ms, ji[k].at_ms);
    }
  }
}

TEST(RandomEdits, ReplicasConvergeAndLoseNothing) {
  if (const char* s = std::getenv("ACCORD_MODEL_SEED")) {
    run(std::strtoull(s, nullptr, 10));
    return;
  }
  for (std::uint64_t seed = 1; seed <= 12; ++seed) {
    run(seed);
    if (::testing::Test::HasFatalFailure()) return;
  }
}

} // namespace
} // namespace accord::model
