#pragma once
// Typed access to root types that may exist only because a received update named them. Such a
// root's kind is unknown until it is first asked for by kind (Yjs's doc.getText(name) does the
// same); these helpers ask only when the root exists, so reading never adds empty roots.
#include <optional>
#include <string_view>

#include "accord/doc.h"
#include "accord/types.h"

namespace accord::model::internal {

/// The root map `name` if it exists and is (or can become) a map.
inline std::optional<MapRef> existing_map(const Doc& doc, std::string_view name) {
  if (!doc.root(name)) return std::nullopt;
  MapRef m = const_cast<Doc&>(doc).get_map(name); // defines the kind only; content unchanged
  if (m.kind() != TypeKind::kMap) return std::nullopt;
  return m;
}

/// The root array `name` if it exists and is (or can become) an array.
inline std::optional<ArrayRef> existing_array(const Doc& doc, std::string_view name) {
  if (!doc.root(name)) return std::nullopt;
  ArrayRef a = const_cast<Doc&>(doc).get_array(name);
  if (a.kind() != TypeKind::kArray) return std::nullopt;
  return a;
}

/// The root text `name` if it exists and is (or can become) a text.
inline std::optional<TextRef> existing_text(const Doc& doc, std::string_view name) {
  if (!doc.root(name)) return std::nullopt;
  TextRef t = const_cast<Doc&>(doc).get_text(name);
  if (t.kind() != TypeKind::kText && t.kind() != TypeKind::kXmlText) return std::nullopt;
  return t;
}

} // namespace accord::model::internal
