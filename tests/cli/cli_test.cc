// The `accord` binary end to end: each test runs it in its own temporary directory and checks
// its exit code, what it prints and what it stores.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include "run_accord.h"

namespace {

namespace fs = std::filesystem;

using accord::test::kNow;
using accord::test::Outcome;
using accord::test::slurp;

class Cli : public ::testing::Test {
protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() /
           ("accord-cli-" + std::string(info->name()) + "-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Runs `accord <args>` in the test directory (arguments are passed to the shell as they are).
  Outcome accord(const std::string& args) { return accord::test::run_accord(dir_, args); }
  void write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
  }
  std::string read(const std::string& name) { return slurp(dir_ / name); }

  fs::path dir_;
};

TEST_F(Cli, EverySubcommandHasHelpWithExitCodes) {
  for (const char* sub :
       {"init", "import", "export", "map", "due", "digest", "history", "demo", "search"}) {
    const Outcome r = accord(std::string(sub) + " --help");
    EXPECT_EQ(r.code, 0) << sub;
    EXPECT_NE(r.out.find("Exit codes: 0 ok, 1 usage error, 2 bad input"), std::string::npos)
        << sub << "\n"
        << r.out;
  }
  EXPECT_EQ(accord("--help").code, 0);
}

TEST_F(Cli, UsageErrorsExitOne) {
  EXPECT_EQ(accord("").code, 1);
  EXPECT_EQ(accord("frobnicate").code, 1);
  EXPECT_EQ(accord("export --format pdf").code, 1);
  EXPECT_EQ(accord("map").code, 1);
}

TEST_F(Cli, MissingWorkspaceExitsFour) {
  const Outcome r = accord("-w nowhere due");
  EXPECT_EQ(r.code, 4);
  EXPECT_NE(r.err.find("no accord workspace in 'nowhere'"), std::string::npos) << r.err;
}

TEST_F(Cli, DemoThenMapDueDigestHistory) {
  const Outcome demo = accord(std::string("demo ws ") + kNow);
  ASSERT_EQ(demo.code, 0) << demo.err;
  EXPECT_NE(demo.out.find("12 accounts"), std::string::npos) << demo.out;
  EXPECT_EQ(accord(std::string("demo ws ") + kNow).code, 2); // exists already

  const Outcome map = accord(std::string("-w ws map huaxin ") + kNow);
  ASSERT_EQ(map.code, 0) << map.err;
  EXPECT_EQ(map.out.rfind("华信钢铁集团 (huaxin-steel) · Tier A", 0), 0u) << map.out;
  for (const char* s : {"Power map health: ", "Reporting lines:", "总经理", "├─ ",
                        "Factions:", "改革派", "Buying roles:", "Decider", "Reasons:"}) {
    EXPECT_NE(map.out.find(s), std::string::npos) << s << "\n" << map.out;
  }
  const Outcome zh = accord(std::string("-w ws map huaxin-steel --lang zh ") + kNow);
  EXPECT_NE(zh.out.find("权力地图健康度"), std::string::npos) << zh.out;
  EXPECT_NE(zh.out.find("决策的人"), std::string::npos) << zh.out;

  const Outcome due = accord(std::string("-w ws due ") + kNow);
  ASSERT_EQ(due.code, 0) << due.err;
  EXPECT_NE(due.out.find("Follow-ups on 2026-11-23"), std::string::npos);
  EXPECT_EQ(due.out.find("Overdue accounts (0)"), std::string::npos) << due.out;
  EXPECT_NE(due.out.find("days overdue"), std::string::npos) << due.out;
  EXPECT_NE(due.out.find("Team: overdue "), std::string::npos) << due.out;
  const Outcome mine = accord(std::string("-w ws due --rep anna.berg ") + kNow);
  EXPECT_EQ(mine.out.find("li.wei"), std::string::npos) << mine.out;

  const Outcome digest = accord(std::string("-w ws digest ") + kNow);
  ASSERT_EQ(digest.code, 0) << digest.err;
  EXPECT_NE(digest.out.find("Manager digest on 2026-11-23"), std::string::npos);
  EXPECT_EQ(digest.out.find("Losing ground (0)"), std::string::npos) << digest.out;
  EXPECT_NE(digest.out.find("stance: Supporter -> Skeptic"), std::string::npos) << digest.out;
  EXPECT_NE(digest.out.find("development_stage: Stable cooperation -> Initial cooperation"),
            std::string::npos)
      << digest.out;
  EXPECT_EQ(digest.out.find("Plan actions overdue (0)"), std::string::npos) << digest.out;

  const Outcome history = accord(std::string("-w ws history huaxin-steel ") + kNow);
  ASSERT_EQ(history.code, 0) << history.err;
  EXPECT_NE(history.out.find("account funnel_stage: regular -> key"), std::string::npos)
      << history.out;
  EXPECT_EQ(accord("-w ws history no-such-record").code, 4);
  EXPECT_EQ(accord("-w ws map no-such-account").code, 4);
}

TEST_F(Cli, SearchFindsChineseAndLatinText) {
  ASSERT_EQ(accord(std::string("demo ws ") + kNow).code, 0);
  const Outcome steel = accord("-w ws search steel");
  ASSERT_EQ(steel.code, 0) << steel.err;
  EXPECT_EQ(steel.out.rfind("account 华信钢铁集团  [huaxin-steel]\n", 0), 0u) << steel.out;
  const Outcome zh = accord("-w ws search 采购 --kind contact --limit 3");
  ASSERT_EQ(zh.code, 0) << zh.err;
  EXPECT_EQ(std::count(zh.out.begin(), zh.out.end(), '\n'), 3) << zh.out;
  EXPECT_EQ(zh.out.rfind("contact ", 0), 0u) << zh.out;
  const Outcome none = accord("-w ws search zzzqqq");
  EXPECT_EQ(none.code, 0);
  EXPECT_EQ(none.out, "No account, contact or visit matches \"zzzqqq\".\n");
  const Outcome syntax = accord("-w ws search '\"*'");
  EXPECT_EQ(syntax.code, 1);
  EXPECT_NE(syntax.err.find("has no letter, digit or Chinese character"), std::string::npos)
      << syntax.err;
  EXPECT_EQ(accord("-w ws search").code, 1);
  EXPECT_EQ(accord("-w ws search x --kind needs").code, 1);
  EXPECT_EQ(accord("-w nowhere search x").code, 4);
}

TEST_F(Cli, ImportErrorsArePreciseAndWriteNothing) {
  ASSERT_EQ(accord(std::string("init ws --user alice ") + kNow).code, 0);
  write("accounts.csv", "id,name,tier\nacme,Acme,a\nbeta,Beta,aa\ngamma,Gamma,b\n");
  const std::string before = read("ws/accord.db");
  const Outcome bad = accord("-w ws import accounts.csv");
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.err.find("accounts.csv:3:11: field 'tier': "), std::string::npos) << bad.err;
  EXPECT_NE(bad.err.find("nothing imported"), std::string::npos) << bad.err;
  EXPECT_EQ(read("ws/accord.db"), before);
  const std::string header_only = accord("-w ws export -f csv -k accounts").out;
  EXPECT_EQ(header_only.find("\r\n"), header_only.size() - 2) << header_only; // no rows

