// accord_bench_workspace: the workspace benchmark of issue 5. Generates a team of N accounts,
// contacts and visits as CSV (deterministic for a seed), then measures
//   import     accord's CSV import of the three files into a new store file (import_csv:
//              validation, CRDT edits batched per document, one store transaction per file
//              with its projection rows), as rows per second;
//   dashboard  opening the store file and answering the dashboard (accounts list with
//              follow-up state and power-map health, follow-ups per rep, visits awaiting
//              review, overdue plan actions and next steps) from the projection tables, and
//              one search, in a fresh DocumentStore each run (median of --runs);
//   anchor     the same figures the way they were computed before the projection tables:
//              Workspace::open (every CRDT document loaded) then analytics::follow_ups,
//              manager_digest and power_map_health of every account; run side by side, so
//              the ratio dashboard/anchor means something on a loaded machine.
// It prints the seed, the machine's load average, and the figures (text, and JSON with --json).
//
//   accord_bench_workspace [--accounts 500] [--contacts 10000] [--visits 50000] [--seed 1]
//                          [--runs 5] [--dir DIR] [--json FILE]
// Seed: --seed or $ACCORD_BENCH_SEED.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "accord/analytics/digest.h"
#include "accord/analytics/follow_ups.h"
#include "accord/analytics/power_map_health.h"
#include "accord/document_store.h"
#include "accord/model/dates.h"
#include "accord/workspace/csv_import.h"
#include "accord/workspace/dashboard.h"
#include "accord/workspace/search.h"
#include "accord/workspace/workspace.h"

namespace {

namespace fs = std::filesystem;
using namespace accord;
using Clock = std::chrono::steady_clock;

/// 2026-11-23T09:00:00Z.
constexpr std::int64_t kNow = 1795424400000;
constexpr std::int64_t kDay = 86400000;
constexpr const char* kTeam = "bench";

struct Config {
  int accounts = 500;
  int contacts = 10000;
  int visits = 50000;
  std::uint64_t seed = 1;
  int runs = 5;
  std::string dir;
  std::string json;
};

/// CPU time of this process in ms: on a loaded machine the wall clock also counts the time
/// other processes had the cores; both are printed.
double cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1000.0 + static_cast<double>(ts.tv_nsec) / 1e6;
}

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

struct Csvs {
  std::string accounts, contacts, visits;
};

/// The generated team: ids and names only depend on the seed.
Csvs generate(const Config& c) {
  std::mt19937_64 rng(c.seed);
  const auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<std::uint64_t>(n)); };
  static const char* kSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴"};
  static const char* kGiven[] = {"伟", "芳", "娜", "敏", "静",  "强",
                                 "磊", "洋", "勇", "杰", "建国"};
  static const char* kLatin[] = {"Anna",  "Ben",   "Clara", "David", "Eva",
                                 "Felix", "Grace", "Hans",  "Ines",  "Jonas"};
  static const char* kFamily[] = {"Müller", "Schmidt", "Smith", "Dubois", "Rossi",
                                  "García", "Novak",   "Berg",  "Olsen",  "Weber"};
  static const char* kTitles[] = {"总经理", "采购总监", "技术总监", "CFO",      "Plant manager",
                                  "Buyer",  "设备科长", "财务经理", "Engineer", "Quality lead"};
  static const char* kLevels[] = {"top", "middle", "base"};
  static const char* kRoles[] = {"decider",   "payer",     "purchaser",  "user",
                                 "evaluator", "initiator", "facilitator"};
  static const char* kStances[] = {"champion", "supporter", "neutral", "skeptic", "opponent"};
  static const char* kGrades[] = {"high", "medium", "low"};
  static const char* kTiers[] = {"a", "b", "c"};
  static const char* kIndustries[] = {"钢铁", "Chemicals", "水泥", "Automotive", "Paper"};
  static const char* kPurposes[] = {"拜访王总，讨论采购计划", "Technical review of the line",
                                    "Quarterly business review", "交流年度框架协议",
                                    "Site visit with the plant manager"};
  Csvs out;
  out.accounts = "id,name,tier,classification,industry,owner\n";
  for (int a = 0; a < c.accounts; ++a) {
    char id[32];
    std::snprintf(id, sizeof id, "acct-%04d", a);
    const std::string name =
        a % 2 == 0 ? std::string(kSurnames[pick(10)]) + "氏" + kIndustries[pick(5)] + "集团 " +
                         std::to_string(a)
                   : std::string(kFamily[pick(10)]) + " Industries " + std::to_string(a);
    out.accounts += std::string(id) + "," + name + "," + kTiers[pick(3)] + ",key," +
                    kIndustries[pick(5)] + ",rep" + std::to_string(pick(10)) + "\n";
  }
  out.contacts = "account,id,name,title,level,buying_roles,stance,influence\n";
  const int per_account = std::max(1, c.contacts / c.accounts);
  for (int i = 0; i < c.contacts; ++i) {
    const int a = i % c.accounts;
    const int k = i / c.accounts;
    char account[32], id[32];
    std::snprintf(account, sizeof account, "acct-%04d", a);
    std::snprintf(id, sizeof id, "c-%04d-%03d", a, k);
    const std::string name = pick(2) == 0 ? std::string(kSurnames[pick(10)]) + kGiven[pick(11)]
                                          : std::string(kLatin[pick(10)]) + " " + kFamily[pick(10)];
    out.contacts += std::string(account) + "," + id + "," + name + "," + kTitles[pick(10)] + "," +
                    kLevels[pick(3)] + "," + kRoles[pick(7)] + "," + kStances[pick(5)] + "," +
                    kGrades[pick(3)] + "\n";
  }
  out.visits = "account,at,rep,contacts,purpose,outcome,reviewed,next_step,next_step_due\n";
  for (int i = 0; i < c.visits; ++i) {
    const int a = pick(c.accounts);
    char account[32], contact[32];
    std::snprintf(account, sizeof account, "acct-%04d", a);
    std::snprintf(contact, sizeof contact, "c-%04d-%03d", a, pick(per_account));
    const std::int64_t at = kNow - static_cast<std::int64_t>(pick(365)) * kDay - pick(36000) * 1000;
    const std::int64_t due = at + static_cast<std::int64_t>(7 + pick(21)) * kDay;
    out.visits += std::string(account) + "," + model::format_date_time(at) + ",rep" +
                  std::to_string(pick(10)) + "," + contact + "," + kPurposes[pick(5)] +
                  ",Agreed next steps," + (pick(4) == 0 ? "false" : "true") + ",Send the offer," +
                  model::format_date(model::day_of(due)) + "\n";
  }
  return out;
}

