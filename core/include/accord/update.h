#pragma once
/// Yjs update format v1 on a Doc: state vectors, encode_state_as_update, apply_update.
/// An update is lib0-encoded: the structs of each client (newest client first) followed by a
/// delete set. A state vector is a count followed by (client, clock) pairs.

#include <cstdint>
#include <map>
#include <span>
#include <vector>

#include "accord/doc.h"
#include "accord/status.h"
#include "accord/transaction.h"

namespace accord {

/// client id -> next expected clock (the number of structs known of that client).
using StateVector = std::map<std::uint64_t, std::uint64_t>;

/// The doc's state vector.
StateVector state_vector(const Doc& doc);
/// The doc's state vector, encoded as Yjs's encodeStateVector (byte-exact).
std::vector<std::uint8_t> encode_state_vector(const Doc& doc);
/// Encodes a state vector as Yjs does (clients in descending order of id, as Yjs sorts them).
std::vector<std::uint8_t> encode_state_vector(const StateVector& sv);
/// Decodes an encoded state vector. kCorrupt with the byte offset on malformed input.
Result<StateVector> decode_state_vector(std::span<const std::uint8_t> bytes);

/// Everything `doc` knows that a peer at `sv` does not, as a v1 update (byte-exact with yjs's
/// encodeStateAsUpdate, pending structs included as Yjs does). Costs O(structs sent).
std::vector<std::uint8_t> encode_state_as_update(const Doc& doc, const StateVector& sv = {});
/// As above with an encoded state vector (everything: the one byte 0); kCorrupt when it does
/// not decode (zero bytes included, as yjs throws on them).
Result<std::vector<std::uint8_t>> encode_state_as_update(const Doc& doc,
                                                         std::span<const std::uint8_t> encoded_sv);

/// Applies a v1 update in a transaction with `origin` (nests into an open transaction).
/// Structs whose dependencies are missing wait as pending and are retried when later updates
/// arrive (Yjs semantics). The whole update is decoded and validated before anything is
/// integrated: on error (kCorrupt / kUnsupported / kLimitExceeded, with byte offset and reason)
/// the document is unchanged.
Status apply_update(Doc& doc, std::span<const std::uint8_t> update, Origin origin = {});

} // namespace accord
