// accord-server over HTTP: /health and the web client's static files.
#include "accord/version.h"
#include "server_process.h"
#include "test_clients.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace accord::test {
namespace {

namespace http = boost::beast::http;

class HttpTest : public ::testing::Test {
protected:
  void SetUp() override {
    server_ = ServerProcess::start();
    ASSERT_NE(server_, nullptr);
  }
  HttpResponse get(const std::string& target, const Headers& headers = {}) {
    return http_request(server_->port(), http::verb::get, target, "", headers);
  }
  std::unique_ptr<ServerProcess> server_;
};

TEST_F(HttpTest, HealthReportsStatusVersionUptimeAndConnections) {
  const HttpResponse response = get("/health");
  ASSERT_EQ(response.result_int(), 200) << response.body();
  EXPECT_EQ(response[http::field::content_type], "application/json");
  const auto json = nlohmann::json::parse(response.body());
  EXPECT_EQ(json["status"], "ok");
  EXPECT_EQ(json["version"], std::string(accord::version()));
  EXPECT_GE(json["uptime_seconds"].get<int>(), 0);
  EXPECT_GE(json["connections"]["http"].get<int>(), 1); // this request's own connection

  WsClient socket;
  const auto user = make_user(*server_, "acme", "hank", "member");
  ASSERT_FALSE(socket.connect(server_->port(), "/y/acme/index",
                              {{"Authorization", "Bearer " + user.token}}));
  const auto with_socket = nlohmann::json::parse(get("/health").body());
  EXPECT_EQ(with_socket["connections"]["websocket"].get<int>(), 1);
}

TEST_F(HttpTest, ServesFilesWithMimeTypesAndCachingHeaders) {
  const HttpResponse index = get("/");
  ASSERT_EQ(index.result_int(), 200);
  EXPECT_NE(index.body().find("index page"), std::string::npos);
  EXPECT_EQ(index[http::field::content_type], "text/html; charset=utf-8");
  EXPECT_EQ(index[http::field::cache_control], "no-cache");

  const HttpResponse wasm = get("/accord-core.wasm");
  ASSERT_EQ(wasm.result_int(), 200);
  EXPECT_EQ(wasm[http::field::content_type], "application/wasm");
  EXPECT_EQ(wasm.body(), std::string("\0asm\1\0\0\0", 8));

  const HttpResponse asset = get("/assets/app-1a2b3c.js");
  ASSERT_EQ(asset.result_int(), 200);
  EXPECT_EQ(asset[http::field::content_type], "text/javascript; charset=utf-8");
  EXPECT_EQ(asset[http::field::cache_control], "public, max-age=31536000, immutable");

  const HttpResponse worker = get("/sw.js");
  EXPECT_EQ(worker[http::field::cache_control], "no-cache");

  const std::string etag(index[http::field::etag]);
  ASSERT_FALSE(etag.empty());
  EXPECT_EQ(get("/", {{"If-None-Match", etag}}).result_int(), 304);
  EXPECT_EQ(get("/", {{"If-None-Match", "W/\"other\""}}).result_int(), 200);
}

TEST_F(HttpTest, ClientRoutesFallBackToIndexButMissingFilesAre404) {
  const HttpResponse route = get("/accounts/42/power-map");
  ASSERT_EQ(route.result_int(), 200);
  EXPECT_NE(route.body().find("index page"), std::string::npos);
  EXPECT_EQ(route[http::field::cache_control], "no-cache");
  EXPECT_EQ(get("/assets/missing-9f9f.js").result_int(), 404);
  EXPECT_EQ(get("/favicon.ico").result_int(), 404);
}

TEST_F(HttpTest, RefusesPathTraversal) {
  for (const std::string target :
       {"/../secret.txt", "/%2e%2e/secret.txt", "/assets/../../secret.txt",
        "/assets/%2e%2e%2f%2e%2e%2fsecret.txt", "/..%5csecret.txt", "/%2E%2E/secret.txt",
        "/index.html%00.js", "/link.txt", "/./index.html", "/%zz"}) {
    const HttpResponse response = get(target);
    EXPECT_TRUE(response.result_int() == 400 || response.result_int() == 404)
        << target << " -> " << response.result_int();
    EXPECT_EQ(response.body().find("TOP-SECRET"), std::string::npos) << target;
  }
  // The server keeps serving after the attempts.
  EXPECT_EQ(get("/health").result_int(), 200);
}

TEST_F(HttpTest, OnlyGetAndHeadReachFiles) {
  EXPECT_EQ(http_request(server_->port(), http::verb::delete_, "/index.html").result_int(), 405);
  const HttpResponse head = http_request(server_->port(), http::verb::head, "/index.html");
  EXPECT_EQ(head.result_int(), 200);
  EXPECT_TRUE(head.body().empty());
}

TEST_F(HttpTest, RejectsOversizedBodies) {
  const std::string big(100 * 1024, 'x');
  EXPECT_EQ(http_request(server_->port(), http::verb::post, "/api/login", big).result_int(), 413);
  EXPECT_EQ(get("/health").result_int(), 200);
}

} // namespace
} // namespace accord::test
