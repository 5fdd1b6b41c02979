#pragma once
/// Vocabularies of contacts and the power map (DOMAIN.md section 2, 权力地图).

#include <cstdint>

#include "accord/model/enum_info.h"

namespace accord::model {

/// Department of a contact.
enum class Department : std::uint8_t {
  kExecutive,
  kProcurement,
  kTechnical,
  kUser,
  kFinance,
  kOther
};
inline constexpr EnumEntry kDepartmentEntries[] = {
    {"executive", "Executive / decision layer", "决策层"},
    {"procurement", "Procurement", "采购部门"},
    {"technical", "Technical", "技术部门"},
    {"user", "User department", "使用部门"},
    {"finance", "Finance", "财务部门"},
    {"other", "Other", "其他"},
};
ACCORD_MODEL_ENUM(Department, "department", kDepartmentEntries);

/// Management level 管理层次, top first (also used for our team members, for zipper pairing).
enum class OrgLevel : std::uint8_t { kTop, kMiddle, kBase };
inline constexpr EnumEntry kOrgLevelEntries[] = {
    {"top", "Top", "高层"},
    {"middle", "Middle", "中层"},
    {"base", "Base", "基层"},
};
ACCORD_MODEL_ENUM(OrgLevel, "org_level", kOrgLevelEntries);

/// The nine buying roles 购买角色 (several may apply to one contact).
enum class BuyingRole : std::uint8_t {
  kDecider,
  kPayer,
  kPurchaser,
  kUser,
  kBeneficiary,
  kEvaluator,
  kFacilitator,
  kInitiator,
  kSaboteur
};
inline constexpr EnumEntry kBuyingRoleEntries[] = {
    {"decider", "Decider", "决策的人"},
    {"payer", "Payer", "付钱的人"},
    {"purchaser", "Purchaser", "采购的人"},
    {"user", "User", "使用的人"},
    {"beneficiary", "Beneficiary", "受益的人"},
    {"evaluator", "Evaluator (sets the criteria)", "定标的人"},
    {"facilitator", "Facilitator", "促进的人"},
    {"initiator", "Initiator", "刺激的人"},
    {"saboteur", "Saboteur", "破坏的人"},
};
ACCORD_MODEL_ENUM(BuyingRole, "buying_role", kBuyingRoleEntries);

/// Stance toward us 立场, most favourable first.
enum class Stance : std::uint8_t { kChampion, kSupporter, kNeutral, kSkeptic, kOpponent };
inline constexpr EnumEntry kStanceEntries[] = {
    {"champion", "Champion", "拥护者"}, {"supporter", "Supporter", "支持者"},
    {"neutral", "Neutral", "中立者"},   {"skeptic", "Skeptic", "怀疑者"},
    {"opponent", "Opponent", "反对者"},
};
ACCORD_MODEL_ENUM(Stance, "stance", kStanceEntries);

/// Inside help: an informant 线人 or a coach 教练.
enum class InsideHelp : std::uint8_t { kInformant, kCoach };
inline constexpr EnumEntry kInsideHelpEntries[] = {
    {"informant", "Informant", "线人"},
    {"coach", "Coach", "教练"},
};
ACCORD_MODEL_ENUM(InsideHelp, "inside_help", kInsideHelpEntries);

/// DISC personality DISC 性格.
enum class Disc : std::uint8_t { kD, kI, kS, kC };
inline constexpr EnumEntry kDiscEntries[] = {
    {"d", "D Dominance", "D 支配型"},
    {"i", "I Influence", "I 影响型"},
    {"s", "S Steadiness", "S 稳健型"},
    {"c", "C Conscientiousness", "C 谨慎型"},
};
ACCORD_MODEL_ENUM(Disc, "disc", kDiscEntries);

/// Leadership style of an executive.
enum class LeadershipStyle : std::uint8_t { kTelling, kSelling, kParticipating, kDelegating };
inline constexpr EnumEntry kLeadershipStyleEntries[] = {
    {"telling", "Telling", "告之型"},
    {"selling", "Selling", "推销型"},
    {"participating", "Participating", "参与型"},
    {"delegating", "Delegating", "授权型"},
};
ACCORD_MODEL_ENUM(LeadershipStyle, "leadership_style", kLeadershipStyleEntries);

/// Personal need 个人需求.
enum class PersonalNeed : std::uint8_t { kSafety, kBelonging, kEsteem, kSelfActualisation };
inline constexpr EnumEntry kPersonalNeedEntries[] = {
    {"safety", "Safety", "安全"},
    {"belonging", "Belonging", "归属"},
    {"esteem", "Esteem", "尊重"},
    {"self_actualisation", "Self-actualisation", "自我实现"},
};
ACCORD_MODEL_ENUM(PersonalNeed, "personal_need", kPersonalNeedEntries);

/// Decision blockers 决策阻碍 (several may apply).
enum class DecisionBlocker : std::uint8_t { kPsychological, kAttitude, kAbility, kRiskFear };
inline constexpr EnumEntry kDecisionBlockerEntries[] = {
    {"psychological", "Psychological", "心理"},
    {"attitude", "Attitude", "态度"},
    {"ability", "Ability", "能力"},
    {"risk_fear", "Fear of risk", "风险恐惧"},
};
ACCORD_MODEL_ENUM(DecisionBlocker, "decision_blocker", kDecisionBlockerEntries);

/// Circle around the boss 圈子, innermost first.
enum class Circle : std::uint8_t { kInner, kEdge, kOuter };
inline constexpr EnumEntry kCircleEntries[] = {
    {"inner", "Inner circle", "内圈"},
    {"edge", "Edge", "边圈"},
    {"outer", "Outer circle", "外圈"},
};
ACCORD_MODEL_ENUM(Circle, "circle", kCircleEntries);

/// Closeness to us 关系层次, closest first.
enum class Closeness : std::uint8_t {
  kBeloved,
  kIntimate,
  kOrdinary,
  kColleague,
  kStranger,
  kOutermost
};
inline constexpr EnumEntry kClosenessEntries[] = {
    {"beloved", "Beloved", "至爱层"},   {"intimate", "Intimate", "亲密层"},
    {"ordinary", "Ordinary", "普通层"}, {"colleague", "Colleague", "同事层"},
    {"stranger", "Stranger", "陌生层"}, {"outermost", "Outermost", "最外层"},
};
ACCORD_MODEL_ENUM(Closeness, "closeness", kClosenessEntries);

/// Trust quadrant (which interests we meet).
enum class TrustQuadrant : std::uint8_t { kOutsider, kFriend, kSupplier, kPartner };
inline constexpr EnumEntry kTrustQuadrantEntries[] = {
    {"outsider", "Outsider (neither)", "局外人"},
    {"friend", "Friend (personal only)", "朋友"},
    {"supplier", "Supplier (organisation only)", "供应商"},
    {"partner", "Partner (both)", "合作伙伴"},
};
ACCORD_MODEL_ENUM(TrustQuadrant, "trust_quadrant", kTrustQuadrantEntries);

/// Kind of a link between two contacts 内部政治.
enum class LinkKind : std::uint8_t { kReportsTo, kAlly, kRival, kKinship, kFaction };
inline constexpr EnumEntry kLinkKindEntries[] = {
    {"reports_to", "Reports to", "上下级"},  {"ally", "Ally", "联盟"},
    {"rival", "Rival / opposition", "对立"}, {"kinship", "Kinship / patronage", "裙带"},
    {"faction", "Same faction", "派系"},
};
ACCORD_MODEL_ENUM(LinkKind, "link_kind", kLinkKindEntries);

} // namespace accord::model
