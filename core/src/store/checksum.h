#pragma once
/// CRC-32 (IEEE 802.3, the polynomial of zlib and PNG) of stored blobs. Every snapshot, log row
/// and outbox row carries one, so a flipped bit on disk is reported as a corrupt row instead of
/// decoding into silently different content.

#include <cstdint>
#include <span>

namespace accord::store {

/// The CRC-32 of `bytes` (crc32("123456789") == 0xCBF43926). O(n), table-driven.
std::uint32_t crc32(std::span<const std::uint8_t> bytes);

} // namespace accord::store