  write("accounts.csv", "id,name,tier\nacme,Acme,a\nbeta,Beta,c\n");
  const Outcome dry = accord("-w ws import accounts.csv --dry-run");
  EXPECT_EQ(dry.code, 0) << dry.err;
  EXPECT_NE(dry.out.find("Dry run"), std::string::npos);
  EXPECT_EQ(accord("-w ws export -f csv -k accounts").out.find("acme"), std::string::npos);

  const Outcome good = accord("-w ws import accounts.csv");
  EXPECT_EQ(good.code, 0) << good.err;
  EXPECT_NE(good.out.find("2 accounts row(s) imported: 2 created"), std::string::npos) << good.out;

  write("people.csv", "account,id,name\nacme,p1,Ann\nzeta,p2,Zed\n");
  EXPECT_EQ(accord("-w ws import people.csv").code, 1); // the kind cannot be told from the name
  const Outcome dangling = accord("-w ws import people.csv --kind contacts");
  EXPECT_EQ(dangling.code, 2);
  EXPECT_NE(dangling.err.find("people.csv:3:1: field 'account': unknown account 'zeta'"),
            std::string::npos)
      << dangling.err;
  EXPECT_EQ(accord("-w ws import missing-accounts.csv").code, 2);
}

TEST_F(Cli, SeveralCsvFilesImportAsOne) {
  ASSERT_EQ(accord(std::string("init ws --user alice ") + kNow).code, 0);
  write("accounts.csv", "id,name\nacme,Acme\n");
  ASSERT_EQ(accord("-w ws import accounts.csv").code, 0);
  // A faction's leader is a contact, the contact's faction that faction: one import.
  write("demo-factions.csv", "account,id,name,leader\nacme,f1,Old guard,c1\n");
  write("demo-team.csv", "account,id,name,role\nacme,t1,Alice Wang,account_manager\n");
  write("demo-contacts.csv", "account,id,name,faction,counterpart\nacme,c1,Jane,f1,t1\n");
  EXPECT_EQ(accord("-w ws import demo-factions.csv").code, 2); // c1 does not exist yet
  const Outcome together = accord("-w ws import demo-factions.csv demo-contacts.csv demo-team.csv");
  ASSERT_EQ(together.code, 0) << together.err;
  EXPECT_NE(together.out.find("1 factions row(s) imported: 1 created"), std::string::npos)
      << together.out;
  EXPECT_NE(together.out.find("1 team row(s) imported: 1 created"), std::string::npos)
      << together.out;
  const std::string factions = accord("-w ws export -f csv -k factions").out;
  EXPECT_NE(factions.find("acme,f1,Old guard,c1"), std::string::npos) << factions;
  const std::string contacts = accord("-w ws export -f csv -k contacts").out;
  EXPECT_NE(contacts.find("f1"), std::string::npos) << contacts;
  EXPECT_NE(contacts.find("t1"), std::string::npos) << contacts;
  // One bad file: nothing of any file is written, each problem names its file.
  write("more-team.csv", "account,id,name\nacme,t2,Bo\n");
  write("more-contacts.csv", "account,id,name,counterpart\nacme,c2,Li,t9\n");
  const Outcome bad = accord("-w ws import more-team.csv more-contacts.csv");
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.err.find("more-contacts.csv:2:12: field 'counterpart'"), std::string::npos)
      << bad.err;
  EXPECT_EQ(accord("-w ws export -f csv -k team").out.find("t2"), std::string::npos);
  write("a.json", "{}");
  EXPECT_EQ(accord("-w ws import a.json accounts.csv").code, 1);
}

