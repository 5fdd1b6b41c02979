#pragma once
/// The power map records of the account document (DOMAIN.md section 2, 权力地图): contacts,
/// links between contacts, and faction groups.

#include "accord/model/account_enums.h"
#include "accord/model/contact_enums.h"
#include "accord/model/field.h"

namespace accord::model {

/// Fields of a contact: a person in the account's buying organisation.
namespace contact {
inline constexpr StringField kName{"name", "Name", "姓名", 200};
inline constexpr StringField kTitle{"title", "Title", "职务", 200};
inline constexpr EnumField<Department> kDepartment{"department", "Department", "部门"};
inline constexpr EnumField<OrgLevel> kLevel{"level", "Level", "管理层次"};
inline constexpr EnumSetField<BuyingRole> kBuyingRoles{"buying_roles", "Buying roles", "购买角色"};
inline constexpr EnumField<Stance> kStance{"stance", "Stance toward us", "立场"};
inline constexpr EnumField<InsideHelp> kInsideHelp{"inside_help", "Inside help", "线人/教练"};
inline constexpr EnumField<Grade> kHelpWillingness{"help_willingness", "Willingness to help",
                                                   "帮助意愿"};
inline constexpr EnumField<Grade> kHelpAbility{"help_ability", "Ability to help", "帮助能力"};
inline constexpr EnumField<Grade> kInfluence{"influence", "Influence", "影响力"};
inline constexpr IntField kHiddenRank{"hidden_rank", "Hidden rank (1 = most weight)", "隐性排位", 1,
                                      1000};
inline constexpr EnumField<Disc> kDisc{"disc", "Personality (DISC)", "DISC 性格"};
inline constexpr EnumField<LeadershipStyle> kLeadershipStyle{"leadership_style", "Leadership style",
                                                             "领导风格"};
inline constexpr EnumField<PersonalNeed> kPersonalNeed{"personal_need", "Personal need",
                                                       "个人需求"};
inline constexpr StringField kKpiOwned{"kpi_owned", "KPI owned", "KPI负责人", 500};
inline constexpr EnumSetField<DecisionBlocker> kDecisionBlockers{"decision_blockers",
                                                                 "Decision blockers", "决策阻碍"};
inline constexpr EnumField<Circle> kCircle{"circle", "Circle around the boss", "圈子"};
inline constexpr EnumField<Closeness> kCloseness{"closeness", "Closeness to us", "关系层次"};
inline constexpr EnumField<TrustQuadrant> kTrust{"trust", "Trust quadrant", "信任象限"};
inline constexpr RefField kCounterpart{"counterpart", "Our counterpart (zipper)", "拉链式对接人",
                                       "account_team"};
inline constexpr RefField kFaction{"faction", "Faction", "派系", "factions"};
inline constexpr NumberField kX{"x", "Map position x", "图中位置x", -1e6, 1e6};
inline constexpr NumberField kY{"y", "Map position y", "图中位置y", -1e6, 1e6};
inline constexpr StringField kEmail{"email", "Email", "邮箱", 320};
inline constexpr StringField kPhone{"phone", "Phone", "电话", 64};
inline constexpr TextField kNotes{"notes", "Notes", "备注"};
inline constexpr StringField kFamily{"profile_family", "Family", "家庭", kDefaultMaxStringBytes,
                                     true};
inline constexpr StringField kUniversity{"profile_university", "University", "毕业院校",
                                         kDefaultMaxStringBytes, true};
inline constexpr StringField kSport{"profile_sport", "Sport", "运动", kDefaultMaxStringBytes, true};
inline constexpr StringField kFood{"profile_food", "Food", "饮食", kDefaultMaxStringBytes, true};
inline constexpr StringField kReading{"profile_reading", "Reading", "阅读", kDefaultMaxStringBytes,
                                      true};
inline constexpr StringField kHolidays{"profile_holidays", "Holidays", "度假",
                                       kDefaultMaxStringBytes, true};
inline constexpr StringField kGoals{"profile_goals", "Personal goals", "个人目标",
                                    kDefaultMaxStringBytes, true};
inline constexpr const FieldInfo* kFields[] = {&kName,
                                               &kTitle,
                                               &kDepartment,
                                               &kLevel,
                                               &kBuyingRoles,
                                               &kStance,
                                               &kInsideHelp,
                                               &kHelpWillingness,
                                               &kHelpAbility,
                                               &kInfluence,
                                               &kHiddenRank,
                                               &kDisc,
                                               &kLeadershipStyle,
                                               &kPersonalNeed,
                                               &kKpiOwned,
                                               &kDecisionBlockers,
                                               &kCircle,
                                               &kCloseness,
                                               &kTrust,
                                               &kCounterpart,
                                               &kFaction,
                                               &kX,
                                               &kY,
                                               &kEmail,
                                               &kPhone,
                                               &kNotes,
                                               &kFamily,
                                               &kUniversity,
                                               &kSport,
                                               &kFood,
                                               &kReading,
                                               &kHolidays,
                                               &kGoals};
} // namespace contact
/// A contact 联系人 (the personal profile 客户个人资料 fields are sensitive).
inline constexpr RecordSchema kContactRecord{
    "contacts", "Contact", "联系人", DocumentKind::kAccount, false, contact::kFields};

/// Fields of a link between two contacts 内部政治.
namespace link {
inline constexpr RefField kFrom{"from", "From", "从", "contacts"};
inline constexpr RefField kTo{"to", "To (for reports_to: the boss)", "到", "contacts"};
inline constexpr EnumField<LinkKind> kKind{"kind", "Kind", "关系类型"};
inline constexpr BoolField kBossTrusts{"boss_trusts", "The boss trusts the subordinate",
                                       "上级信任下级"};
inline constexpr BoolField kFollowsBoss{"follows_boss", "The subordinate follows the boss",
                                        "下级追随上级"};
inline constexpr RefField kFaction{"faction", "Faction", "派系", "factions"};
inline constexpr StringField kNote{"note", "Note", "备注"};
inline constexpr const FieldInfo* kFields[] = {&kFrom,        &kTo,      &kKind, &kBossTrusts,
                                               &kFollowsBoss, &kFaction, &kNote};
} // namespace link
/// A link between contacts.
inline constexpr RecordSchema kLinkRecord{"links", "Link",       "人际关系", DocumentKind::kAccount,
                                          false,   link::kFields};

/// Fields of a faction group 派系.
namespace faction {
inline constexpr StringField kName{"name", "Faction", "派系", 200};
inline constexpr RefField kLeader{"leader", "Leader", "核心人物", "contacts"};
inline constexpr StringField kColor{"color", "Colour on the map", "颜色", 16};
inline constexpr StringField kNote{"note", "Note", "备注"};
inline constexpr const FieldInfo* kFields[] = {&kName, &kLeader, &kColor, &kNote};
} // namespace faction
/// A faction group.
inline constexpr RecordSchema kFactionRecord{
    "factions", "Faction", "派系", DocumentKind::kAccount, false, faction::kFields};

} // namespace accord::model
