// The registries of vocabularies and record kinds, and the small lookups of field.h.
#include <array>

#include "accord/model/account_enums.h"
#include "accord/model/account_schema.h"
#include "accord/model/activity_enums.h"
#include "accord/model/activity_schema.h"
#include "accord/model/contact_enums.h"
#include "accord/model/contact_schema.h"
#include "accord/model/documents.h"
#include "accord/model/enum_info.h"
#include "accord/model/field.h"
#include "accord/model/plan_schema.h"
#include "accord/model/team_schema.h"

namespace accord::model {

std::string EnumInfo::code_list() const {
  std::string out;
  for (const auto& e : entries) {
    if (!out.empty()) out += ", ";
    out += e.code;
  }
  return out;
}

namespace {

constexpr const EnumInfo* kAllEnums[] = {
    &EnumTraits<Classification>::info,
    &EnumTraits<Tier>::info,
    &EnumTraits<Grade>::info,
    &EnumTraits<RelationshipStrength>::info,
    &EnumTraits<RelationshipType>::info,
    &EnumTraits<DevelopmentStage>::info,
    &EnumTraits<RelationshipCycle>::info,
    &EnumTraits<OrganisationType>::info,
    &EnumTraits<Maturity>::info,
    &EnumTraits<MarketPosition>::info,
    &EnumTraits<SwotQuadrant>::info,
    &EnumTraits<SwotDriver>::info,
    &EnumTraits<InformationLevel>::info,
    &EnumTraits<TeamRole>::info,
    &EnumTraits<EvaluationScore>::info,
    &EnumTraits<AssessmentKind>::info,
    &EnumTraits<Department>::info,
    &EnumTraits<OrgLevel>::info,
    &EnumTraits<BuyingRole>::info,
    &EnumTraits<Stance>::info,
    &EnumTraits<InsideHelp>::info,
    &EnumTraits<Disc>::info,
    &EnumTraits<LeadershipStyle>::info,
    &EnumTraits<PersonalNeed>::info,
    &EnumTraits<DecisionBlocker>::info,
    &EnumTraits<Circle>::info,
    &EnumTraits<Closeness>::info,
    &EnumTraits<TrustQuadrant>::info,
    &EnumTraits<LinkKind>::info,
    &EnumTraits<IcebergLevel>::info,
    &EnumTraits<KanoCategory>::info,
    &EnumTraits<NeedCause>::info,
    &EnumTraits<CriteriaCertainty>::info,
    &EnumTraits<HowMet>::info,
    &EnumTraits<Channel>::info,
    &EnumTraits<Pretext>::info,
    &EnumTraits<VisitResult>::info,
    &EnumTraits<ObjectionCause>::info,
    &EnumTraits<ObjectionStatus>::info,
    &EnumTraits<FunnelStage>::info,
    &EnumTraits<ProcessStep>::info,
    &EnumTraits<Horizon>::info,
    &EnumTraits<RevenueKind>::info,
    &EnumTraits<ActionStatus>::info,
    &EnumTraits<PdcaPhase>::info,
    &EnumTraits<ResourceKind>::info,
    &EnumTraits<SelfCheckQuestion>::info,
};

constexpr const RecordSchema* kAllSchemas[] = {
    &kAccountRecord,   &kMarketRecord,       &kSwotRecord,       &kCompetitorRecord,
    &kFactRecord,      &kTeamMemberRecord,   &kEvaluationRecord, &kAssessmentRecord,
    &kContactRecord,   &kLinkRecord,         &kFactionRecord,    &kNeedRecord,
    &kObjectionRecord, &kPlanRecord,         &kObjectiveRecord,  &kRevenueTargetRecord,
    &kActionRecord,    &kResourceRecord,     &kSelfCheckRecord,  &kVisitRecord,
    &kSettingsRecord,  &kAccountEntryRecord, &kMemberRecord,
};

constexpr const FieldInfo* kCommonFields[] = {&common::kArchived, &common::kCreatedAt,
                                              &common::kCreatedBy};

} // namespace

std::span<const EnumInfo* const> all_enum_infos() { return kAllEnums; }

std::span<const RecordSchema* const> all_record_schemas() { return kAllSchemas; }

const RecordSchema* find_schema(std::string_view collection) {
  for (const RecordSchema* s : kAllSchemas) {
    if (s->collection == collection) return s;
  }
  return nullptr;
}

const FieldInfo* RecordSchema::find(std::string_view key) const {
  for (const FieldInfo* f : fields) {
    if (f->key == key) return f;
  }
  for (const FieldInfo* f : kCommonFields) {
    if (f->key == key) return f;
  }
  return nullptr;
}

std::string_view field_kind_name(FieldKind kind) {
  switch (kind) {
    case FieldKind::kString: return "string";
    case FieldKind::kText: return "text";
    case FieldKind::kEnum: return "enum";
    case FieldKind::kEnumSet: return "enum_set";
    case FieldKind::kInt: return "int";
    case FieldKind::kNumber: return "number";
    case FieldKind::kBool: return "bool";
    case FieldKind::kDate: return "date";
    case FieldKind::kDateTime: return "date_time";
    case FieldKind::kRef: return "ref";
    case FieldKind::kRefSet: return "ref_set";
  }
  return "unknown";
}

std::string_view document_kind_code(DocumentKind kind) {
  switch (kind) {
    case DocumentKind::kTeamIndex: return "team_index";
    case DocumentKind::kAccount: return "account";
    case DocumentKind::kVisitLog: return "visit_log";
  }
  return "unknown";
}

} // namespace accord::model
