#pragma once
/// Vocabularies of needs, visits, objections, the pipeline and the account plan (DOMAIN.md
/// sections 3 to 6).

#include <cstdint>

#include "accord/model/enum_info.h"

namespace accord::model {

/// Iceberg level of a need 需求冰山, most visible first.
enum class IcebergLevel : std::uint8_t { kExplicit, kImplicit, kDeep };
inline constexpr EnumEntry kIcebergLevelEntries[] = {
    {"explicit", "Explicit", "显性"},
    {"implicit", "Implicit", "隐性"},
    {"deep", "Deep", "深藏"},
};
ACCORD_MODEL_ENUM(IcebergLevel, "iceberg_level", kIcebergLevelEntries);

/// Kano category of a need.
enum class KanoCategory : std::uint8_t { kBasic, kExpected, kExciting, kIndifferent, kReverse };
inline constexpr EnumEntry kKanoCategoryEntries[] = {
    {"basic", "Basic", "基本型"},       {"expected", "Expected", "期望型"},
    {"exciting", "Exciting", "兴奋型"}, {"indifferent", "Indifferent", "无差异"},
    {"reverse", "Reverse", "反向型"},
};
ACCORD_MODEL_ENUM(KanoCategory, "kano_category", kKanoCategoryEntries);

/// Cause of a need 问题起因.
enum class NeedCause : std::uint8_t {
  kCompetitor,
  kCustomerExpectation,
  kTrend,
  kEnvironment,
  kPastIncident
};
inline constexpr EnumEntry kNeedCauseEntries[] = {
    {"competitor", "Competitor", "竞争对手"},
    {"customer_expectation", "Customer expectation", "客户期望"},
    {"trend", "Trend", "趋势"},
    {"environment", "Environment", "环境"},
    {"past_incident", "Past incident", "过往事件"},
};
ACCORD_MODEL_ENUM(NeedCause, "need_cause", kNeedCauseEntries);

/// Certainty of the buying criteria 购买标准, least certain first.
enum class CriteriaCertainty : std::uint8_t { kUnknown, kUncertain, kSemiCertain, kCertain };
inline constexpr EnumEntry kCriteriaCertaintyEntries[] = {
    {"unknown", "Unknown", "未知型"},
    {"uncertain", "Uncertain", "不确定型"},
    {"semi_certain", "Semi-certain", "半确定型"},
    {"certain", "Certain", "确定型"},
};
ACCORD_MODEL_ENUM(CriteriaCertainty, "criteria_certainty", kCriteriaCertaintyEntries);

/// How a need is met today.
enum class HowMet : std::uint8_t { kSelf, kCompetitorFully, kCompetitorPartly, kNotMet };
inline constexpr EnumEntry kHowMetEntries[] = {
    {"self", "By themselves", "客户自行满足"},
    {"competitor_fully", "By a competitor, fully", "竞争对手完全满足"},
    {"competitor_partly", "By a competitor, partly", "竞争对手部分满足"},
    {"not_met", "Not met at all", "完全未满足"},
};
ACCORD_MODEL_ENUM(HowMet, "how_met", kHowMetEntries);

/// Channel of a visit log entry.
enum class Channel : std::uint8_t {
  kVisit,
  kPhone,
  kMessage,
  kEvent,
  kSiteTour,
  kBusinessEntertainment
};
inline constexpr EnumEntry kChannelEntries[] = {
    {"visit", "Visit", "拜访"},
    {"phone", "Phone", "电话"},
    {"message", "Message", "信息"},
    {"event", "Event", "活动"},
    {"site_tour", "Site tour", "参观考察"},
    {"business_entertainment", "Business entertainment", "商务活动"},
};
ACCORD_MODEL_ENUM(Channel, "channel", kChannelEntries);

/// Pretext of a follow-up 跟进借口.
enum class Pretext : std::uint8_t {
  kContent,
  kHolidayGreeting,
  kEvent,
  kGift,
  kService,
  kOffer,
  kUsefulInformation,
  kDropBy,
  kSatisfactionSurvey
};
inline constexpr EnumEntry kPretextEntries[] = {
    {"content", "Content / knowledge", "知识产品"},
    {"holiday_greeting", "Holiday greeting", "节日问候"},
    {"event", "Event", "活动"},
    {"gift", "Gift", "礼物"},
    {"service", "Service", "服务"},
    {"offer", "Offer", "优惠政策"},
    {"useful_information", "Useful information", "提供帮助的信息"},
    {"drop_by", "Drop-by", "借口路过"},
    {"satisfaction_survey", "Satisfaction survey", "满意度调查"},
};
ACCORD_MODEL_ENUM(Pretext, "pretext", kPretextEntries);

/// How far a contact got, for the conversion rates 转化率; each step implies the ones before.
enum class VisitResult : std::uint8_t {
  kNotReached,
  kReached,
  kAppointment,
  kMeetingSuccess,
  kClosed
};
inline constexpr EnumEntry kVisitResultEntries[] = {
    {"not_reached", "Not reached", "未有效接通"},
    {"reached", "Reached (effective call)", "有效沟通"},
    {"appointment", "Appointment made", "获得约见"},
    {"meeting_success", "Successful meeting", "会面成功"},
    {"closed", "Closed a deal", "成交"},
};
ACCORD_MODEL_ENUM(VisitResult, "visit_result", kVisitResultEntries);

/// Cause of an objection 异议.
enum class ObjectionCause : std::uint8_t {
  kOurs,
  kCustomer,
  kPrice,
  kProduct,
  kNeed,
  kTiming,
  kCompetition,
  kThirdParty
};
inline constexpr EnumEntry kObjectionCauseEntries[] = {
    {"ours", "Ours", "我方"},
    {"customer", "Customer", "客户"},
    {"price", "Price", "价格"},
    {"product", "Product", "产品"},
    {"need", "Need", "需求"},
    {"timing", "Timing", "时间"},
    {"competition", "Competition", "竞争"},
    {"third_party", "Third party", "第三方"},
};
ACCORD_MODEL_ENUM(ObjectionCause, "objection_cause", kObjectionCauseEntries);

/// Where an objection stands.
enum class ObjectionStatus : std::uint8_t { kOpen, kAnswered, kResolved };
inline constexpr EnumEntry kObjectionStatusEntries[] = {
    {"open", "Open", "待处理"},
    {"answered", "Answered", "已回应"},
    {"resolved", "Resolved", "已解决"},
};
ACCORD_MODEL_ENUM(ObjectionStatus, "objection_status", kObjectionStatusEntries);

/// Stage in the sales funnel 销售漏斗; prospect to won in order, lost at any step.
enum class FunnelStage : std::uint8_t { kProspect, kPossible, kRegular, kKey, kWon, kLost };
inline constexpr EnumEntry kFunnelStageEntries[] = {
    {"prospect", "Prospect", "潜在客户"},
    {"possible", "Possible", "可能客户"},
    {"regular", "Regular", "普通客户"},
    {"key", "Key", "重点客户"},
    {"won", "Won", "成交"},
    {"lost", "Lost", "流失"},
};
ACCORD_MODEL_ENUM(FunnelStage, "funnel_stage", kFunnelStageEntries);

/// Step of the ten-step development process 销售流程 (a closed loop).
enum class ProcessStep : std::uint8_t {
  kCollectInformation,
  kScreenAndPlan,
  kSurvey,
  kAnalyseNeeds,
  kDesignSolution,
  kVisitAndNegotiate,
  kTrialAndAgreement,
  kMaintainAndFollowUp,
  kEvaluateAndDevelop,
  kArchive
};
inline constexpr EnumEntry kProcessStepEntries[] = {
    {"collect_information", "Collect information", "收集信息"},
    {"screen_and_plan", "Screen and plan visits", "筛选并计划拜访"},
    {"survey", "Survey", "调研"},
    {"analyse_needs", "Analyse needs", "分析需求"},
    {"design_solution", "Design the solution", "设计方案"},
    {"visit_and_negotiate", "Visit and negotiate", "拜访与谈判"},
    {"trial_and_agreement", "Trial and agreement", "试用与签约"},
    {"maintain_and_follow_up", "Maintain and follow up", "维护与跟进"},
    {"evaluate_and_develop", "Evaluate and develop further", "评估与深度开发"},
    {"archive", "Archive", "归档"},
};
ACCORD_MODEL_ENUM(ProcessStep, "process_step", kProcessStepEntries);

/// Horizon of a plan objective or revenue target, longest first.
enum class Horizon : std::uint8_t { kThreeYear, kAnnual, kQuarterly, kMonthly };
inline constexpr EnumEntry kHorizonEntries[] = {
    {"three_year", "3 years", "三年"},
    {"annual", "Annual", "年度"},
    {"quarterly", "Quarterly", "季度"},
    {"monthly", "Monthly", "月度"},
};
ACCORD_MODEL_ENUM(Horizon, "horizon", kHorizonEntries);

/// Kind of revenue target.
enum class RevenueKind : std::uint8_t { kSales, kIncome, kMargin, kProfit };
inline constexpr EnumEntry kRevenueKindEntries[] = {
    {"sales", "Sales", "销售额"},
    {"income", "Income", "收入"},
    {"margin", "Margin", "毛利"},
    {"profit", "Profit", "利润"},
};
ACCORD_MODEL_ENUM(RevenueKind, "revenue_kind", kRevenueKindEntries);

/// Status of a plan action (also of an objective).
enum class ActionStatus : std::uint8_t { kPlanned, kInProgress, kDone, kBlocked, kCancelled };
inline constexpr EnumEntry kActionStatusEntries[] = {
    {"planned", "Planned", "计划中"},     {"in_progress", "In progress", "进行中"},
    {"done", "Done", "已完成"},           {"blocked", "Blocked", "受阻"},
    {"cancelled", "Cancelled", "已取消"},
};
ACCORD_MODEL_ENUM(ActionStatus, "action_status", kActionStatusEntries);

/// Phase of a PDCA cycle.
enum class PdcaPhase : std::uint8_t { kPlan, kDo, kCheck, kAct };
inline constexpr EnumEntry kPdcaPhaseEntries[] = {
    {"plan", "Plan", "计划"},
    {"do", "Do", "执行"},
    {"check", "Check", "检查"},
    {"act", "Act", "处理"},
};
ACCORD_MODEL_ENUM(PdcaPhase, "pdca_phase", kPdcaPhaseEntries);

/// Whether a resource is ours or from outside.
enum class ResourceKind : std::uint8_t { kInternal, kExternal };
inline constexpr EnumEntry kResourceKindEntries[] = {
    {"internal", "Internal", "内部资源"},
    {"external", "External", "外部资源"},
};
ACCORD_MODEL_ENUM(ResourceKind, "resource_kind", kResourceKindEntries);

/// The questions of the relationship self-check.
enum class SelfCheckQuestion : std::uint8_t {
  kHowAreWeDoing,
  kMeetNeeds,
  kMoreValue,
  kHappyWithWay,
  kHappyWithPeople,
  kWhatImprove
};
inline constexpr EnumEntry kSelfCheckQuestionEntries[] = {
    {"how_are_we_doing", "How are we doing?", "我们做得怎么样？"},
    {"meet_needs", "Do we meet their needs?", "我们满足客户的需求了吗？"},
    {"more_value", "What more value can we add?", "我们还能创造什么价值？"},
    {"happy_with_way", "Are they happy with how we work?", "客户对我们的工作方式满意吗？"},
    {"happy_with_people", "Are they happy with our people?", "客户对我们的人员满意吗？"},
    {"what_improve", "What will we improve?", "我们将改进什么？"},
};
ACCORD_MODEL_ENUM(SelfCheckQuestion, "self_check_question", kSelfCheckQuestionEntries);

} // namespace accord::model
