// libFuzzer target: arbitrary bytes as a v2 update (issue 3, "Bad input"). Built by the fuzz
// build of tests/fuzz (clang, -DACCORD_BUILD_FUZZ=ON) as
//   accord_fuzz_target(fuzz_update_v2 ${PROJECT_SOURCE_DIR}/tests/updates/fuzz_update_v2.cc)
// with the v2 updates of tests/fuzz/corpus/update_v2 as its seed corpus. Checks:
//   - apply_update_v2 to a fresh doc (gc from the first byte's low bit) either fails with
//     corrupt / unsupported / limit_exceeded and an offset within the input, leaving the doc
//     unchanged, or succeeds with a doc whose v1 and v2 states reload into equal docs;
//   - the v2 -> v1 conversion, when it succeeds, round-trips: v1 -> v2 -> v1 gives the same v1;
//   - merge, diff and state vector of the input never crash and fail only with decoder codes.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <span>
#include <vector>

#include "accord/doc.h"
#include "accord/update.h"
#include "accord/update_ops.h"

namespace {

[[noreturn]] void violated(const char* what) {
  std::fprintf(stderr, "fuzz_update_v2: %s\n", what);
  std::abort();
}

void check_error(const accord::Status& st, std::size_t size) {
  using accord::StatusCode;
  if (st.code() != StatusCode::kCorrupt && st.code() != StatusCode::kUnsupported &&
      st.code() != StatusCode::kLimitExceeded && st.code() != StatusCode::kInvalidArgument) {
    violated("unexpected error code");
  }
  if (st.offset() && *st.offset() > size) violated("error offset beyond the input");
}

void check_reload(const accord::Doc& doc, bool gc) {
  accord::Doc a(accord::DocOptions::with_client_id(5, gc));
  accord::Doc b(accord::DocOptions::with_client_id(6, gc));
  if (!accord::apply_update(a, accord::encode_state_as_update(doc)).is_ok()) {
    violated("v1 state does not reload");
  }
  if (!accord::apply_update_v2(b, accord::encode_state_as_update_v2(doc)).is_ok()) {
    violated("v2 state does not reload");
  }
  if (accord::encode_state_vector(a) != accord::encode_state_vector(doc) ||
      accord::encode_state_vector(b) != accord::encode_state_vector(doc)) {
    violated("reloaded state vector differs");
  }
  if (a.to_json().to_json_string() != b.to_json().to_json_string()) {
    violated("v1 and v2 reloads differ");
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::span<const std::uint8_t> in(data, size);
  const bool gc = size == 0 || (data[0] & 1U) == 0;
  accord::Doc doc(accord::DocOptions::with_client_id(77, gc));
  const std::string json_before = doc.to_json().to_json_string();
  const std::vector<std::uint8_t> state_before = accord::encode_state_as_update(doc);
  accord::Status st = accord::apply_update_v2(doc, in);
  if (!st.is_ok()) {
    check_error(st, size);
    if (doc.to_json().to_json_string() != json_before ||
        accord::encode_state_as_update(doc) != state_before) {
      violated("failed apply changed the doc");
    }
  } else {
    (void)doc.to_json();
    check_reload(doc, gc);
  }

  auto v1 = accord::convert_update_v2_to_v1(in);
  if (v1.ok()) {
    auto v2 = accord::convert_update_v1_to_v2(*v1);
    if (!v2.ok()) violated("v1 from v2 does not convert back");
    auto again = accord::convert_update_v2_to_v1(*v2);
    if (!again.ok() || *again != *v1) violated("v1 -> v2 -> v1 is not the identity");
  } else {
    check_error(v1.status(), size);
  }
  std::vector<accord::UpdateBytes> pair{accord::UpdateBytes(in.begin(), in.end()),
                                        accord::UpdateBytes(in.begin(), in.end())};
  auto merged = accord::merge_updates_v2(pair);
  if (!merged.ok()) check_error(merged.status(), size);
  const std::vector<std::uint8_t> sv{1, 1, 2};
  auto diff = accord::diff_update_v2(in, sv);
  if (!diff.ok()) check_error(diff.status(), size);
  auto svu = accord::encode_state_vector_from_update_v2(in);
  if (!svu.ok()) check_error(svu.status(), size);
  return 0;
}
