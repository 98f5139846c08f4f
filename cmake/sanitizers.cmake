# Opt-in instrumented builds. Both apply to every target so that model code
# called from a test or a fuzzer is checked, not only the driver.
#
# MESHROUTE_SANITIZE: AddressSanitizer + UndefinedBehaviorSanitizer with any
# compiler; an undefined-behaviour finding stops the process (no recovery),
# so a finding fails the test that hit it. scripts/test --sanitize uses it.
#
# MESHROUTE_FUZZ: the libFuzzer targets in tests/fuzz (clang only), with the
# same sanitizers. scripts/fuzz uses it.
option(MESHROUTE_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(MESHROUTE_FUZZ "Build the libFuzzer targets of tests/fuzz (needs CMAKE_CXX_COMPILER=clang++)" OFF)

if(MESHROUTE_SANITIZE OR MESHROUTE_FUZZ)
  set(MESHROUTE_SANITIZER_FLAGS -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  add_compile_options(${MESHROUTE_SANITIZER_FLAGS})
  add_link_options(${MESHROUTE_SANITIZER_FLAGS})
endif()

if(MESHROUTE_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "MESHROUTE_FUZZ needs clang (libFuzzer): configure with -DCMAKE_CXX_COMPILER=clang++ "
                        "(scripts/bootstrap --fuzz installs it)")
  endif()
  # Coverage feedback for every library; only the fuzz executables link libFuzzer's main.
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
