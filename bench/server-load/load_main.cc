// The C++ load generator of the server benchmark (bench/server-load/README.md): CLIENTS
// WebSocket clients on loopback speak the Hocuspocus protocol on /sync, in rooms of ROOM clients
// per document; every client edits and observes. Sends are open loop at a fixed aggregate rate
// per step, rates rising step by step; per step it prints one JSON object (the same fields as
// load.mjs, plus the generator's own CPU time) and stops at the first step not sustained.
//
//   accord-load --url ws://127.0.0.1:PORT/sync --token T --server-pid PID --label NAME
//               [--clients 1000] [--room 10] [--rates 1000,2000] [--step-seconds 5]
//               [--max-p99-ms 1000]
#include "load_client.h"
#include "ws_transport.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

namespace accord::bench {
namespace {

namespace net = boost::asio;
constexpr std::uint64_t kFirstClientId = 1000;

double ms_between(Clock::time_point from, Clock::time_point to) {
  return std::chrono::duration<double, std::milli>(to - from).count();
}

/// utime + stime of `pid` in seconds (0 when unreadable).
double process_cpu_seconds(long pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto close = stat.rfind(')');
  if (close == std::string::npos) return 0;
  std::istringstream fields(stat.substr(close + 2));
  std::string field;
  double utime = 0;
  double stime = 0;
  for (int i = 0; fields >> field; ++i) {
    if (i == 11) utime = std::stod(field);
    if (i == 12) {
      stime = std::stod(field);
      break;
    }
  }
  return (utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

double own_cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const auto seconds = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
  };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

std::optional<double> percentile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return std::nullopt;
  return sorted[std::min(sorted.size() - 1, static_cast<std::size_t>(p * sorted.size()))];
}

nlohmann::json rounded(std::optional<double> x) {
  if (!x) return nullptr;
  return std::round(*x * 10) / 10;
}

struct Options {
  std::string url;
  std::string token;
  long server_pid = 0;
  std::string label = "server";
  std::size_t clients = 1000;
  std::size_t room = 10;
  std::string rates = "1000,2000,4000";
  double step_seconds = 5;
  double max_p99_ms = 1000;
};

/// Per-step counters.
struct Step {
  std::uint64_t delivered = 0;
  std::uint64_t unmatched = 0;
  std::vector<double> latencies;
  std::vector<double> acks;
  Clock::time_point last_delivery{};
};

int run(const Options& options) {
  // ws://127.0.0.1:PORT/path
  auto url = cli::parse_ws_url(options.url);
  if (!url.ok()) {
    std::cerr << "accord-load: --url: " << url.status().message() << "\n";
    return 2;
  }
  boost::system::error_code bad_address;
  const auto address = net::ip::make_address(url->host, bad_address);
  if (bad_address) {
    std::cerr << "accord-load: --url: '" << url->host << "' is not an IP address\n";
    return 2;
  }
  const net::ip::tcp::endpoint endpoint(address,
                                        static_cast<unsigned short>(std::stoul(url->port)));
  const std::string& target = url->path;
  std::vector<double> rates;
  {
    std::istringstream in(options.rates);
    for (std::string rate; std::getline(in, rate, ',');) rates.push_back(std::stod(rate));
  }

  net::io_context ioc(1);
  const std::size_t n = options.clients;
  std::vector<std::vector<Clock::time_point>> sent_at(n);
  std::vector<std::uint64_t> step_first_clock(n, 0);
  std::vector<std::size_t> remaining_receivers(n, 0);
  Step step;
  bool failed = false;
  LoadEvents events;
  events.delivered = [&](std::uint64_t client, std::uint64_t from, std::uint64_t to,
                         Clock::time_point at) {
    const std::uint64_t index = client - kFirstClientId;
    for (std::uint64_t clock = from; clock < to; ++clock) {
      if (client < kFirstClientId || index >= n || clock >= sent_at[index].size() ||
          clock < step_first_clock[index]) {
        ++step.unmatched;
        continue;
      }
      ++step.delivered;
      step.latencies.push_back(ms_between(sent_at[index][clock], at));
      step.last_delivery = at;
    }
  };
  events.acknowledged = [&](Clock::time_point sent, Clock::time_point at) {
    step.acks.push_back(ms_between(sent, at));
  };
  events.failed = [&](std::size_t index, const std::string& why) {
    std::cerr << options.label << ": client " << index << " failed: " << why << "\n";
    failed = true;
  };

  std::vector<std::unique_ptr<LoadClient>> clients;
  for (std::size_t i = 0; i < n; ++i) {
    clients.push_back(std::make_unique<LoadClient>(
        ioc, i, kFirstClientId + i, "bench/room-" + std::to_string(i / options.room), events));
    const std::size_t room_start = i / options.room * options.room;
    remaining_receivers[i] = std::min(options.room, n - room_start) - 1;
  }
  const auto connect_start = Clock::now();
  for (std::size_t i = 0; i < n && !failed; i += 50) {
    std::size_t synced = 0;
    const std::size_t batch = std::min<std::size_t>(50, n - i);
    for (std::size_t k = i; k < i + batch; ++k) {
      clients[k]->connect(endpoint, target, options.token, [&] { ++synced; });
    }
    const auto deadline = Clock::now() + std::chrono::seconds(30);
    while (synced < batch && !failed && Clock::now() < deadline) {
      ioc.run_for(std::chrono::milliseconds(5));
    }
    if (synced < batch) failed = true;
  }
  if (failed) {
    std::cerr << options.label << ": clients did not connect and sync\n";
    return 1;
  }
  std::cerr << options.label << ": " << n << " clients connected and synced in "
            << static_cast<long>(ms_between(connect_start, Clock::now())) << " ms\n";

  std::size_t next = 0;
  for (const double rate : rates) {
    step = Step{};
    for (std::size_t i = 0; i < n; ++i) {
      step_first_clock[i] = sent_at[i].size();
      clients[i]->forget_unacknowledged();
    }
    const double server_cpu0 = process_cpu_seconds(options.server_pid);
    const double own_cpu0 = own_cpu_seconds();
    const auto start = Clock::now();
    const auto step_length = std::chrono::duration<double>(options.step_seconds);
    std::uint64_t sent = 0;
    std::uint64_t expected = 0;
    while (Clock::now() - start < step_length && !failed) {
      const auto due = static_cast<std::uint64_t>(
          std::chrono::duration<double>(Clock::now() - start).count() * rate);
      for (; sent < due; ++sent) {
        LoadClient& client = *clients[next];
        const std::uint64_t clock = client.edit();
        sent_at[next].resize(clock + 1, Clock::now());
        expected += remaining_receivers[next];
        next = (next + 1) % n;
      }
      ioc.run_for(std::chrono::microseconds(500));
    }
    const auto send_end = Clock::now();
    const auto drain_until = send_end + std::chrono::seconds(5);
    while (step.delivered < expected && Clock::now() < drain_until && !failed) {
      ioc.run_for(std::chrono::milliseconds(5));
    }
    const double server_cpu = process_cpu_seconds(options.server_pid) - server_cpu0;
    const double own_cpu = own_cpu_seconds() - own_cpu0;
    std::sort(step.latencies.begin(), step.latencies.end());
    std::sort(step.acks.begin(), step.acks.end());
    const double seconds = ms_between(start, std::max(step.last_delivery, send_end)) / 1000.0;
    const double send_seconds = ms_between(start, send_end) / 1000.0;
    nlohmann::json result = {
        {"server", options.label},
        {"generator", "accord-load (C++)"},
        {"clients", n},
        {"room", options.room},
        {"rate", rate},
        {"sent", sent},
        {"send_rate", rounded(static_cast<double>(sent) / send_seconds)},
        {"expected_deliveries", expected},
        {"delivered", step.delivered},
        {"undelivered", expected - std::min(expected, step.delivered)},
        {"unmatched", step.unmatched},
        {"deliveries_per_s", rounded(static_cast<double>(step.delivered) / seconds)},
        {"p50_ms", rounded(percentile(step.latencies, 0.5))},
        {"p99_ms", rounded(percentile(step.latencies, 0.99))},
        {"max_ms",
         rounded(step.latencies.empty() ? std::nullopt : std::optional(step.latencies.back()))},
        {"ack_p50_ms", rounded(percentile(step.acks, 0.5))},
        {"ack_p99_ms", rounded(percentile(step.acks, 0.99))},
        {"server_cpu_s", rounded(server_cpu)},
        {"generator_cpu_s", rounded(own_cpu)},
    };
    const auto p99 = percentile(step.latencies, 0.99);
    const bool sustained =
        !failed && step.delivered >= expected && p99 && *p99 <= options.max_p99_ms;
    result["sustained"] = sustained;
    std::cout << result.dump() << std::endl;
    if (!sustained) break;
    ioc.run_for(std::chrono::milliseconds(500));
  }
  for (auto& client : clients) client->close();
  ioc.run_for(std::chrono::milliseconds(200));
  return failed ? 1 : 0;
}

} // namespace
} // namespace accord::bench

int main(int argc, char** argv) {
  accord::bench::Options options;
  CLI::App app{"Load generator of the accord-server benchmark (bench/server-load/README.md)"};
  app.add_option("--url", options.url, "ws://HOST:PORT/PATH of a Hocuspocus-protocol endpoint")
      ->required();
  app.add_option("--token", options.token, "token sent in every Auth message");
  app.add_option("--server-pid", options.server_pid, "server process whose CPU time to report");
  app.add_option("--label", options.label, "server name in the results");
  app.add_option("--clients", options.clients, "WebSocket clients")->check(CLI::Range(2, 100000));
  app.add_option("--room", options.room, "clients per document")->check(CLI::Range(2, 10000));
  app.add_option("--rates", options.rates, "comma-separated aggregate updates/s, one step each");
  app.add_option("--step-seconds", options.step_seconds, "length of a step")
      ->check(CLI::Range(0.5, 600.0));
  app.add_option("--max-p99-ms", options.max_p99_ms, "p99 over which a step is not sustained");
  CLI11_PARSE(app, argc, argv);
  return accord::bench::run(options);
}
