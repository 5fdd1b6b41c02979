// Last touches of contacts and accounts from the visit log.
#include "accord/analytics/inputs.h"

#include "accord/model/account_schema.h"
#include "accord/model/activity_schema.h"

namespace accord::analytics {

using namespace accord::model;

Touches last_touches(const VisitLog* visits, std::int64_t now_ms) {
  Touches out;
  if (visits == nullptr) return out;
  for (const RecordRef& v : visits->visits()) {
    auto at = v.get(visit::kAt);
    if (!at || *at > now_ms) continue;
    if (!out.account || *at > *out.account) out.account = *at;
    for (const auto& c : v.get(visit::kContacts)) {
      auto it = out.by_contact.find(c);
      if (it == out.by_contact.end() || it->second < *at) out.by_contact[c] = *at;
    }
  }
  return out;
}

std::string account_label(const AccountDocument& account) {
  auto name = account.account().get(model::account::kName);
  return name && !name->empty() ? *name : account.id();
}

} // namespace accord::analytics
