package dev.paperstream.ingest.domain;

/** Reads one digest format. Implementations are pure: no I/O beyond the bytes they are given. */
public interface DigestParser {

    /**
     * @throws InvalidDigestException when the body is not a readable digest of this format or holds no entry
     */
    ParsedDigest parse(byte[] body);
}
