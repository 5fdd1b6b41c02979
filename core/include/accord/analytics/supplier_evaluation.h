#pragma once
/// Supplier evaluation 供应商评估 (DOMAIN.md section 1): attributes x weight x score, where a
/// score is poor 1, fair 2, good 3 or excellent 4. Each line of the account's evaluation scores
/// one supplier (us when the line names no competitor) on one attribute. A supplier's weighted
/// score is sum(weight x score) / sum(weight) over its scored lines with a positive weight.

#include <optional>
#include <string>
#include <vector>

#include "accord/analytics/inputs.h"

namespace accord::analytics {

/// One supplier's result.
struct SupplierScore {
  std::string supplier;                 ///< "" for us, else the competitor id
  std::string name;                     ///< "" for us, else the competitor's name
  int lines = 0;                        ///< scored lines counted
  double total_weight = 0;              ///< sum of their weights
  std::optional<double> weighted_score; ///< 1..4 (unset when no weight)
};

/// Scores per supplier: us first, then competitors by score (desc), then id. Lines without a
/// score or with an unknown score code are skipped. O(lines).
std::vector<SupplierScore> supplier_scores(const model::AccountDocument& account);

} // namespace accord::analytics
