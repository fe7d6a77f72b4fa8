// The content pack: opening it (start-up and every pack switch), searching it, reading a
// story's picture, checking its signature (every USB install) and decoding pictures (what the
// workers do before a picture can show). The file is in the page cache after the first run, so
// these are CPU figures, not disk figures.

#include "benchmarks.hpp"

#include "pavilion/content/image_codec.hpp"
#include "pavilion/content/minisign.hpp"
#include "pavilion/content/pack_claim.hpp"

#include <benchmark/benchmark.h>

#include <string>

namespace pavilion::bench {
namespace {

// PackReader::open: SQLite's defensive open, quick_check over every page, the schema check and
// the whole catalog read and cross-checked.
void pack_open(benchmark::State& state, const BenchInputs& inputs) {
    for (auto _ : state) {
        auto pack = content::PackReader::open(inputs.pack_path);
        if (!pack) {
            state.SkipWithError(pack.error().message.c_str());
            break;
        }
        benchmark::DoNotOptimize(pack->catalog().stories.data());
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * inputs.pack_bytes.size()));
}

// PackReader::search in one locale. Queries of three characters or more use the FTS5 trigram
// index; shorter ones (two-character Chinese words are common) scan with LIKE.
void pack_search(benchmark::State& state, const BenchInputs& inputs, std::string query, std::string locale) {
    std::size_t hits = 0;
    for (auto _ : state) {
        auto found = inputs.pack.search(query, locale);
        if (!found) {
            state.SkipWithError(found.error().message.c_str());
            break;
        }
        hits = found->size();
        benchmark::DoNotOptimize(found->data());
    }
    state.counters["hits"] = static_cast<double>(hits);
    if (hits == 0) state.SkipWithError("the query found nothing: it would not measure a real search");
}

// One story picture's encoded bytes out of the pack, as the texture cache's workers read them.
void media_bytes(benchmark::State& state, const BenchInputs& inputs, content::ImageVariant variant) {
    std::size_t size = 0;
    for (auto _ : state) {
        auto bytes = inputs.pack.image_bytes(inputs.story->image, variant);
        if (!bytes) {
            state.SkipWithError(bytes.error().message.c_str());
            break;
        }
        size = bytes->size();
        benchmark::DoNotOptimize(bytes->data());
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * size));
}

// A signed pack, signed in setup with a fresh key as `pavilion-pack sign` does it.
struct SignedPack {
    content::minisign::PublicKey key;
    content::minisign::FileHash hash{};
    std::string signature;
};

core::Expected<SignedPack> sign_pack(const BenchInputs& inputs) {
    namespace ms = content::minisign;
    auto keys = ms::generate_key_pair();
    if (!keys) return keys.error();
    auto secret = ms::parse_secret_key(keys->secret_key_file);
    auto key = ms::parse_public_key(keys->public_key_file);
    if (!secret || !key) return core::make_error(core::ErrorCode::bad_key, "the generated key pair does not parse");
    SignedPack out;
    out.key = *key;
    out.hash = ms::hash_bytes(inputs.pack_bytes.data(), inputs.pack_bytes.size());
    const auto& meta = inputs.pack.catalog().meta;
    const content::PackClaim claim{meta.id, meta.version, content::kPackFormatVersion, "default.pack"};
    auto signature = ms::sign(*secret, out.hash, content::format_pack_claim(claim));
    if (!signature) return signature.error();
    out.signature = std::move(signature).value();
    return out;
}

// What an install checks before SQLite sees the file: the BLAKE2b-512 of the whole pack, the
// Ed25519 signatures over it and over the trusted comment, and the claim in that comment
// (with_hash); or all but the hash.
void minisign_verify(benchmark::State& state, const BenchInputs& inputs, bool with_hash) {
    namespace ms = content::minisign;
    const auto made = sign_pack(inputs);
    if (!made) {
        state.SkipWithError(made.error().message.c_str());
        return;
    }
    const SignedPack& signed_pack = *made;
    const std::vector<ms::PublicKey> trusted{signed_pack.key};
    for (auto _ : state) {
        const auto hash = with_hash ? ms::hash_bytes(inputs.pack_bytes.data(), inputs.pack_bytes.size())
                                    : signed_pack.hash;
        auto verified = ms::verify(trusted, signed_pack.signature, hash);
        if (!verified) {
            state.SkipWithError(verified.error().message.c_str());
            break;
        }
        auto claim = content::parse_pack_claim(verified->trusted_comment);
        if (!claim) {
            state.SkipWithError(claim.error().message.c_str());
            break;
        }
        benchmark::DoNotOptimize(claim->version);
    }
    if (with_hash) state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * inputs.pack_bytes.size()));
}

// A picture decoded to RGBA for upload, as the texture cache's workers do (items are pixels).
void image_decode(benchmark::State& state, const std::vector<std::uint8_t>& encoded) {
    int width = 0, height = 0;
    for (auto _ : state) {
        auto pixels = content::decode_image(encoded.data(), encoded.size(), 4);
        if (!pixels) {
            state.SkipWithError(pixels.error().message.c_str());
            break;
        }
        width = pixels->width;
        height = pixels->height;
        benchmark::DoNotOptimize(pixels->data.data());
    }
    state.SetItemsProcessed(state.iterations() * width * height);
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * encoded.size()));
    state.counters["width"] = width;
    state.counters["height"] = height;
}

} // namespace

void register_pack_benchmarks(const BenchInputs& inputs) {
    const BenchInputs* in = &inputs;
    benchmark::RegisterBenchmark("PackOpen", [in](benchmark::State& state) { pack_open(state, *in); })
        ->Unit(benchmark::kMillisecond);
    struct Query {
        const char* name;
        const char* text;
        const char* locale;
    };
    for (const Query& q : {Query{"en/railway", "railway", "en"},
                           Query{"zh/tielu_2chars_like", "铁路", "zh"},
                           Query{"zh/zhonglao_tielu_4chars_fts", "中老铁路", "zh"}}) {
        benchmark::RegisterBenchmark((std::string("PackSearch/") + q.name).c_str(),
                                     [in, q](benchmark::State& state) { pack_search(state, *in, q.text, q.locale); });
    }
    benchmark::RegisterBenchmark("MediaBytes/hero", [in](benchmark::State& state) {
        media_bytes(state, *in, content::ImageVariant::full);
    });
    benchmark::RegisterBenchmark("MediaBytes/thumbnail", [in](benchmark::State& state) {
        media_bytes(state, *in, content::ImageVariant::thumbnail);
    });
    benchmark::RegisterBenchmark("MinisignVerify/hash_and_signature", [in](benchmark::State& state) {
        minisign_verify(state, *in, true);
    })->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("MinisignVerify/signature_only", [in](benchmark::State& state) {
        minisign_verify(state, *in, false);
    });
    benchmark::RegisterBenchmark("ImageDecode/thumbnail", [in](benchmark::State& state) {
        image_decode(state, in->thumbnail_bytes);
    });
    benchmark::RegisterBenchmark("ImageDecode/hero", [in](benchmark::State& state) { image_decode(state, in->hero_bytes); })
        ->Unit(benchmark::kMillisecond);
}

} // namespace pavilion::bench
