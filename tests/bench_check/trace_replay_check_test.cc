// The benchmark traces replayed through Accord's public API, as bench/native/runners.cc replays
// them, must produce each trace's endContent, and the final document must survive an
// encode/decode round trip. Traces come from $ACCORD_TRACES or <source>/../shared/traces.
#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "accord/doc.h"
#include "accord/update.h"
#include "trace_file.h"

namespace accord::bench {
namespace {

std::string source_dir() {
  const char* env = std::getenv("ACCORD_SOURCE_DIR");
  return env != nullptr ? env : ".";
}

// Number of UTF-16 code units of BMP-only UTF-8 text: one per character.
std::uint64_t utf16_length(const std::string& s) {
  std::uint64_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

// Replays every transaction of `trace` into a fresh Doc with client id 1, checks the length
// after every transaction and the text at the end (endContent), then an encode/decode round trip.
void replay_and_check(const std::string& name) {
  auto trace = load_trace(traces_dir(source_dir()), name);
  ASSERT_TRUE(trace.ok()) << trace.status().to_string();
  DocOptions options;
  options.client_id = 1;
  Doc doc(options);
  TextRef text = doc.get_text("text");
  std::size_t updates = 0;
  doc.observe_update([&](const std::vector<std::uint8_t>& u, const Origin&) {
    ASSERT_FALSE(u.empty());
    ++updates;
  });
  if (!trace->start_content.empty()) {
    Transaction txn = doc.transact();
    ASSERT_TRUE(text.insert(txn, 0, trace->start_content).is_ok());
  }
  std::size_t index = 0;
  std::uint64_t expected_length = text.length();
  for (const auto& patches : trace->txns) {
    Transaction txn = doc.transact();
    for (const TextOp& op : patches) {
      if (op.del > 0) {
        Status st = text.remove(txn, op.pos, op.del);
        ASSERT_TRUE(st.is_ok()) << "txn " << index << ": " << st.to_string();
      }
      if (!op.ins.empty()) {
        Status st = text.insert(txn, op.pos, op.ins);
        ASSERT_TRUE(st.is_ok()) << "txn " << index << ": " << st.to_string();
      }
    }
    txn.commit();
    for (const TextOp& op : patches) expected_length += utf16_length(op.ins) - op.del;
    ASSERT_EQ(text.length(), expected_length) << "after txn " << index;
    ++index;
  }
  EXPECT_EQ(updates, trace->txns.size()) << "one update per transaction";
  const std::string result = text.to_string();
  ASSERT_EQ(result.size(), trace->end_content.size());
  ASSERT_TRUE(result == trace->end_content) << "replay of " << name << " differs from endContent";

  std::vector<std::uint8_t> encoded = encode_state_as_update(doc);
  Doc loaded;
  Status st = apply_update(loaded, encoded);
  ASSERT_TRUE(st.is_ok()) << st.to_string();
  EXPECT_TRUE(loaded.get_text("text").to_string() == trace->end_content);
  EXPECT_EQ(encode_state_as_update(loaded), encoded) << "re-encoding the loaded doc differs";
}

TEST(TraceReplayCheck, AutomergePaperProducesEndContent) { replay_and_check("automerge-paper"); }

TEST(TraceReplayCheck, SephBlog1ProducesEndContent) { replay_and_check("seph-blog1"); }

TEST(TraceReplayCheck, MissingTraceIsNotFound) {
  auto trace = load_trace(traces_dir(source_dir()), "no-such-trace");
  ASSERT_FALSE(trace.ok());
  EXPECT_EQ(trace.status().code(), StatusCode::kNotFound);
}

// Writes `json` gzip-compressed as <tmp>/<name>.json.gz and returns the directory.
std::string write_trace(const std::string& name, const std::string& json) {
  const auto dir = std::filesystem::temp_directory_path() / "accord_bench_check";
  std::filesystem::create_directories(dir);
  gzFile f = gzopen((dir / (name + ".json.gz")).c_str(), "wb");
  EXPECT_NE(f, nullptr);
  EXPECT_EQ(gzwrite(f, json.data(), static_cast<unsigned>(json.size())),
            static_cast<int>(json.size()));
  gzclose(f);
  return dir.string();
}

TEST(TraceReplayCheck, ReadsEscapesAndSkipsUnknownKeys) {
  const std::string dir = write_trace(
      "small", R"({"startContent":"","endContent":"a\"\u00e9\n","x":[1,{"y":null}],)"
               R"("txns":[{"time":"t","parents":[],"patches":[[0,0,"a\"\u00e9"],[3,0,"\n"]]}]})");
  auto trace = load_trace(dir, "small");
  ASSERT_TRUE(trace.ok()) << trace.status().to_string();
  EXPECT_EQ(trace->end_content, "a\"\xC3\xA9\n");
  ASSERT_EQ(trace->txns.size(), 1u);
  ASSERT_EQ(trace->txns[0].size(), 2u);
  EXPECT_EQ(trace->txns[0][0].ins, "a\"\xC3\xA9");
  EXPECT_EQ(trace->txns[0][1].pos, 3u);
  EXPECT_EQ(trace->patch_count, 2u);
}

TEST(TraceReplayCheck, MalformedTraceIsCorrupt) {
  for (const std::string json :
       {R"({"endContent":"x"})", R"({"endContent":"x","txns":[{"patches":[[0,0]]}]})",
        R"({"endContent":"x","txns":[)", "not json"}) {
    auto trace = load_trace(write_trace("bad", json), "bad");
    ASSERT_FALSE(trace.ok()) << json;
    EXPECT_EQ(trace.status().code(), StatusCode::kCorrupt) << json;
  }
}

TEST(TraceReplayCheck, NonBmpTextIsUnsupported) {
  auto trace = load_trace(
      write_trace("astral", R"({"endContent":"","txns":[{"patches":[[0,0,"\ud83d\ude00"]]}]})"),
      "astral");
  ASSERT_FALSE(trace.ok());
  EXPECT_EQ(trace.status().code(), StatusCode::kUnsupported);
}

} // namespace
} // namespace accord::bench
