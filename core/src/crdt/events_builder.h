#pragma once
/// Builds observer events after a transaction (Yjs YEvent, YMapEvent, YArrayEvent,
/// YTextEvent) and calls shallow and deep observers in Yjs's order.

#include "crdt/doc_impl.h"

namespace accord::crdt {

/// Calls the observers of every type `t` changed (and deep observers of their ancestors).
void dispatch_events(DocImpl& doc, TxnState& t);

} // namespace accord::crdt
