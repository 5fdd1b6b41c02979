#pragma once
/// Passwords and bearer secrets. Passwords are hashed with argon2id (libsodium's
/// crypto_pwhash_str, parameters encoded in the string). Tokens are 32 random
/// bytes, shown to their holder once as `<prefix>_<base64url>`; only their
/// BLAKE2b-256 digest (crypto_generichash) is ever stored, so a leaked database
/// does not leak usable tokens. Call `init_crypto()` once before anything else.

#include "accord/status.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace accord::server {

/// Initializes libsodium. Idempotent and thread-safe; kInternal if it fails.
Status init_crypto();

/// Cost of argon2id. kInteractive is libsodium's OPSLIMIT/MEMLIMIT_INTERACTIVE
/// (64 MiB, ~0.1 s); kModerate is 256 MiB. kMinimum exists for unit tests only.
enum class PasswordCost { kMinimum, kInteractive, kModerate };

/// Hashes `password` with argon2id. Costs the memory and time of `cost`.
/// kInvalidArgument for an empty or over-long (> 1024 bytes) password,
/// kLimitExceeded when the memory cannot be allocated.
Result<std::string> hash_password(std::string_view password,
                                  PasswordCost cost = PasswordCost::kInteractive);

/// True when `password` matches `stored_hash`. Costs what hashing did; a
/// malformed stored hash simply does not match.
bool verify_password(std::string_view password, const std::string& stored_hash);

/// What a secret is for; the prefix makes a leaked secret recognizable.
enum class TokenKind { kSession, kApi, kTicket };

/// "session", "api" or "ticket": the value stored in the tokens table.
std::string_view token_kind_name(TokenKind kind);

/// A fresh secret: "acs_", "aca_" or "act_" followed by 43 base64url characters
/// (32 random bytes). Never fails.
std::string generate_token(TokenKind kind);

/// The 32-byte BLAKE2b digest under which a token is stored and looked up.
std::vector<std::uint8_t> token_digest(std::string_view token);

/// A random password for demo accounts: 20 characters of base64url.
std::string generate_password();

} // namespace accord::server
