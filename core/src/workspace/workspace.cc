#include "accord/workspace/workspace.h"

#include <algorithm>
#include <set>

#include "accord/model/account_schema.h"
#include "accord/model/ids.h"
#include "accord/model/team_schema.h"
#include "accord/update.h"
#include "workspace/projection_writer.h"

namespace accord::workspace {
namespace {

constexpr std::string_view kAccountInfix = "/account/";
constexpr std::string_view kVisitsInfix = "/visits/";

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

} // namespace

std::string index_document_name(std::string_view team) { return std::string(team) + "/index"; }

std::string account_document_name(std::string_view team, std::string_view account) {
  return std::string(team) + std::string(kAccountInfix) + std::string(account);
}

std::string visit_log_document_name(std::string_view team, std::string_view account) {
  return std::string(team) + std::string(kVisitsInfix) + std::string(account);
}

Workspace::Workspace(DocumentStore& store, std::string team)
    : store_(&store), team_(std::move(team)) {}

Workspace::~Workspace() = default;

std::unique_ptr<Doc> Workspace::make_doc(std::string name) {
  auto doc = std::make_unique<Doc>();
  doc->observe_update([this, name = std::move(name)](const std::vector<std::uint8_t>& update,
                                                     const Origin& origin) {
    if (loading_) return;
    const bool remote = is_remote_ && is_remote_(origin);
    pending_.push_back(
        Pending{name, update, remote ? UpdateSource::kRemote : UpdateSource::kLocal});
  });
  return doc;
}

Status Workspace::load_doc(const std::string& name, Doc& doc) {
  loading_ = true;
  auto info = store_->load_into(name, doc);
  loading_ = false;
  return info.status();
}

Status Workspace::load() {
  accounts_.clear();
  index_ = make_doc(index_document_name(team_));
  ACCORD_RETURN_IF_ERROR(load_doc(index_document_name(team_), *index_));
  ACCORD_ASSIGN_OR_RETURN(std::vector<std::string> names, store_->list_documents());
  const std::string account_prefix = team_ + std::string(kAccountInfix);
  const std::string visits_prefix = team_ + std::string(kVisitsInfix);
  for (const auto& name : names) {
    std::string id;
    bool is_account = false;
    if (name.starts_with(account_prefix)) {
      id = name.substr(account_prefix.size());
      is_account = true;
    } else if (name.starts_with(visits_prefix)) {
      id = name.substr(visits_prefix.size());
    } else {
      continue;
    }
    AccountSlot& slot = ensure_account(id);
    Status s = load_doc(name, is_account ? *slot.account_doc : *slot.visit_doc);
    if (!s.is_ok()) return s.with_context("loading " + name);
  }
  return Status::ok();
}

Status Workspace::sync_projection() {
  return store_->write_derived([this](store::Database& db) {
    return projection::update(db, *this, {}, false, true)
        .status()
        .with_context("updating the projection tables");
  });
}

Result<std::unique_ptr<Workspace>> Workspace::open(DocumentStore& store, std::string_view team) {
  ACCORD_RETURN_IF_ERROR(model::validate_id(team, "team id"));
  std::unique_ptr<Workspace> ws(new Workspace(store, std::string(team)));
  ACCORD_RETURN_IF_ERROR(ws->load());
  if (!model::read_meta(*ws->index_).ok()) {
    return Status::error(StatusCode::kNotFound,
                         "the store has no team index for team '" + std::string(team) + "'");
  }
  ACCORD_RETURN_IF_ERROR(ws->sync_projection());
  return ws;
}

Result<std::unique_ptr<Workspace>> Workspace::create(DocumentStore& store, std::string_view team,
                                                     std::string_view team_name,
                                                     const model::Actor& actor,
                                                     std::string_view member_name,
                                                     std::int64_t now_ms) {
  ACCORD_RETURN_IF_ERROR(model::validate_id(team, "team id"));
  std::unique_ptr<Workspace> ws(new Workspace(store, std::string(team)));
  ACCORD_RETURN_IF_ERROR(ws->load());
  if (model::read_meta(*ws->index_).ok()) {
    return Status::error(StatusCode::kAlreadyExists,
                         "team '" + std::string(team) + "' already has a workspace here");
  }
  {
    model::Edit e(*ws->index_, actor, now_ms);
    ACCORD_ASSIGN_OR_RETURN(model::TeamIndex index, model::TeamIndex::create(e, team));
    ACCORD_RETURN_IF_ERROR(index.settings().set(e, model::settings::kTeamName, team_name));
    ACCORD_RETURN_IF_ERROR(index.add_member(e, actor.user, member_name).status());
  }
  ACCORD_RETURN_IF_ERROR(ws->save());
  return ws;
}

std::vector<std::string> Workspace::slot_ids() const {
  std::vector<std::string> out;
  out.reserve(accounts_.size());
  for (const auto& [id, slot] : accounts_) out.push_back(id);
  return out;
}

std::vector<std::string> Workspace::account_ids() const {
  std::vector<std::string> out;
  for (const auto& [id, slot] : accounts_) {
    if (model::read_meta(*slot->account_doc).ok()) out.push_back(id);
  }
  return out;
}

AccountSlot* Workspace::account(std::string_view id) {
  auto it = accounts_.find(id);
  if (it == accounts_.end() || !model::read_meta(*it->second->account_doc).ok()) return nullptr;
  return it->second.get();
}

AccountSlot& Workspace::ensure_account(std::string_view id) {
  auto it = accounts_.find(id);
  if (it != accounts_.end()) return *it->second;
  auto slot = std::make_unique<AccountSlot>(make_doc(account_document_name(team_, id)),
                                            make_doc(visit_log_document_name(team_, id)));
  AccountSlot& ref = *slot;
  accounts_.emplace(std::string(id), std::move(slot));
  return ref;
}

Result<AccountSlot*> Workspace::add_account(std::string_view id, std::string_view name,
                                            const model::Actor& actor, std::int64_t now_ms,
                                            std::optional<std::uint64_t> seed) {
  ACCORD_RETURN_IF_ERROR(model::validate_id(id, "account id"));
  if (account(id) != nullptr) {
    return Status::error(StatusCode::kAlreadyExists,
                         "account '" + std::string(id) + "' exists already");
  }
  AccountSlot& slot = ensure_account(id);
  {
    model::Edit e(*slot.account_doc, actor, now_ms, seed);
    ACCORD_RETURN_IF_ERROR(model::AccountDocument::create(e, id, name).status());
  }
  if (!model::read_meta(*slot.visit_doc).ok()) {
    model::Edit e(*slot.visit_doc, actor, now_ms, seed);
    ACCORD_RETURN_IF_ERROR(model::VisitLog::create(e, id).status());
  }
  {
    model::Edit e(*index_, actor, now_ms, seed);
    ACCORD_RETURN_IF_ERROR(team().upsert_account(e, slot.account));
  }
  return &slot;
}

Result<std::string> Workspace::resolve_account(std::string_view key) const {
  std::vector<std::string> containing;
  for (const auto& [id, slot] : accounts_) {
    if (!model::read_meta(*slot->account_doc).ok()) continue;
    if (id == key) return id;
  }
  for (const auto& [id, slot] : accounts_) {
    if (!model::read_meta(*slot->account_doc).ok()) continue;
    const std::string name = slot->account.account().get(model::account::kName).value_or("");
    if (name == key) return id;
    const std::string lower_key = ascii_lower(key);
    if (!key.empty() && (ascii_lower(name).find(lower_key) != std::string::npos ||
                         ascii_lower(id).find(lower_key) != std::string::npos)) {
      containing.push_back(id);
    }
  }
  if (containing.size() == 1) return containing.front();
  if (containing.empty()) {
    return Status::error(StatusCode::kNotFound,
                         "no account has the id or a name matching '" + std::string(key) + "'");
  }
  std::string message = "'";
  message += key;
  message += "' matches several accounts: ";
  for (std::size_t i = 0; i < containing.size(); ++i) {
    if (i > 0) message += ", ";
    message += containing[i];
  }
  return Status::error(StatusCode::kInvalidArgument, message);
}

std::vector<analytics::AccountInput> Workspace::inputs() {
  std::vector<analytics::AccountInput> out;
  for (const auto& [id, slot] : accounts_) {
    if (!model::read_meta(*slot->account_doc).ok()) continue;
    const bool has_visits = model::read_meta(*slot->visit_doc).ok();
    out.push_back(analytics::AccountInput{&slot->account, has_visits ? &slot->visits : nullptr});
  }
  return out;
}

std::vector<std::string> Workspace::document_names() const {
  std::vector<std::string> out = {index_document_name(team_)};
  for (const auto& [id, slot] : accounts_) {
    out.push_back(account_document_name(team_, id));
    out.push_back(visit_log_document_name(team_, id));
  }
  return out;
}

Doc* Workspace::document(std::string_view name) {
  if (name == index_document_name(team_)) return index_.get();
  for (const auto& [id, slot] : accounts_) {
    if (name == account_document_name(team_, id)) return slot->account_doc.get();
    if (name == visit_log_document_name(team_, id)) return slot->visit_doc.get();
  }
  return nullptr;
}

Result<std::size_t> Workspace::acknowledge_all(std::string_view name) {
  Doc* doc = document(name);
  if (doc == nullptr) {
    return Status::error(StatusCode::kNotFound, "no document '" + std::string(name) + "'");
  }
  ACCORD_ASSIGN_OR_RETURN(std::vector<OutboxEntry> outbox, store_->outbox(name));
  if (outbox.empty()) {
    Status s = store_->merge_server_state_vector(name, accord::state_vector(*doc));
    if (s.code() == StatusCode::kNotFound) return std::size_t{0}; // never stored: nothing to do
    ACCORD_RETURN_IF_ERROR(s);
    return std::size_t{0};
  }
  return store_->acknowledge(name, outbox.back().seq, accord::state_vector(*doc));
}

std::size_t Workspace::pending_bytes() const {
  std::size_t n = 0;
  for (const auto& p : pending_) n += p.update.size();
  return n;
}

Status Workspace::save() {
  if (pending_.empty()) return Status::ok();
  std::vector<AppendEntry> entries;
  entries.reserve(pending_.size());
  std::set<std::string, std::less<>> changed;
  const std::string account_prefix = team_ + std::string(kAccountInfix);
  const std::string visits_prefix = team_ + std::string(kVisitsInfix);
  for (const auto& p : pending_) {
    entries.push_back(AppendEntry{p.document, p.update, p.source, true});
    if (p.document.starts_with(account_prefix)) {
      changed.insert(p.document.substr(account_prefix.size()));
    } else if (p.document.starts_with(visits_prefix)) {
      changed.insert(p.document.substr(visits_prefix.size()));
    }
  }
  const auto project = [&](store::Database& db) {
    return projection::update(db, *this, changed, false, false)
        .status()
        .with_context("updating the projection tables");
  };
  ACCORD_RETURN_IF_ERROR(store_->append_batch(entries, project).status());
  pending_.clear();
  return Status::ok();
}

Status Workspace::discard() {
  pending_.clear();
  ACCORD_RETURN_IF_ERROR(load());
  return sync_projection();
}

} // namespace accord::workspace
