#pragma once
// The steps of PackInstaller::install, each in its own file, internal to the content library.

#include "file_system_io.hpp"
#include "pavilion/content/pack_installer.hpp"
#include "pavilion/content/version_floor.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pavilion::content::install_steps {

// The candidate's files, opened without following links, and how they are named in messages.
struct SourceFiles {
    fsio::ScopedFd folder;
    fsio::ScopedFd pack;
    std::uint64_t size = 0;
    std::string pack_label;      // "PAVILION/expo.pack": short, and says where to look
    std::string signature_label; // "PAVILION/expo.pack.minisig"
};

// How a file of the candidate is named in messages: its folder's last component and its name.
std::string label(const std::string& folder, const std::string& name);

// Step a (pack_installer_source.cpp): plain names, a regular file, the size limit.
Status check_names(const Candidate& candidate);
// Fills `source`; its folder is open even when the pack file is then refused (for the report).
Status open_source(FileSystem& fs, const Candidate& candidate, const InstallOptions& options,
                   SourceFiles& source);
// Room for the copy on the state file system, plus the margin.
Status check_space(FileSystem& fs, const std::string& staging_dir, const SourceFiles& source,
                   const InstallOptions& options);
// Step b, first half: the .minisig's text, size-capped.
Expected<std::string> read_signature(FileSystem& fs, const SourceFiles& source,
                                     const Candidate& candidate, const InstallOptions& options);

// Step b, second half (pack_installer_claim.cpp). The trusted comment as it stands in the
// signature file, before the signature is checked: used only to refuse early (before copying
// gigabytes); step d checks that the verified comment is this very text.
std::optional<std::string> unverified_trusted_comment(std::string_view signature_text);
// What a claim is checked against: the floor, the pack built in, the pack installed now.
struct Installed {
    VersionFloor floor;
    std::optional<PackIdentity> built_in;
    std::optional<PackIdentity> current; // nullopt: the built-in pack shows
};
// A trusted comment signed by a trusted key (its global signature checked: a forged claim costs
// nothing), and a claim this kiosk accepts. All of it before a byte of the pack is copied.
Expected<PackClaim> check_signature_and_claim(const std::string& signature_text,
                                              const TrustedKeys& trusted,
                                              const SourceFiles& source,
                                              const Candidate& candidate,
                                              const Installed& installed, bool force);

// Step c (pack_installer_copy.cpp): copies the open pack to `staged_path`, hashing what it
// writes, then fsyncs. Returns the BLAKE2b-512 of the private copy.
Expected<minisign::FileHash> copy_to_staging(FileSystem& fs, const SourceFiles& source,
                                             const std::string& staged_path,
                                             const InstallOptions& options);
Status write_staged_signature(FileSystem& fs, const std::string& path, const std::string& text);

// The report beside the candidate (pack_installer_report.cpp). Never fails the install.
struct ReportFacts {
    std::string pack_name;
    std::string outcome;   // "ok: ..." or "refused: <the error message>"
    std::string installed; // what the kiosk shows after the attempt
};
std::string report_text(const ReportFacts& facts);
// Writes <pack>.report.txt through folder_fd, never through a symlink; false if it could not.
bool write_report(FileSystem& fs, int folder_fd, const std::string& pack_name,
                  const std::string& text);

} // namespace pavilion::content::install_steps
