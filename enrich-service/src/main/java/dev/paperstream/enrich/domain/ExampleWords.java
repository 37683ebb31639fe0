package dev.paperstream.enrich.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The distinctive words of a topic's example papers: every word of three or more ASCII letters or digits that is
 * not one of the {@link CommonWords}, weighted by the share of the examples that use it, so words the examples have
 * in common make up most of the topic's profile.
 */
final class ExampleWords {

    record Word(String word, double weight, int[] examples) {
    }

    private ExampleWords() {
    }

    static List<Word> of(List<TopicExample> examples) {
        Map<String, List<Integer>> users = new LinkedHashMap<>();
        for (int e = 0; e < examples.size(); e++) {
            for (String word : words(examples.get(e))) {
                users.computeIfAbsent(word, w -> new ArrayList<>()).add(e);
            }
        }
        List<Word> out = new ArrayList<>();
        users.forEach((word, list) -> out.add(new Word(word, list.size() / (double) examples.size(),
                list.stream().mapToInt(Integer::intValue).toArray())));
        return out;
    }

    /** How many distinctive words each example has. */
    static int[] sizes(List<TopicExample> examples) {
        return examples.stream().mapToInt(e -> words(e).size()).toArray();
    }

    private static Set<String> words(TopicExample example) {
        Set<String> words = new TreeSet<>();
        for (String text : List.of(example.title(), example.abstractText())) {
            TextTokens tokens = TextTokens.of(text);
            for (int i = 0; i < tokens.size(); i++) {
                String word = tokens.text().substring(tokens.start(i), tokens.end(i)).toLowerCase(Locale.ROOT);
                if (word.length() >= 3 && word.chars().allMatch(c -> c < 128) && !CommonWords.isCommon(word)
                        && !word.chars().allMatch(Character::isDigit)) {
                    words.add(word);
                }
            }
        }
        return words;
    }
}
