#pragma once
/// Integration of decoded updates into a doc, as Yjs's readUpdateV2: structs are integrated in
/// dependency order; structs whose dependencies are missing wait as pending (with the lowest
/// missing clock per client) and are retried when a later update makes progress possible;
/// deletions of unknown structs wait as a pending delete set.

#include "accord/status.h"
#include "crdt/doc_impl.h"
#include "crdt/pending.h"

namespace accord::crdt {

/// Integrates `update` into `doc` inside its open transaction (which must be remote).
void apply_decoded_update(DocImpl& doc, DecodedUpdate update);

} // namespace accord::crdt
