// accord: the command-line client of the Accord workspace.
#include "accord/version.h"

#include <CLI/CLI.hpp>

#include <iostream>

int main(int argc, char** argv) {
  CLI::App app{"accord: offline-first key account management from the command line"};
  app.set_version_flag("--version", std::string(accord::version()));
  bool info = false;
  app.add_flag("--build-info", info, "Print the core's version and build target");
  CLI11_PARSE(app, argc, argv);
  if (info) {
    std::cout << "accord core " << accord::version() << " (" << accord::build_target() << ")\n";
  }
  return 0;
}
