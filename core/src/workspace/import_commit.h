#pragma once
/// How every import (CSV, JSON bundle) ends: its changes are saved in one store transaction, or
/// dropped (a dry run, an issue found, a failed save) so the store and the workspace are as
/// before.

#include "accord/status.h"
#include "accord/workspace/workspace.h"

namespace accord::workspace {

/// Saves `ws`'s pending changes when `keep`, else discards them; a failed save discards them
/// too and returns its error. OK means: saved when `keep`, untouched otherwise.
Status keep_or_discard(Workspace& ws, bool keep);

} // namespace accord::workspace
