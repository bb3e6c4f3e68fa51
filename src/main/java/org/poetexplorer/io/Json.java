package org.poetexplorer.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The JSON reader and writer of our files and outputs. NaN and Infinity are read as numbers so
 * that a field holding one is refused by name rather than as a syntax error; anything after the
 * one top-level value is refused.
 */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();
    private static final ObjectWriter ONE_LINE = MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    /** An empty object to fill and {@link #write}. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Indented, with a line break at the end. */
    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** On one line, for files that put one item on each line. */
    static String oneLine(JsonNode node) {
        try {
            return ONE_LINE.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /**
     * The text of a JSON input file, which must be a regular file of at most
     * {@link InputLimits#MAX_JSON_BYTES} in UTF-8.
     *
     * @throws InputException naming the file and why it cannot be read (for bad UTF-8, the byte offset)
     */
    static String readText(Path file) throws InputException {
        String source = file.toString();
        InputLimits.requireFile(file);
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            size = 0;
        }
        if (size > InputLimits.MAX_JSON_BYTES) {
            throw new InputException(source, "", "the file is " + InputLimits.mib(size) + ", more than the limit of "
                    + InputLimits.mib(InputLimits.MAX_JSON_BYTES) + " for a JSON file");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) InputLimits.MAX_JSON_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new InputException(source, "", "no such file");
        } catch (IOException e) {
            throw new InputException(source, "", "cannot be read (" + e.getMessage() + ")", e);
        }
        if (bytes.length > InputLimits.MAX_JSON_BYTES) {
            // it grew since its size was read
            throw new InputException(source, "", "the file is over " + InputLimits.mib(InputLimits.MAX_JSON_BYTES)
                    + ", more than the limit for a JSON file");
        }
        return utf8(bytes, source);
    }

    /** {@code bytes} as UTF-8 text; a byte that is not UTF-8 is refused with its offset. */
    static String utf8(byte[] bytes, String source) throws InputException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = decoder.decode(in, out, true);
        if (!r.isError()) {
            r = decoder.flush(out);
        }
        if (r.isError()) {
            int at = in.position();
            throw new InputException(source, "", String.format(Locale.ROOT,
                    "not UTF-8 text: byte 0x%02X at byte offset %d (counted from 0) does not belong there",
                    bytes[Math.min(at, bytes.length - 1)] & 0xff, at));
        }
        return out.flip().toString();
    }

    /**
     * A file the application carries on its class path, as text. Its absence is a fault of the
     * build, not of the user's input.
     */
    static String readResource(String resource) {
        try (InputStream in = Json.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource + " from the application", e);
        }
    }

    /**
     * Parses {@code text}, which must be one JSON object.
     *
     * @param expected what the object holds, for the message when it is not one ("a \"nodes\" array")
     * @throws InputException naming {@code source} and where the JSON breaks off or goes wrong
     */
    static JsonNode parseObject(String text, String source, String expected) throws InputException {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonEOFException e) {
            throw new InputException(source, "", "truncated: the file ends in the middle of the JSON (line "
                    + e.getLocation().getLineNr() + ")", e);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            if (e instanceof MismatchedInputException && e.getOriginalMessage().startsWith("Trailing token")) {
                throw new InputException(source, "", "more after the JSON object" + where + " (a file holds one object)",
                        e);
            }
            throw new InputException(source, "", "not valid JSON: " + e.getOriginalMessage() + where, e);
        }
        if (root == null || root.isMissingNode()) {
            throw new InputException(source, "", "empty file (expected a JSON object with " + expected + ")");
        }
        if (!root.isObject()) {
            throw new InputException(source, "", "must be a JSON object with " + expected + " (was "
                    + JsonFields.shortText(root) + ")");
        }
        return root;
    }

    /** Our own JSON text, read back as a tree (to embed one file's object in another). */
    static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("cannot re-read our own JSON", e);
        }
    }
}
