#pragma once
// Whether this translation unit is built with AddressSanitizer (gcc says so with a macro, clang
// through __has_feature). Its quarantine keeps freed memory, so memory verdicts (the soak's "RSS
// flat") mean nothing in such a build; the kiosk and its tests both ask here.

namespace pavilion::core {

#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kAddressSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool kAddressSanitized = true;
#else
inline constexpr bool kAddressSanitized = false;
#endif
#else
inline constexpr bool kAddressSanitized = false;
#endif

} // namespace pavilion::core
