#pragma once
/// The account plan 大客户战略管理计划 (DOMAIN.md section 6) in the account document: the plan
/// itself (a singleton: its parts, vision and PDCA state), SMART objectives per horizon, revenue
/// targets, actions, resources and the relationship self-check answers.

#include "accord/model/activity_enums.h"
#include "accord/model/field.h"

namespace accord::model {

/// Fields of the plan (root map "plan").
namespace plan {
inline constexpr TextField kSummary{"summary", "Summary", "概要"};
inline constexpr TextField kAccountProfile{"account_profile", "Account profile", "客户概况"};
inline constexpr TextField kCompetitorProfile{"competitor_profile", "Competitor profile",
                                              "竞争对手概况"};
inline constexpr TextField kSituation{"situation", "Situation assessment (SWOT)", "形势评估"};
inline constexpr TextField kStrategy{"strategy", "Strategy", "策略"};
inline constexpr TextField kVision{"vision", "Vision", "远景目标"};
inline constexpr EnumField<PdcaPhase> kPdcaPhase{"pdca_phase", "PDCA phase", "PDCA 阶段"};
inline constexpr IntField kPdcaCycle{"pdca_cycle", "PDCA cycle number", "PDCA 循环次数", 1, 1000};
inline constexpr const FieldInfo* kFields[] = {&kSummary,   &kAccountProfile, &kCompetitorProfile,
                                               &kSituation, &kStrategy,       &kVision,
                                               &kPdcaPhase, &kPdcaCycle};
} // namespace plan
/// The account plan (singleton of the account document).
inline constexpr RecordSchema kPlanRecord{
    "plan", "Account plan", "大客户战略管理计划", DocumentKind::kAccount, true, plan::kFields};

/// Fields of a SMART objective.
namespace objective {
inline constexpr EnumField<Horizon> kHorizon{"horizon", "Horizon", "期限"};
inline constexpr StringField kStatement{"statement", "Objective", "目标", 1000};
inline constexpr BoolField kSpecific{"specific", "Specific", "具体的"};
inline constexpr BoolField kMeasurable{"measurable", "Measurable", "可衡量的"};
inline constexpr BoolField kAchievable{"achievable", "Achievable", "可实现的"};
inline constexpr BoolField kRelevant{"relevant", "Relevant", "相关的"};
inline constexpr BoolField kTimeBound{"time_bound", "Time-bound", "有时限的"};
inline constexpr StringField kMeasure{"measure", "Measure", "衡量指标", 500};
inline constexpr NumberField kTargetValue{"target_value", "Target value", "目标值", -kMaxAmount,
                                          kMaxAmount};
inline constexpr DateField kDue{"due", "Due", "截止日期"};
inline constexpr EnumField<ActionStatus> kStatus{"status", "Status", "状态"};
inline constexpr const FieldInfo* kFields[] = {
    &kHorizon,   &kStatement, &kSpecific,    &kMeasurable, &kAchievable, &kRelevant,
    &kTimeBound, &kMeasure,   &kTargetValue, &kDue,        &kStatus};
} // namespace objective
/// A SMART objective.
inline constexpr RecordSchema kObjectiveRecord{
    "objectives", "Objective", "目标", DocumentKind::kAccount, false, objective::kFields};

/// Fields of a revenue target.
namespace revenue_target {
inline constexpr EnumField<Horizon> kHorizon{"horizon", "Horizon", "期限"};
inline constexpr StringField kPeriod{"period", "Period (e.g. 2026, 2026-Q1, 2026-03)", "期间", 32};
inline constexpr EnumField<RevenueKind> kKind{"kind", "Kind", "类型"};
inline constexpr NumberField kTarget{"target", "Target", "目标", -kMaxAmount, kMaxAmount};
inline constexpr NumberField kActual{"actual", "Actual", "实际", -kMaxAmount, kMaxAmount};
inline constexpr const FieldInfo* kFields[] = {&kHorizon, &kPeriod, &kKind, &kTarget, &kActual};
} // namespace revenue_target
/// A revenue target (sales, income, margin, profit).
inline constexpr RecordSchema kRevenueTargetRecord{
    "revenue_targets",      "Revenue target", "收入目标", DocumentKind::kAccount, false,
    revenue_target::kFields};

/// Fields of a plan action.
namespace action {
inline constexpr StringField kTask{"task", "Task", "任务", 1000};
inline constexpr RefField kOwner{"owner", "Owner", "负责人", ""};
inline constexpr DateField kDue{"due", "Due", "截止日期"};
inline constexpr EnumField<ActionStatus> kStatus{"status", "Status", "状态"};
inline constexpr EnumField<PdcaPhase> kPdcaPhase{"pdca_phase", "PDCA phase", "PDCA 阶段"};
inline constexpr RefField kObjective{"objective", "Objective", "目标", "objectives"};
inline constexpr DateField kDoneOn{"done_on", "Done on", "完成日期"};
inline constexpr const FieldInfo* kFields[] = {&kTask,      &kOwner,     &kDue,   &kStatus,
                                               &kPdcaPhase, &kObjective, &kDoneOn};
} // namespace action
/// An action of the action plan.
inline constexpr RecordSchema kActionRecord{
    "actions", "Action", "行动计划", DocumentKind::kAccount, false, action::kFields};

/// Fields of a resource matched to the plan.
namespace resource {
inline constexpr StringField kName{"name", "Resource", "资源", 200};
inline constexpr EnumField<ResourceKind> kKind{"kind", "Internal or external", "内部/外部"};
inline constexpr StringField kDescription{"description", "Description", "说明"};
inline constexpr RefField kAction{"action", "For action", "对应行动", "actions"};
inline constexpr const FieldInfo* kFields[] = {&kName, &kKind, &kDescription, &kAction};
} // namespace resource
/// A resource.
inline constexpr RecordSchema kResourceRecord{
    "resources", "Resource", "资源", DocumentKind::kAccount, false, resource::kFields};

/// Fields of a relationship self-check answer.
namespace self_check {
inline constexpr EnumField<SelfCheckQuestion> kQuestion{"question", "Question", "问题"};
inline constexpr StringField kAnswer{"answer", "Answer", "回答"};
inline constexpr DateField kAskedOn{"asked_on", "Asked on", "日期"};
inline constexpr RefField kBy{"by", "Answered by", "回答人", ""};
inline constexpr const FieldInfo* kFields[] = {&kQuestion, &kAnswer, &kAskedOn, &kBy};
} // namespace self_check
/// A relationship self-check answer 关系自检.
inline constexpr RecordSchema kSelfCheckRecord{"self_checks", "Self-check answer",
                                               "关系自检",    DocumentKind::kAccount,
                                               false,         self_check::kFields};

} // namespace accord::model
