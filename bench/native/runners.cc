#include "runners.h"

#include <chrono>
#include <functional>
#include <utility>

#include "accord/doc.h"
#include "accord/update.h"

namespace accord::bench {

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

DocOptions options(std::uint64_t client_id) {
  DocOptions o;
  o.client_id = client_id;
  return o;
}

Status check(bool ok, const std::string& what) {
  return ok ? Status::ok() : Status::error(StatusCode::kInternal, "check failed: " + what);
}

Status apply_text_op(const TextRef& text, Transaction& txn, const TextOp& op) {
  if (op.del > 0) ACCORD_RETURN_IF_ERROR(text.remove(txn, op.pos, op.del));
  if (!op.ins.empty()) ACCORD_RETURN_IF_ERROR(text.insert(txn, op.pos, op.ins));
  return Status::ok();
}

Status apply_op(Doc& doc, Transaction& txn, CaseType type, const CaseOp& op) {
  switch (type) {
    case CaseType::kText: return apply_text_op(doc.get_text("text"), txn, op.text);
    case CaseType::kArray: return doc.get_array("array").insert(txn, op.pos, op.values);
    case CaseType::kMap: doc.get_map("map").set(txn, op.key, op.value); return Status::ok();
  }
  return Status::ok();
}

/// Runs `ops` on `doc` in one transaction.
Status apply_ops(Doc& doc, CaseType type, const std::vector<CaseOp>& ops) {
  Transaction txn = doc.transact();
  for (const CaseOp& op : ops) ACCORD_RETURN_IF_ERROR(apply_op(doc, txn, type, op));
  txn.commit();
  return Status::ok();
}

Any content(Doc& doc, CaseType type) {
  switch (type) {
    case CaseType::kText: return Any(doc.get_text("text").to_string());
    case CaseType::kArray: return doc.get_array("array").to_json();
    case CaseType::kMap: return doc.get_map("map").to_json();
  }
  return Any();
}

/// Encodes `doc`, loads the bytes into a fresh Doc and checks its content equals `expected`.
Status encode_and_decode(Doc& doc, CaseType type, const Any& expected, std::uint64_t load_client,
                         Figures& f) {
  auto t0 = Clock::now();
  f.encoded = encode_state_as_update(doc);
  f.encode_ms = ms_since(t0);
  f.doc_size = f.encoded.size();
  Doc loaded(options(load_client));
  t0 = Clock::now();
  Status st = apply_update(loaded, f.encoded);
  f.decode_ms = ms_since(t0);
  ACCORD_RETURN_IF_ERROR(st);
  return check(content(loaded, type) == expected, "document loaded from its encoded state differs");
}

Result<Figures> run_b1(const Case& c) {
  Figures f;
  Doc doc1(options(1));
  Doc doc2(options(2));
  std::vector<std::vector<std::uint8_t>> updates;
  doc1.observe_update(
      [&](const std::vector<std::uint8_t>& u, const Origin&) { updates.push_back(u); });
  auto t0 = Clock::now();
  for (const CaseOp& op : c.ops) {
    Transaction txn = doc1.transact();
    ACCORD_RETURN_IF_ERROR(apply_op(doc1, txn, c.type, op));
    txn.commit();
  }
  for (const auto& u : updates) ACCORD_RETURN_IF_ERROR(apply_update(doc2, u));
  f.time_ms = ms_since(t0);
  ACCORD_RETURN_IF_ERROR(check(content(doc1, c.type) == c.expected, c.id + ": doc1 content"));
  ACCORD_RETURN_IF_ERROR(check(content(doc2, c.type) == c.expected, c.id + ": doc2 content"));
  f.updates = updates.size();
  for (const auto& u : updates) f.update_bytes += u.size();
  ACCORD_RETURN_IF_ERROR(encode_and_decode(doc1, c.type, c.expected, 3, f));
  return f;
}

Result<Figures> run_b2(const Case& c) {
  Figures f;
  Doc doc1(options(1));
  Doc doc2(options(2));
  bool syncing = false;
  bool measuring = false;
  Status sync_status;
  auto forward = [&](Doc& to) {
    return [&](const std::vector<std::uint8_t>& u, const Origin&) {
      if (syncing) return;
      syncing = true;
      if (measuring) f.update_bytes += u.size();
      Status st = apply_update(to, u);
      if (!st.is_ok() && sync_status.is_ok()) sync_status = st;
      syncing = false;
    };
  };
  doc1.observe_update(forward(doc2));
  doc2.observe_update(forward(doc1));
  {
    Transaction txn = doc1.transact();
    ACCORD_RETURN_IF_ERROR(doc1.get_text("text").insert(txn, 0, c.init));
  }
  measuring = true;
  auto t0 = Clock::now();
  ACCORD_RETURN_IF_ERROR(apply_ops(doc1, CaseType::kText, c.ops));
  ACCORD_RETURN_IF_ERROR(apply_ops(doc2, CaseType::kText, c.ops2));
  f.time_ms = ms_since(t0);
  ACCORD_RETURN_IF_ERROR(sync_status);
  f.updates = 2;
  std::string text = doc1.get_text("text").to_string();
  ACCORD_RETURN_IF_ERROR(check(doc2.get_text("text").to_string() == text, c.id + ": diverged"));
  if (c.expected_length >= 0) {
    ACCORD_RETURN_IF_ERROR(
        check(doc1.get_text("text").length() == static_cast<std::uint64_t>(c.expected_length),
              c.id + ": length"));
  }
  ACCORD_RETURN_IF_ERROR(encode_and_decode(doc1, CaseType::kText, Any(text), 3, f));
  return f;
}

Result<Figures> run_b3(const Case& c) {
  Figures f;
  std::vector<Doc> docs;
  docs.reserve(c.clients);
  std::vector<std::vector<std::uint8_t>> updates;
  for (std::size_t i = 0; i < c.clients && i < c.ops.size(); ++i) {
    docs.emplace_back(options(i + 1));
    Doc& doc = docs.back();
    doc.observe_update(
        [&](const std::vector<std::uint8_t>& u, const Origin&) { updates.push_back(u); });
    Transaction txn = doc.transact();
    ACCORD_RETURN_IF_ERROR(apply_op(doc, txn, c.type, c.ops[i]));
    txn.commit();
  }
  ACCORD_RETURN_IF_ERROR(check(updates.size() == c.clients, c.id + ": one update per client"));
  const std::vector<std::vector<std::uint8_t>> all = std::move(updates);
  updates.clear();
  {
    Transaction txn = docs[0].transact();
    for (const auto& u : all) ACCORD_RETURN_IF_ERROR(apply_update(docs[0], u));
  }
  auto t0 = Clock::now();
  {
    Transaction txn = docs[1].transact();
    for (const auto& u : all) ACCORD_RETURN_IF_ERROR(apply_update(docs[1], u));
    txn.commit();
  }
  f.time_ms = ms_since(t0);
  Any expected = content(docs[0], c.type);
  ACCORD_RETURN_IF_ERROR(check(content(docs[1], c.type) == expected, c.id + ": diverged"));
  f.updates = all.size();
  for (const auto& u : all) f.update_bytes += u.size();
  ACCORD_RETURN_IF_ERROR(encode_and_decode(docs[0], c.type, expected, c.clients + 1, f));
  return f;
}

} // namespace

