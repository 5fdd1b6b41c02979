// Every vocabulary and every record schema: stable codes, labels in both languages, lookups.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "accord/model/account_enums.h"
#include "accord/model/activity_enums.h"
#include "accord/model/contact_enums.h"
#include "accord/model/documents.h"
#include "accord/model/enum_info.h"

namespace accord::model {
namespace {

bool is_snake_case(std::string_view s) {
  if (s.empty() || s.front() == '_' || s.back() == '_') return false;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

TEST(Enums, EveryVocabularyHasUniqueSnakeCaseCodesAndBothLabels) {
  std::set<std::string_view> names;
  ASSERT_EQ(all_enum_infos().size(), 47u);
  for (const EnumInfo* info : all_enum_infos()) {
    SCOPED_TRACE(std::string(info->name));
    EXPECT_TRUE(names.insert(info->name).second) << "duplicate vocabulary name";
    EXPECT_TRUE(is_snake_case(info->name));
    ASSERT_GE(info->entries.size(), 2u);
    std::set<std::string_view> codes;
    for (std::size_t i = 0; i < info->entries.size(); ++i) {
      const EnumEntry& e = info->entries[i];
      EXPECT_TRUE(is_snake_case(e.code)) << e.code;
      EXPECT_TRUE(codes.insert(e.code).second) << "duplicate code " << e.code;
      EXPECT_FALSE(e.en.empty()) << e.code;
      EXPECT_FALSE(e.zh.empty()) << e.code;
      EXPECT_EQ(info->index_of(e.code), i);
    }
    EXPECT_FALSE(info->index_of("no_such_code").has_value());
  }
}

template <typename E>
void expect_round_trip(std::size_t count) {
  const auto values = all_values<E>();
  ASSERT_EQ(values.size(), count);
  for (E v : values) {
    EXPECT_EQ(parse_enum<E>(code_of(v)), v);
    EXPECT_FALSE(display_name(v, Locale::kEnglish).empty());
    EXPECT_FALSE(display_name(v, Locale::kChinese).empty());
  }
}

TEST(Enums, TypedRoundTripForEveryEnum) {
  expect_round_trip<Classification>(4);
  expect_round_trip<Tier>(3);
  expect_round_trip<Grade>(3);
  expect_round_trip<RelationshipStrength>(6);
  expect_round_trip<RelationshipType>(4);
  expect_round_trip<DevelopmentStage>(4);
  expect_round_trip<RelationshipCycle>(7);
  expect_round_trip<OrganisationType>(4);
  expect_round_trip<Maturity>(2);
  expect_round_trip<MarketPosition>(5);
  expect_round_trip<SwotQuadrant>(4);
  expect_round_trip<SwotDriver>(5);
  expect_round_trip<InformationLevel>(4);
  expect_round_trip<TeamRole>(9);
  expect_round_trip<EvaluationScore>(4);
  expect_round_trip<AssessmentKind>(2);
  expect_round_trip<Department>(6);
  expect_round_trip<OrgLevel>(3);
  expect_round_trip<BuyingRole>(9);
  expect_round_trip<Stance>(5);
  expect_round_trip<InsideHelp>(2);
  expect_round_trip<Disc>(4);
  expect_round_trip<LeadershipStyle>(4);
  expect_round_trip<PersonalNeed>(4);
  expect_round_trip<DecisionBlocker>(4);
  expect_round_trip<Circle>(3);
  expect_round_trip<Closeness>(6);
  expect_round_trip<TrustQuadrant>(4);
  expect_round_trip<LinkKind>(5);
  expect_round_trip<IcebergLevel>(3);
  expect_round_trip<KanoCategory>(5);
  expect_round_trip<NeedCause>(5);
  expect_round_trip<CriteriaCertainty>(4);
  expect_round_trip<HowMet>(4);
  expect_round_trip<Channel>(6);
  expect_round_trip<Pretext>(9);
  expect_round_trip<VisitResult>(5);
  expect_round_trip<ObjectionCause>(8);
  expect_round_trip<ObjectionStatus>(3);
  expect_round_trip<FunnelStage>(6);
  expect_round_trip<ProcessStep>(10);
  expect_round_trip<Horizon>(4);
  expect_round_trip<RevenueKind>(4);
  expect_round_trip<ActionStatus>(5);
  expect_round_trip<PdcaPhase>(4);
  expect_round_trip<ResourceKind>(2);
  expect_round_trip<SelfCheckQuestion>(6);
}

TEST(Enums, DomainTermsAreTheChineseLabels) {
  EXPECT_EQ(display_name(BuyingRole::kEvaluator, Locale::kChinese), "定标的人");
  EXPECT_EQ(display_name(RelationshipType::kStrategicAlliance, Locale::kChinese), "战略联盟关系");
  EXPECT_EQ(display_name(Closeness::kOutermost, Locale::kChinese), "最外层");
  EXPECT_EQ(display_name(Pretext::kDropBy, Locale::kChinese), "借口路过");
  EXPECT_EQ(code_of(RelationshipStrength::kVeryStrong), "very_strong");
  EXPECT_EQ(display_name(Tier::kA, Locale::kEnglish), "A");
}

TEST(Schemas, FieldsAreWellFormedAndReferencesResolve) {
  std::set<std::string_view> collections;
  for (const RecordSchema* s : all_record_schemas()) {
    SCOPED_TRACE(std::string(s->collection));
    EXPECT_TRUE(collections.insert(s->collection).second);
    EXPECT_EQ(find_schema(s->collection), s);
    EXPECT_FALSE(s->zh.empty());
    std::set<std::string_view> keys;
    for (const FieldInfo* f : s->fields) {
      SCOPED_TRACE(std::string(f->key));
      EXPECT_TRUE(is_snake_case(f->key));
      EXPECT_TRUE(keys.insert(f->key).second) << "duplicate key";
      EXPECT_FALSE(f->en.empty());
      EXPECT_FALSE(f->zh.empty());
      EXPECT_EQ(s->find(f->key), f);
      if (f->kind == FieldKind::kEnum || f->kind == FieldKind::kEnumSet) {
        ASSERT_NE(f->enum_info, nullptr);
        bool registered = false;
        for (const EnumInfo* info : all_enum_infos()) registered |= info == f->enum_info;
        EXPECT_TRUE(registered);
      }
      if ((f->kind == FieldKind::kRef || f->kind == FieldKind::kRefSet) && !f->target.empty()) {
        EXPECT_NE(find_schema(f->target), nullptr) << f->target;
      }
      if (f->kind == FieldKind::kInt || f->kind == FieldKind::kNumber) {
        EXPECT_LT(f->min, f->max);
      }
      if (f->kind == FieldKind::kString) {
        EXPECT_GT(f->max_bytes, 0u);
      }
    }
    EXPECT_NE(s->find("archived"), nullptr);
    EXPECT_EQ(s->find("no_such_field"), nullptr);
  }
  EXPECT_EQ(all_record_schemas().size(), 23u);
}

} // namespace
} // namespace accord::model
