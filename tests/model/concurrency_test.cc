// Concurrent edits of every record kind on two replicas that sync through update bytes:
// different fields of one record both survive, the same field converges, set members and text
// edits merge, records created concurrently are all kept.
#include <gtest/gtest.h>

#include "accord/model/account_schema.h"
#include "accord/model/contact_schema.h"
#include "accord/update.h"
#include "model_test_util.h"

namespace accord::model {
namespace {

using testing::alice;
using testing::bob;
using testing::kT0;

// A valid value of field `f` (any kind but references), different for each `variant` (0..2).
Any sample(const FieldInfo& f, int variant) {
  switch (f.kind) {
    case FieldKind::kString:
      if (f.max_bytes < 8) return Any("v" + std::to_string(variant));
      return Any("v" + std::to_string(variant) + " 值");
    case FieldKind::kText: return Any("v" + std::to_string(variant) + " 值");
    case FieldKind::kEnum:
      return Any(std::string(f.enum_info->entries[variant % f.enum_info->entries.size()].code));
    case FieldKind::kEnumSet:
      return Any(Any::Array{
          Any(std::string(f.enum_info->entries[variant % f.enum_info->entries.size()].code))});
    case FieldKind::kInt:
    case FieldKind::kNumber: return Any(f.min + variant);
    case FieldKind::kBool: return Any(variant % 2 == 1);
    case FieldKind::kDate: return Any("2026-01-0" + std::to_string(variant + 1));
    case FieldKind::kDateTime: return Any("2026-01-0" + std::to_string(variant + 1) + "T10:00Z");
    case FieldKind::kRef:
    case FieldKind::kRefSet: break;
  }
  return Any();
}

std::vector<const FieldInfo*> plain_fields(const RecordSchema& s) {
  std::vector<const FieldInfo*> out;
  for (const FieldInfo* f : s.fields) {
    if (f->kind != FieldKind::kRef && f->kind != FieldKind::kRefSet) out.push_back(f);
  }
  return out;
}

// Creates one record of `schema` on `a` and returns its id (the collection for singletons).
std::string create(Doc& a, const RecordSchema& schema) {
  if (schema.singleton) return std::string(schema.collection);
  Edit e(a, alice(), kT0, 11);
  auto r = add_record(e, schema);
  EXPECT_TRUE(r.ok()) << r.status().to_string();
  return r.ok() ? r->id() : std::string();
}

RecordRef get(Doc& d, const RecordSchema& schema, const std::string& id) {
  auto r = find_record(d, schema, id);
  EXPECT_TRUE(r.has_value());
  return *r;
}

class EveryRecordKind : public ::testing::TestWithParam<const RecordSchema*> {};

TEST_P(EveryRecordKind, DifferentFieldsOfOneRecordBothSurvive) {
  const RecordSchema& schema = *GetParam();
  Doc a(DocOptions::with_client_id(101));
  const std::string id = create(a, schema);
  Doc b = testing::replica(a, 202);
  const auto fields = plain_fields(schema);
  ASSERT_GE(fields.size(), 2u);
  {
    Edit ea(a, alice(), kT0 + 1);
    Edit eb(b, bob(), kT0 + 2);
    for (std::size_t i = 0; i < fields.size(); ++i) {
      Doc& d = i % 2 == 0 ? a : b;
      Edit& e = i % 2 == 0 ? ea : eb;
      ASSERT_TRUE(get(d, schema, id).set_value(e, fields[i]->key, sample(*fields[i], 1)).is_ok())
          << fields[i]->key;
    }
  }
  testing::sync(a, b);
  for (Doc* d : {&a, &b}) {
    RecordRef r = get(*d, schema, id);
    for (const FieldInfo* f : fields) {
      EXPECT_EQ(r.get_value(*f), sample(*f, 1)) << schema.collection << "." << f->key;
    }
  }
  testing::expect_same_json(a, b);
}

TEST_P(EveryRecordKind, TheSameFieldConvergesToOneWriter) {
  const RecordSchema& schema = *GetParam();
  Doc a(DocOptions::with_client_id(101));
  const std::string id = create(a, schema);
  Doc b = testing::replica(a, 202);
  const auto fields = plain_fields(schema);
  {
    Edit ea(a, alice(), kT0 + 1);
    Edit eb(b, bob(), kT0 + 1);
    for (const FieldInfo* f : fields) {
      ASSERT_TRUE(get(a, schema, id).set_value(ea, f->key, sample(*f, 1)).is_ok());
      ASSERT_TRUE(get(b, schema, id).set_value(eb, f->key, sample(*f, 2)).is_ok());
    }
  }
  testing::sync(a, b);
  testing::expect_same_json(a, b);
  RecordRef ra = get(a, schema, id);
  RecordRef rb = get(b, schema, id);
  for (const FieldInfo* f : fields) {
    const Any va = ra.get_value(*f);
    EXPECT_EQ(va, rb.get_value(*f)) << f->key;
    if (f->kind == FieldKind::kText) {
      // Text merges both insertions rather than picking one.
      EXPECT_EQ(va.as_string().size(), sample(*f, 1).as_string().size() * 2) << f->key;
    } else if (f->kind == FieldKind::kEnumSet) {
      EXPECT_EQ(va.as_array().size(), 2u) << "set members added concurrently both survive";
    } else {
      EXPECT_TRUE(va == sample(*f, 1) || va == sample(*f, 2)) << f->key;
    }
  }
}

std::string schema_name(const ::testing::TestParamInfo<const RecordSchema*>& info) {
  return std::string(info.param->collection);
}

INSTANTIATE_TEST_SUITE_P(Model, EveryRecordKind,
                         ::testing::ValuesIn(all_record_schemas().begin(),
                                             all_record_schemas().end()),
                         schema_name);

TEST(Concurrency, RecordsCreatedOfflineOnTwoDevicesAreAllKept) {
  Doc a(DocOptions::with_client_id(101));
  AccountDocument acc = testing::make_account(a);
  Doc b = testing::replica(a, 202);
  {
    Edit e(a, alice(), kT0 + 1);
    for (int i = 0; i < 5; ++i) ASSERT_TRUE(acc.add_contact(e, "A" + std::to_string(i)).ok());
  }
  {
    Edit e(b, bob(), kT0 + 1);
    for (int i = 0; i < 7; ++i) {
      ASSERT_TRUE(AccountDocument(b).add_contact(e, "B" + std::to_string(i)).ok());
    }
  }
  testing::sync(a, b);
  EXPECT_EQ(acc.list(kContactRecord).size(), 12u);
  EXPECT_EQ(AccountDocument(b).list(kContactRecord).size(), 12u);
  testing::expect_same_json(a, b);
}

TEST(Concurrency, ArchiveAndEditOfTheSameRecordKeepTheEdit) {
  Doc a(DocOptions::with_client_id(101));
  AccountDocument acc = testing::make_account(a);
  std::string id;
  {
    Edit e(a, alice(), kT0);
    id = acc.add_contact(e, "Qian")->id();
  }
  Doc b = testing::replica(a, 202);
  {
    Edit e(a, alice(), kT0 + 1);
    ASSERT_TRUE(acc.find(kContactRecord, id)->set_archived(e, true).is_ok());
  }
  {
    Edit e(b, bob(), kT0 + 1);
    ASSERT_TRUE(AccountDocument(b)
                    .find(kContactRecord, id)
                    ->set(e, contact::kStance, Stance::kChampion)
                    .is_ok());
  }
  testing::sync(a, b);
  auto ra = acc.find(kContactRecord, id);
  ASSERT_TRUE(ra.has_value());
  EXPECT_TRUE(ra->archived());
  EXPECT_EQ(ra->get(contact::kStance), Stance::kChampion);
}

TEST(Concurrency, TextOfARecordIsCoEdited) {
  Doc a(DocOptions::with_client_id(101));
  AccountDocument acc = testing::make_account(a);
  std::string id;
  {
    Edit e(a, alice(), kT0);
    auto s = acc.add(e, kSwotRecord);
    id = s->id();
    ASSERT_TRUE(s->set_text(e, swot::kText, "市场份额第一").is_ok());
  }
  Doc b = testing::replica(a, 202);
  {
    Edit e(a, alice(), kT0 + 1);
    RecordRef s = *acc.find(kSwotRecord, id);
    TextRef t = s.text(swot::kText);
    ASSERT_TRUE(t.insert(e.txn(), 0, "华东").is_ok());
    s.note_text_edit(e, swot::kText);
  }
  {
    Edit e(b, bob(), kT0 + 1);
    RecordRef s = *AccountDocument(b).find(kSwotRecord, id);
    TextRef t = s.text(swot::kText);
    ASSERT_TRUE(t.insert(e.txn(), t.length(), "（2025）").is_ok());
    s.note_text_edit(e, swot::kText);
  }
  testing::sync(a, b);
  EXPECT_EQ(acc.find(kSwotRecord, id)->get(swot::kText), "华东市场份额第一（2025）");
  testing::expect_same_json(a, b);
}

} // namespace
} // namespace accord::model
