#include "static_files.h"

#include "accord/version.h"

#include <sys/stat.h>

#include <string>
#include <system_error>

namespace accord::server {

namespace http = boost::beast::http;

namespace {

using Request = http::request<http::string_body>;

http::message_generator text_response(const Request& request, http::status status,
                                      std::string_view text) {
  http::response<http::string_body> response{status, request.version()};
  response.set(http::field::server, "accord-server");
  response.set(http::field::content_type, "text/plain; charset=utf-8");
  response.set("X-Content-Type-Options", "nosniff");
  response.keep_alive(request.keep_alive());
  response.body() = std::string(text) + "\n";
  response.prepare_payload();
  return response;
}

bool has_extension(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  const std::string_view last = slash == std::string_view::npos ? path : path.substr(slash + 1);
  return last.find('.') != std::string_view::npos;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

} // namespace

std::string_view mime_type(std::string_view path) {
  const std::size_t dot = path.rfind('.');
  if (dot == std::string_view::npos) return "application/octet-stream";
  const std::string_view ext = path.substr(dot + 1);
  struct Entry {
    std::string_view ext, type;
  };
  static constexpr Entry kTypes[] = {
      {"html", "text/html; charset=utf-8"},
      {"htm", "text/html; charset=utf-8"},
      {"js", "text/javascript; charset=utf-8"},
      {"mjs", "text/javascript; charset=utf-8"},
      {"css", "text/css; charset=utf-8"},
      {"json", "application/json"},
      {"webmanifest", "application/manifest+json"},
      {"map", "application/json"},
      {"wasm", "application/wasm"},
      {"svg", "image/svg+xml"},
      {"png", "image/png"},
      {"jpg", "image/jpeg"},
      {"jpeg", "image/jpeg"},
      {"gif", "image/gif"},
      {"webp", "image/webp"},
      {"ico", "image/x-icon"},
      {"woff", "font/woff"},
      {"woff2", "font/woff2"},
      {"ttf", "font/ttf"},
      {"txt", "text/plain; charset=utf-8"},
      {"xml", "application/xml"},
  };
  for (const Entry& entry : kTypes) {
    if (entry.ext.size() != ext.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < ext.size() && same; ++i) {
      same = entry.ext[i] == static_cast<char>(std::tolower(static_cast<unsigned char>(ext[i])));
    }
    if (same) return entry.type;
  }
  return "application/octet-stream";
}

bool percent_decode(std::string_view in, std::string& out) {
  out.clear();
  out.reserve(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] != '%') {
      out.push_back(in[i]);
      continue;
    }
    if (i + 2 >= in.size()) return false;
    const int hi = hex_value(in[i + 1]);
    const int lo = hex_value(in[i + 2]);
    if (hi < 0 || lo < 0) return false;
    out.push_back(static_cast<char>(hi * 16 + lo));
    i += 2;
  }
  return true;
}

StaticFiles::StaticFiles(const std::filesystem::path& root) {
  std::error_code ec;
  root_ = std::filesystem::canonical(root, ec);
  if (ec) root_ = root;
}

http::message_generator StaticFiles::serve(const Request& request) const {
  std::string_view target = request.target();
  target = target.substr(0, target.find_first_of("?#"));
  std::string path;
  if (!percent_decode(target, path) || path.empty() || path.front() != '/') {
    return text_response(request, http::status::bad_request, "bad path");
  }
  for (std::size_t start = 1; start <= path.size();) {
    std::size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    const std::string_view segment = std::string_view(path).substr(start, end - start);
    if (segment == "." || segment == ".." || segment.find('\\') != std::string_view::npos ||
        segment.find('\0') != std::string_view::npos) {
      return text_response(request, http::status::bad_request, "bad path");
    }
    start = end + 1;
  }
  if (path.back() == '/') path += "index.html";

  std::error_code ec;
  std::filesystem::path file = std::filesystem::weakly_canonical(root_ / path.substr(1), ec);
  const auto inside_root = [&](const std::filesystem::path& candidate) {
    const auto [root_end, unused] =
        std::mismatch(root_.begin(), root_.end(), candidate.begin(), candidate.end());
    (void)unused;
    return root_end == root_.end();
  };
  bool client_route = false;
  if (ec || !inside_root(file) || !std::filesystem::is_regular_file(file, ec)) {
    if (has_extension(path)) return text_response(request, http::status::not_found, "not found");
    file = root_ / "index.html";
    client_route = true;
  }

  struct stat info {};
  if (::stat(file.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) {
    return text_response(request, http::status::not_found, "not found");
  }
  const std::string etag = "W/\"" + std::to_string(info.st_size) + "-" +
                           std::to_string(static_cast<long long>(info.st_mtim.tv_sec)) + "." +
                           std::to_string(info.st_mtim.tv_nsec) + "\"";
  const bool immutable = !client_route && path.starts_with("/assets/");
  const auto set_common = [&](auto& response) {
    response.set(http::field::server, "accord-server");
    response.set(http::field::content_type, mime_type(file.native()));
    response.set("X-Content-Type-Options", "nosniff");
    response.set(http::field::etag, etag);
    response.set(http::field::cache_control,
                 immutable ? "public, max-age=31536000, immutable" : "no-cache");
    response.keep_alive(request.keep_alive());
  };

  if (request[http::field::if_none_match] == etag) {
    http::response<http::empty_body> response{http::status::not_modified, request.version()};
    set_common(response);
    return response;
  }
  http::file_body::value_type body;
  boost::beast::error_code open_error;
  body.open(file.c_str(), boost::beast::file_mode::scan, open_error);
  if (open_error) return text_response(request, http::status::not_found, "not found");
  const auto size = body.size();
  if (request.method() == http::verb::head) {
    http::response<http::empty_body> response{http::status::ok, request.version()};
    set_common(response);
    response.content_length(size);
    return response;
  }
  http::response<http::file_body> response{std::piecewise_construct,
                                           std::make_tuple(std::move(body)),
                                           std::make_tuple(http::status::ok, request.version())};
  set_common(response);
  response.content_length(size);
  return response;
}

} // namespace accord::server
