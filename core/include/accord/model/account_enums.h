#pragma once
/// Vocabularies of the account record (DOMAIN.md section 1, 大客户). Codes are stable; the
/// order of enumerators follows DOMAIN.md and is meaningful where noted.

#include <cstdint>

#include "accord/model/enum_info.h"

namespace accord::model {

/// Classification 客户类别.
enum class Classification : std::uint8_t { kKey, kRegular, kProspect, kUnattractive };
inline constexpr EnumEntry kClassificationEntries[] = {
    {"key", "Key account", "重点客户"},
    {"regular", "Regular account", "普通客户"},
    {"prospect", "Prospect", "可能成为客户的企业"},
    {"unattractive", "Unattractive", "没有吸引力的对象"},
};
ACCORD_MODEL_ENUM(Classification, "classification", kClassificationEntries);

/// Tier 客户分级: A, B, C (A gets the tightest follow-up cadence).
enum class Tier : std::uint8_t { kA, kB, kC };
inline constexpr EnumEntry kTierEntries[] = {
    {"a", "A", "A类"},
    {"b", "B", "B类"},
    {"c", "C", "C类"},
};
ACCORD_MODEL_ENUM(Tier, "tier", kTierEntries);

/// A three-step grade, highest first: attractiveness 吸引力, influence 影响力, willingness,
/// ability, switching cost, risk.
enum class Grade : std::uint8_t { kHigh, kMedium, kLow };
inline constexpr EnumEntry kGradeEntries[] = {
    {"high", "High", "高"},
    {"medium", "Medium", "中"},
    {"low", "Low", "低"},
};
ACCORD_MODEL_ENUM(Grade, "grade", kGradeEntries);

/// Relationship strength 关系, strongest first.
enum class RelationshipStrength : std::uint8_t {
  kVeryStrong,
  kGood,
  kDeveloping,
  kLimited,
  kDefensive,
  kDeclining
};
inline constexpr EnumEntry kRelationshipStrengthEntries[] = {
    {"very_strong", "Very strong", "非常牢固"}, {"good", "Good", "良好"},
    {"developing", "Developing", "发展中"},     {"limited", "Limited", "相当有限"},
    {"defensive", "Defensive", "防守"},         {"declining", "Declining", "倒退"},
};
ACCORD_MODEL_ENUM(RelationshipStrength, "relationship_strength", kRelationshipStrengthEntries);

/// Relationship type 客户关系类型, lowest first.
enum class RelationshipType : std::uint8_t {
  kVendor,
  kPreferredSupplier,
  kPartner,
  kStrategicAlliance
};
inline constexpr EnumEntry kRelationshipTypeEntries[] = {
    {"vendor", "Vendor", "卖主关系"},
    {"preferred_supplier", "Preferred supplier", "被优先考虑的供应商"},
    {"partner", "Partner", "合作伙伴关系"},
    {"strategic_alliance", "Strategic alliance", "战略联盟关系"},
};
ACCORD_MODEL_ENUM(RelationshipType, "relationship_type", kRelationshipTypeEntries);

/// Development stage 开发阶段, earliest first.
enum class DevelopmentStage : std::uint8_t {
  kGestation,
  kInitialCooperation,
  kStableCooperation,
  kStrategicCooperation
};
inline constexpr EnumEntry kDevelopmentStageEntries[] = {
    {"gestation", "Gestation", "孕育阶段"},
    {"initial_cooperation", "Initial cooperation", "初期合作"},
    {"stable_cooperation", "Stable cooperation", "稳定合作"},
    {"strategic_cooperation", "Strategic cooperation", "战略合作"},
};
ACCORD_MODEL_ENUM(DevelopmentStage, "development_stage", kDevelopmentStageEntries);

/// Relationship cycle 客户关系周期 (not ordered).
enum class RelationshipCycle : std::uint8_t {
  kBreakthrough,
  kConsolidation,
  kGrowth,
  kHarvest,
  kDefense,
  kHibernation,
  kPause
};
inline constexpr EnumEntry kRelationshipCycleEntries[] = {
    {"breakthrough", "Breakthrough", "突破期"},
    {"consolidation", "Consolidation", "巩固期"},
    {"growth", "Growth", "成长期"},
    {"harvest", "Harvest", "收获期"},
    {"defense", "Defense", "防御期"},
    {"hibernation", "Hibernation", "冬眠期"},
    {"pause", "Pause", "暂停期"},
};
ACCORD_MODEL_ENUM(RelationshipCycle, "relationship_cycle", kRelationshipCycleEntries);

/// Organisation type 体制特征.
enum class OrganisationType : std::uint8_t { kPrivate, kStateOwned, kForeign, kGovernment };
inline constexpr EnumEntry kOrganisationTypeEntries[] = {
    {"private", "Private", "民营"},
    {"state_owned", "State-owned", "国有"},
    {"foreign", "Foreign-invested", "外资"},
    {"government", "Government body", "政府机构"},
};
ACCORD_MODEL_ENUM(OrganisationType, "organisation_type", kOrganisationTypeEntries);

/// Maturity of the organisation.
enum class Maturity : std::uint8_t { kMature, kStartUp };
inline constexpr EnumEntry kMaturityEntries[] = {
    {"mature", "Mature", "成熟型"},
    {"start_up", "Start-up", "初创型"},
};
ACCORD_MODEL_ENUM(Maturity, "maturity", kMaturityEntries);

/// The account's position in one of its own markets 客户的市场, strongest first.
enum class MarketPosition : std::uint8_t { kCore, kStrong, kBalanced, kWeak, kBlank };
inline constexpr EnumEntry kMarketPositionEntries[] = {
    {"core", "Core", "核心"}, {"strong", "Strong", "强势"}, {"balanced", "Balanced", "均势"},
    {"weak", "Weak", "弱势"}, {"blank", "Blank", "空白"},
};
ACCORD_MODEL_ENUM(MarketPosition, "market_position", kMarketPositionEntries);

/// SWOT quadrant.
enum class SwotQuadrant : std::uint8_t { kStrength, kWeakness, kOpportunity, kThreat };
inline constexpr EnumEntry kSwotQuadrantEntries[] = {
    {"strength", "Strength", "优势"},
    {"weakness", "Weakness", "劣势"},
    {"opportunity", "Opportunity", "机会"},
    {"threat", "Threat", "威胁"},
};
ACCORD_MODEL_ENUM(SwotQuadrant, "swot_quadrant", kSwotQuadrantEntries);

/// The outside driver behind a SWOT entry (internal for strengths/weaknesses of the account).
enum class SwotDriver : std::uint8_t { kMarket, kEconomy, kIndustry, kPoliticsLaw, kInternal };
inline constexpr EnumEntry kSwotDriverEntries[] = {
    {"market", "Market", "市场"},     {"economy", "Economy", "经济"},
    {"industry", "Industry", "行业"}, {"politics_law", "Politics and law", "政治法律"},
    {"internal", "Internal", "内部"},
};
ACCORD_MODEL_ENUM(SwotDriver, "swot_driver", kSwotDriverEntries);

/// Information level of a fact 信息等级, 1 to 4: harder to get means more valuable.
enum class InformationLevel : std::uint8_t {
  kPublicFree,
  kPublicPaid,
  kPrivateContacts,
  kPrivateTopManagement
};
inline constexpr EnumEntry kInformationLevelEntries[] = {
    {"public_free", "1 Public, free", "1 公开免费"},
    {"public_paid", "2 Public, paid", "2 公开付费"},
    {"private_contacts", "3 Private, from contacts inside", "3 非公开，来自内部联系人"},
    {"private_top_management", "4 Private, from top management", "4 非公开，来自高层"},
};
ACCORD_MODEL_ENUM(InformationLevel, "information_level", kInformationLevelEntries);

/// A role on our account team 客户团队 (also a team member's function for zipper pairing).
enum class TeamRole : std::uint8_t {
  kAccountManager,
  kExecutiveSponsor,
  kSalesManager,
  kOperations,
  kManufacturing,
  kRAndD,
  kMarketing,
  kFinance,
  kCustomerService
};
inline constexpr EnumEntry kTeamRoleEntries[] = {
    {"account_manager", "Account manager", "客户经理"},
    {"executive_sponsor", "Executive sponsor", "行政支持"},
    {"sales_manager", "Sales manager", "销售经理"},
    {"operations", "Operations", "运营"},
    {"manufacturing", "Manufacturing", "生产制造"},
    {"r_and_d", "R&D", "研发"},
    {"marketing", "Marketing", "市场营销"},
    {"finance", "Finance", "财务"},
    {"customer_service", "Customer service", "客户服务"},
};
ACCORD_MODEL_ENUM(TeamRole, "team_role", kTeamRoleEntries);

/// A score of the supplier evaluation 供应商评估 (value = index + 1).
enum class EvaluationScore : std::uint8_t { kPoor, kFair, kGood, kExcellent };
inline constexpr EnumEntry kEvaluationScoreEntries[] = {
    {"poor", "1 Poor", "1 差"},
    {"fair", "2 Fair", "2 一般"},
    {"good", "3 Good", "3 良好"},
    {"excellent", "4 Excellent", "4 优秀"},
};
ACCORD_MODEL_ENUM(EvaluationScore, "evaluation_score", kEvaluationScoreEntries);

/// Which assessment form a line belongs to.
enum class AssessmentKind : std::uint8_t { kRisk, kComprehensive };
inline constexpr EnumEntry kAssessmentKindEntries[] = {
    {"risk", "Risk assessment", "风险评估表"},
    {"comprehensive", "Comprehensive evaluation", "客户综合评估表"},
};
ACCORD_MODEL_ENUM(AssessmentKind, "assessment_kind", kAssessmentKindEntries);

} // namespace accord::model
