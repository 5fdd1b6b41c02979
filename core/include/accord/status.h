#pragma once
/// Errors as values. Every fallible core function returns a `Status` or a
/// `Result<T>`; nothing in the core throws across its public API. A Status has a
/// code a caller can act on, a message a person can read, and, for decoders, the
/// byte offset where the input went wrong.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace accord {

/// What went wrong, coarse enough to act on. Stable: the wasm boundary and the
/// CLI expose these as strings (see `code_name`).
enum class StatusCode : std::uint8_t {
  kOk = 0,
  kInvalidArgument,    ///< the caller passed something out of range or malformed
  kCorrupt,            ///< bytes (network or disk) do not decode: see offset()
  kUnsupported,        ///< well-formed but unknown (content kind, format version)
  kLimitExceeded,      ///< a size, depth or count limit was hit
  kNotFound,           ///< the named thing does not exist
  kAlreadyExists,      ///< the named thing exists already
  kFailedPrecondition, ///< the object is not in a state that allows this
  kPermissionDenied,   ///< the caller may not do this
  kIoError,            ///< the operating system or storage failed
  kInternal,           ///< a bug in Accord: an invariant did not hold
};

/// The stable lower-case name of a code, e.g. "corrupt".
std::string_view code_name(StatusCode code);

/// Success, or an error with a code, a message and an optional byte offset.
/// Cheap to return when ok (no allocation).
class [[nodiscard]] Status {
public:
  Status() = default;

  static Status ok() { return {}; }
  static Status error(StatusCode code, std::string message) {
    return Status(code, std::move(message), kNoOffset);
  }
  /// An error found at `offset` bytes into some input.
  static Status error_at(StatusCode code, std::size_t offset, std::string message) {
    return Status(code, std::move(message), offset);
  }

  bool is_ok() const { return code_ == StatusCode::kOk; }
  explicit operator bool() const { return is_ok(); }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  /// Byte offset into the input the error refers to, when there is one.
  std::optional<std::size_t> offset() const {
    return offset_ == kNoOffset ? std::nullopt : std::optional<std::size_t>(offset_);
  }
  /// "corrupt at byte 17: string length 900 exceeds the 12 bytes left".
  std::string to_string() const;

  /// The same error with `context` prepended to the message ("reading struct 3: ...").
  Status with_context(std::string_view context) const;

  bool operator==(const Status& other) const = default;

private:
  static constexpr std::size_t kNoOffset = static_cast<std::size_t>(-1);
  Status(StatusCode code, std::string message, std::size_t offset)
      : code_(code), offset_(offset), message_(std::move(message)) {}

  StatusCode code_ = StatusCode::kOk;
  std::size_t offset_ = kNoOffset;
  std::string message_;
};

/// A value or an error Status. Access the value only after checking ok().
template <typename T>
class [[nodiscard]] Result {
public:
  Result(T value) : data_(std::move(value)) {}        // NOLINT(google-explicit-constructor)
  Result(Status status) : data_(std::move(status)) {} // NOLINT(google-explicit-constructor)

  bool ok() const { return std::holds_alternative<T>(data_); }
  explicit operator bool() const { return ok(); }

  /// The error; Status::ok() when there is a value.
  Status status() const { return ok() ? Status::ok() : std::get<Status>(data_); }

  T& value() & { return std::get<T>(data_); }
  const T& value() const& { return std::get<T>(data_); }
  T&& value() && { return std::get<T>(std::move(data_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

private:
  std::variant<T, Status> data_;
};

} // namespace accord

/// Returns early from the enclosing function when `expr` yields an error Status.
#define ACCORD_RETURN_IF_ERROR(expr)                    \
  do {                                                  \
    ::accord::Status accord_status_ = (expr);           \
    if (!accord_status_.is_ok()) return accord_status_; \
  } while (false)

#define ACCORD_CONCAT_INNER_(a, b) a##b
#define ACCORD_CONCAT_(a, b) ACCORD_CONCAT_INNER_(a, b)
/// `ACCORD_ASSIGN_OR_RETURN(auto x, f());` declares x from a Result or returns its error.
#define ACCORD_ASSIGN_OR_RETURN(lhs, expr) \
  ACCORD_ASSIGN_OR_RETURN_IMPL_(ACCORD_CONCAT_(accord_result_, __LINE__), lhs, expr)
#define ACCORD_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                                  \
  if (!tmp.ok()) return tmp.status();                 \
  lhs = std::move(tmp).value()
