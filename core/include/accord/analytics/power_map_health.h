#pragma once
/// Power-map health 权力地图 of one account: what a good map shows at a glance (DOMAIN.md
/// section 2): who decides, who can block, who supports us, which roles are still unknown
/// ("the unknown is the risk" 未知就是风险) and whether we rely on one person, as a score from 0
/// to 100 with the reasons that lowered it.
///
/// Rules (live contacts only; each failed rule adds a Reason with its points):
///   unknown_role        -4 for each of the nine buying roles no contact holds
///   no_stance_known     -10 when no contact has a stance
///   support_negative    -15 when the influence-weighted stance is below 0
///   support_weak        -5  when it is in [0, 0.5)
///                       (stance champion +2, supporter +1, neutral 0, skeptic -1, opponent -2;
///                        weight by influence high 3, medium 2, low or unset 1)
///   high_influence_opponent  -10 for each opponent of high influence (at most -20)
///   no_support          -20 when no contact is engaged (champion or supporter)
///   single_threaded     -15 when exactly one is
///   no_coach            -10 when no contact is a coach (inside help = coach)
///   no_executive_access -10 when no top-level contact who is not a skeptic or opponent was
///                        met in a visit at or before now
///   zipper_gap          -5 for each level (top, middle, base) that has contacts of which fewer
///                        than half have a counterpart on our account team at the same level
///   stale_contact       -3 for each key contact (engaged, high influence or decider) not met
///                        within the cadence (at most -15)
/// The score is 100 plus the points, clamped to [0, 100].

#include <cstdint>
#include <string>
#include <vector>

#include "accord/analytics/inputs.h"
#include "accord/model/account_enums.h"
#include "accord/model/contact_enums.h"

namespace accord::analytics {

/// Why a score was lowered.
struct Reason {
  std::string code;    ///< stable rule code, e.g. "unknown_role"
  int points = 0;      ///< the deduction (negative)
  std::string message; ///< what a person reads (English; codes are for translation)
  std::string subject; ///< the role code or contact id the reason is about, if any
};

/// Who holds one buying role.
struct RoleCoverage {
  model::BuyingRole role = model::BuyingRole::kDecider; ///< the role
  std::vector<std::string> contacts;                    ///< contact ids holding it
};

/// Zipper coverage 拉链式关系网 at one level.
struct ZipperLevel {
  model::OrgLevel level = model::OrgLevel::kTop; ///< the level
  int contacts = 0;                              ///< their contacts at this level
  int covered = 0; ///< of which paired with one of ours at the same level
};

/// The health of one power map.
struct PowerMapHealth {
  int score = 100;                                   ///< 0..100
  std::vector<RoleCoverage> roles;                   ///< all nine roles in enum order
  std::vector<model::BuyingRole> unknown_roles;      ///< roles nobody holds
  double support_balance = 0;                        ///< -2..2 (0 when no stance is known)
  int contacts_with_stance = 0;                      ///< contacts counted in the balance
  std::vector<std::string> high_influence_opponents; ///< contact ids
  std::vector<std::string> engaged;                  ///< champions and supporters
  bool single_threaded = false;                      ///< at most one engaged contact
  std::vector<std::string> coaches;                  ///< contact ids
  bool executive_access = false;                     ///< see the rules
  std::vector<ZipperLevel> zipper;                   ///< top, middle, base
  std::vector<std::string> stale_contacts;           ///< key contacts not met within the cadence
  std::vector<Reason> reasons;                       ///< every deduction, in rule order
};

/// Computes the health of `input`'s map at `now_ms` with a follow-up cadence of `cadence_days`.
/// O(contacts + visits).
PowerMapHealth power_map_health(const AccountInput& input, std::int64_t now_ms, int cadence_days);
/// The same with the touches of `input.visits` at `now_ms` computed already (last_touches), for
/// a caller that needs them too. O(contacts).
PowerMapHealth power_map_health(const AccountInput& input, std::int64_t now_ms, int cadence_days,
                                const Touches& touches);

} // namespace accord::analytics
