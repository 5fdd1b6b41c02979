// Search in English and Chinese over the projection tables, and queries that are not search
// syntax. The text cutting itself (search_text.h, internal) is tested at the end.
#include <gtest/gtest.h>

#include <algorithm>

#include "accord/model/activity_schema.h"
#include "accord/model/contact_schema.h"
#include "accord/workspace/search.h"
#include "workspace/search_text.h"
#include "workspace_fixture.h"

namespace accord::workspace {
namespace {

using namespace accord::workspace::testing;

struct SearchFixture : WorkspaceFixture {
  SearchFixture() {
    import_ok(ImportKind::kAccounts, kAccountsCsv);
    import_ok(ImportKind::kContacts, kContactsCsv);
    import_ok(ImportKind::kContacts,
              "account,id,name,title\n"
              "hx,w2,王丽,采购总监\n"
              "hx,m1,Hans Müller,Einkäufer\n"
              "hx,l1,李明 Li Ming,Steel buyer\n"
              "acme-steel,z1,Zoë Park,Plant manager\n");
    AccountSlot* slot = ws->account("hx");
    {
      model::Edit e(*slot->visit_doc, alice(), kNow);
      auto v = slot->visits.add_visit(e, "2026-11-20T10:00:00+08:00", "alice");
      EXPECT_TRUE(v.ok());
      visit_id = v->id();
      EXPECT_TRUE(v->set(e, model::visit::kPurpose, "拜访王总，讨论采购计划").is_ok());
      EXPECT_TRUE(
          v->set_text(e, model::visit::kNotes, "Budget approved for Q1 (预算已批)").is_ok());
    }
    EXPECT_TRUE(ws->save().is_ok());
  }

  /// "kind:record" of every hit, in order.
  std::vector<std::string> find(std::string_view query, SearchOptions options = {}) {
    auto hits = search(*store, "acme", query, options);
    EXPECT_TRUE(hits.ok()) << query << ": " << hits.status().to_string();
    std::vector<std::string> out;
    if (!hits.ok()) return out;
    for (const auto& h : *hits) out.push_back(h.kind + ":" + h.record_id);
    return out;
  }

  std::vector<std::string> find_sorted(std::string_view query) {
    auto out = find(query);
    std::sort(out.begin(), out.end());
    return out;
  }

  Status error_of(std::string_view query, SearchOptions options = {}) {
    auto hits = search(*store, "acme", query, options);
    return hits.ok() ? Status::ok() : hits.status();
  }

