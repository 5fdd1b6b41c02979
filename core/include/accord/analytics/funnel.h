#pragma once
/// The sales funnel 销售漏斗 and conversion rates 转化率 over a period [from, to) (DOMAIN.md
/// sections 4 and 5). Stage history comes from the change journal of each account's
/// funnel_stage field (model/history.h): the stage at a moment is the last value journaled
/// before it. Accounts whose stage was never journaled (e.g. written by other software) count
/// only in `at_end` with their current stage.
///
/// Stage conversion s -> next: of the accounts that were at stage s at some point in the period
/// (at s at the start, or entering s, or passing it on the way up), the share that reached a
/// later stage before the end. Lost never counts as reached.
/// Visit conversion (visits in the period with a result): effective call rate = reached or
/// better / all; appointment rate = appointment or better / reached or better; meeting success
/// rate = meeting success or better / appointment or better; close rate = closed / meeting
/// success or better. VIP conversion = the regular -> key stage conversion; VIP loyalty = of the
/// accounts that were key or won at the start, the share that is key or won at the end.

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "accord/analytics/inputs.h"
#include "accord/model/activity_enums.h"

namespace accord::analytics {

/// Accounts per stage.
struct StageCount {
  model::FunnelStage stage{}; ///< the stage
  int at_start = 0;           ///< at this stage at `from`
  int entered = 0;            ///< set to this stage during the period
  int at_end = 0;             ///< at this stage just before `to`
};

/// Conversion from one stage to the next.
struct StageConversion {
  model::FunnelStage from{};  ///< the stage
  model::FunnelStage to{};    ///< the next stage
  int passed_through = 0;     ///< accounts at `from` at some point in the period
  int converted = 0;          ///< of which reached `to` or later
  std::optional<double> rate; ///< converted / passed_through (unset when none passed)
};

/// Conversion of visits.
struct VisitConversion {
  int with_result = 0;                        ///< visits in the period with a result
  int reached = 0;                            ///< reached or better
  int appointments = 0;                       ///< appointment or better
  int meetings = 0;                           ///< meeting success or better
  int closed = 0;                             ///< closed
  std::optional<double> effective_call_rate;  ///< reached / with_result
  std::optional<double> appointment_rate;     ///< appointments / reached
  std::optional<double> meeting_success_rate; ///< meetings / appointments
  std::optional<double> close_rate;           ///< closed / meetings
};

/// The funnel report of a period.
struct FunnelReport {
  std::vector<StageCount> stages;           ///< all six stages in order
  std::vector<StageConversion> conversions; ///< prospect->possible ... key->won
  int lost = 0;                             ///< accounts that became lost in the period
  VisitConversion visits;                   ///< visit conversion rates
  std::optional<double> vip_conversion;     ///< regular -> key
  std::optional<double> vip_loyalty;        ///< key/won at start still key/won at end
};

/// Computes the funnel of `accounts` over [from_ms, to_ms). O(journal + visits).
FunnelReport funnel(std::span<const AccountInput> accounts, std::int64_t from_ms,
                    std::int64_t to_ms);

} // namespace accord::analytics
