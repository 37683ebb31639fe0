package dev.paperstream.devstack.property;

import java.util.SplittableRandom;

/**
 * Random text of the kinds that have broken text scanners: characters from every plane, combining marks,
 * right-to-left scripts and overrides, NUL and other controls, lone surrogates, and long runs of dots, brackets,
 * digits or one word, mixed with fragments of URLs, model names and topic phrases so the scanners' rarer paths run.
 */
public final class HostileText {

    /** Inputs up to this size; most are short, a few reach it, so each property sees several 100 kB texts. */
    public static final int MAX_LENGTH = 100_000;

    private static final String[] FRAGMENTS = {
            "http://", "https://", "HTTPS://", "hTtP://", "://", "www.", "github.com/", "GitHub.com/", "huggingface.co/",
            "hf.co/datasets/", "arxiv.org/abs/", "arxiv.org/pdf/2403.01234v2.pdf", ".github.io", ".hf.space", ",https://",
            ";http://", "javascript:", "javascript://", "data:text/html,", "file:///", "file://", "mailto:", "ftp://",
            "@", "\\url{", ":443", ":80", ":", "/", "?", "#", "(", ")", "[", "]", "{", "}", ".", "-", "_", ",", ";", "'",
            "\"", "<", ">", "`", "|", "\u201c", "\u2019", "İ", "Überblick", "Étude", "以", "é", "été", "x.", "2024.",
            "model.", " -.", "e.g.", "Node.js", "llama", "Llama-2", "LLaMA", "llama 1", " it", "-chat", " Instruct", " 7B",
            "-8x7b", "v2", "4o", "3.5", ".5", "GPT-", "gpt", " billion", " million", "MT-Bench", "GSM8K", "CLIP", "MATH",
            "Arena-Hard", "stable diffusion", "tülu", "TÜLU", "lora", "LoRA", "low rank adaptation", "RLHF", "unlike",
            "without", "-free", "benchmark", "pruning", " ", "  ", "\n", "\t", "\u00a0", "\u2028", "\u0085", "\ufeff",
            "\u200b", "\u202e", "\u200f", "\u0000", "\ud800", "\udfff", "\ud83e\udd99", "\ud835\udc00"};

    private static final String[] RUN_UNITS = {
            ".a", ")", "(", "]", "[", "1", "9", ".", "a", "A", "é", " it", "-", "x.", "a.", "/", ":", "://", "http://",
            ",https://a", "-chat", "llama ", "lora ", ".É", "ab", "\u0301", "\ud800", "\u0000", " "};

    private HostileText() {
    }

    public static String generate(SplittableRandom random) {
        int roll = random.nextInt(100);
        int length = roll < 70 ? random.nextInt(257) : roll < 95 ? random.nextInt(10_001) : random.nextInt(MAX_LENGTH + 1);
        StringBuilder text = new StringBuilder(length + 32);
        while (text.length() < length) {
            append(text, random, length - text.length());
        }
        text.setLength(length);
        return text.toString();
    }

    /** Up to {@code maxLength} UTF-16 units of any value, lone surrogates and noncharacters included. */
    public static String anyChars(SplittableRandom random, int maxLength) {
        char[] units = new char[random.nextInt(maxLength + 1)];
        for (int i = 0; i < units.length; i++) {
            units[i] = (char) random.nextInt(Character.MAX_VALUE + 1);
        }
        return new String(units);
    }

    /** Up to {@code maxCount} code points from every plane, surrogate code points included. */
    public static String anyCodePoints(SplittableRandom random, int maxCount) {
        StringBuilder text = new StringBuilder();
        for (int count = random.nextInt(maxCount + 1); count > 0; count--) {
            text.appendCodePoint(random.nextInt(Character.MAX_CODE_POINT + 1));
        }
        return text.toString();
    }

    private static void append(StringBuilder text, SplittableRandom random, int room) {
        switch (random.nextInt(12)) {
            case 0 -> text.appendCodePoint(random.nextInt(Character.MAX_CODE_POINT + 1));
            case 1 -> text.append((char) (0x0300 + random.nextInt(0x70)));
            case 2 -> text.append((char) (random.nextBoolean() ? 0x05D0 + random.nextInt(27) : 0x0627 + random.nextInt(36)));
            case 3 -> text.append((char) random.nextInt(0x20));
            case 4 -> text.append((char) (0xD800 + random.nextInt(0x800)));
            case 5 -> {
                String unit = RUN_UNITS[random.nextInt(RUN_UNITS.length)];
                text.append(unit.repeat(1 + random.nextInt(Math.max(1, room / unit.length()))));
            }
            case 6 -> text.append((char) ('a' + random.nextInt(26)));
            case 7 -> text.append((char) ('0' + random.nextInt(10)));
            default -> text.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
        }
    }
}
