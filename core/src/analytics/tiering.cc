// The attractiveness x relationship matrix and the 80/20 revenue concentration.
#include "accord/analytics/tiering.h"

#include <algorithm>

#include "accord/analytics/inputs.h"
#include "accord/model/account_schema.h"

namespace accord::analytics {

using namespace accord::model;

Strategy suggest_strategy(Grade attractiveness, RelationshipStrength relationship) {
  // 0 strong, 1 middling, 2 weak.
  int col = 2;
  switch (relationship) {
    case RelationshipStrength::kVeryStrong:
    case RelationshipStrength::kGood: col = 0; break;
    case RelationshipStrength::kDeveloping:
    case RelationshipStrength::kLimited: col = 1; break;
    case RelationshipStrength::kDefensive:
    case RelationshipStrength::kDeclining: col = 2; break;
  }
  static constexpr Strategy kCells[3][3] = {
      {Strategy::kInvest, Strategy::kDevelop, Strategy::kRecover},
      {Strategy::kMaintain, Strategy::kSelective, Strategy::kMonitor},
      {Strategy::kHarvest, Strategy::kMinimal, Strategy::kWithdraw},
  };
  return kCells[static_cast<int>(attractiveness)][col];
}

TieringReport tiering(std::span<const AccountDocument* const> accounts) {
  TieringReport r;
  struct Revenue {
    std::string id;
    double amount;
  };
  std::vector<Revenue> revenues;
  for (const AccountDocument* doc : accounts) {
    RecordRef a = doc->account();
    const double revenue = std::max(0.0, a.get(account::kOurSales).value_or(0.0));
    r.total_revenue += revenue;
    if (revenue > 0) revenues.push_back({doc->id(), revenue});
    const auto attr = a.get(account::kAttractiveness).value();
    const auto rel = a.get(account::kRelationship).value();
    if (!attr || !rel) {
      r.unplaced.push_back(doc->id());
      continue;
    }
    TieringEntry e;
    e.account_id = doc->id();
    e.name = account_label(*doc);
    e.attractiveness = *attr;
    e.relationship = *rel;
    e.strategy = suggest_strategy(*attr, *rel);
    e.tier = a.get(account::kTier).value();
    e.revenue = revenue;
    r.placed.push_back(std::move(e));
  }
  std::sort(r.placed.begin(), r.placed.end(), [](const TieringEntry& x, const TieringEntry& y) {
    if (x.revenue != y.revenue) return x.revenue > y.revenue;
    return x.account_id < y.account_id;
  });
  std::sort(r.unplaced.begin(), r.unplaced.end());
  std::sort(revenues.begin(), revenues.end(), [](const Revenue& x, const Revenue& y) {
    if (x.amount != y.amount) return x.amount > y.amount;
    return x.id < y.id;
  });
  r.accounts_with_revenue = static_cast<int>(revenues.size());
  if (r.total_revenue > 0) {
    double sum = 0;
    for (const auto& rev : revenues) {
      if (sum >= 0.8 * r.total_revenue) break;
      sum += rev.amount;
      r.top_accounts.push_back(rev.id);
    }
    r.top_account_share =
        static_cast<double>(r.top_accounts.size()) / static_cast<double>(revenues.size());
    r.top_revenue_share = sum / r.total_revenue;
  }
  return r;
}

} // namespace accord::analytics