Result<Figures> run_case(const Case& c) {
  if (c.group == "B1") return run_b1(c);
  if (c.group == "B2") return run_b2(c);
  return run_b3(c);
}

Result<Figures> run_trace(const Trace& trace, bool observe_updates) {
  Figures f;
  Doc doc(options(1));
  TextRef text = doc.get_text("text");
  if (observe_updates) {
    doc.observe_update([&](const std::vector<std::uint8_t>& u, const Origin&) {
      ++f.updates;
      f.update_bytes += u.size();
    });
  }
  if (!trace.start_content.empty()) {
    Transaction txn = doc.transact();
    ACCORD_RETURN_IF_ERROR(text.insert(txn, 0, trace.start_content));
  }
  auto t0 = Clock::now();
  for (const auto& patches : trace.txns) {
    Transaction txn = doc.transact();
    for (const TextOp& op : patches) ACCORD_RETURN_IF_ERROR(apply_text_op(text, txn, op));
    txn.commit();
  }
  f.time_ms = ms_since(t0);
  ACCORD_RETURN_IF_ERROR(check(text.to_string() == trace.end_content,
                               trace.name + ": replay differs from endContent"));
  ACCORD_RETURN_IF_ERROR(encode_and_decode(doc, CaseType::kText, Any(trace.end_content), 2, f));
  return f;
}

} // namespace accord::bench
