#pragma once
/// Tiering 客户分级: each account placed in the attractiveness x relationship matrix (DOMAIN.md
/// section 1) with the strategy its cell suggests, and the 80/20 revenue concentration
/// (帕累托二八法则).
///
/// Relationship strength is grouped into strong (very strong, good), middling (developing,
/// limited) and weak (defensive, declining). The cells suggest:
///                 strong     middling    weak
///   high          invest     develop     recover
///   medium        maintain   selective   monitor
///   low           harvest    minimal     withdraw

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "accord/model/account_enums.h"
#include "accord/model/documents.h"
#include "accord/model/enum_info.h"

namespace accord::analytics {

/// The strategy a cell of the matrix suggests.
enum class Strategy : std::uint8_t {
  kInvest,
  kDevelop,
  kRecover,
  kMaintain,
  kSelective,
  kMonitor,
  kHarvest,
  kMinimal,
  kWithdraw
};

/// The strategy for an attractiveness and a relationship strength (see the table above).
Strategy suggest_strategy(model::Grade attractiveness, model::RelationshipStrength relationship);

/// One account in the matrix.
struct TieringEntry {
  std::string account_id;                     ///< the account
  std::string name;                           ///< its name
  model::Grade attractiveness{};              ///< row
  model::RelationshipStrength relationship{}; ///< column (ungrouped)
  Strategy strategy{};                        ///< suggested strategy
  std::optional<model::Tier> tier;            ///< its tier
  double revenue = 0;                         ///< our sales (0 when unset)
};

/// The matrix and the revenue concentration.
struct TieringReport {
  std::vector<TieringEntry> placed;      ///< accounts with both axes set, by revenue (desc), id
  std::vector<std::string> unplaced;     ///< account ids missing an axis (or with an unknown code)
  double total_revenue = 0;              ///< sum of our sales over all accounts
  int accounts_with_revenue = 0;         ///< accounts whose our sales is > 0
  std::vector<std::string> top_accounts; ///< fewest accounts (by revenue, desc) reaching >= 80%
  double top_account_share = 0;          ///< top_accounts / accounts_with_revenue (0 when none)
  double top_revenue_share = 0;          ///< their revenue / total_revenue (0 when none)
};

/// Places `accounts` and computes the concentration. O(n log n).
TieringReport tiering(std::span<const model::AccountDocument* const> accounts);

} // namespace accord::analytics

namespace accord::model {
/// Codes and labels of the strategies.
inline constexpr EnumEntry kStrategyEntries[] = {
    {"invest", "Invest and expand", "重点投入，扩大合作"},
    {"develop", "Develop the relationship", "发展关系"},
    {"recover", "Recover the relationship", "重点挽回"},
    {"maintain", "Maintain", "维持"},
    {"selective", "Invest selectively", "选择性投入"},
    {"monitor", "Monitor", "观察"},
    {"harvest", "Harvest: serve efficiently", "收获：高效服务"},
    {"minimal", "Minimal-cost coverage", "低成本维护"},
    {"withdraw", "Reduce or withdraw", "减少投入或退出"},
};
ACCORD_MODEL_ENUM(analytics::Strategy, "strategy", kStrategyEntries);
} // namespace accord::model
