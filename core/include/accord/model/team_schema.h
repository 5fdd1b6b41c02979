#pragma once
/// The team index document: team settings (a singleton: follow-up cadence per tier), the
/// account list (a summary per account, kept by the model when accounts change) and members.

#include "accord/model/account_enums.h"
#include "accord/model/activity_enums.h"
#include "accord/model/contact_enums.h"
#include "accord/model/field.h"

namespace accord::model {

/// Follow-up cadence defaults 跟进频率 when the team has not set them (DOMAIN.md section 4).
inline constexpr int kDefaultCadenceDaysA = 14;
inline constexpr int kDefaultCadenceDaysB = 30;
inline constexpr int kDefaultCadenceDaysC = 90;

/// Fields of the team settings (root map "settings").
namespace settings {
inline constexpr StringField kTeamName{"team_name", "Team name", "团队名称", 200};
inline constexpr IntField kCadenceA{"cadence_a_days", "Follow-up cadence, tier A (days)",
                                    "A类跟进频率(天)", 1, 365};
inline constexpr IntField kCadenceB{"cadence_b_days", "Follow-up cadence, tier B (days)",
                                    "B类跟进频率(天)", 1, 365};
inline constexpr IntField kCadenceC{"cadence_c_days", "Follow-up cadence, tier C (days)",
                                    "C类跟进频率(天)", 1, 365};
inline constexpr StringField kCurrency{"currency", "Default currency", "默认币种", 3};
inline constexpr const FieldInfo* kFields[] = {&kTeamName, &kCadenceA, &kCadenceB, &kCadenceC,
                                               &kCurrency};
} // namespace settings
/// The team settings (singleton of the team index).
inline constexpr RecordSchema kSettingsRecord{
    "settings", "Team settings", "团队设置", DocumentKind::kTeamIndex, true, settings::kFields};

/// Fields of an account list entry (the record id is the account id).
namespace account_entry {
inline constexpr StringField kName{"name", "Name", "客户名称", 200};
inline constexpr EnumField<Tier> kTier{"tier", "Tier", "客户分级"};
inline constexpr EnumField<Classification> kClassification{"classification", "Classification",
                                                           "客户类别"};
inline constexpr RefField kOwner{"owner", "Account manager", "客户经理", ""};
inline constexpr const FieldInfo* kFields[] = {&kName, &kTier, &kClassification, &kOwner};
} // namespace account_entry
/// An entry of the team's account list.
inline constexpr RecordSchema kAccountEntryRecord{"accounts", "Account list entry",
                                                  "客户列表", DocumentKind::kTeamIndex,
                                                  false,      account_entry::kFields};

/// Fields of a team member (the record id is the user id).
namespace member {
inline constexpr StringField kName{"name", "Display name", "姓名", 200};
inline constexpr StringField kEmail{"email", "Email", "邮箱", 320};
inline constexpr StringField kTitle{"title", "Title", "职务", 200};
inline constexpr EnumField<TeamRole> kFunction{"function", "Function", "职能"};
inline constexpr EnumField<OrgLevel> kLevel{"level", "Level", "管理层次"};
inline constexpr const FieldInfo* kFields[] = {&kName, &kEmail, &kTitle, &kFunction, &kLevel};
} // namespace member
/// A member of the sales team.
inline constexpr RecordSchema kMemberRecord{
    "members", "Team member", "团队成员", DocumentKind::kTeamIndex, false, member::kFields};

} // namespace accord::model
