# ACCORD_SANITIZE=ON (preset `asan`) instruments every target of the build with
# AddressSanitizer and UndefinedBehaviorSanitizer. Any UB report aborts the test.
option(ACCORD_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)

add_library(accord_sanitizers INTERFACE)
add_library(accord::sanitizers ALIAS accord_sanitizers)
if(ACCORD_SANITIZE)
  target_compile_options(accord_sanitizers INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
    # GCC 12's flow analysis reports false maybe-uninitialized warnings inside
    # libstdc++ when instrumented; the plain builds keep the warning on.
    -Wno-maybe-uninitialized)
  target_link_options(accord_sanitizers INTERFACE -fsanitize=address,undefined)
endif()