  std::string visit_id;
};

using Strings = std::vector<std::string>;

TEST(Search, OneAndTwoChineseCharacters) {
  SearchFixture f;
  EXPECT_EQ(f.find_sorted("王"), (Strings{"contact:w1", "contact:w2", "visit:" + f.visit_id}));
  EXPECT_EQ(f.find("王总"), (Strings{"visit:" + f.visit_id}));
  EXPECT_EQ(f.find_sorted("采购"), (Strings{"contact:w2", "visit:" + f.visit_id}));
  EXPECT_EQ(f.find("钢铁"), (Strings{"account:hx"}));
  EXPECT_EQ(f.find("建国"), (Strings{"contact:w1"}));
  EXPECT_EQ(f.find("王建国"), (Strings{"contact:w1"}));
  EXPECT_EQ(f.find("总经理"), (Strings{"contact:w1"}));
  EXPECT_EQ(f.find("预算"), (Strings{"visit:" + f.visit_id})) << "visit notes are indexed";
  EXPECT_TRUE(f.find("王明").empty()) << "王 and 明 are in different records";
  EXPECT_TRUE(f.find("经总").empty()) << "pairs are ordered";
}

TEST(Search, LatinCaseDiacriticsAndPrefixes) {
  SearchFixture f;
  EXPECT_EQ(f.find("jane"), (Strings{"contact:c1"}));
  EXPECT_EQ(f.find("JANE doe"), (Strings{"contact:c1"}));
  EXPECT_EQ(f.find("jane ceo"), (Strings{"contact:c1"}));
  EXPECT_TRUE(f.find("jane buyer").empty());
  EXPECT_EQ(f.find("muller"), (Strings{"contact:m1"}));
  EXPECT_EQ(f.find("MÜLLER"), (Strings{"contact:m1"}));
  EXPECT_EQ(f.find("einkaufer"), (Strings{"contact:m1"}));
  EXPECT_EQ(f.find("zoe"), (Strings{"contact:z1"}));
  EXPECT_EQ(f.find("sto"), (Strings{"contact:c2"}));
  EXPECT_EQ(f.find("budget"), (Strings{"visit:" + f.visit_id}));
  EXPECT_EQ(f.find("ＡＣＭＥ"), (Strings{"account:acme-steel"})) << "fullwidth letters";
  // The account holds "steel" three times (name, id, industry): it ranks first.
  EXPECT_EQ(f.find("steel"), (Strings{"account:acme-steel", "contact:l1"}));
  EXPECT_EQ(f.find("ste"), (Strings{"account:acme-steel", "contact:l1"}));
}

TEST(Search, MixedLanguages) {
  SearchFixture f;
  EXPECT_EQ(f.find("li 李明"), (Strings{"contact:l1"}));
  EXPECT_EQ(f.find("李明Li"), (Strings{"contact:l1"}));
  EXPECT_EQ(f.find("q1 预算"), (Strings{"visit:" + f.visit_id}));
  EXPECT_TRUE(f.find("jane 王").empty());
}

TEST(Search, HitsCarryTheirAccountAndALabel) {
  SearchFixture f;
  auto hits = search(*f.store, "acme", "王丽");
  ASSERT_TRUE(hits.ok());
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ((*hits)[0].kind, "contact");
  EXPECT_EQ((*hits)[0].account_id, "hx");
  EXPECT_EQ((*hits)[0].label, "王丽 · 华信钢铁");
  EXPECT_GT((*hits)[0].score, 0);
  hits = search(*f.store, "acme", "计划");
  ASSERT_TRUE(hits.ok());
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ((*hits)[0].label, "2026-11-20 · 华信钢铁 · 拜访王总，讨论采购计划");
  // Another team sees nothing of this one.
  auto other = search(*f.store, "other", "王");
  ASSERT_TRUE(other.ok());
  EXPECT_TRUE(other->empty());
}

TEST(Search, KindsAndLimit) {
  SearchFixture f;
  SearchOptions visits;
  visits.kinds = {"visit"};
  EXPECT_EQ(f.find("采购", visits), (Strings{"visit:" + f.visit_id}));
  SearchOptions contacts;
  contacts.kinds = {"contact", "account"};
  EXPECT_EQ(f.find("采购", contacts), (Strings{"contact:w2"}));
  SearchOptions one;
  one.limit = 1;
  EXPECT_EQ(f.find("steel", one), (Strings{"account:acme-steel"}));

  SearchOptions bad_kind;
  bad_kind.kinds = {"needs"};
  Status s = f.error_of("steel", bad_kind);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("unknown record kind 'needs'"), std::string::npos) << s.message();
  SearchOptions zero;
  zero.limit = 0;
  EXPECT_EQ(f.error_of("steel", zero).code(), StatusCode::kInvalidArgument);
}

TEST(Search, QueriesAreTextNotSyntax) {
  SearchFixture f;
  Status empty = f.error_of("");
  EXPECT_EQ(empty.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(empty.message(), "the search text is empty");
  EXPECT_EQ(f.error_of("  \t").message(), "the search text is empty");
  for (const char* nothing : {"\"", "*", "\"*\"", "()", "-", "：，。", "😀"}) {
    Status s = f.error_of(nothing);
    EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << nothing;
    EXPECT_NE(s.message().find("has no letter, digit or Chinese character"), std::string::npos)
        << s.message();
  }
  // FTS5 operators and punctuation are plain words or separators: never an SQL error.
  EXPECT_EQ(f.find("\"jane"), (Strings{"contact:c1"}));
  EXPECT_EQ(f.find("jane*"), (Strings{"contact:c1"}));
  EXPECT_EQ(f.find("(王丽)"), (Strings{"contact:w2"}));
  EXPECT_EQ(f.find("jane OR bob"), Strings{}) << "OR is a word every hit must contain";
  EXPECT_TRUE(f.find("AND").empty());
  EXPECT_TRUE(f.find("NEAR(jane doe)").empty());
  EXPECT_TRUE(f.find("name:jane").empty());
  EXPECT_TRUE(f.find("jane NOT doe").empty());
  EXPECT_EQ(f.find("jane-doe"), (Strings{"contact:c1"}));
  EXPECT_EQ(f.find(std::string("jane\0doe", 8)), (Strings{"contact:c1"}));
  EXPECT_TRUE(f.find("\xff\xfe jane").size() == 1u) << "invalid UTF-8 separates";
}

TEST(Search, WithoutProjectionSaysHowToBuildIt) {
  auto store = std::move(DocumentStore::open(":memory:")).value();
  auto hits = search(*store, "acme", "steel");
  ASSERT_FALSE(hits.ok());
  EXPECT_EQ(hits.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(hits.status().message().find("open the workspace"), std::string::npos);
}

TEST(SearchText, CutsWordsAndChinesePairs) {
  using search_text::index_form;
  EXPECT_EQ(index_form("王建国"), "王 建 国 王建 建国");
  EXPECT_EQ(index_form("ABB上海, Ltd."), "ABB 上 海 上海 Ltd");
  EXPECT_EQ(index_form("ＡＢＢ１２ 公司"), "ABB12 公 司 公司");
  EXPECT_EQ(index_form("Müller—Zoë"), "Müller Zoë");
  EXPECT_EQ(index_form("a\xe4\xb8"), "a") << "a truncated sequence is dropped";
  EXPECT_EQ(index_form(""), "");
  const auto terms = search_text::query_terms("王总 ab 采购部 李");
  ASSERT_EQ(terms.size(), 5u);
  EXPECT_EQ(terms[0].text, "王总");
  EXPECT_FALSE(terms[0].prefix);
  EXPECT_EQ(terms[1].text, "ab");
  EXPECT_TRUE(terms[1].prefix);
  EXPECT_EQ(terms[2].text, "采购");
  EXPECT_EQ(terms[3].text, "购部");
  EXPECT_EQ(terms[4].text, "李");
  EXPECT_EQ(search_text::match_expression(terms), "\"王总\" \"ab\"* \"采购\" \"购部\" \"李\"");
}

} // namespace
} // namespace accord::workspace
