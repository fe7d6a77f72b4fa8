# The layers' dependencies, checked when the project is configured: a link that breaks the
# layering (the model reaching for ImGui, core for SQLite) stops the configure with the path
# that leads there. Each layer lists what it may reach, directly or through other libraries.

set(pavilion_layer_core_allows Threads::Threads)
set(pavilion_layer_content_allows pavilion_core ${pavilion_layer_core_allows} PkgConfig::Sodium
    PkgConfig::SQLite3 md4c::md4c toml11::toml11 nlohmann_json::nlohmann_json)
# The text engine: core, HarfBuzz, ICU and FreeType; nothing that draws (no GL, GLFW, ImGui).
set(pavilion_layer_text_allows pavilion_core ${pavilion_layer_core_allows} PkgConfig::HarfBuzz
    PkgConfig::IcuUc PkgConfig::IcuI18n PkgConfig::FreeType)
# The model: core and content, and nothing that draws (no GL, GLFW, ImGui, FreeType).
set(pavilion_layer_model_allows pavilion_content ${pavilion_layer_content_allows})

# Walks target's link libraries (and theirs); fails on the first one not in `allowed`.
function(pavilion_check_layer target allowed_var)
  set(pending ${target})
  set(seen "")
  while(pending)
    list(POP_FRONT pending current)
    if(current IN_LIST seen)
      continue()
    endif()
    list(APPEND seen ${current})
    if(NOT TARGET ${current})
      continue()
    endif()
    # A system library (an imported target) is a leaf: what it links is its own business.
    get_target_property(imported ${current} IMPORTED)
    if(imported)
      continue()
    endif()
    get_target_property(links ${current} LINK_LIBRARIES)
    get_target_property(interface_links ${current} INTERFACE_LINK_LIBRARIES)
    foreach(link IN LISTS links interface_links)
      if(NOT link OR link MATCHES "-NOTFOUND$")
        continue()
      endif()
      string(REGEX REPLACE "^\\$<LINK_ONLY:(.*)>$" "\\1" link "${link}")
      if(NOT link IN_LIST ${allowed_var})
        message(FATAL_ERROR "Layering: ${target} must not depend on ${link} (through ${current}); "
                            "see app/README.md for what each layer may use.")
      endif()
      list(APPEND pending ${link})
    endforeach()
  endwhile()
endfunction()

pavilion_check_layer(pavilion_core pavilion_layer_core_allows)
pavilion_check_layer(pavilion_content pavilion_layer_content_allows)
pavilion_check_layer(pavilion_model pavilion_layer_model_allows)
pavilion_check_layer(pavilion_text pavilion_layer_text_allows)
