#pragma once
// Text for synthetic stories in English and Simplified Chinese, composed from small phrase tables
// in the vocabulary of the default pack (railways, wind farms, training centres, corridors...).
// Every phrase exists in both languages, so the two texts of a story say the same thing, and
// the Chinese characters come from a fixed set: a font atlas sized for a real pack fits them.

#include "synth_random.hpp"

#include <string>
#include <vector>

namespace pavilion::content::synth {

struct Bilingual {
    std::string en;
    std::string zh;
};

struct City {
    Bilingual name;
    double lon = 0;
    double lat = 0;
    const char* region = ""; // one of region_ids()
};

// The facets a synthetic pack defines, with their names (ids are AUTHORING.md ids).
struct Facet {
    const char* id;
    Bilingual name;
};
const std::vector<Facet>& themes();
const std::vector<Facet>& regions();
const std::vector<City>& cities();

// One story's texts, in both languages.
struct StoryText {
    std::string theme; // the id of the theme its kind of project belongs to
    Bilingual title;
    Bilingual summary;
    std::vector<Bilingual> key_points; // 3 or 4
    std::vector<Bilingual> body;       // Markdown blocks, one per entry (paragraph, heading, bullets)
};

// number: the story's position in the pack, shown in its title so stories are told apart.
StoryText compose_story(Random& random, const City& city, int number);

// A sentence or two about a theme, for the initiatives of a synthetic pack.
StoryText compose_initiative(Random& random, const Facet& theme);

} // namespace pavilion::content::synth
