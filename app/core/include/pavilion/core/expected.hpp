#pragma once
// A value or an error that says what went wrong, for code that must never throw at a visitor.
// C++17 has no std::expected; this is the small subset Pavilion needs. It is the one error
// type of every layer: content, the model, the screens, the platform and the shell.

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace pavilion::core {

// What kind of failure it was, so callers (and tests) can react without parsing messages.
enum class ErrorCode {
    io,               // a file could not be read or written
    not_a_pack,       // not an SQLite file, or an SQLite file that is not a Pavilion pack
    unsupported,      // a pack of a schema version this build does not read
    corrupt,          // the file fails integrity checks or holds invalid data
    unsafe,           // the file holds something a pack must not (triggers, views, ...)
    authoring,        // a mistake in a pack's source files
    bad_key,          // a public or secret key file that cannot be used
    bad_signature,    // a signature file that cannot be parsed
    untrusted,        // signed by a key that is not trusted
    tampered,         // the signature does not match the file
    invalid_argument, // a caller passed something unusable
    not_newer,        // a pack not newer than the installed one of its id (or that very pack)
    other_pack,       // a pack of another id than the one installed (the operator may force it)
    too_large,        // a file over its size limit
    no_space,         // not enough free space on the kiosk
    cancelled,        // stopped on request (the kiosk closing); a stick pulled mid-copy is io
    busy,             // someone else holds what is needed (another install of the store)
    unavailable,      // something the kiosk needs is missing (a display, GL ES 3.0, a font)
    floor_unknown,    // the record of the newest versions installed is damaged or gone: installs
                      // wait until the operator confirms (never guess a lower floor)
};

const char* to_string(ErrorCode code);

struct Error {
    ErrorCode code;
    std::string message; // one line, says what is wrong and where
};

template <typename T>
class Expected {
public:
    Expected(T value) : state_(std::move(value)) {}
    Expected(Error error) : state_(std::move(error)) {}

    bool has_value() const { return state_.index() == 0; }
    explicit operator bool() const { return has_value(); }

    T& value() & { return std::get<0>(state_); }
    const T& value() const& { return std::get<0>(state_); }
    T&& value() && { return std::get<0>(std::move(state_)); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

    const Error& error() const { return std::get<1>(state_); }

private:
    std::variant<T, Error> state_;
};

// For operations that return nothing but may fail.
struct Done {};
using Status = Expected<Done>;
inline Status ok() { return Done{}; }

inline Error make_error(ErrorCode code, std::string message) {
    return Error{code, std::move(message)};
}

} // namespace pavilion::core
