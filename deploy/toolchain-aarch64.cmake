# Cross toolchain for Raspberry Pi OS bookworm arm64 (= Debian bookworm arm64) from a Debian
# bookworm amd64 host: Debian's aarch64-linux-gnu-gcc/g++ (crossbuild-essential-arm64) against a
# sysroot of unpacked arm64 .debs. deploy/cross-build-arm64.sh makes the sysroot and uses this:
#
#   cmake -S . -B build-arm64 -DCMAKE_TOOLCHAIN_FILE=deploy/toolchain-aarch64.cmake \
#         -DPAVILION_HOST_PACK_TOOL=build-host/pavilion-pack
#
# The sysroot is $PAVILION_SYSROOT, or .deps/sysroot-arm64 beside this file's folder.

set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)

if(DEFINED ENV{PAVILION_SYSROOT})
  set(PAVILION_SYSROOT "$ENV{PAVILION_SYSROOT}")
else()
  get_filename_component(PAVILION_SYSROOT "${CMAKE_CURRENT_LIST_DIR}/../.deps/sysroot-arm64" ABSOLUTE)
endif()
if(NOT EXISTS "${PAVILION_SYSROOT}/usr/include")
  message(FATAL_ERROR "No arm64 sysroot at ${PAVILION_SYSROOT}: run deploy/cross-build-arm64.sh")
endif()

set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++)
set(CMAKE_SYSROOT "${PAVILION_SYSROOT}")
set(CMAKE_LIBRARY_ARCHITECTURE aarch64-linux-gnu)

# Libraries' own dependencies (libglfw -> libX11 -> libxcb ...) are found in the sysroot.
set(_pavilion_libdirs "${PAVILION_SYSROOT}/usr/lib/aarch64-linux-gnu" "${PAVILION_SYSROOT}/lib/aarch64-linux-gnu")
foreach(_dir IN LISTS _pavilion_libdirs)
  string(APPEND CMAKE_EXE_LINKER_FLAGS_INIT " -Wl,-rpath-link,${_dir}")
  string(APPEND CMAKE_SHARED_LINKER_FLAGS_INIT " -Wl,-rpath-link,${_dir}")
endforeach()

# Headers, libraries and CMake packages only from the sysroot; programs from the host.
set(CMAKE_FIND_ROOT_PATH "${PAVILION_SYSROOT}")
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# pkg-config reads only the sysroot's .pc files and prefixes their paths with the sysroot.
set(ENV{PKG_CONFIG_SYSROOT_DIR} "${PAVILION_SYSROOT}")
set(ENV{PKG_CONFIG_LIBDIR}
  "${PAVILION_SYSROOT}/usr/lib/aarch64-linux-gnu/pkgconfig:${PAVILION_SYSROOT}/usr/lib/pkgconfig:${PAVILION_SYSROOT}/usr/share/pkgconfig")
set(ENV{PKG_CONFIG_PATH} "")

# Built programs (gtest discovery, tests) run under user-mode qemu with the sysroot's loader.
find_program(PAVILION_QEMU_AARCH64 NAMES qemu-aarch64 qemu-aarch64-static)
if(PAVILION_QEMU_AARCH64)
  set(CMAKE_CROSSCOMPILING_EMULATOR "${PAVILION_QEMU_AARCH64};-L;${PAVILION_SYSROOT}")
endif()

# gtest_discover_tests lists each test binary's tests: at ctest time (under the emulator), not at
# build time, so building needs no qemu and a suite that needs a display (kiosk_tests) still builds.
set(CMAKE_GTEST_DISCOVER_TESTS_DISCOVERY_MODE PRE_TEST)

# Packages made from this build are for arm64.
set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE arm64)
