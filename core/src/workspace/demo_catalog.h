#pragma once
// The fixed material the demo generator (demo.cc) draws from: accounts, the positions of a
// buying organisation, people's names, needs and plan actions, in English and Chinese.

#include <string_view>

namespace accord::workspace::demo {

struct AccountSpec {
  std::string_view id;
  std::string_view name;
  bool chinese;
  std::string_view industry;
  std::string_view region;
  std::string_view organisation_type; // organisation_type code
  std::string_view tier;              // a, b, c
  double purchase_volume;             // per year, in the account's currency
};

inline constexpr AccountSpec kAccounts[] = {
    {"huaxin-steel", "华信钢铁集团", true, "钢铁", "河北唐山", "state_owned", "a", 480e6},
    {"nordhavn-chem", "Nordhavn Chemicals A/S", false, "Chemicals", "Esbjerg, Denmark", "private",
     "a", 96e6},
    {"zhongtai-cement", "中泰水泥股份", true, "水泥", "安徽芜湖", "private", "b", 150e6},
    {"rheinwerk-auto", "Rheinwerk Automotive GmbH", false, "Automotive parts", "Duisburg, Germany",
     "foreign", "a", 120e6},
    {"dongfang-power", "东方电力设备", true, "电力设备", "四川德阳", "state_owned", "a", 360e6},
    {"great-lakes-mining", "Great Lakes Mining Corp.", false, "Mining", "Sudbury, Canada",
     "private", "b", 70e6},
    {"jinhai-paper", "金海纸业", true, "造纸", "广东湛江", "private", "b", 90e6},
    {"baltic-glass", "Baltic Float Glass SIA", false, "Flat glass", "Riga, Latvia", "private", "c",
     25e6},
    {"haixing-ship", "海星船舶重工", true, "船舶制造", "山东青岛", "state_owned", "b", 210e6},
    {"andes-copper", "Andes Copper Refining S.A.", false, "Copper refining", "Antofagasta, Chile",
     "foreign", "c", 40e6},
    {"kangda-pharma", "康达制药", true, "制药", "江苏泰州", "private", "b", 60e6},
    {"meridian-foods", "Meridian Food Processing Ltd", false, "Food processing",
     "Leeds, United Kingdom", "private", "c", 18e6},
};

struct PositionSpec {
  std::string_view title_en;
  std::string_view title_zh;
  std::string_view department; // department code
  std::string_view level;      // org_level code
  std::string_view roles;      // buying_role codes separated by ';'
  int boss;                    // index of the boss position, -1 for none
};

// Positions 0-5 are in every map; the others are drawn per account.
inline constexpr PositionSpec kPositions[] = {
    {"General Manager", "总经理", "executive", "top", "decider", -1},
    {"Deputy General Manager, Operations", "常务副总经理", "executive", "top",
     "decider;beneficiary", 0},
    {"Chief Financial Officer", "财务总监", "finance", "top", "payer", 0},
    {"Procurement Director", "采购总监", "procurement", "middle", "purchaser;evaluator", 2},
    {"Technical Director", "技术总监", "technical", "middle", "evaluator", 1},
    {"Plant Manager", "厂长", "user", "middle", "user;beneficiary", 1},
    {"Senior Buyer", "高级采购员", "procurement", "base", "purchaser", 3},
    {"Process Engineer", "工艺工程师", "technical", "base", "user;evaluator", 4},
    {"Maintenance Supervisor", "设备维修主管", "user", "base", "user", 5},
    {"Quality Manager", "质量经理", "technical", "middle", "evaluator;saboteur", 1},
    {"EHS Manager", "安环经理", "other", "middle", "initiator", 1},
    {"Energy Manager", "能源主管", "technical", "base", "initiator;facilitator", 4},
    {"Finance Controller", "财务主管", "finance", "base", "payer", 2},
    {"Head of Digital", "信息化负责人", "technical", "middle", "facilitator", 1},
    {"Board Advisor", "董事会顾问", "executive", "top", "facilitator", -1},
};

inline constexpr std::string_view kChineseSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "赵",
                                                        "黄", "周", "吴", "徐", "孙", "马", "朱",
                                                        "胡", "郭", "何", "林", "高", "罗"};
