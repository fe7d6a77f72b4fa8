#include "pavilion/content/model.hpp"

namespace pavilion::content {

const char* to_string(ItemKind kind) {
    return kind == ItemKind::story ? "story" : "initiative";
}

const Item* Catalog::find_item(const std::string& ref) const {
    for (const auto* list : {&initiatives, &stories}) {
        for (const auto& item : *list) {
            if (item.ref == ref) return &item;
        }
    }
    return nullptr;
}

const Source* Catalog::find_source(const std::string& id) const {
    for (const auto& source : sources) {
        if (source.id == id) return &source;
    }
    return nullptr;
}

} // namespace pavilion::content
