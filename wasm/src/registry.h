#pragma once
// The objects the bindings hand to JS, named by integer handles: open stores and open documents
// (a LocalDocument bound to a store). JS never holds a C++ pointer, so a stale or forged handle
// is an error value, never a crash. Closing a store first closes its documents.

#include <memory>
#include <string>

#include "accord/document_store.h"
#include "accord/local_document.h"
#include "accord/status.h"

namespace accord::wasm {

/// An open document and the store it is bound to.
struct OpenDocument {
  int store = 0;                        ///< handle of the store
  std::unique_ptr<LocalDocument> local; ///< the document
  int attachments = 0;                  ///< sync sessions it is attached to
};

/// Registers an open store; returns its handle (> 0).
int add_store(std::unique_ptr<DocumentStore> store);
/// The store of `handle`, or kInvalidArgument.
Result<DocumentStore*> find_store(int handle);
/// Closes the store of `handle` and every document open on it; kFailedPrecondition (and
/// nothing closed) while a sync session has one of them attached.
Status close_store(int handle);

/// Registers an open document of store `store`; returns its handle (> 0).
int add_document(int store, std::unique_ptr<LocalDocument> document);
/// The document of `handle`, or kInvalidArgument.
Result<LocalDocument*> find_document(int handle);
/// Closes the document of `handle` (flushing unsaved updates first). kFailedPrecondition while
/// a sync session has it attached (detach it first).
Status close_document(int handle);
/// Counts a sync session's use of document `handle` (+1 on attach, -1 on detach).
void count_attachment(int handle, int delta);

} // namespace accord::wasm
