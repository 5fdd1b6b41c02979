// core/src/model/SCHEMA.md is the schema reference (every field with its DOMAIN.md Chinese
// term). It is rendered from the schema tables; this test fails when it is out of date.
// Regenerate: ACCORD_WRITE_SCHEMA_DOC=1 ./accord_model_tests --gtest_filter=SchemaDoc.*
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "accord/model/documents.h"
#include "accord/model/enum_info.h"

namespace accord::model {
namespace {

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

std::string kind_text(const FieldInfo& f) {
  std::string k(field_kind_name(f.kind));
  switch (f.kind) {
    case FieldKind::kString: return k + " (max " + std::to_string(f.max_bytes) + " bytes)";
    case FieldKind::kEnum:
    case FieldKind::kEnumSet: return k + " `" + std::string(f.enum_info->name) + "`";
    case FieldKind::kInt:
    case FieldKind::kNumber: return k + " [" + number(f.min) + ", " + number(f.max) + "]";
    case FieldKind::kRef:
    case FieldKind::kRefSet:
      return k + " -> " + (f.target.empty() ? std::string("user id") : std::string(f.target));
    default: return k;
  }
}

std::string render() {
  std::ostringstream o;
  o << "# Accord domain schema\n\n"
    << "Generated from the schema tables in core/include/accord/model/*_schema.h by\n"
    << "tests/model/schema_doc_test.cc (which fails when this file is out of date). The method\n"
    << "behind it is /work/shared/DOMAIN.md; the Chinese labels are its terms.\n\n"
    << "Layout: each document has a root map `meta` {kind, schema_version, id} and a root array\n"
    << "`journal` (change history: {r, u, d, t, v, o, x} per record per edit, see history.h).\n"
    << "A collection is a root map from record id (UUIDv7 text for new records) to the\n"
    << "record's map; a singleton record is\n"
    << "the root map itself. Enum fields store the code; set fields store one key\n"
    << "`<field>:<member>` = true per member; text fields are root Y.Texts named\n"
    << "`<collection>/<id>/<field>` (`<collection>/<field>` for singletons). Every record also\n"
    << "has `archived`, `created_at` and `created_by`. Sensitive fields are visible to the\n"
    << "account team only. Schema version: " << kSchemaVersion << ".\n";
  for (DocumentKind dk :
       {DocumentKind::kTeamIndex, DocumentKind::kAccount, DocumentKind::kVisitLog}) {
    o << "\n## Document: " << document_kind_code(dk) << "\n";
    for (const RecordSchema* s : all_record_schemas()) {
      if (s->document != dk) continue;
      o << "\n### `" << s->collection << "`: " << s->en << " " << s->zh
        << (s->singleton ? " (singleton)" : "") << "\n\n"
        << "| key | kind | English | 中文 |\n|---|---|---|---|\n";
      for (const FieldInfo* f : s->fields) {
        o << "| `" << f->key << "` | " << kind_text(*f) << " | " << f->en
          << (f->sensitive ? " (sensitive)" : "") << " | " << f->zh << " |\n";
      }
    }
  }
  o << "\n## Vocabularies\n";
  for (const EnumInfo* info : all_enum_infos()) {
    o << "\n### `" << info->name << "`\n\n| code | English | 中文 |\n|---|---|---|\n";
    for (const EnumEntry& e : info->entries) {
      o << "| `" << e.code << "` | " << e.en << " | " << e.zh << " |\n";
    }
  }
  return o.str();
}

TEST(SchemaDoc, IsUpToDate) {
  const char* dir = std::getenv("ACCORD_SOURCE_DIR");
  const std::string path = std::string(dir ? dir : ".") + "/core/src/model/SCHEMA.md";
  const std::string want = render();
  if (std::getenv("ACCORD_WRITE_SCHEMA_DOC") != nullptr) {
    std::ofstream(path) << want;
  }
  std::ifstream in(path);
  std::stringstream have;
  have << in.rdbuf();
  EXPECT_EQ(have.str(), want) << path << " is out of date; see the comment at the top of "
                              << __FILE__;
}

} // namespace
} // namespace accord::model
