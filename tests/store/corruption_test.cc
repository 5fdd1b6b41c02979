// Corrupt rows: a blob that fails its checksum or does not decode is reported as kCorrupt
// naming the document and the row; nothing is skipped, nothing is written over it, and other
// documents are unaffected.
#include <gtest/gtest.h>

#include "accord/document_store.h"
#include "accord/local_document.h"
#include "store/checksum.h"
#include "store_test_util.h"

namespace accord {
namespace {

using testing::json;
using testing::open_store;
using testing::raw_sql;
using testing::Recorder;
using testing::sql_blob;
using testing::stored_json;
using testing::TempDir;

class Corruption : public ::testing::Test {
protected:
  void SetUp() override {
    path_ = dir_.file("c.db");
    auto store = open_store(path_);
    ASSERT_TRUE(store);
    for (int i = 0; i < 3; ++i) {
      auto r = store->append_local("t/bad", a_.set("k" + std::to_string(i), i));
      ASSERT_TRUE(r.ok());
      seqs_.push_back(r->log_seq);
    }
    ASSERT_TRUE(store->append_remote("t/good", b_.set("fine", true)).ok());
  }

  /// Every stored row count, to prove nothing was written or deleted.
  std::string fingerprint() {
    auto store = open_store(path_);
    auto size = store->document_size("t/bad");
    return std::to_string(size->log_rows) + "/" + std::to_string(size->log_bytes) + "/" +
           std::to_string(size->snapshot_bytes) + "/" + std::to_string(size->outbox_rows);
  }

  TempDir dir_;
  std::string path_;
  Recorder a_{1};
  Recorder b_{2};
  std::vector<std::uint64_t> seqs_;
};

TEST_F(Corruption, ChecksumMismatchNamesTheRowAndNothingIsWritten) {
  raw_sql(path_, "UPDATE updates SET data = X'00ff00ff' WHERE seq = " + std::to_string(seqs_[1]));
  const std::string before = fingerprint();
  auto store = open_store(path_);
  ASSERT_TRUE(store);

  Doc doc;
  auto info = store->load_into("t/bad", doc);
  ASSERT_FALSE(info.ok());
  EXPECT_EQ(info.status().code(), StatusCode::kCorrupt);
  const std::string message = info.status().message();
  EXPECT_NE(message.find("t/bad"), std::string::npos) << message;
  EXPECT_NE(message.find("log row " + std::to_string(seqs_[1])), std::string::npos) << message;
  EXPECT_NE(message.find("checksum"), std::string::npos) << message;

  // Every path that would write the document refuses.
  EXPECT_EQ(store->compact("t/bad").status().code(), StatusCode::kCorrupt);
  EXPECT_EQ(store->load("t/bad").status().code(), StatusCode::kCorrupt);
  auto local = LocalDocument::open(*store, "t/bad");
  ASSERT_FALSE(local.ok());
  EXPECT_EQ(local.status().code(), StatusCode::kCorrupt);
  Doc empty;
  EXPECT_FALSE(store->compact_from("t/bad", empty, seqs_.back()).ok());
  store.reset();
  EXPECT_EQ(fingerprint(), before);

  // Other documents are unaffected.
  auto again = open_store(path_);
  EXPECT_EQ(stored_json(*again, "t/good"), json(b_.doc()));
}

TEST_F(Corruption, UndecodableRowWithAValidChecksumIsReportedWithItsOffset) {
  const std::vector<std::uint8_t> garbage = {0x01, 0x01, 0x01, 0x00, 0x28, 0x01, 0xff, 0x7f};
  raw_sql(path_, "UPDATE updates SET data = " + sql_blob(garbage) +
                     ", crc = " + std::to_string(store::crc32(garbage)) +
                     " WHERE seq = " + std::to_string(seqs_[2]));
  const std::string before = fingerprint();
  auto store = open_store(path_);
  ASSERT_TRUE(store);
  Doc doc;
  auto info = store->load_into("t/bad", doc);
  ASSERT_FALSE(info.ok());
  EXPECT_EQ(info.status().code(), StatusCode::kCorrupt);
  EXPECT_NE(info.status().message().find("log row " + std::to_string(seqs_[2])), std::string::npos)
      << info.status().to_string();
  EXPECT_TRUE(info.status().offset().has_value()) << info.status().to_string();
  EXPECT_EQ(store->compact("t/bad").status().code(), StatusCode::kCorrupt);
  store.reset();
  EXPECT_EQ(fingerprint(), before);
}

TEST_F(Corruption, CorruptSnapshotOutboxAndStateVectorAreReported) {
  {
    auto store = open_store(path_);
    ASSERT_TRUE(store->compact("t/bad").ok());
    ASSERT_TRUE(store->merge_server_state_vector("t/bad", {{1, 2}}).is_ok());
  }
  raw_sql(path_,
          "UPDATE documents SET snapshot = X'0102' WHERE name = 't/bad';"
          "UPDATE outbox SET data = X'0000';"
          "UPDATE documents SET server_state_vector = X'05ff' WHERE name = 't/bad';");
  auto store = open_store(path_);
  Doc doc;
  auto info = store->load_into("t/bad", doc);
  ASSERT_FALSE(info.ok());
  EXPECT_NE(info.status().message().find("snapshot"), std::string::npos)
      << info.status().to_string();
  auto outbox = store->outbox("t/bad");
  ASSERT_FALSE(outbox.ok());
  EXPECT_EQ(outbox.status().code(), StatusCode::kCorrupt);
  EXPECT_NE(outbox.status().message().find("outbox row"), std::string::npos);
  auto sv = store->server_state_vector("t/bad");
  ASSERT_FALSE(sv.ok());
  EXPECT_EQ(sv.status().code(), StatusCode::kCorrupt);
  // A corrupt stored state vector is never replaced by a merge.
  EXPECT_FALSE(store->merge_server_state_vector("t/bad", {{1, 9}}).is_ok());
}

} // namespace
} // namespace accord
