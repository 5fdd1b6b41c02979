// Helpers of the static file server (the serving itself is tested end to end).
#include "static_files.h"

#include <gtest/gtest.h>

namespace accord::server {
namespace {

TEST(StaticFilesTest, MimeTypes) {
  EXPECT_EQ(mime_type("/a/accord-core.wasm"), "application/wasm");
  EXPECT_EQ(mime_type("index.html"), "text/html; charset=utf-8");
  EXPECT_EQ(mime_type("x.JS"), "text/javascript; charset=utf-8");
  EXPECT_EQ(mime_type("manifest.webmanifest"), "application/manifest+json");
  EXPECT_EQ(mime_type("font.woff2"), "font/woff2");
  EXPECT_EQ(mime_type("noext"), "application/octet-stream");
  EXPECT_EQ(mime_type("x.exe"), "application/octet-stream");
}

TEST(StaticFilesTest, PercentDecoding) {
  std::string out;
  EXPECT_TRUE(percent_decode("/a%20b/%2E%2e", out));
  EXPECT_EQ(out, "/a b/..");
  EXPECT_TRUE(percent_decode("a+b", out));
  EXPECT_EQ(out, "a+b");
  EXPECT_FALSE(percent_decode("%", out));
  EXPECT_FALSE(percent_decode("%4", out));
  EXPECT_FALSE(percent_decode("%zz", out));
}

} // namespace
} // namespace accord::server
