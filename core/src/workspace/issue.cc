#include "accord/workspace/issue.h"

namespace accord::workspace {

std::string Issue::to_string(std::string_view file) const {
  std::string out(file);
  if (line > 0) {
    out += ':' + std::to_string(line);
    if (column > 0) out += ':' + std::to_string(column);
  }
  out += ": ";
  if (!field.empty()) out += "field '" + field + "': ";
  out += message;
  return out;
}

} // namespace accord::workspace