inline constexpr std::string_view kChineseGivenNames[] = {
    "建国", "丽娜", "伟",   "芳",   "志强", "秀英", "海峰", "静", "明",   "磊",
    "晓东", "敏",   "国华", "春梅", "军",   "雪",   "德胜", "婷", "宏伟", "玉兰"};
inline constexpr std::string_view kFirstNames[] = {
    "Anna",   "Lars",  "Sofia",  "Henrik", "Maria",  "Thomas", "Julia",
    "Mikkel", "Emma",  "David",  "Laura",  "Stefan", "Claire", "Pedro",
    "Ingrid", "James", "Olivia", "Marco",  "Nina",   "Robert"};
inline constexpr std::string_view kLastNames[] = {
    "Jensen",   "Müller", "Schmidt", "Hansen",  "Novak",   "Fischer", "Larsen",
    "Weber",    "Silva",  "Brown",   "Berzins", "Ozols",   "Moreau",  "Rossi",
    "Kowalski", "Smith",  "Walsh",   "Keller",  "Nielsen", "Costa"};

struct NeedSpec {
  std::string_view title_en;
  std::string_view title_zh;
  std::string_view iceberg;
  std::string_view kano;
  std::string_view cause;
  std::string_view certainty;
  std::string_view how_met;
  int owner_position;
};

inline constexpr NeedSpec kNeeds[] = {
    {"Cut unplanned downtime of the main line", "降低主产线非计划停机", "explicit", "expected",
     "past_incident", "semi_certain", "competitor_partly", 5},
    {"Lower energy cost per tonne", "降低吨产品能耗成本", "implicit", "expected", "trend",
     "uncertain", "not_met", 11},
    {"Meet the new emission limits before the audit", "在审核前达到新排放标准", "explicit", "basic",
     "environment", "certain", "not_met", 10},
    {"Fewer suppliers to manage", "减少供应商数量", "implicit", "exciting", "customer_expectation",
     "uncertain", "self", 3},
    {"Predictable spare-parts budget", "备件预算可预测", "deep", "expected", "competitor",
     "unknown", "competitor_fully", 2},
    {"Show the board a digital plant", "向董事会展示数字化工厂", "deep", "exciting", "trend",
     "unknown", "not_met", 0},
};

struct ActionSpec {
  std::string_view task_en;
  std::string_view task_zh;
};

inline constexpr ActionSpec kActions[] = {
    {"Run a downtime audit with the plant team", "与工厂团队完成停机审计"},
    {"Present the energy-saving business case to the CFO", "向财务总监汇报节能方案"},
    {"Invite the technical director to our reference site", "邀请技术总监参观样板工厂"},
    {"Agree the annual framework price", "敲定年度框架价格"},
    {"Set up a quarterly business review", "建立季度业务回顾机制"},
    {"Train the maintenance crew on the new pumps", "为维修班组培训新泵"},
    {"Map the approval chain for capex above budget", "梳理超预算资本支出的审批链"},
};

inline constexpr std::string_view kPurposesEn[] = {"Quarterly review of open orders",
                                                   "Discuss the downtime audit findings",
                                                   "Technical clarification on the tender",
                                                   "Introduce our new service package",
                                                   "Follow up on the price proposal",
                                                   "Site visit with our application engineer",
                                                   "Relationship lunch",
                                                   "Check satisfaction after the last delivery"};
inline constexpr std::string_view kPurposesZh[] = {
    "季度订单回顾", "讨论停机审计结果",     "招标技术澄清",     "介绍新的服务包",
    "跟进报价方案", "与应用工程师现场走访", "商务午餐增进关系", "上次交付后的满意度回访"};
inline constexpr std::string_view kNextStepsEn[] = {
    "Send the revised quotation", "Share the reference-site report",
    "Book the meeting with the CFO", "Prepare the trial proposal", "Confirm the delivery schedule"};
inline constexpr std::string_view kNextStepsZh[] = {
    "发送修改后的报价", "分享样板工厂报告", "预约与财务总监会面", "准备试用方案", "确认交货计划"};

} // namespace accord::workspace::demo
