#pragma once
/// Needs and objections (account document, DOMAIN.md sections 3 and 4) and visit log entries
/// (the visit-log document, section 4 跟进与拜访).

#include "accord/model/account_enums.h"
#include "accord/model/activity_enums.h"
#include "accord/model/field.h"

namespace accord::model {

/// Fields of a need 需求.
namespace need {
inline constexpr StringField kTitle{"title", "Need", "需求", 200};
inline constexpr TextField kDescription{"description", "Gap between expectation and present",
                                        "需求描述"};
inline constexpr EnumField<IcebergLevel> kIceberg{"iceberg", "Iceberg level", "需求冰山"};
inline constexpr EnumField<KanoCategory> kKano{"kano", "Kano category", "Kano 分类"};
inline constexpr EnumField<NeedCause> kCause{"cause", "Cause", "问题起因"};
inline constexpr RefField kOwner{"owner", "Owner (whose KPI it touches)", "需求负责人", "contacts"};
inline constexpr StringField kPresentState{"present_state", "Present state", "现状"};
inline constexpr NumberField kExpectedGain{"expected_gain", "Expected gain", "预期收益", 0,
                                           kMaxAmount};
inline constexpr IntField kTimeToGainMonths{"time_to_gain_months", "Time to gain (months)",
                                            "见效时间(月)", 0, 120};
inline constexpr NumberField kInvestment{"investment", "Investment", "投资", 0, kMaxAmount};
inline constexpr EnumField<Grade> kRisk{"risk", "Risk", "风险"};
inline constexpr StringField kBudgetProcedure{"budget_procedure", "Budget procedure", "预算流程"};
inline constexpr DateField kPlannedStart{"planned_start", "Planned start", "计划开始"};
inline constexpr EnumField<CriteriaCertainty> kCriteriaCertainty{
    "criteria_certainty", "Buying-criteria certainty", "购买标准"};
inline constexpr EnumField<HowMet> kHowMet{"how_met", "How it is met today", "目前满足方式"};
inline constexpr StringField kFeature{"fabe_feature", "FABE: feature", "特征"};
inline constexpr StringField kAdvantage{"fabe_advantage", "FABE: advantage", "优势"};
inline constexpr StringField kBenefit{"fabe_benefit", "FABE: benefit", "利益"};
inline constexpr StringField kEvidence{"fabe_evidence", "FABE: evidence", "证据"};
inline constexpr const FieldInfo* kFields[] = {&kTitle,
                                               &kDescription,
                                               &kIceberg,
                                               &kKano,
                                               &kCause,
                                               &kOwner,
                                               &kPresentState,
                                               &kExpectedGain,
                                               &kTimeToGainMonths,
                                               &kInvestment,
                                               &kRisk,
                                               &kBudgetProcedure,
                                               &kPlannedStart,
                                               &kCriteriaCertainty,
                                               &kHowMet,
                                               &kFeature,
                                               &kAdvantage,
                                               &kBenefit,
                                               &kEvidence};
} // namespace need
/// A need 需求分析.
inline constexpr RecordSchema kNeedRecord{"needs", "Need",       "需求", DocumentKind::kAccount,
                                          false,   need::kFields};

/// Fields of an objection 异议.
namespace objection {
inline constexpr StringField kStatement{"statement", "Objection", "异议", 1000};
inline constexpr EnumField<ObjectionCause> kCause{"cause", "Cause", "异议原因"};
inline constexpr RefField kContact{"contact", "Raised by", "提出人", "contacts"};
inline constexpr StringField kEvidence{"evidence", "Evidence prepared", "准备的证据"};
inline constexpr StringField kPerceivedRisks{"perceived_risks", "Customer's perceived risks",
                                             "客户感知的风险"};
inline constexpr StringField kResponse{"response", "Response", "应对"};
inline constexpr EnumField<ObjectionStatus> kStatus{"status", "Status", "状态"};
inline constexpr const FieldInfo* kFields[] = {&kStatement,      &kCause,    &kContact, &kEvidence,
                                               &kPerceivedRisks, &kResponse, &kStatus};
} // namespace objection
/// An objection.
inline constexpr RecordSchema kObjectionRecord{
    "objections", "Objection", "异议", DocumentKind::kAccount, false, objection::kFields};

/// Fields of a visit log entry 客户日常联络表.
namespace visit {
inline constexpr DateTimeField kAt{"at", "Date and time", "日期时间"};
inline constexpr RefField kRep{"rep", "Rep", "销售代表", ""};
inline constexpr EnumField<Channel> kChannel{"channel", "Channel", "联络方式"};
inline constexpr RefSetField kContacts{"contacts", "Contacts met", "接触的联系人", "contacts"};
inline constexpr EnumField<Pretext> kPretext{"pretext", "Pretext", "跟进借口"};
inline constexpr StringField kPurpose{"purpose", "Purpose", "目的", 1000};
inline constexpr TextField kNotes{"notes", "Notes", "记录"};
inline constexpr StringField kOutcome{"outcome", "Outcome", "结果", 1000};
inline constexpr EnumField<VisitResult> kResult{"result", "Result (for conversion)", "转化结果"};
inline constexpr StringField kNextStep{"next_step", "Next step", "下一步", 1000};
inline constexpr DateField kNextStepDue{"next_step_due", "Next step due", "下一步期限"};
inline constexpr BoolField kNextStepDone{"next_step_done", "Next step done", "下一步已完成"};
inline constexpr StringField kPlace{"place", "Place", "地点", 500};
inline constexpr BoolField kReviewed{"reviewed", "Reviewed by the manager", "经理已审阅"};
inline constexpr RefField kReviewedBy{"reviewed_by", "Reviewed by", "审阅人", ""};
inline constexpr DateTimeField kReviewedAt{"reviewed_at", "Reviewed at", "审阅时间"};
inline constexpr StringField kReviewComment{"review_comment", "Manager's comment", "经理点评"};
inline constexpr const FieldInfo* kFields[] = {
    &kAt,    &kRep,      &kChannel,    &kContacts,   &kPretext,      &kPurpose,
    &kNotes, &kOutcome,  &kResult,     &kNextStep,   &kNextStepDue,  &kNextStepDone,
    &kPlace, &kReviewed, &kReviewedBy, &kReviewedAt, &kReviewComment};
} // namespace visit
/// A visit log entry (in the account's visit-log document).
inline constexpr RecordSchema kVisitRecord{
    "visits", "Visit", "拜访记录", DocumentKind::kVisitLog, false, visit::kFields};

} // namespace accord::model
