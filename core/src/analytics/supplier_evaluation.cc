// Weighted supplier evaluation scores.
#include "accord/analytics/supplier_evaluation.h"

#include <algorithm>
#include <map>

#include "accord/model/account_schema.h"

namespace accord::analytics {

using namespace accord::model;

std::vector<SupplierScore> supplier_scores(const AccountDocument& account) {
  std::map<std::string, SupplierScore> by_supplier;
  by_supplier[""] = SupplierScore{};
  std::map<std::string, double> weighted;
  for (const RecordRef& line : account.list(kEvaluationRecord)) {
    const auto score = line.get(evaluation::kScore).value();
    const double weight = line.get(evaluation::kWeight).value_or(0);
    if (!score || weight <= 0) continue;
    const std::string supplier = line.get(evaluation::kSupplier).value_or("");
    SupplierScore& s = by_supplier[supplier];
    s.supplier = supplier;
    ++s.lines;
    s.total_weight += weight;
    weighted[supplier] += weight * (static_cast<int>(*score) + 1);
  }
  std::vector<SupplierScore> out;
  for (auto& [id, s] : by_supplier) {
    if (s.total_weight > 0) s.weighted_score = weighted[id] / s.total_weight;
    if (!id.empty()) {
      if (auto c = account.find(kCompetitorRecord, id))
        s.name = c->get(competitor::kName).value_or("");
    }
    out.push_back(s);
  }
  std::stable_sort(out.begin() + 1, out.end(), [](const SupplierScore& a, const SupplierScore& b) {
    const double sa = a.weighted_score.value_or(-1);
    const double sb = b.weighted_score.value_or(-1);
    if (sa != sb) return sa > sb;
    return a.supplier < b.supplier;
  });
  return out;
}

} // namespace accord::analytics