int usage(const std::string& why) {
  std::cerr << "accord_bench_workspace: " << why
            << "\nusage: accord_bench_workspace [--accounts N] [--contacts N] [--visits N] "
               "[--seed N] [--runs N] [--dir DIR] [--json FILE]\n";
  return 1;
}

std::string load_average() {
  std::ifstream in("/proc/loadavg");
  std::string one, five, fifteen;
  in >> one >> five >> fifteen;
  return one + " " + five + " " + fifteen;
}

int fail(const Status& s, const std::string& what) {
  std::cerr << "accord_bench_workspace: " << what << ": " << s.to_string() << "\n";
  return 2;
}

} // namespace

int main(int argc, char** argv) {
  Config c;
  if (const char* env = std::getenv("ACCORD_BENCH_SEED"); env != nullptr && *env != '\0') {
    c.seed = std::strtoull(env, nullptr, 10);
  }
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (i + 1 >= argc) return usage("missing value after " + arg);
    const std::string value = argv[++i];
    if (arg == "--accounts")
      c.accounts = std::atoi(value.c_str());
    else if (arg == "--contacts")
      c.contacts = std::atoi(value.c_str());
    else if (arg == "--visits")
      c.visits = std::atoi(value.c_str());
    else if (arg == "--seed")
      c.seed = std::strtoull(value.c_str(), nullptr, 10);
    else if (arg == "--runs")
      c.runs = std::atoi(value.c_str());
    else if (arg == "--dir")
      c.dir = value;
    else if (arg == "--json")
      c.json = value;
    else
      return usage("unknown option " + arg);
  }
  if (c.accounts < 1 || c.contacts < c.accounts || c.visits < 0 || c.runs < 1) {
    return usage("need accounts >= 1, contacts >= accounts, visits >= 0, runs >= 1");
  }
  const fs::path dir = c.dir.empty() ? fs::temp_directory_path() /
                                           ("accord-bench-workspace-" + std::to_string(::getpid()))
                                     : fs::path(c.dir);
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string path = (dir / "accord.db").string();
  std::cout << "workspace benchmark: seed " << c.seed << " (ACCORD_BENCH_SEED), " << c.accounts
            << " accounts, " << c.contacts << " contacts, " << c.visits << " visits; load average "
            << load_average() << "\n";

  const Csvs csvs = generate(c);
  const std::size_t rows = static_cast<std::size_t>(c.accounts + c.contacts + c.visits);

  // Import.
  double import_ms = 0;
  double import_cpu_ms = 0;
  {
    auto store = DocumentStore::open(path);
    if (!store.ok()) return fail(store.status(), "opening the store");
    auto ws = workspace::Workspace::create(**store, kTeam, "Bench", model::Actor{"rep0", "bench"},
                                           "Rep 0", kNow);
    if (!ws.ok()) return fail(ws.status(), "creating the workspace");
    workspace::CsvImportOptions options;
    options.actor = model::Actor{"rep0", "bench"};
    options.now_ms = kNow;
    const auto start = Clock::now();
    const double cpu_start = cpu_ms();
    for (const auto& [kind, text] : {std::pair{workspace::ImportKind::kAccounts, &csvs.accounts},
                                     std::pair{workspace::ImportKind::kContacts, &csvs.contacts},
                                     std::pair{workspace::ImportKind::kVisits, &csvs.visits}}) {
      auto r = workspace::import_csv(**ws, kind, *text, options);
      if (!r.ok()) return fail(r.status(), "importing");
      if (!r->issues.empty()) {
        std::cerr << r->issues.front().to_string(std::string(workspace::import_kind_name(kind)))
                  << "\n";
        return 2;
      }
    }
    import_ms = ms_since(start);
    import_cpu_ms = cpu_ms() - cpu_start;
  }
  const double rows_per_s = static_cast<double>(rows) / (import_ms / 1000.0);
  std::cout << "import: " << rows << " rows in " << static_cast<int>(import_ms)
            << " ms = " << static_cast<long>(rows_per_s) << " rows/s (target >= 20000); CPU "
            << static_cast<int>(import_cpu_ms)
            << " ms = " << static_cast<long>(static_cast<double>(rows) / (import_cpu_ms / 1000.0))
            << " rows per CPU second\n";

  // Dashboard from the projection tables, fresh store each run.
  std::vector<double> dashboard_ms;
  std::vector<double> dashboard_cpu_ms;
  std::size_t listed = 0, hits = 0;
  for (int run = 0; run < c.runs; ++run) {
    const auto start = Clock::now();
    const double cpu_start = cpu_ms();
    StoreOptions options;
    options.create_if_missing = false;
    auto store = DocumentStore::open(path, options);
    if (!store.ok()) return fail(store.status(), "reopening the store");
    auto d = workspace::dashboard(**store, kTeam, kNow);
    if (!d.ok()) return fail(d.status(), "dashboard");
    auto found = workspace::search(**store, kTeam, "王总");
    if (!found.ok()) return fail(found.status(), "search");
    dashboard_ms.push_back(ms_since(start));
    dashboard_cpu_ms.push_back(cpu_ms() - cpu_start);
    listed = d->accounts.size();
    hits = found->size();
  }
  const double dash = median(dashboard_ms);
  const double dash_cpu = median(dashboard_cpu_ms);
  std::cout << "open + dashboard + search: " << dash << " ms (CPU " << dash_cpu << " ms) median of "
            << c.runs << " (" << listed << " accounts listed, " << hits
            << " search hits; target <= 300 ms)\n";

  // Anchor: every document loaded, the analytics over them.
  double anchor_ms = 0;
  double anchor_cpu_ms = 0;
  {
    const auto start = Clock::now();
    const double cpu_start = cpu_ms();
    auto store = DocumentStore::open(path);
    if (!store.ok()) return fail(store.status(), "reopening the store");
    auto ws = workspace::Workspace::open(**store, kTeam);
    if (!ws.ok()) return fail(ws.status(), "opening the workspace");
    const auto inputs = (*ws)->inputs();
    const auto follow = analytics::follow_ups((*ws)->team(), inputs, kNow);
    const auto digest = analytics::manager_digest(inputs, kNow);
    int total = 0;
    for (const auto& in : inputs) {
      total += analytics::power_map_health(in, kNow, (*ws)->team().cadence_days({})).score;
    }
    anchor_ms = ms_since(start);
    anchor_cpu_ms = cpu_ms() - cpu_start;
    std::cout << "anchor (Workspace::open + analytics of every account): "
              << static_cast<int>(anchor_ms) << " ms (CPU " << static_cast<int>(anchor_cpu_ms)
              << " ms; " << follow.accounts.size() << " accounts, " << digest.pending_reviews.size()
              << " pending reviews, health sum " << total << ")\n";
  }
  std::cout << "dashboard / anchor: " << dash / anchor_ms << " (CPU " << dash_cpu / anchor_cpu_ms
            << ")\n";
  if (!c.json.empty()) {
    std::ofstream out(c.json);
    out << "{\"seed\": " << c.seed << ", \"accounts\": " << c.accounts
        << ", \"contacts\": " << c.contacts << ", \"visits\": " << c.visits
        << ", \"load_average\": \"" << load_average() << "\", \"import_ms\": " << import_ms
        << ", \"import_rows_per_s\": " << rows_per_s << ", \"dashboard_ms\": " << dash
        << ", \"anchor_ms\": " << anchor_ms << ", \"import_cpu_ms\": " << import_cpu_ms
        << ", \"dashboard_cpu_ms\": " << dash_cpu << ", \"anchor_cpu_ms\": " << anchor_cpu_ms
        << "}\n";
  }
  if (c.dir.empty()) fs::remove_all(dir);
  return 0;
}
