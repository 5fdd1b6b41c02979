#pragma once
// Helpers shared by the store tests: a temporary directory removed at the end, a doc that
// records the updates its transactions produce, and raw SQL on a store file.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "accord/doc.h"
#include "accord/document_store.h"
#include "accord/update.h"

namespace accord::testing {

/// A fresh directory under $TMPDIR (or /tmp), removed with everything in it when destroyed.
class TempDir {
public:
  TempDir() {
    const char* base = std::getenv("TMPDIR");
    std::string pattern = std::string(base != nullptr ? base : "/tmp") + "/accord-store-XXXXXX";
    std::vector<char> buffer(pattern.begin(), pattern.end());
    buffer.push_back('\0');
    const char* made = mkdtemp(buffer.data());
    EXPECT_NE(made, nullptr) << "mkdtemp failed";
    path_ = made != nullptr ? made : "/tmp";
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  std::string file(const std::string& name) const { return path_ + "/" + name; }

private:
  std::string path_;
};

/// A doc with a fixed client id whose every transaction's update is returned by the helpers.
class Recorder {
public:
  explicit Recorder(std::uint64_t client) : doc_(DocOptions::with_client_id(client)) {
    doc_.observe_update(
        [this](const std::vector<std::uint8_t>& update, const Origin&) { last_ = update; });
  }
  /// Sets m[key] = value and returns the update.
  std::vector<std::uint8_t> set(const std::string& key, Any value) {
    last_.clear();
    doc_.transact([&](Transaction& txn) { doc_.get_map("m").set(txn, key, std::move(value)); });
    return last_;
  }
  /// Deletes m[key] and returns the update.
  std::vector<std::uint8_t> remove(const std::string& key) {
    last_.clear();
    doc_.transact([&](Transaction& txn) { doc_.get_map("m").remove(txn, key); });
    return last_;
  }
  /// Inserts text at `index` of the text "t" and returns the update.
  std::vector<std::uint8_t> type(std::uint64_t index, const std::string& text) {
    last_.clear();
    doc_.transact([&](Transaction& txn) { (void)doc_.get_text("t").insert(txn, index, text); });
    return last_;
  }
  Doc& doc() { return doc_; }

private:
  Doc doc_;
  std::vector<std::uint8_t> last_;
};

/// JSON text of a doc with sorted keys (comparable across loads, readable in messages).
inline std::string json(const Doc& doc) {
  return doc.to_json().with_sorted_keys().to_json_string();
}

/// JSON text of a document loaded from the store into a fresh doc ("<error>" on failure).
inline std::string stored_json(DocumentStore& store, const std::string& document) {
  Doc doc(DocOptions::with_client_id(999));
  auto info = store.load_into(document, doc);
  if (!info.ok()) return "<error: " + info.status().to_string() + ">";
  return json(doc);
}

/// Runs SQL on a file with a separate raw connection (fails the test on error).
inline void raw_sql(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  char* error = nullptr;
  const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  const std::string message = error != nullptr ? error : "";
  sqlite3_free(error);
  sqlite3_close(db);
  ASSERT_EQ(rc, SQLITE_OK) << message << "\nSQL: " << sql;
}

/// Hex of bytes for SQL blob literals: X'...'.
inline std::string sql_blob(const std::vector<std::uint8_t>& bytes) {
  static const char* digits = "0123456789abcdef";
  std::string out = "X'";
  for (const std::uint8_t b : bytes) {
    out.push_back(digits[b >> 4]);
    out.push_back(digits[b & 15]);
  }
  out += "'";
  return out;
}

/// The seed of a randomized test: $ACCORD_STORE_SEED when set, else random. Printed with the
/// replay command.
inline std::uint64_t test_seed(const char* test_name) {
  std::uint64_t seed = 0;
  if (const char* env = std::getenv("ACCORD_STORE_SEED"); env != nullptr && *env != '\0') {
    seed = std::strtoull(env, nullptr, 10);
  } else {
    std::random_device device;
    seed = (static_cast<std::uint64_t>(device()) << 32) ^ device();
  }
  std::printf("%s: seed %llu (replay: ACCORD_STORE_SEED=%llu)\n", test_name,
              static_cast<unsigned long long>(seed), static_cast<unsigned long long>(seed));
  std::fflush(stdout);
  return seed;
}

/// Opens a store or fails the test.
inline std::unique_ptr<DocumentStore> open_store(const std::string& path,
                                                 StoreOptions options = {}) {
  auto store = DocumentStore::open(path, options);
  EXPECT_TRUE(store.ok()) << store.status().to_string();
  return store.ok() ? std::move(store).value() : nullptr;
}

} // namespace accord::testing
