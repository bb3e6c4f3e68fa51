package org.poetexplorer.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The JSON reader and writer of our files. NaN and Infinity are read as numbers so that a
 * field holding one is refused by name rather than as a syntax error.
 */
final class Json {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private Json() {
    }

    static String readText(Path file) throws InputException {
        String source = file.toString();
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new InputException(source, "", "no such file");
        } catch (IOException e) {
            throw new InputException(source, "", "cannot be read (" + e.getMessage() + ")", e);
        }
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

    /** Parses {@code text}, which must be one JSON object. */
    static JsonNode parseObject(String text, String source, String expected) throws InputException {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new InputException(source, "", "not valid JSON: " + e.getOriginalMessage() + where, e);
        }
        if (root == null || !root.isObject()) {
            throw new InputException(source, "", "must be a JSON object with " + expected);
        }
        return root;
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
