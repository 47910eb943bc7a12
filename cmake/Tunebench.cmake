# Shared helpers: warnings for our own targets and one way to declare a test.

function(tb_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wno-missing-field-initializers)
endfunction()

# tb_add_test(name SOURCES a.cpp ... LIBS lib ... [ENV VAR=value ...] [TIMEOUT s])
# One Qt Test executable per unit, registered with ctest. GUI tests run offscreen.
function(tb_add_test name)
  cmake_parse_arguments(T "" "TIMEOUT" "SOURCES;LIBS;ENV" ${ARGN})
  add_executable(${name} ${T_SOURCES})
  target_link_libraries(${name} PRIVATE ${T_LIBS})
  tb_warnings(${name})
  add_test(NAME ${name} COMMAND ${name})
  if(NOT T_TIMEOUT)
    set(T_TIMEOUT 300)
  endif()
  set_tests_properties(${name} PROPERTIES TIMEOUT ${T_TIMEOUT}
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;TUNEBENCH_BUILD_DIR=${PROJECT_BINARY_DIR};TUNEBENCH_SAMPLERS_DIR=${PROJECT_BINARY_DIR}/share/tunebench/samplers;TUNEBENCH_GPU_SLOTS_DIR=${PROJECT_BINARY_DIR}/gpu-slots/${name};${T_ENV}")
endfunction()
