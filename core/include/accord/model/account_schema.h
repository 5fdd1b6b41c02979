#pragma once
/// The account document's profile records (DOMAIN.md section 1, 大客户): the account itself
/// (a singleton), its markets, SWOT entries, competitors, facts with their information level,
/// the account team, the supplier evaluation and the risk / comprehensive assessments.

#include "accord/model/account_enums.h"
#include "accord/model/activity_enums.h"
#include "accord/model/contact_enums.h"
#include "accord/model/field.h"

namespace accord::model {

/// Fields of the account record (root map "account").
namespace account {
inline constexpr StringField kName{"name", "Name", "客户名称", 200};
inline constexpr StringField kIndustry{"industry", "Industry", "行业", 200};
inline constexpr StringField kRegion{"region", "Region", "地区", 200};
inline constexpr RefField kOwner{"owner", "Account manager (owner)", "客户经理", ""};
inline constexpr EnumField<Classification> kClassification{"classification", "Classification",
                                                           "客户类别"};
inline constexpr EnumField<Tier> kTier{"tier", "Tier", "客户分级"};
inline constexpr EnumField<Grade> kAttractiveness{"attractiveness", "Attractiveness", "吸引力"};
inline constexpr EnumField<Grade> kPotential{"potential", "Potential", "潜力"};
inline constexpr EnumField<Grade> kSalesVolumeGrade{"sales_volume_grade", "Sales volume", "销售量"};
inline constexpr EnumField<Grade> kMarginGrade{"margin_grade", "Margin", "利润率"};
inline constexpr EnumField<RelationshipStrength> kRelationship{"relationship",
                                                               "Relationship strength", "关系"};
inline constexpr EnumField<RelationshipType> kRelationshipType{"relationship_type",
                                                               "Relationship type", "客户关系类型"};
inline constexpr EnumField<DevelopmentStage> kDevelopmentStage{"development_stage",
                                                               "Development stage", "开发阶段"};
inline constexpr EnumField<RelationshipCycle> kRelationshipCycle{
    "relationship_cycle", "Relationship cycle", "客户关系周期"};
inline constexpr EnumField<OrganisationType> kOrganisationType{"organisation_type",
                                                               "Organisation type", "体制特征"};
inline constexpr EnumField<Maturity> kMaturity{"maturity", "Maturity", "成熟度"};
inline constexpr EnumField<FunnelStage> kFunnelStage{"funnel_stage", "Funnel stage",
                                                     "销售漏斗阶段"};
inline constexpr EnumField<ProcessStep> kProcessStep{"process_step", "Development process step",
                                                     "销售流程步骤"};
inline constexpr StringField kCurrency{"currency", "Currency", "币种", 3};
inline constexpr NumberField kAnnualPurchaseVolume{
    "annual_purchase_volume", "Annual purchase volume", "年采购量", 0, kMaxAmount};
inline constexpr NumberField kOurSales{"our_sales", "Our sales", "我方销售额", 0, kMaxAmount};
inline constexpr NumberField kWalletShare{"wallet_share", "Wallet share (%)", "钱包份额", 0,
                                          kMaxPercent};
inline constexpr StringField kOrderStructure{"order_structure", "Order structure", "订单结构"};
inline constexpr IntField kSatisfaction5{"satisfaction_5", "Satisfaction (1-5)", "客户满意度(1-5)",
                                         1, 5};
inline constexpr IntField kSatisfaction100{"satisfaction_100", "Satisfaction (0-100)",
                                           "客户满意度(0-100)", 0, 100};
inline constexpr EnumField<Grade> kSwitchingCost{"switching_cost", "Switching cost", "转换成本"};
inline constexpr EnumField<Grade> kPaymentRisk{"payment_risk", "Payment / credit risk",
                                               "付款/信用风险"};
inline constexpr TextField kOwnership{"ownership", "Ownership", "股权结构"};
inline constexpr TextField kCapital{"capital", "Capital", "资本构成"};
inline constexpr TextField kFactionStructure{"faction_structure", "Factions", "派系结构"};
inline constexpr TextField kDecisionProcess{"decision_process", "Decision process", "决策流程"};
inline constexpr TextField kGovernmentBodies{"government_bodies", "Related government bodies",
                                             "相关政府部门"};
inline constexpr TextField kNotes{"notes", "Notes", "备注"};
inline constexpr const FieldInfo* kFields[] = {&kName,
                                               &kIndustry,
                                               &kRegion,
                                               &kOwner,
                                               &kClassification,
                                               &kTier,
                                               &kAttractiveness,
                                               &kPotential,
                                               &kSalesVolumeGrade,
                                               &kMarginGrade,
                                               &kRelationship,
                                               &kRelationshipType,
                                               &kDevelopmentStage,
                                               &kRelationshipCycle,
                                               &kOrganisationType,
                                               &kMaturity,
                                               &kFunnelStage,
                                               &kProcessStep,
                                               &kCurrency,
                                               &kAnnualPurchaseVolume,
                                               &kOurSales,
                                               &kWalletShare,
                                               &kOrderStructure,
                                               &kSatisfaction5,
                                               &kSatisfaction100,
                                               &kSwitchingCost,
                                               &kPaymentRisk,
                                               &kOwnership,
                                               &kCapital,
                                               &kFactionStructure,
                                               &kDecisionProcess,
                                               &kGovernmentBodies,
                                               &kNotes};
} // namespace account
/// The account record 大客户 (singleton of the account document).
inline constexpr RecordSchema kAccountRecord{
    "account", "Account", "大客户", DocumentKind::kAccount, true, account::kFields};

/// Fields of one of the account's own markets 客户的市场.
namespace market {
inline constexpr StringField kName{"name", "Market", "市场", 200};
inline constexpr EnumField<MarketPosition> kPosition{"position", "Position", "市场地位"};
inline constexpr NumberField kShare{"share", "Their share (%)", "市场份额", 0, kMaxPercent};
inline constexpr StringField kNote{"note", "Note", "备注"};
inline constexpr const FieldInfo* kFields[] = {&kName, &kPosition, &kShare, &kNote};
} // namespace market
/// A market of the account.
inline constexpr RecordSchema kMarketRecord{
    "markets", "Market", "客户的市场", DocumentKind::kAccount, false, market::kFields};

/// Fields of a SWOT entry.
namespace swot {
inline constexpr EnumField<SwotQuadrant> kQuadrant{"quadrant", "Quadrant", "SWOT象限"};
inline constexpr EnumField<SwotDriver> kDriver{"driver", "Driver", "驱动因素"};
inline constexpr TextField kText{"text", "Entry", "内容"};
inline constexpr EnumField<Grade> kImportance{"importance", "Importance", "重要性"};
inline constexpr const FieldInfo* kFields[] = {&kQuadrant, &kDriver, &kText, &kImportance};
} // namespace swot
/// A SWOT entry 优势 劣势 机会 威胁.
inline constexpr RecordSchema kSwotRecord{"swot", "SWOT entry", "SWOT分析", DocumentKind::kAccount,
                                          false,  swot::kFields};

/// Fields of a competitor 竞争对手.
namespace competitor {
inline constexpr StringField kName{"name", "Competitor", "竞争对手", 200};
inline constexpr StringField kRelationship{"relationship", "Relationship with the account",
                                           "与客户的关系"};
inline constexpr StringField kBusiness{"business", "Business with the account", "与客户的业务"};
inline constexpr NumberField kWalletShare{"wallet_share", "Their wallet share (%)", "钱包份额", 0,
                                          kMaxPercent};
inline constexpr TextField kCapabilities{"capabilities", "Capabilities and resources",
                                         "能力与资源"};
inline constexpr TextField kStrategy{"strategy", "Strategy", "策略"};
inline constexpr TextField kStrengths{"strengths", "Strengths", "优势"};
inline constexpr TextField kWeaknesses{"weaknesses", "Weaknesses", "劣势"};
inline constexpr TextField kAccountView{"account_view", "How the account sees them",
                                        "客户如何看待"};
inline constexpr EnumField<Grade> kPreference{"preference", "How much the account prefers them",
                                              "客户偏好程度"};
inline constexpr const FieldInfo* kFields[] = {
    &kName,     &kRelationship, &kBusiness,   &kWalletShare, &kCapabilities,
    &kStrategy, &kStrengths,    &kWeaknesses, &kAccountView, &kPreference};
} // namespace competitor
/// A competitor at the account.
inline constexpr RecordSchema kCompetitorRecord{
    "competitors", "Competitor", "竞争对手", DocumentKind::kAccount, false, competitor::kFields};

/// Fields of a fact about the account, with its information level 信息等级.
namespace fact {
inline constexpr TextField kText{"text", "Fact", "信息"};
inline constexpr StringField kTopic{"topic", "Topic", "主题", 200};
inline constexpr EnumField<InformationLevel> kLevel{"level", "Information level", "信息等级"};
inline constexpr StringField kSource{"source", "Source", "来源", 500};
inline constexpr DateField kLearnedOn{"learned_on", "Learned on", "获取日期"};
inline constexpr const FieldInfo* kFields[] = {&kText, &kTopic, &kLevel, &kSource, &kLearnedOn};
} // namespace fact
/// A fact with its information level.
inline constexpr RecordSchema kFactRecord{"facts", "Fact",       "客户信息", DocumentKind::kAccount,
                                          false,   fact::kFields};

/// Fields of a member of our account team 客户团队.
namespace team_member {
inline constexpr RefField kUser{"user", "User", "用户", ""};
inline constexpr StringField kName{"name", "Name", "姓名", 200};
inline constexpr EnumField<TeamRole> kRole{"role", "Role", "角色"};
inline constexpr EnumField<OrgLevel> kLevel{"level", "Level", "管理层次"};
inline constexpr StringField kResponsibility{"responsibility", "Responsibility", "职责"};
inline constexpr const FieldInfo* kFields[] = {&kUser, &kName, &kRole, &kLevel, &kResponsibility};
} // namespace team_member
/// A member of our account team.
inline constexpr RecordSchema kTeamMemberRecord{"account_team", "Account team member",
                                                "客户团队",     DocumentKind::kAccount,
                                                false,          team_member::kFields};

/// Fields of a line of the supplier evaluation 供应商评估 (attribute x weight x score).
namespace evaluation {
inline constexpr StringField kAttribute{"attribute", "Attribute", "评估属性", 200};
inline constexpr NumberField kWeight{"weight", "Weight", "权重", 0, kMaxPercent};
inline constexpr RefField kSupplier{"supplier", "Supplier (unset: us)", "供应商", "competitors"};
inline constexpr EnumField<EvaluationScore> kScore{"score", "Score", "评分"};
inline constexpr StringField kComment{"comment", "Comment", "说明"};
inline constexpr const FieldInfo* kFields[] = {&kAttribute, &kWeight, &kSupplier, &kScore,
                                               &kComment};
} // namespace evaluation
/// A supplier evaluation line.
inline constexpr RecordSchema kEvaluationRecord{
    "supplier_evaluation", "Supplier evaluation", "供应商评估", DocumentKind::kAccount, false,
    evaluation::kFields};

/// Fields of a line of the risk assessment 风险评估表 or comprehensive evaluation 客户综合评估表.
namespace assessment {
inline constexpr EnumField<AssessmentKind> kKind{"kind", "Form", "评估表"};
inline constexpr StringField kCriterion{"criterion", "Criterion", "评估项", 200};
inline constexpr IntField kScore{"score", "Score (1-5)", "评分", 1, 5};
inline constexpr NumberField kWeight{"weight", "Weight", "权重", 0, kMaxPercent};
inline constexpr DateField kAssessedOn{"assessed_on", "Assessed on", "评估日期"};
inline constexpr StringField kComment{"comment", "Comment", "说明"};
inline constexpr const FieldInfo* kFields[] = {&kKind,   &kCriterion,  &kScore,
                                               &kWeight, &kAssessedOn, &kComment};
} // namespace assessment
/// An assessment line.
inline constexpr RecordSchema kAssessmentRecord{
    "assessments", "Assessment", "客户评估", DocumentKind::kAccount, false, assessment::kFields};

} // namespace accord::model
