// accord_bench: runs the benchmark cases on Accord natively and writes the medians as JSON, in
// the same shape as bench/node-bench.mjs writes for yjs and ywasm (bench/report.mjs reads both).
//
//   accord_bench --inputs build/bench/inputs.json --traces ../shared/traces
//                [--cases B1,B4] [--runs 5] [--trace-runs 3]
//                [--out build/bench/accord-native.json] [--encoded-dir build/bench/encoded/...]
//   accord_bench --memory-child <update.bin> <trace-name> --traces <dir>
//
// The memory of a loaded document is measured in a child process (this binary again with
// --memory-child), three times, median taken: a fresh process has no allocator history.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "case_file.h"
#include "memory.h"
#include "runners.h"
#include "trace_file.h"

namespace {

using accord::Result;
using accord::Status;
using accord::bench::Figures;
using nlohmann::json;

struct TraceCase {
  const char* id;
  const char* file;
  bool observe;
  bool memory;
  const char* title;
};

// The trace cases of bench/lib/trace.mjs that Accord runs (the v2 observer one is yjs-only).
constexpr TraceCase kTraceCases[] = {
    {"B4", "automerge-paper", true, true,
     "automerge-paper: 259,778 edits, one transaction each, v1 update observer"},
    {"B4.noobs", "automerge-paper", false, false, "automerge-paper without an update observer"},
    {"B4.seph", "seph-blog1", true, true,
     "seph-blog1: 137,154 transactions incl. pastes, v1 update observer"},
};

struct Args {
  std::string inputs = "build/bench/inputs.json";
  std::string traces;
  std::vector<std::string> cases;
  int runs = 5;
  int trace_runs = 3;
  std::string out = "build/bench/accord-native.json";
  std::string encoded_dir = "build/bench/encoded/accord-native";
  std::string memory_update;
  std::string memory_trace;
};

std::vector<std::string> split(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t end = s.find(',', start);
    if (end == std::string::npos) end = s.size();
    if (end > start) out.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

bool selected(const Args& args, const std::string& id) {
  if (args.cases.empty()) return true;
  return std::any_of(args.cases.begin(), args.cases.end(),
                     [&](const std::string& w) { return id == w || id.rfind(w + ".", 0) == 0; });
}

double median(std::vector<double> xs) {
  std::sort(xs.begin(), xs.end());
  std::size_t m = xs.size() / 2;
  return xs.size() % 2 ? xs[m] : (xs[m - 1] + xs[m]) / 2;
}

double round3(double x) {
  return static_cast<double>(static_cast<long long>(x * 1000 + 0.5)) / 1000;
}

// Runs `fn` `runs` times and returns the medians of the timed figures plus the last run's sizes.
template <typename Fn>
Result<json> repeat(int runs, const std::string& title, Fn fn, std::vector<std::uint8_t>& encoded) {
  std::vector<double> time, encode, decode;
  Figures last;
  for (int i = 0; i < runs; ++i) {
    Result<Figures> f = fn();
    if (!f.ok()) return f.status();
    time.push_back(f->time_ms);
    encode.push_back(f->encode_ms);
    decode.push_back(f->decode_ms);
    last = std::move(*f);
  }
  encoded = std::move(last.encoded);
  return json{{"title", title},
              {"runs", runs},
              {"timeMs", round3(median(time))},
              {"encodeMs", round3(median(encode))},
              {"decodeMs", round3(median(decode))},
              {"docSize", last.doc_size},
              {"updates", last.updates},
              {"updateBytes", last.update_bytes}};
}

Status write_file(const std::string& path, const std::vector<std::uint8_t>& bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(bytes.data()),
            static_cast<std::streamsize>(bytes.size()));
  return out ? Status::ok() : Status::error(accord::StatusCode::kIoError, "cannot write " + path);
}

Result<std::vector<std::uint8_t>> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::error(accord::StatusCode::kNotFound, "cannot read " + path);
  return std::vector<std::uint8_t>(std::istreambuf_iterator<char>(in), {});
}

// --memory-child: prints {"heapBytes": ..., "residentBytes": ...} for one loaded document.
int memory_child(const Args& args) {
  std::string expected;
  {
    auto trace = accord::bench::load_trace(args.traces, args.memory_trace);
    if (!trace.ok()) {
      std::cerr << trace.status().to_string() << "\n";
      return 1;
    }
    expected = trace->end_content;
  }
  auto update = read_file(args.memory_update);
  if (!update.ok()) {
    std::cerr << update.status().to_string() << "\n";
    return 1;
  }
  auto m = accord::bench::measure_loaded_doc(*update, expected);
  if (!m.ok()) {
    std::cerr << m.status().to_string() << "\n";
    return 1;
  }
  std::cout << json{{"heapBytes", m->heap_bytes}, {"residentBytes", m->resident_bytes}}.dump()
            << "\n";
  return 0;
}

