#pragma once
/// Serves the web client's built files (`--web <dir>`) over HTTP GET/HEAD.
/// - A URL path maps under the root after percent-decoding; "." and ".."
///   segments, backslashes and NUL bytes are refused (400), and a path that
///   resolves (through symlinks) outside the root is 404.
/// - A missing path whose last segment has no extension is a client route:
///   index.html is served instead, so deep links work.
/// - Content-Type from the extension (application/wasm for .wasm), nosniff.
/// - Caching: Vite's content-hashed files under /assets/ are immutable for a
///   year; everything else (index.html, the service worker) is `no-cache` and
///   revalidates with a weak ETag of size and mtime (304 on a match).

#include <boost/beast/http.hpp>

#include <filesystem>
#include <string_view>

namespace accord::server {

/// The MIME type for a file name's extension; application/octet-stream if unknown.
std::string_view mime_type(std::string_view path);

/// Decodes %XX escapes; false on a malformed escape. '+' stays '+'.
bool percent_decode(std::string_view in, std::string& out);

/// See the file comment.
class StaticFiles {
public:
  /// `root` must exist; it is canonicalized once here.
  explicit StaticFiles(const std::filesystem::path& root);

  /// The response to `request` (GET or HEAD; the caller routes other methods).
  /// Costs one stat and an open; the body streams from the file.
  boost::beast::http::message_generator serve(
      const boost::beast::http::request<boost::beast::http::string_body>& request) const;

  const std::filesystem::path& root() const { return root_; }

private:
  std::filesystem::path root_;
};

} // namespace accord::server
