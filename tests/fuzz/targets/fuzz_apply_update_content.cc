// libFuzzer target: arbitrary bytes as a v1 update applied to a doc that already has content
// (maps, arrays, formatted text, nested types, deletions; see content_state()), so fuzzed
// structs meet existing items, clocks and delete sets. Invariants: fuzz_invariants.h.
#include <cstddef>
#include <cstdint>

#include "accord/doc.h"
#include "accord/update.h"
#include "fuzz_invariants.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  accord::Doc doc(accord::DocOptions::with_client_id(77));
  accord::Status base = accord::apply_update(doc, accord::fuzz::content_state());
  if (!base.is_ok())
    accord::fuzz::invariant_failed("the content doc does not load: " + base.to_string());
  (void)accord::fuzz::apply_and_check(doc, {data, size});
  return 0;
}