// Runs this binary as --memory-child three times; returns the medians.
Result<json> measure_memory(const Args& args, const std::string& update_file,
                            const std::string& trace) {
  const std::string self = std::filesystem::read_symlink("/proc/self/exe").string();
  std::vector<double> heap, rss;
  for (int i = 0; i < 3; ++i) {
    std::string cmd = "'" + self + "' --memory-child '" + update_file + "' '" + trace +
                      "' --traces '" + args.traces + "'";
    FILE* pipe = popen(cmd.c_str(), "r");
    if (pipe == nullptr) return Status::error(accord::StatusCode::kIoError, "popen failed");
    std::string out;
    char buf[4096];
    while (std::fgets(buf, sizeof buf, pipe) != nullptr) out += buf;
    if (pclose(pipe) != 0) {
      return Status::error(accord::StatusCode::kInternal, "memory child failed: " + out);
    }
    json j = json::parse(out, nullptr, false);
    if (j.is_discarded()) return Status::error(accord::StatusCode::kInternal, "bad child output");
    heap.push_back(j["heapBytes"].get<double>());
    rss.push_back(j["residentBytes"].get<double>());
  }
  return json{{"heapBytes", median(heap)}, {"residentBytes", median(rss)}};
}

int fail(const std::string& what, const Status& st) {
  std::cerr << "accord_bench: " << what << ": " << st.to_string() << "\n";
  return 1;
}

} // namespace

int main(int argc, char** argv) {
  Args args;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--inputs")
      args.inputs = next();
    else if (a == "--traces")
      args.traces = next();
    else if (a == "--cases")
      args.cases = split(next());
    else if (a == "--runs")
      args.runs = std::max(1, std::stoi(next()));
    else if (a == "--trace-runs")
      args.trace_runs = std::max(1, std::stoi(next()));
    else if (a == "--out")
      args.out = next();
    else if (a == "--encoded-dir")
      args.encoded_dir = next();
    else if (a == "--memory-child") {
      args.memory_update = next();
      args.memory_trace = next();
    } else {
      std::cerr << "accord_bench: unknown argument " << a << "\n";
      return 2;
    }
  }
  if (args.traces.empty()) args.traces = accord::bench::traces_dir(".");
  if (!args.memory_update.empty()) return memory_child(args);

  std::filesystem::create_directories(args.encoded_dir);
  json results{{"impl", "accord-native"}, {"cases", json::object()}};
  auto record = [&](const std::string& id, json figures,
                    const std::vector<std::uint8_t>& bytes) -> Result<std::string> {
    std::string file = args.encoded_dir + "/" + id + ".bin";
    ACCORD_RETURN_IF_ERROR(write_file(file, bytes));
    std::cerr << "accord-native " << id << ": " << figures.dump() << "\n";
    results["cases"][id] = std::move(figures);
    return file;
  };

  std::map<std::string, accord::bench::Trace> traces;
  for (const TraceCase& t : kTraceCases) {
    if (!selected(args, t.id)) continue;
    if (!traces.count(t.file)) {
      auto trace = accord::bench::load_trace(args.traces, t.file);
      if (!trace.ok()) return fail(t.file, trace.status());
      traces.emplace(t.file, std::move(*trace));
    }
    const auto& trace = traces.at(t.file);
    std::vector<std::uint8_t> encoded;
    auto figures = repeat(
        args.trace_runs, t.title, [&] { return accord::bench::run_trace(trace, t.observe); },
        encoded);
    if (!figures.ok()) return fail(t.id, figures.status());
    auto file = record(t.id, *figures, encoded);
    if (!file.ok()) return fail(t.id, file.status());
    if (!t.memory) continue;
    auto memory = measure_memory(args, *file, t.file);
    if (!memory.ok()) return fail(std::string(t.id) + " memory", memory.status());
    std::cerr << "accord-native " << t.id << " memory: " << memory->dump() << "\n";
    results["cases"][t.id]["memory"] = *memory;
  }

  bool any_case = std::any_of(std::begin(kTraceCases), std::end(kTraceCases),
                              [&](const TraceCase& t) { return selected(args, t.id); });
  if (!args.cases.empty() && any_case &&
      std::all_of(args.cases.begin(), args.cases.end(),
                  [](const std::string& w) { return w.rfind("B4", 0) == 0; })) {
    // Only trace cases were asked for: the inputs file is not needed.
  } else {
    auto cases = accord::bench::load_cases(args.inputs);
    if (!cases.ok()) return fail("inputs", cases.status());
    for (const auto& c : *cases) {
      if (!selected(args, c.id)) continue;
      std::vector<std::uint8_t> encoded;
      auto figures = repeat(
          args.runs, c.title, [&] { return accord::bench::run_case(c); }, encoded);
      if (!figures.ok()) return fail(c.id, figures.status());
      auto file = record(c.id, *figures, encoded);
      if (!file.ok()) return fail(c.id, file.status());
    }
  }

  std::ofstream out(args.out);
  out << results.dump(2) << "\n";
  if (!out) return fail("writing " + args.out, Status::error(accord::StatusCode::kIoError, ""));
  std::cerr << "wrote " << args.out << "\n";
  return 0;
}
