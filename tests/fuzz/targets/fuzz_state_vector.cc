// libFuzzer target: arbitrary bytes as an encoded state vector. decode_state_vector either fails
// with an offset or round-trips through encode_state_vector; encode_state_as_update of a doc with
// content against the same bytes fails exactly when decoding fails, and otherwise produces an
// update that applies to a fresh doc.
#include <cstddef>
#include <cstdint>

#include "accord/doc.h"
#include "accord/update.h"
#include "fuzz_invariants.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using accord::fuzz::invariant_failed;
  const std::span<const std::uint8_t> bytes(data, size);
  auto sv = accord::decode_state_vector(bytes);
  if (sv.ok()) {
    auto again = accord::decode_state_vector(accord::encode_state_vector(sv.value()));
    if (!again.ok() || again.value() != sv.value())
      invariant_failed("state vector does not round-trip");
  } else if (!sv.status().offset().has_value()) {
    invariant_failed("state vector error without an offset: " + sv.status().to_string());
  }
  accord::Doc doc(accord::DocOptions::with_client_id(77));
  accord::Status base = accord::apply_update(doc, accord::fuzz::content_state());
  if (!base.is_ok()) invariant_failed("the content doc does not load: " + base.to_string());
  auto diff = accord::encode_state_as_update(doc, bytes);
  if (diff.ok() != sv.ok())
    invariant_failed("encode_state_as_update and decode_state_vector disagree");
  if (diff.ok()) {
    accord::Doc fresh(accord::DocOptions::with_client_id(78));
    accord::Status s = accord::apply_update(fresh, diff.value());
    if (!s.is_ok())
      invariant_failed("a diff against a decoded state vector does not apply: " + s.to_string());
  }
  return 0;
}
