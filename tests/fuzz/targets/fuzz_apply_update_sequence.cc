// libFuzzer target: several v1 updates applied one after another to one doc, so structs wait as
// pending and are retried when later updates fill their gaps. Input framing: repeated
// (big-endian u16 length, then that many bytes); a short last frame takes what is left; at most
// 8 updates. Each apply checks the invariants of fuzz_invariants.h.
#include <algorithm>
#include <cstddef>
#include <cstdint>

#include "accord/doc.h"
#include "fuzz_invariants.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  accord::Doc doc(accord::DocOptions::with_client_id(77));
  std::size_t pos = 0;
  for (int part = 0; part < 8 && pos + 2 <= size; ++part) {
    const std::size_t len = (static_cast<std::size_t>(data[pos]) << 8) | data[pos + 1];
    pos += 2;
    const std::size_t take = std::min(len, size - pos);
    (void)accord::fuzz::apply_and_check(doc, {data + pos, take});
    pos += take;
  }
  return 0;
}
