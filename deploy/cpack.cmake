# Install rules for the system integration (systemd unit, udev rule, polkit rule, sysusers.d,
# tmpfiles.d) and the Debian package, made with CPack:
#
#   cmake -S . -B build-deb -DCMAKE_INSTALL_PREFIX=/usr && cmake --build build-deb -j2
#   (cd build-deb && cpack -G DEB)        # -> build-deb/pavilion_<version>_<arch>.deb
#
# Included at the end of the top-level CMakeLists.txt. The binaries, the default pack and the
# icon have their own install() rules beside their targets. deploy/cross-build-arm64.sh --package
# makes the arm64 .deb the same way.

set(PAVILION_DEPLOY_DIR "${PROJECT_SOURCE_DIR}/deploy")

# --- system integration ----------------------------------------------------------------------
# Debian bookworm's places for packaged units and udev rules (/lib is /usr/lib on a merged-/usr
# system, but bookworm's packages still ship under /lib).
set(PAVILION_SYSTEMD_UNIT_DIR "/lib/systemd/system" CACHE PATH "Where the systemd units are installed")
set(PAVILION_UDEV_RULES_DIR "/lib/udev/rules.d" CACHE PATH "Where the udev rule is installed")

# The unit names the installed kiosk binary: /usr/bin/pavilion in the .deb.
file(READ "${PAVILION_DEPLOY_DIR}/systemd/pavilion.service" pavilion_unit)
string(REPLACE "/usr/bin/pavilion " "${CMAKE_INSTALL_FULL_BINDIR}/pavilion " pavilion_unit "${pavilion_unit}")
string(REPLACE "/usr/lib/pavilion/" "${CMAKE_INSTALL_PREFIX}/lib/pavilion/" pavilion_unit "${pavilion_unit}")
file(GENERATE OUTPUT "${CMAKE_BINARY_DIR}/deploy/pavilion.service" CONTENT "${pavilion_unit}")
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${PAVILION_DEPLOY_DIR}/systemd/pavilion.service")

install(FILES
    "${CMAKE_BINARY_DIR}/deploy/pavilion.service"
    "${PAVILION_DEPLOY_DIR}/systemd/pavilion-usb-mount@.service"
  DESTINATION "${PAVILION_SYSTEMD_UNIT_DIR}")
# The unit's main process: cage with the GPU, or with software rendering where there is none.
install(PROGRAMS "${PAVILION_DEPLOY_DIR}/systemd/pavilion-session" DESTINATION "lib/pavilion")
install(FILES "${PAVILION_DEPLOY_DIR}/udev/80-pavilion-usb.rules" DESTINATION "${PAVILION_UDEV_RULES_DIR}")
install(FILES "${PAVILION_DEPLOY_DIR}/polkit/50-pavilion-udisks.rules"
  DESTINATION "${CMAKE_INSTALL_DATADIR}/polkit-1/rules.d")
install(FILES "${PAVILION_DEPLOY_DIR}/sysusers.d/pavilion.conf" DESTINATION "lib/sysusers.d")
install(FILES "${PAVILION_DEPLOY_DIR}/tmpfiles.d/pavilion.conf" DESTINATION "lib/tmpfiles.d")
install(FILES "${PROJECT_SOURCE_DIR}/README.md" DESTINATION "${CMAKE_INSTALL_DATADIR}/doc/pavilion")
install(FILES "${PAVILION_DEPLOY_DIR}/README.md" DESTINATION "${CMAKE_INSTALL_DATADIR}/doc/pavilion"
  RENAME deploy.md)

# --- the .deb --------------------------------------------------------------------------------
if(CMAKE_CROSSCOMPILING AND CMAKE_SYSTEM_PROCESSOR MATCHES "^(aarch64|arm64)$")
  set(pavilion_deb_arch arm64)
elseif(NOT CMAKE_CROSSCOMPILING)
  find_program(PAVILION_DPKG dpkg)
  if(PAVILION_DPKG)
    execute_process(COMMAND "${PAVILION_DPKG}" --print-architecture
      OUTPUT_VARIABLE pavilion_deb_arch OUTPUT_STRIP_TRAILING_WHITESPACE)
  endif()
endif()
if(NOT pavilion_deb_arch)
  set(pavilion_deb_arch "${CMAKE_SYSTEM_PROCESSOR}")
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME pavilion)
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_CONTACT "Pavilion maintainers <kiosk@pavilion.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "offline touch kiosk for exhibition stands (Raspberry Pi)")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "Pavilion shows initiatives, project stories, key figures and maps
 from a signed content pack, full screen under the cage kiosk compositor. The package brings
 the kiosk (pavilion), the pack tool (pavilion-pack), the default pack, a hardened systemd
 service with a watchdog, and USB stick mounting for the kiosk user through udisks2.
 deploy/provision-pi.sh in the source tree sets a Raspberry Pi up with it.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE "${pavilion_deb_arch}")
set(CPACK_DEBIAN_FILE_NAME "pavilion_${PROJECT_VERSION}_${pavilion_deb_arch}.deb")
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
# Stripped binaries (the build tree keeps the unstripped ones, for gdb against a core dump).
set(CPACK_STRIP_FILES TRUE)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)

# Runtime packages that no library link names: the compositor and Xwayland (cage does not depend
# on it), the seat daemon, USB mounting, the fonts, and what GLFW dlopen()s (EGL and Mesa's
# drivers, V3D on the Pi; the X extensions for full screen and the cursor), which Debian's
# libglfw3 does not depend on.
set(pavilion_runtime_depends
  "cage (>= 0.1.4)" xwayland seatd udisks2 polkitd dbus "systemd (>= 247)" util-linux
  libegl1 libegl-mesa0 libgl1-mesa-dri libxrandr2 libxcursor1 libxi6 libxinerama1
  fonts-noto-core fonts-noto-cjk)
# Shared libraries the binaries link. dpkg-shlibdeps computes these (with versions) on a native
# build; a cross build has no arm64 dpkg database for it, so there the list is written out.
set(pavilion_library_depends
  libc6 libstdc++6 libgcc-s1 "libglfw3 (>= 3.3)" libgles2 libsqlite3-0 libsodium23
  libqrencode4 libevdev2 libsystemd0 libmd4c0 libfreetype6 libstb0
  # pavilion-pack opens the kiosk's fonts with the text engine to check a pack's characters.
  libharfbuzz0b libicu72)
if(CMAKE_CROSSCOMPILING)
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS OFF)
  set(pavilion_depends ${pavilion_library_depends} ${pavilion_runtime_depends})
else()
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
  set(pavilion_depends ${pavilion_runtime_depends})
endif()
list(JOIN pavilion_depends ", " CPACK_DEBIAN_PACKAGE_DEPENDS)
# rsvg-convert: only pavilion-pack needs it, to build packs with SVG pictures.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "librsvg2-bin, minisign")

set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
  "${PAVILION_DEPLOY_DIR}/debian/postinst"
  "${PAVILION_DEPLOY_DIR}/debian/prerm"
  "${PAVILION_DEPLOY_DIR}/debian/postrm")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)

# The kiosk finds its default pack through the prefix it was compiled with: refuse to package a
# build configured for anything but /usr.
set(PAVILION_CONFIGURED_PREFIX "${CMAKE_INSTALL_PREFIX}")
configure_file("${PAVILION_DEPLOY_DIR}/cpack-project-config.cmake.in"
  "${CMAKE_BINARY_DIR}/deploy/cpack-project-config.cmake" @ONLY)
set(CPACK_PROJECT_CONFIG_FILE "${CMAKE_BINARY_DIR}/deploy/cpack-project-config.cmake")

include(CPack)
