#pragma once
/// Ids of structs: (client, clock). Each client numbers its structs' units consecutively from 0;
/// an item of length n covers clocks [clock, clock+n).

#include <cstdint>

namespace accord::crdt {

/// A struct id: the client that created it and the clock of its first unit.
struct Id {
  std::uint64_t client = 0;
  std::uint64_t clock = 0;
  bool operator==(const Id&) const = default;
};

/// An optional id without the overhead of std::optional's padding rules in hot structs.
struct OptId {
  Id id;
  bool set = false;
  OptId() = default;
  OptId(Id i) : id(i), set(true) {} // NOLINT(google-explicit-constructor)
  bool operator==(const OptId& o) const { return set == o.set && (!set || id == o.id); }
};

} // namespace accord::crdt
