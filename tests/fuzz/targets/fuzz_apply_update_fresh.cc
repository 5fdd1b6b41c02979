// libFuzzer target: arbitrary bytes as a v1 update applied to a fresh doc (gc on or off, chosen
// by the first byte's low bit, which stays part of the update). Invariants: fuzz_invariants.h.
#include <cstddef>
#include <cstdint>

#include "accord/doc.h"
#include "fuzz_invariants.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const bool gc = size == 0 || (data[0] & 1U) == 0;
  accord::Doc doc(accord::DocOptions::with_client_id(77, gc));
  (void)accord::fuzz::apply_and_check(doc, {data, size});
  return 0;
}
