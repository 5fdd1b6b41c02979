#pragma once
/// The native benchmark's case runners: the same cases and the same timed sections as the Node
/// runner (bench/lib/runners.mjs), through Accord's public API. Correctness checks run after
/// the clock stops; a failed check is an error, never a figure.

#include <cstdint>
#include <string>
#include <vector>

#include "accord/status.h"
#include "case_file.h"
#include "trace_file.h"

namespace accord::bench {

/// What one run of a case measured.
struct Figures {
  double time_ms = 0;                ///< the case's timed section (see bench/README.md)
  double encode_ms = 0;              ///< encode_state_as_update of the final document
  double decode_ms = 0;              ///< a fresh Doc applies that update
  std::size_t doc_size = 0;          ///< bytes of that update
  std::size_t updates = 0;           ///< updates emitted by the timed section
  std::size_t update_bytes = 0;      ///< their total size
  std::vector<std::uint8_t> encoded; ///< the encoded final document
};

/// Runs a B1, B2 or B3 case once.
Result<Figures> run_case(const Case& c);

/// Replays `trace`, one transaction per trace transaction; with `observe_updates` an update
/// observer receives each transaction's v1 update (as crdt-benchmarks' B4 does).
Result<Figures> run_trace(const Trace& trace, bool observe_updates);

} // namespace accord::bench
