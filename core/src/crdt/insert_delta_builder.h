#pragma once
/// Builds the insert-only delta of a text read (Yjs toDelta, now or at a snapshot): consecutive
/// characters under the same attributes become one insert, each embed or nested type one insert
/// of its own, every insert carrying the attributes current when it was added.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "accord/any.h"
#include "accord/value.h"
#include "encoding/utf.h"

namespace accord::crdt {

class InsertDeltaBuilder {
public:
  /// The attributes of what is added next. Call end_run() before changing them.
  Any::Object& attributes() { return current_; }
  /// Adds characters (UTF-16 code units) to the current run.
  void append_text(std::u16string_view units) { run_ += units; }
  /// Ends the current run of characters as one insert (nothing when it is empty).
  void end_run() {
    if (run_.empty()) return;
    Delta d;
    d.op = Delta::Op::kInsert;
    encoding::utf16_to_utf8(run_, d.text);
    d.attributes = current_;
    ops_.push_back(std::move(d));
    run_.clear();
  }
  /// Ends the current run, then adds an embed or nested type as one insert.
  void push_values(std::vector<Value> values) {
    end_run();
    Delta d;
    d.op = Delta::Op::kInsert;
    d.values = std::move(values);
    d.attributes = current_;
    ops_.push_back(std::move(d));
  }
  /// The delta, with the last run ended.
  std::vector<Delta> finish() && {
    end_run();
    return std::move(ops_);
  }

private:
  std::vector<Delta> ops_;
  Any::Object current_;
  std::u16string run_;
};

} // namespace accord::crdt
