#pragma once
// Conversions at the wasm boundary: accord::Any <-> JS values, bytes <-> Uint8Array, and the
// result envelope every binding returns. A binding never throws and never aborts: it returns
// {ok: true, value} or {ok: false, code, message, field?, record?}, and wasm/js/accord.mjs
// turns the latter into an AccordError. The envelope keeps C++ destructors running (a JS
// exception thrown through wasm frames would skip them and could leave a transaction open).

#include <emscripten/val.h>

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "accord/any.h"
#include "accord/status.h"

namespace accord::wasm {

/// {ok: true, value}.
emscripten::val ok(emscripten::val value = emscripten::val::undefined());
/// {ok: false, code, message, field, record}: field and record are parsed from the model's
/// messages ("... contacts/<id>: field 'stance': ..."), absent when the message has none.
emscripten::val error(const Status& status);
/// error() of a new kInvalidArgument status with `message`.
emscripten::val invalid(std::string_view message);

/// A JS value for `value` (undefined, null, boolean, number, BigInt as number, string,
/// Uint8Array, array, plain object with keys in order).
emscripten::val to_js(const Any& value);
/// The Any of a JS value built from plain data (JSON-like plus Uint8Array). kInvalidArgument
/// naming `where` for functions, symbols, non-finite numbers, or nesting deeper than 64.
Result<Any> from_js(const emscripten::val& value, std::string_view where);

/// A copy of `data` as a fresh Uint8Array.
emscripten::val to_bytes(std::span<const std::uint8_t> data);
/// The bytes of a Uint8Array (or array of numbers).
std::vector<std::uint8_t> from_bytes(const emscripten::val& array);

} // namespace accord::wasm
