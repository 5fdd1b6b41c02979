// Map layout, SVG, the account plan report and the terminal views.
#include <gtest/gtest.h>

#include "accord/workspace/map_layout.h"
#include "accord/workspace/report.h"
#include "accord/workspace/text_views.h"
#include "workspace_fixture.h"

namespace accord::workspace {
namespace {

using namespace accord::workspace::testing;

struct MapFixture : WorkspaceFixture {
  MapFixture() {
    import_ok(ImportKind::kAccounts, kAccountsCsv);
    import_ok(ImportKind::kContacts,
              kContactsCsv +
                  "acme-steel,c3,Carl <Dev> & Co,Engineer,base,user,skeptic,low\n"
                  "acme-steel,c4,Dana,Plant manager,middle,user;beneficiary,champion,high\n");
    import_ok(ImportKind::kLinks,
              "account,from,to,kind\n"
              "acme-steel,c2,c1,reports_to\n"
              "acme-steel,c4,c1,reports_to\n"
              "acme-steel,c3,c4,reports_to\n"
              "acme-steel,c1,c3,reports_to\n" // closes a cycle: ignored for the layout
              "acme-steel,c2,c4,rival\n");
  }
  AccountSlot& acme() { return *ws->account("acme-steel"); }
};

const MapNode& node(const MapLayout& l, const std::string& id) {
  for (const auto& n : l.nodes) {
    if (n.id == id) return n;
  }
  ADD_FAILURE() << "no node " << id;
  return l.nodes.front();
}

TEST(MapLayout, LayersByReportsToAndBreaksCycles) {
  MapFixture f;
  const MapLayout l = layout_power_map(f.acme().account);
  ASSERT_EQ(l.nodes.size(), 4u);
  EXPECT_EQ(node(l, "c1").depth, 0);
  EXPECT_EQ(node(l, "c2").depth, 1);
  EXPECT_EQ(node(l, "c4").depth, 1);
  EXPECT_EQ(node(l, "c3").depth, 2);
  EXPECT_EQ(node(l, "c3").boss, "c4");
  EXPECT_EQ(node(l, "c1").boss, ""); // c1 -> c3 would close a cycle
  EXPECT_DOUBLE_EQ(node(l, "c3").y, 2 * kLayerSpacingY);
  // Siblings by name: Bob Stone left of Dana.
  EXPECT_LT(node(l, "c2").x, node(l, "c4").x);
  EXPECT_EQ(l.edges.size(), 5u);
}

TEST(MapLayout, StoredPositionsWin) {
  MapFixture f;
  f.import_ok(ImportKind::kContacts, "account,id,x,y\nacme-steel,c3,-400,35.5\n");
  const MapLayout l = layout_power_map(f.acme().account);
  EXPECT_TRUE(node(l, "c3").stored);
  EXPECT_DOUBLE_EQ(node(l, "c3").x, -400);
  EXPECT_DOUBLE_EQ(node(l, "c3").y, 35.5);
  EXPECT_DOUBLE_EQ(l.min_x, -400);
}

TEST(Report, SvgDrawsEveryContactEscapedAndEveryLink) {
  MapFixture f;
  const std::string svg = power_map_svg(f.acme().account, model::Locale::kEnglish);
  EXPECT_EQ(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0), 0u);
  EXPECT_NE(svg.find("Carl &lt;Dev&gt; &amp; Co"), std::string::npos);
  EXPECT_EQ(svg.find("<Dev>"), std::string::npos);
  std::size_t groups = 0, lines = 0;
  for (std::size_t p = 0; (p = svg.find("<g class=\"contact\"", p)) != std::string::npos; ++p)
    ++groups;
  for (std::size_t p = 0; (p = svg.find("<line class=\"link", p)) != std::string::npos; ++p)
    ++lines;
  EXPECT_EQ(groups, 4u);
  EXPECT_EQ(lines, 5u);
  EXPECT_NE(svg.find("class=\"link rival\""), std::string::npos);
  EXPECT_NE(svg.find("#66bb6a"), std::string::npos); // Dana is a champion
}

TEST(Report, MarkdownAndHtmlHaveTheSections) {
  MapFixture f;
  ReportOptions o;
  o.now_ms = kNow;
  const std::string md = account_plan_markdown(*f.ws, "acme-steel", o);
  EXPECT_EQ(md.rfind("# Acme Steel, Inc. — Account plan\n", 0), 0u);
  for (const char* s : {"## Account profile", "## Power map", "Health score ", "### Contacts",
                        "## Plan", "![Power map](data:image/svg+xml;base64,", "| Jane Doe | CEO |",
                        "| Our sales | 1,200,000 |"}) {
    EXPECT_NE(md.find(s), std::string::npos) << s;
  }
  const std::string html = account_plan_html(*f.ws, "acme-steel", o);
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("<figure class=\"power-map\">\n<svg"), std::string::npos);
  EXPECT_NE(html.find("<td>Carl &lt;Dev&gt; &amp; Co</td>"), std::string::npos);
  EXPECT_NE(html.find("</html>"), std::string::npos);
  o.locale = model::Locale::kChinese;
  EXPECT_NE(account_plan_html(*f.ws, "acme-steel", o).find("大客户战略管理计划"),
            std::string::npos);
  EXPECT_TRUE(account_plan_markdown(*f.ws, "nope", o).empty());
}

TEST(TextViews, PowerMapShowsTreeRolesAndReasons) {
  MapFixture f;
  auto text = power_map_text(*f.ws, "acme-steel", ViewOptions{kNow});
  ASSERT_TRUE(text.ok());
  EXPECT_NE(text->find("Power map health: "), std::string::npos);
  EXPECT_NE(text->find("  Jane Doe — CEO · Top · Decider, Payer · Supporter · influence High\n"),
            std::string::npos)
      << *text;
  EXPECT_NE(text->find("  └─ Dana"), std::string::npos) << *text;
  EXPECT_NE(text->find("     └─ Carl <Dev> & Co"), std::string::npos) << *text;
  EXPECT_NE(text->find("Bob Stone —Rival / opposition— Dana"), std::string::npos) << *text;
  EXPECT_NE(text->find("no_coach"), std::string::npos);
  EXPECT_NE(text->find("unknown_role"), std::string::npos);
  EXPECT_EQ(power_map_text(*f.ws, "nope", ViewOptions{kNow}).status().code(),
            StatusCode::kNotFound);
}

TEST(TextViews, HistoryListsEveryChangeOfARecord) {
  MapFixture f;
  f.import_ok(ImportKind::kContacts, "account,id,stance\nacme-steel,c2,opponent\n");
  auto text = history_text(*f.ws, "c2", ViewOptions{kNow});
  ASSERT_TRUE(text.ok());
  EXPECT_NE(text->find("contacts/c2 *: created"), std::string::npos) << *text;
  EXPECT_NE(text->find("alice@laptop"), std::string::npos) << *text;
  EXPECT_NE(text->find("contacts/c2 stance: neutral -> opponent"), std::string::npos) << *text;
  EXPECT_EQ(history_text(*f.ws, "zzz", ViewOptions{kNow}).status().code(), StatusCode::kNotFound);
}

} // namespace
} // namespace accord::workspace
