// accord_fuzz_corpus_gen <corpus dir>: writes Accord-made seed inputs for the libFuzzer targets
// (tests/fuzz/targets) from short random sessions of the convergence fuzz's edits:
//   apply_update/accord-<seed>-*   single v1 updates (transaction updates, full states, diffs)
//   sequence/accord-<seed>         several updates in the framing of fuzz_apply_update_sequence
//                                  (big-endian u16 length, then the bytes; repeated)
//   state_vector/accord-<seed>     encoded state vectors
// Deterministic: the same binary writes the same files. The yjs-made half of the corpus comes
// from tests/fuzz/corpus_gen/make_yjs_corpus.mjs.
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "accord/update.h"
#include "random_ops.h"
#include "test_network.h"

namespace {

using Bytes = std::vector<std::uint8_t>;

void write_file(const std::filesystem::path& p, const Bytes& b) {
  std::ofstream out(p, std::ios::binary);
  out.write(reinterpret_cast<const char*>(b.data()), static_cast<std::streamsize>(b.size()));
}

Bytes frame(const std::vector<Bytes>& parts) {
  Bytes out;
  for (const Bytes& p : parts) {
    out.push_back(static_cast<std::uint8_t>(p.size() >> 8));
    out.push_back(static_cast<std::uint8_t>(p.size() & 0xff));
    out.insert(out.end(), p.begin(), p.end());
  }
  return out;
}

} // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: accord_fuzz_corpus_gen <corpus dir>\n";
    return 2;
  }
  namespace fs = std::filesystem;
  const fs::path root(argv[1]);
  for (const char* d : {"apply_update", "sequence", "state_vector"})
    fs::create_directories(root / d);

  constexpr std::uint64_t kSessions = 24;
  for (std::uint64_t seed = 1; seed <= kSessions; ++seed) {
    accord::fuzz::FuzzRng rng(seed);
    const bool gc = seed % 3 != 0;
    accord::fuzz::TestNetwork net(3, gc, rng);
    accord::fuzz::OpMix mix;
    const std::uint64_t steps = 4 + seed % 9;
    Bytes mid_sv;
    for (std::uint64_t step = 0; step < steps; ++step) {
      if (rng.percent(50)) net.deliver_random();
      (void)accord::fuzz::random_transaction(*net.peer(rng.index(net.size())).doc, rng, mix,
                                             nullptr);
      if (step == steps / 2) mid_sv = accord::encode_state_vector(*net.peer(0).doc);
    }
    net.sync_all();
    const std::string tag = "accord-" + std::to_string(seed);
    accord::Doc& doc = *net.peer(0).doc;
    write_file(root / "apply_update" / (tag + "-state"), accord::encode_state_as_update(doc));
    auto diff = accord::encode_state_as_update(doc, mid_sv);
    if (diff.ok()) write_file(root / "apply_update" / (tag + "-diff"), diff.value());
    const auto& emitted = net.peer(1).emitted;
    if (!emitted.empty()) {
      write_file(root / "apply_update" / (tag + "-txn"), emitted[rng.index(emitted.size())]);
    }
    // A few updates of one peer, newest first: the target meets pending structs.
    std::vector<Bytes> parts;
    for (std::size_t k = emitted.size(); k > 0 && parts.size() < 4; --k)
      parts.push_back(emitted[k - 1]);
    if (!parts.empty()) write_file(root / "sequence" / tag, frame(parts));
    write_file(root / "state_vector" / tag, accord::encode_state_vector(doc));
  }
  std::cout << "wrote the Accord seed corpus under " << root << "\n";
  return 0;
}