TEST_F(Cli, JsonExportRoundTripsThroughImport) {
  ASSERT_EQ(accord(std::string("demo a --accounts 3 --seed 5 ") + kNow).code, 0);
  ASSERT_EQ(accord("-w a export -o a.json").code, 0);
  ASSERT_EQ(
      accord(std::string("init b --team demo-team --user demo --name \"Demo Manager\" ") + kNow)
          .code,
      0);
  const Outcome imported = accord("-w b import a.json");
  ASSERT_EQ(imported.code, 0) << imported.err;
  EXPECT_NE(imported.out.find("Imported 7 document(s)"), std::string::npos) << imported.out;
  ASSERT_EQ(accord("-w b export -o b.json").code, 0);
  EXPECT_EQ(read("a.json"), read("b.json"));
  // And a report from the imported copy.
  const Outcome md = accord(std::string("-w b export -f md -a huaxin-steel -o plan.md ") + kNow);
  ASSERT_EQ(md.code, 0) << md.err;
  EXPECT_NE(read("plan.md").find("data:image/svg+xml;base64,"), std::string::npos);
  const Outcome html = accord(std::string("-w b export -f html -a huaxin-steel ") + kNow);
  EXPECT_NE(html.out.find("<svg xmlns="), std::string::npos);
  EXPECT_EQ(accord("-w b export -f html").code, 1); // needs --account
}

} // namespace
