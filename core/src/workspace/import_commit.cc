#include "workspace/import_commit.h"

namespace accord::workspace {

Status keep_or_discard(Workspace& ws, bool keep) {
  if (!keep) return ws.discard();
  if (Status s = ws.save(); !s.is_ok()) {
    (void)ws.discard();
    return s;
  }
  return Status::ok();
}

} // namespace accord::workspace
