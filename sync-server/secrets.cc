#include "secrets.h"

#include <sodium.h>

#include <array>

namespace accord::server {

namespace {

constexpr std::size_t kMaxPasswordBytes = 1024;

std::string base64url(const unsigned char* data, std::size_t size) {
  std::string out(sodium_base64_ENCODED_LEN(size, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), data, size, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(out.find('\0'));
  return out;
}

} // namespace

Status init_crypto() {
  if (sodium_init() < 0) return Status::error(StatusCode::kInternal, "libsodium failed to start");
  return Status::ok();
}

Result<std::string> hash_password(std::string_view password, PasswordCost cost) {
  if (password.empty()) return Status::error(StatusCode::kInvalidArgument, "empty password");
  if (password.size() > kMaxPasswordBytes) {
    return Status::error(StatusCode::kInvalidArgument, "password longer than 1024 bytes");
  }
  unsigned long long ops = crypto_pwhash_OPSLIMIT_INTERACTIVE;
  std::size_t mem = crypto_pwhash_MEMLIMIT_INTERACTIVE;
  if (cost == PasswordCost::kMinimum) {
    ops = crypto_pwhash_OPSLIMIT_MIN;
    mem = crypto_pwhash_MEMLIMIT_MIN;
  } else if (cost == PasswordCost::kModerate) {
    ops = crypto_pwhash_OPSLIMIT_MODERATE;
    mem = crypto_pwhash_MEMLIMIT_MODERATE;
  }
  std::array<char, crypto_pwhash_STRBYTES> out{};
  if (crypto_pwhash_str_alg(out.data(), password.data(), password.size(), ops, mem,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Status::error(StatusCode::kLimitExceeded, "argon2id ran out of memory");
  }
  return std::string(out.data());
}

bool verify_password(std::string_view password, const std::string& stored_hash) {
  if (password.empty() || password.size() > kMaxPasswordBytes) return false;
  if (stored_hash.size() >= crypto_pwhash_STRBYTES) return false;
  return crypto_pwhash_str_verify(stored_hash.c_str(), password.data(), password.size()) == 0;
}

std::string_view token_kind_name(TokenKind kind) {
  switch (kind) {
    case TokenKind::kSession: return "session";
    case TokenKind::kApi: return "api";
    case TokenKind::kTicket: return "ticket";
  }
  return "unknown";
}

std::string generate_token(TokenKind kind) {
  std::array<unsigned char, 32> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  const char* prefix = kind == TokenKind::kSession ? "acs_"
                       : kind == TokenKind::kApi   ? "aca_"
                                                   : "act_";
  return prefix + base64url(bytes.data(), bytes.size());
}

std::vector<std::uint8_t> token_digest(std::string_view token) {
  std::vector<std::uint8_t> digest(crypto_generichash_BYTES);
  crypto_generichash(digest.data(), digest.size(),
                     reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr,
                     0);
  return digest;
}

std::string generate_password() {
  std::array<unsigned char, 15> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  return base64url(bytes.data(), bytes.size());
}

} // namespace accord::server
