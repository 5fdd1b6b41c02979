# accord_warnings(<target>): the project's warning set, applied per target.
# Warnings are errors in project code so that "no warnings" stays true.
function(accord_warnings target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align
    -Wimplicit-fallthrough -Werror)
endfunction()
